package org.ronghe.calls.metrics;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.ronghe.calls.CallScope;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.directive.Directives;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.PageQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The call figures: counts and the four rates over everything in the caller's scope, each linking to its calls. */
@Component
@Order(20)
class CallFigures implements FigureSource {

    private final CallQueries queries;
    private final CallMetrics metrics;
    private final CallScopes scopes;
    private final Directives directives;

    CallFigures(CallQueries queries, CallMetrics metrics, CallScopes scopes, Directives directives) {
        this.queries = queries;
        this.metrics = metrics;
        this.scopes = scopes;
        this.directives = directives;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        CallScope scope = scopes.of(user);
        CallQueries.Filter none = CallQueries.Filter.none();
        CallMetrics.MetricRow rates = metrics.total(scope, null, null);
        CallMetrics.CallCounts counts = metrics.callCounts(scope).orElseGet(() -> counted(scope));
        return List.of(
                new Figure("calls", counts.raised(), "/calls"),
                new Figure("callsOpen", counts.open(), "/calls?open=true"),
                new Figure("callsOverdue", queries.count(scope, none.withOverdue()), "/calls?overdue=true"),
                new Figure("directives", directives.page(user, new PageQuery(1, 1)).total(), "/directives"),
                new Figure("responseRate", rates.responseRate(), "/calls/metrics"),
                new Figure("resolutionRate", rates.resolutionRate(), "/calls/metrics"),
                new Figure("satisfactionRate", rates.satisfactionRate(), "/calls/metrics"),
                new Figure("onTimeRate", rates.onTimeRate(), "/calls/metrics"));
    }

    private CallMetrics.CallCounts counted(CallScope scope) {
        if (scope.onlyOneOrgan()) {
            CallQueries.Counts organ = queries.organCounts(scope.organs().iterator().next());
            return new CallMetrics.CallCounts(organ.calls(), organ.open());
        }
        CallQueries.Filter none = CallQueries.Filter.none();
        return new CallMetrics.CallCounts(queries.count(scope, none), queries.count(scope, none.withOpen()));
    }
}
