package org.ronghe.partylife;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Meetings recorded in the reader's scope (the meetings list counts them with the same query) and the share of
 * this year's due meetings held with quorum (the compliance page computes it with the same code).
 */
@Component
@Order(55)
class MeetingFigures implements FigureSource {

    private final MeetingDesk desk;
    private final Meetings meetings;
    private final ComplianceBook book;

    MeetingFigures(MeetingDesk desk, Meetings meetings, ComplianceBook book) {
        this.desk = desk;
        this.meetings = meetings;
        this.book = book;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        PartyLifeScope scope = desk.scopeOf(user);
        return List.of(
                new Figure("meetings", meetings.count(scope, Meetings.Filter.none()), "/meetings"),
                new Figure("meetingCompliance", book.rollup(scope, null, null).rate(), "/compliance", true),
                new Figure("firstItemStudies", meetings.count(scope, new Meetings.Filter(null, null, null, null, true)),
                        "/meetings?firstItemStudy=true"),
                new Figure("decisions", meetings.countDecisions(scope, new Meetings.DecisionFilter(null, null)), "/meetings/decisions"),
                new Figure("decisionsDelivered", meetings.countDecisions(scope, new Meetings.DecisionFilter(null, true)),
                        "/meetings/decisions?delivered=true"));
    }
}
