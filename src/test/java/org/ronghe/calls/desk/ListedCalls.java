package org.ronghe.calls.desk;

import java.util.List;

import org.ronghe.calls.CallScope;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids a call list shows: the list's own scope and filter predicate ({@link CallQueries#where}) over
 * the same joins, without its column list. The tests use it while {@code GET /api/v1/calls} fails (see
 * CallListTests).
 */
public final class ListedCalls {

    private ListedCalls() {
    }

    public static List<Long> ids(CallQueries queries, JdbcClient jdbc, CallScope scope, CallQueries.Filter filter) {
        SqlWhere where = queries.where(scope, filter);
        return jdbc.sql("""
                        SELECT c.id FROM call c
                        JOIN category k ON k.code = c.category_code
                        JOIN community m ON m.id = c.community_id
                        JOIN street s ON s.id = c.street_id
                        LEFT JOIN organ o ON o.id = c.lead_organ_id""" + " " + where.sql() + " ORDER BY c.id")
                .paramSource(where.params()).query(Long.class).list();
    }
}
