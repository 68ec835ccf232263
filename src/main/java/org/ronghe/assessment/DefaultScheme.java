package org.ronghe.assessment;

import static org.ronghe.assessment.Dimension.Side.BUSINESS;
import static org.ronghe.assessment.Dimension.Side.PARTY_BUILDING;
import static org.ronghe.assessment.Metric.CALL_ON_TIME_RATE;
import static org.ronghe.assessment.Metric.CALL_RESOLUTION_RATE;
import static org.ronghe.assessment.Metric.CALL_RESPONSE_RATE;
import static org.ronghe.assessment.Metric.CALL_SATISFACTION_RATE;
import static org.ronghe.assessment.Metric.COMMITMENTS_FULFILLED_RATE;
import static org.ronghe.assessment.Metric.COMMUNITY_EVALUATION;
import static org.ronghe.assessment.Metric.DECISIONS_DELIVERED_RATE;
import static org.ronghe.assessment.Metric.DISCIPLINARY_VIOLATIONS;
import static org.ronghe.assessment.Metric.DUTY_ITEMS_FULFILLED_RATE;
import static org.ronghe.assessment.Metric.FIRST_ITEM_STUDY_RATE;
import static org.ronghe.assessment.Metric.MEETING_COMPLIANCE_RATE;
import static org.ronghe.assessment.Metric.MEMBERS_GRADED_UNQUALIFIED;
import static org.ronghe.assessment.Metric.MISSED_MEETINGS;
import static org.ronghe.assessment.Metric.OVERDUE_CALLS;
import static org.ronghe.assessment.Metric.PROBLEMS_RESOLVED;
import static org.ronghe.assessment.Metric.VISIT_COVERAGE_RATE;
import static org.ronghe.assessment.Metric.VISIT_FOLLOW_UP_RATE;

import java.util.List;

/**
 * The scheme that ships: the report's five fronts of party building — 思想, 组织, 队伍, 机制, 载体 (60 points) — and
 * the business outcomes that test them (40 points, "以业务工作实际成效检验党建工作成效"), 7 points by hand with
 * evidence, and 一票否决 on disciplinary violations. Grades from 90 (好), 80 (较好), 60 (一般). A starting point for
 * the committee, which versions its own.
 */
public final class DefaultScheme {

    public static final String NAME = "机关党建工作量化考核方案";

    private DefaultScheme() {
    }

    public static Scheme of(int year) {
        return Scheme.of(year, 1, NAME, Thresholds.of("90", "80", "60"), List.of(
                Dimension.of("THOUGHT", "思想建设", PARTY_BUILDING,
                        Indicator.of("T1", "第一议题学习", "8", Rule.rate(FIRST_ITEM_STUDY_RATE, "0.6", "1")),
                        Indicator.of("T2", "意识形态工作责任制落实", "4", Rule.manual("上级党委意识形态工作专项检查结论"))),
                Dimension.of("ORGANISATION", "组织建设", PARTY_BUILDING,
                        Indicator.of("O1", "三会一课等组织生活按规定开展", "10", Rule.rate(MEETING_COMPLIANCE_RATE, "0.5", "1")),
                        Indicator.of("O2", "应开未开会议", "4", Rule.deduction(MISSED_MEETINGS, "0.5", "4"))),
                Dimension.of("TEAM", "队伍建设", PARTY_BUILDING,
                        Indicator.of("M1", "党员三亮承诺兑现", "7", Rule.rate(COMMITMENTS_FULFILLED_RATE, "0.3", "0.9")),
                        Indicator.of("M2", "民主评议不合格党员", "2", Rule.deduction(MEMBERS_GRADED_UNQUALIFIED, "1", "2")),
                        Indicator.of("M3", "党员教育培训", "3", Rule.manual("党员教育培训计划及落实情况检查结论")),
                        Indicator.of("V1", "违纪违法一票否决", "0", Rule.veto(DISCIPLINARY_VIOLATIONS))),
                Dimension.of("MECHANISM", "机制建设", PARTY_BUILDING,
                        Indicator.of("J1", "一书两单责任清单履行", "7", Rule.rate(DUTY_ITEMS_FULFILLED_RATE, "0.5", "1")),
                        Indicator.of("J2", "会议决定落实", "5", Rule.rate(DECISIONS_DELIVERED_RATE, "0.5", "1"))),
                Dimension.of("CARRIER", "载体建设", PARTY_BUILDING,
                        Indicator.of("Z1", "结对社区走访覆盖", "6", Rule.rate(VISIT_COVERAGE_RATE, "0.3", "0.9")),
                        Indicator.of("Z2", "走访问题回访", "4", Rule.rate(VISIT_FOLLOW_UP_RATE, "0.5", "1"))),
                Dimension.of("BUSINESS", "业务成效", BUSINESS,
                        Indicator.of("B1", "诉求满意率", "10", Rule.rate(CALL_SATISFACTION_RATE, "0.6", "0.95")),
                        Indicator.of("B2", "诉求解决率", "8", Rule.rate(CALL_RESOLUTION_RATE, "0.5", "0.9")),
                        Indicator.of("B3", "诉求按时办结率", "5", Rule.rate(CALL_ON_TIME_RATE, "0.6", "0.98")),
                        Indicator.of("B4", "诉求响应率", "3", Rule.rate(CALL_RESPONSE_RATE, "0.7", "1")),
                        Indicator.of("B5", "超期诉求", "3", Rule.deduction(OVERDUE_CALLS, "0.2", "3")),
                        Indicator.of("B6", "结对社区评价", "7", Rule.evaluation(COMMUNITY_EVALUATION)),
                        Indicator.of("B7", "走访发现问题解决", "4", Rule.count(PROBLEMS_RESOLVED, "20")))));
    }
}
