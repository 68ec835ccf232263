package org.ronghe.insight.dashboard;

import org.ronghe.calls.CallBoard;
import org.ronghe.platform.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The dashboard's data: the panels of {@code /dashboard} and the wall screen load from here, within the reader's scope. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "指挥看板：今日诉求、超时诉求、社区分布、考核排名、趋势，每项链接到其记录")
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/today")
    @Operation(summary = "今日诉求：今日提出（按状态、紧急）、今日答复、当前超时，按数据范围统计")
    CallBoard.Today today(CurrentUser user) {
        return dashboard.today(user);
    }

    @GetMapping("/overdue-by-organ")
    @Operation(summary = "各单位当前超时诉求数（最多的在前，limit 默认 15），每项链接到该单位的超时诉求列表")
    Dashboard.OverdueByOrgan overdueByOrgan(CurrentUser user, @RequestParam(required = false) Integer limit) {
        return dashboard.overdueByOrgan(user, limit);
    }

    @GetMapping("/communities")
    @Operation(summary = "社区分布：measure=openCalls 未关闭诉求数，visitCoverage 走访覆盖率（%），含经纬度")
    Dashboard.Communities communities(CurrentUser user, @RequestParam(required = false) String measure) {
        return dashboard.communities(user, measure);
    }

    @GetMapping("/rankings")
    @Operation(summary = "年度考核排名（机关，优者在前），每项链接到得分说明；该年无考核结果时 available=false")
    Dashboard.Rankings rankings(CurrentUser user, @RequestParam(required = false) Integer year) {
        return dashboard.rankings(user, year);
    }

    @GetMapping("/trends")
    @Operation(summary = "趋势：近 days 天（默认 30）每日提出与办结的诉求，year 年每月走访与会议")
    Dashboard.Trends trends(CurrentUser user, @RequestParam(required = false) Integer days,
                            @RequestParam(required = false) Integer year) {
        return dashboard.trends(user, days, year);
    }
}
