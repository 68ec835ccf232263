package org.ronghe.insight.dashboard;

import org.ronghe.calls.CallBoard;
import org.ronghe.platform.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same answers as {@link DashboardApi}, for the signed-in pages: the API takes bearer tokens only (stateless, no
 * CSRF), so the dashboard's scripts read these with the page session, as the visit map reads {@code /visits/map.json}.
 */
@RestController
@RequestMapping("/dashboard/data")
class DashboardData {

    private final Dashboard dashboard;

    DashboardData(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/today")
    CallBoard.Today today(CurrentUser user) {
        return dashboard.today(user);
    }

    @GetMapping("/overdue-by-organ")
    Dashboard.OverdueByOrgan overdueByOrgan(CurrentUser user, @RequestParam(required = false) Integer limit) {
        return dashboard.overdueByOrgan(user, limit);
    }

    @GetMapping("/communities")
    Dashboard.Communities communities(CurrentUser user, @RequestParam(required = false) String measure) {
        return dashboard.communities(user, measure);
    }

    @GetMapping("/rankings")
    Dashboard.Rankings rankings(CurrentUser user, @RequestParam(required = false) Integer year) {
        return dashboard.rankings(user, year);
    }

    @GetMapping("/trends")
    Dashboard.Trends trends(CurrentUser user, @RequestParam(required = false) Integer days, @RequestParam(required = false) Integer year) {
        return dashboard.trends(user, days, year);
    }
}
