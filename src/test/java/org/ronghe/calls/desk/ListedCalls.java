package org.ronghe.calls.desk;

import java.util.List;

import org.ronghe.calls.CallScope;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids a call list shows: the list's own rows, scope and filter predicate ({@link CallQueries#selection}),
 * without its column list. The tests use it while {@code GET /api/v1/calls} fails (see
 * CallListTests).
 */
public final class ListedCalls {

    private ListedCalls() {
    }

    public static List<Long> ids(CallQueries queries, JdbcClient jdbc, CallScope scope, CallQueries.Filter filter) {
        CallQueries.Selection selection = queries.selection(scope, filter);
        SqlWhere where = selection.where();
        return jdbc.sql("SELECT c.id" + selection.from() + where.sql() + " ORDER BY c.id")
                .paramSource(where.params()).query(Long.class).list();
    }
}
