package org.ronghe.visits.service;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Members checked in (a confirmed check-in) and confirmed hours of service in the reader's scope, each
 * counted by the very query of the list it links to.
 */
@Component
@Order(30)
class ServiceFigures implements FigureSource {

    private final ServiceQueries queries;
    private final ServiceDesk desk;

    ServiceFigures(ServiceQueries queries, ServiceDesk desk) {
        this.queries = queries;
        this.desk = desk;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        ServiceScope scope = desk.scopeOf(user);
        var checkedIn = new ServiceQueries.CheckInFilter(CheckIn.State.CONFIRMED, null, null, null);
        var confirmed = new ServiceQueries.LogFilter(ServiceLog.State.CONFIRMED, null, null, null, null, null);
        return List.of(
                new Figure("checkedInMembers", queries.countCheckIns(scope, checkedIn), "/service/checkins?state=CONFIRMED"),
                new Figure("serviceHours", queries.logTotals(scope, confirmed).hours(), "/service/logs?state=CONFIRMED"));
    }
}
