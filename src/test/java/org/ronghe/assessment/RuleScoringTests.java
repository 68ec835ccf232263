package org.ronghe.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronghe.assessment.Examples.facts;
import static org.ronghe.assessment.Examples.measure;
import static org.ronghe.assessment.Examples.schemeWith;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each rule type scores an indicator from its measure as the scheme says, and explains how. */
class RuleScoringTests {

    private static BigDecimal scoreOf(Assessment assessment, String code) {
        return assessment.explanation().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow().score();
    }

    private static Assessment.Line lineOf(Assessment assessment, String code) {
        return assessment.explanation().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void a_rate_scores_linearly_from_its_floor_to_its_target_and_no_further() {
        Scheme scheme = schemeWith(Indicator.of("S", "诉求满意率", "20", Rule.rate(Metric.CALL_SATISFACTION_RATE, "0.6", "1")));

        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.CALL_SATISFACTION_RATE, "0.8"))), "S")).isEqualByComparingTo("10");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.CALL_SATISFACTION_RATE, "0.7"))), "S")).isEqualByComparingTo("5");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.CALL_SATISFACTION_RATE, "0.5"))), "S")).isEqualByComparingTo("0");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.CALL_SATISFACTION_RATE, "1"))), "S")).isEqualByComparingTo("20");
        Assessment.Line line = lineOf(Scoring.score(scheme, facts(measure(Metric.CALL_SATISFACTION_RATE, "0.8"))), "S");
        assertThat(line.reason()).contains("诉求满意率 80%", "起点 60%", "100%");
        assertThat(line.evidence()).extracting(Evidence::link).containsExactly("/records?metric=CALL_SATISFACTION_RATE&organ=JG001");
    }

    @Test
    void a_rate_share_is_rounded_half_up_to_the_cent() {
        Scheme scheme = schemeWith(Indicator.of("S", "诉求解决率", "10", Rule.rate(Metric.CALL_RESOLUTION_RATE, "0", "0.3")));

        // 0.1 / 0.3 of 10 = 3.333… → 3.33; 0.2 / 0.3 of 10 = 6.666… → 6.67
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.CALL_RESOLUTION_RATE, "0.1"))), "S")).isEqualTo("3.33");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.CALL_RESOLUTION_RATE, "0.2"))), "S")).isEqualTo("6.67");
    }

    @Test
    void a_count_scores_linearly_up_to_its_target() {
        Scheme scheme = schemeWith(Indicator.of("C", "走访发现问题解决", "8", Rule.count(Metric.PROBLEMS_RESOLVED, "20")));

        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.PROBLEMS_RESOLVED, "5"))), "C")).isEqualTo("2.00");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.PROBLEMS_RESOLVED, "0"))), "C")).isEqualTo("0.00");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.PROBLEMS_RESOLVED, "45"))), "C")).isEqualTo("8.00");
    }

    @Test
    void each_missed_meeting_takes_its_points_up_to_the_cap_and_never_below_zero() {
        Scheme capped = schemeWith(Indicator.of("X", "应开未开会议", "4", Rule.deduction(Metric.MISSED_MEETINGS, "0.5", "3")));
        Scheme uncapped = schemeWith(Indicator.of("X", "应开未开会议", "4", Rule.deduction(Metric.MISSED_MEETINGS, "0.5", "10")));

        assertThat(scoreOf(Scoring.score(capped, facts(measure(Metric.MISSED_MEETINGS, "0"))), "X")).isEqualTo("4.00");
        assertThat(scoreOf(Scoring.score(capped, facts(measure(Metric.MISSED_MEETINGS, "3"))), "X")).isEqualTo("2.50");
        assertThat(scoreOf(Scoring.score(capped, facts(measure(Metric.MISSED_MEETINGS, "12"))), "X")).isEqualTo("1.00");
        assertThat(scoreOf(Scoring.score(uncapped, facts(measure(Metric.MISSED_MEETINGS, "12"))), "X")).isEqualTo("0.00");
        assertThat(lineOf(Scoring.score(capped, facts(measure(Metric.MISSED_MEETINGS, "12"))), "X").reason())
                .contains("应开未开会议次数 12", "每次扣 0.5 分", "扣分上限 3", "扣 3 分");
    }

    @Test
    void the_community_evaluation_score_is_scaled_to_the_weight() {
        Scheme scheme = schemeWith(Indicator.of("E", "结对社区评价", "7", Rule.evaluation(Metric.COMMUNITY_EVALUATION)));

        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.COMMUNITY_EVALUATION, "85"))), "E")).isEqualTo("5.95");
        assertThat(scoreOf(Scoring.score(scheme, facts(measure(Metric.COMMUNITY_EVALUATION, "100"))), "E")).isEqualTo("7.00");
    }

    @Test
    void a_manual_score_counts_with_its_evidence_and_cited_records() {
        Scheme scheme = schemeWith(Indicator.of("H", "意识形态工作责任制落实", "4", Rule.manual("上级党委专项检查结论")));
        Evidence report = new Evidence(1, "/responsibilities/JG001/2026");
        Facts facts = Facts.of(Examples.ORGAN, List.of(measure(Metric.CALL_RESPONSE_RATE, "0")),
                List.of(ManualScore.of("H", "3.5", "区委专项检查通报：责任制落实到位，个别科室学习记录不全", report)));

        Assessment.Line line = lineOf(Scoring.score(scheme, facts), "H");

        assertThat(line.score()).isEqualTo("3.50");
        assertThat(line.reason()).contains("人工评分", "个别科室学习记录不全");
        assertThat(line.evidence()).containsExactly(report);
    }

    @Test
    void a_manual_score_without_evidence_or_cited_records_or_above_its_weight_is_refused() {
        Evidence report = new Evidence(1, "/responsibilities/JG001/2026");
        assertThatThrownBy(() -> ManualScore.of("H", "3", " ", report)).hasMessageContaining("须写明依据");
        assertThatThrownBy(() -> ManualScore.of("H", "3", "检查结论")).hasMessageContaining("须引用至少一条记录");
        assertThatThrownBy(() -> ManualScore.of("H", "3", "工作群截图 30 张", report)).hasMessageContaining("不得以登录、在线时长、点赞、截图");

        Scheme scheme = schemeWith(Indicator.of("H", "意识形态工作责任制落实", "4", Rule.manual("上级党委专项检查结论")));
        Facts tooMuch = Facts.of(Examples.ORGAN, List.of(measure(Metric.CALL_RESPONSE_RATE, "0")),
                List.of(ManualScore.of("H", "4.5", "检查结论", report)));
        assertThatThrownBy(() -> Scoring.score(scheme, tooMuch)).hasMessageContaining("超过其权重 4");
    }

    @Test
    void a_manual_indicator_nobody_scored_counts_nothing_and_says_so() {
        Scheme scheme = schemeWith(Indicator.of("H", "党员教育培训", "3", Rule.manual("培训计划落实情况检查结论")));

        Assessment.Line line = lineOf(Scoring.score(scheme, facts()), "H");

        assertThat(line.score()).isEqualTo("0.00");
        assertThat(line.reason()).contains("未录入");
    }

    @Test
    void a_veto_forces_the_grade_to_poor_whatever_the_score() {
        Scheme scheme = schemeWith(Indicator.of("V", "违纪违法一票否决", "0", Rule.veto(Metric.DISCIPLINARY_VIOLATIONS)));
        Measure perfect = measure(Metric.CALL_RESPONSE_RATE, "1");

        Assessment clean = Scoring.score(scheme, facts(perfect, measure(Metric.DISCIPLINARY_VIOLATIONS, "0")));
        Assessment vetoed = Scoring.score(scheme, facts(perfect, measure(Metric.DISCIPLINARY_VIOLATIONS, "1")));

        assertThat(clean.total()).isEqualTo("100.00");
        assertThat(clean.grade()).isEqualTo(Grade.GOOD);
        assertThat(clean.vetoed()).isFalse();
        assertThat(vetoed.total()).isEqualTo("100.00");
        assertThat(vetoed.grade()).isEqualTo(Grade.POOR);
        assertThat(vetoed.vetoed()).isTrue();
        Assessment.Line why = lineOf(vetoed, "V");
        assertThat(why.score()).isEqualTo("0.00");
        assertThat(why.reason()).contains("一票否决", "违纪违法案件数 1", "差");
        assertThat(lineOf(clean, "V").reason()).contains("未触发");
    }

    @Test
    void grades_follow_the_thresholds() {
        Scheme scheme = schemeWith();

        assertThat(Scoring.score(scheme, facts(measure(Metric.CALL_RESPONSE_RATE, "0.9"))).grade()).isEqualTo(Grade.GOOD);
        assertThat(Scoring.score(scheme, facts(measure(Metric.CALL_RESPONSE_RATE, "0.8999"))).grade()).isEqualTo(Grade.FAIRLY_GOOD);
        assertThat(Scoring.score(scheme, facts(measure(Metric.CALL_RESPONSE_RATE, "0.6"))).grade()).isEqualTo(Grade.AVERAGE);
        assertThat(Scoring.score(scheme, facts(measure(Metric.CALL_RESPONSE_RATE, "0.59"))).grade()).isEqualTo(Grade.POOR);
    }
}
