package org.ronghe.visits;

import java.util.Map;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.Role;
import org.ronghe.platform.SqlWhere.SqlClause;

/**
 * What of households and visits one person may see. A member sees the households assigned to them and
 * their own visits, not the whole community they live in; a leader their liaison streets and own visits;
 * an organ's secretary its paired communities and its members' visits wherever they went; the territory's
 * staff their territory; the committee everything.
 *
 * @param member the person's member id when they are a member
 * @param leader the person's leader id when they are a district leader
 */
public record VisitScope(DataScope scope, Role role, Long member, Long leader) {

    public boolean all() {
        return scope.all();
    }

    /** Households, by the household table's alias. */
    public SqlClause households(String alias) {
        if (role == Role.MEMBER) {
            return member == null ? SqlClause.FALSE : new SqlClause("(" + alias + ".id IN (SELECT a.household_id FROM visit_assignment a"
                    + " WHERE a.member_id = :scope_me) OR " + alias + ".id IN (SELECT v.household_id FROM visit v WHERE v.member_id = :scope_me))",
                    Map.of("scope_me", member));
        }
        return switch (role) {
            // Households their people visited stay visible wherever they are.
            case ORGAN_SECRETARY, LEADER -> or(scope.communities(alias + ".community_id"), visited(alias));
            default -> scope.communities(alias + ".community_id");
        };
    }

    /**
     * The households a person may go and visit, for the search of the visit form: a member's assignments and the
     * households of the communities paired with their organ, a leader's liaison streets; others as they see them.
     */
    public SqlClause visitable(String alias) {
        if (role == Role.MEMBER && member != null) {
            return or(households(alias), new SqlClause(alias + ".community_id IN (SELECT vp.community_id FROM pairing vp JOIN member vm"
                    + " ON vm.organ_id = vp.organ_id WHERE vm.id = :scope_me AND vp.ended_on IS NULL)", Map.of("scope_me", member)));
        }
        return households(alias);
    }

    private SqlClause visited(String alias) {
        SqlClause visits = visits("sv");
        if (visits == SqlClause.FALSE) {
            return visits;
        }
        return new SqlClause(alias + ".id IN (SELECT sv.household_id FROM visit sv WHERE " + visits.sql() + ")", visits.params());
    }

    /** Visits, problems and tallies: any table with community_id, member_id, leader_id and organ_id columns. */
    public SqlClause visits(String alias) {
        if (scope.all()) {
            return SqlClause.TRUE;
        }
        return switch (role) {
            case MEMBER -> member == null ? SqlClause.FALSE : new SqlClause(alias + ".member_id = :scope_me", Map.of("scope_me", member));
            case LEADER -> or(scope.communities(alias + ".community_id"), leader == null ? SqlClause.FALSE
                    : new SqlClause(alias + ".leader_id = :scope_me", Map.of("scope_me", leader)));
            case ORGAN_SECRETARY -> or(scope.communities(alias + ".community_id"), scope.organs(alias + ".organ_id"));
            default -> scope.communities(alias + ".community_id");
        };
    }

    /** Whether the household's phone is shown unmasked: to its community's staff, and to whoever is assigned to visit it. */
    public boolean seesPhone(long communityId, boolean assignedToMe) {
        return (role == Role.COMMUNITY_STAFF && scope.seesCommunity(communityId)) || assignedToMe;
    }

    /** Who may record households and import them: the committee, and a community's staff for their own community. */
    public boolean keepsHouseholdsOf(long communityId) {
        return role == Role.COMMITTEE_ADMIN || (role == Role.COMMUNITY_STAFF && scope.seesCommunity(communityId));
    }

    private static SqlClause or(SqlClause a, SqlClause b) {
        if (a == SqlClause.FALSE) {
            return b;
        }
        if (b == SqlClause.FALSE) {
            return a;
        }
        java.util.HashMap<String, Object> params = new java.util.HashMap<>(a.params());
        params.putAll(b.params());
        return new SqlClause("(" + a.sql() + " OR " + b.sql() + ")", params);
    }
}
