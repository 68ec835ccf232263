package org.ronghe.calls;

import java.util.Set;

import org.ronghe.platform.SqlWhere.SqlClause;

/**
 * Which calls a person may see: an organ the calls it handles or handled (lead, co-handler,
 * summoned), a community its own, a street or a liaising leader the calls in their streets, the
 * work committee all of them.
 *
 * @param raisedBy a member sees the calls they raised themselves
 */
public record CallScope(boolean all, Set<Long> organs, Set<Long> streets, Set<Long> communities, String raisedBy) {

    public static CallScope everything() {
        return new CallScope(true, Set.of(), Set.of(), Set.of(), null);
    }

    /** @param alias the call table's alias */
    public SqlClause sql(String alias) {
        if (all) {
            return SqlClause.TRUE;
        }
        StringBuilder sql = new StringBuilder();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (!organs.isEmpty()) {
            or(sql, "EXISTS (SELECT 1 FROM call_handler sh WHERE sh.call_id = " + alias + ".id AND sh.call_raised_at = " + alias
                    + ".raised_at AND sh.organ_id IN (:scope_org))");
            params.put("scope_org", organs);
        }
        if (!streets.isEmpty()) {
            or(sql, alias + ".street_id IN (:scope_street)");
            params.put("scope_street", streets);
        }
        if (!communities.isEmpty()) {
            or(sql, alias + ".community_id IN (:scope_comm)");
            params.put("scope_comm", communities);
        }
        if (raisedBy != null) {
            or(sql, alias + ".raised_by = :scope_raiser");
            params.put("scope_raiser", raisedBy);
        }
        return sql.isEmpty() ? SqlClause.FALSE : new SqlClause("(" + sql + ")", params);
    }

    /** The calls one organ takes or took part in, and nothing else (an organ secretary's scope). */
    public boolean onlyOneOrgan() {
        return !all && organs.size() == 1 && streets.isEmpty() && communities.isEmpty() && raisedBy == null;
    }

    public boolean sees(Call call) {
        return all || call.handlers().stream().anyMatch(h -> organs.contains(h.organId()))
                || streets.contains(call.place().streetId()) || communities.contains(call.place().communityId())
                || (raisedBy != null && raisedBy.equals(call.raiser().username()));
    }

    private static void or(StringBuilder sql, String term) {
        if (!sql.isEmpty()) {
            sql.append(" OR ");
        }
        sql.append(term);
    }
}
