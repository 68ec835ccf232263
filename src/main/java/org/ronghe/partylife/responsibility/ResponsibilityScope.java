package org.ronghe.partylife.responsibility;

import java.util.Map;
import java.util.Set;

import org.ronghe.platform.SqlWhere.SqlClause;

/**
 * Whose letters, duty items and duty reports a person sees: an organ's are visible to its secretary, to the members
 * of its party organisations and to the committee (and the system administrator), never to another organ's people
 * nor to street, community and leader accounts. Built from the party-life scope ({@code MeetingDesk.scopeOf}).
 *
 * @param all    sees every organ
 * @param organs the organs seen otherwise
 */
public record ResponsibilityScope(boolean all, Set<Long> organs) {

    public static ResponsibilityScope everything() {
        return new ResponsibilityScope(true, Set.of());
    }

    public boolean sees(long organId) {
        return all || organs.contains(organId);
    }

    /** @param column the organ id column of the row */
    public SqlClause clause(String column) {
        if (all) {
            return SqlClause.TRUE;
        }
        return organs.isEmpty() ? SqlClause.FALSE : new SqlClause(column + " IN (:rs_organs)", Map.of("rs_organs", organs));
    }
}
