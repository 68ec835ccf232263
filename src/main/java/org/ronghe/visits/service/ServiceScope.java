package org.ronghe.visits.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.SqlWhere.SqlClause;

/**
 * What part of the check-ins, items and logs one person sees, drawn from their {@link DataScope}:
 * a member their own records and their community's items; community, street staff and leaders those of
 * the communities they see; an organ secretary those of their organ's members; the committee all.
 */
public record ServiceScope(DataScope scope) {

    public boolean all() {
        return scope.all();
    }

    /** The member's own id when the person is a member. */
    public Long self() {
        return scope.self();
    }

    /** Check-ins and logs: {@code member} is the member table alias, {@code community} the record's community column. */
    public SqlClause people(String member, String community) {
        if (scope.all()) {
            return SqlClause.TRUE;
        }
        if (scope.self() != null) {
            return new SqlClause(member + ".id = :ss_self", Map.of("ss_self", scope.self()));
        }
        return anyOf(Map.of(community, scope.memberCommunities(), member + ".organ_id", scope.memberOrgans()), "ss_p");
    }

    /** Items: {@code item} is the service_item alias, {@code claimant} a member alias left-joined on its claimant. */
    public SqlClause items(String item, String claimant) {
        if (scope.all()) {
            return SqlClause.TRUE;
        }
        if (scope.self() != null) {
            SqlClause own = new SqlClause(item + ".claimed_by = :ss_self", Map.of("ss_self", scope.self()));
            SqlClause community = anyOf(Map.of(item + ".community_id", scope.communities()), "ss_i");
            return community == SqlClause.FALSE ? own : or(community, own);
        }
        return anyOf(Map.of(item + ".community_id", scope.memberCommunities(), claimant + ".organ_id", scope.memberOrgans()), "ss_i");
    }

    /** Whether a check-in or log of this member at this community is visible. */
    public boolean seesPerson(long memberId, Long organId, long communityId) {
        if (scope.all()) {
            return true;
        }
        if (scope.self() != null) {
            return scope.self() == memberId;
        }
        return scope.memberCommunities().contains(communityId) || (organId != null && scope.memberOrgans().contains(organId));
    }

    /** Whether an item of this community, claimed by this member (if any), is visible. */
    public boolean seesItem(long communityId, Long claimant, Long claimantOrgan) {
        if (scope.all()) {
            return true;
        }
        if (scope.self() != null) {
            return scope.communities().contains(communityId) || (claimant != null && claimant.equals(scope.self()));
        }
        return scope.memberCommunities().contains(communityId) || (claimantOrgan != null && scope.memberOrgans().contains(claimantOrgan));
    }

    /** Whether the person may see who a member is (name and code) next to an item. */
    public boolean seesMember(long id, Long partyOrgId, Long organId, Long communityId) {
        return scope.seesMember(id, partyOrgId, organId, communityId);
    }

    private static SqlClause or(SqlClause a, SqlClause b) {
        Map<String, Object> params = new HashMap<>(a.params());
        params.putAll(b.params());
        return new SqlClause("(" + a.sql() + " OR " + b.sql() + ")", params);
    }

    private static SqlClause anyOf(Map<String, Set<Long>> terms, String prefix) {
        List<String> sql = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Set<Long>> term : new java.util.TreeMap<>(terms).entrySet()) {
            if (!term.getValue().isEmpty()) {
                String name = prefix + i++;
                sql.add(term.getKey() + " IN (:" + name + ")");
                params.put(name, term.getValue());
            }
        }
        return sql.isEmpty() ? SqlClause.FALSE : new SqlClause("(" + String.join(" OR ", sql) + ")", params);
    }
}
