package org.ronghe.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.SqlWhere.SqlClause;

/**
 * What part of the tree one person may see. Built by {@link DataScopes} from their role and the
 * place their account is anchored to; every list query adds its predicate and every detail view
 * checks it, so a record outside the scope is either absent from a list or answered with 403.
 *
 * @param all                 sees the whole district
 * @param streets             streets visible
 * @param communities         communities visible (with their grids)
 * @param organs              organs visible (with their party organisation tree)
 * @param leaders             district leaders visible
 * @param memberOrgans        organs whose members are visible
 * @param memberPartyOrgs     party organisations whose members are visible
 * @param memberCommunities   communities whose resident members are visible
 * @param self                the person's own member record, if they are a member
 * @param personalDataAll     sees phone and ID numbers unmasked everywhere
 * @param personalDataOrgans  sees phone and ID numbers unmasked for members of these organs
 */
public record DataScope(boolean all, Set<Long> streets, Set<Long> communities, Set<Long> organs, Set<Long> leaders,
                        Set<Long> memberOrgans, Set<Long> memberPartyOrgs, Set<Long> memberCommunities, Long self,
                        boolean personalDataAll, Set<Long> personalDataOrgans) {

    public static DataScope everything(boolean personalData) {
        return new DataScope(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
                personalData, Set.of());
    }

    public static DataScope nothing() {
        return new DataScope(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
                false, Set.of());
    }

    public boolean seesStreet(long id) {
        return all || streets.contains(id);
    }

    public boolean seesCommunity(long id) {
        return all || communities.contains(id);
    }

    public boolean seesOrgan(long id) {
        return all || organs.contains(id);
    }

    public boolean seesLeader(long id) {
        return all || leaders.contains(id);
    }

    /** A party organisation is visible with its organ, its community, or as a member's own branch. */
    public boolean seesPartyOrg(long id, Long organId, Long communityId) {
        return all || memberPartyOrgs.contains(id)
                || (organId != null && organs.contains(organId))
                || (communityId != null && communities.contains(communityId));
    }

    public boolean seesMember(long id, Long partyOrgId, Long organId, Long communityId) {
        return all || (self != null && self == id)
                || (partyOrgId != null && memberPartyOrgs.contains(partyOrgId))
                || (organId != null && memberOrgans.contains(organId))
                || (communityId != null && memberCommunities.contains(communityId));
    }

    public boolean seesPersonalData(long memberId, Long organId) {
        return personalDataAll || (self != null && self == memberId)
                || (organId != null && personalDataOrgans.contains(organId));
    }

    public SqlClause streets(String idColumn) {
        return all ? SqlClause.TRUE : anyOf(Map.of(idColumn, streets), "scope_s");
    }

    public SqlClause communities(String idColumn) {
        return all ? SqlClause.TRUE : anyOf(Map.of(idColumn, communities), "scope_c");
    }

    public SqlClause organs(String idColumn) {
        return all ? SqlClause.TRUE : anyOf(Map.of(idColumn, organs), "scope_o");
    }

    public SqlClause leaders(String idColumn) {
        return all ? SqlClause.TRUE : anyOf(Map.of(idColumn, leaders), "scope_l");
    }

    /** @param alias the party_org table alias */
    public SqlClause partyOrgs(String alias) {
        if (all) {
            return SqlClause.TRUE;
        }
        Map<String, Set<Long>> terms = new java.util.LinkedHashMap<>();
        terms.put(alias + ".id", memberPartyOrgs);
        terms.put(alias + ".organ_id", organs);
        terms.put(alias + ".community_id", communities);
        return anyOf(terms, "scope_p");
    }

    /** @param alias the member table alias */
    public SqlClause members(String alias) {
        if (all) {
            return SqlClause.TRUE;
        }
        Map<String, Set<Long>> terms = new java.util.LinkedHashMap<>();
        terms.put(alias + ".party_org_id", memberPartyOrgs);
        terms.put(alias + ".organ_id", memberOrgans);
        terms.put(alias + ".community_id", memberCommunities);
        terms.put(alias + ".id", self == null ? Set.of() : Set.of(self));
        return anyOf(terms, "scope_m");
    }

    /** A pairing is visible with its organ or its community. */
    public SqlClause pairings(String organColumn, String communityColumn) {
        if (all) {
            return SqlClause.TRUE;
        }
        Map<String, Set<Long>> terms = new java.util.LinkedHashMap<>();
        terms.put(organColumn, organs);
        terms.put(communityColumn, communities);
        return anyOf(terms, "scope_pr");
    }

    private static SqlClause anyOf(Map<String, Set<Long>> terms, String prefix) {
        List<String> sql = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Set<Long>> term : terms.entrySet()) {
            if (!term.getValue().isEmpty()) {
                String name = prefix + i++;
                sql.add(term.getKey() + " IN (:" + name + ")");
                params.put(name, term.getValue());
            }
        }
        return sql.isEmpty() ? SqlClause.FALSE : new SqlClause("(" + String.join(" OR ", sql) + ")", params);
    }
}
