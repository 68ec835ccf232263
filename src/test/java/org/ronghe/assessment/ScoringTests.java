package org.ronghe.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronghe.assessment.Examples.YEAR;
import static org.ronghe.assessment.Examples.district;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An organ's score under the default scheme: explained line by line, split into party building and business, repeatable. */
class ScoringTests {

    private static final Scheme SCHEME = DefaultScheme.of(YEAR);
    private static final Evidence INSPECTION = new Evidence(1, "/responsibilities/JG001/" + YEAR);

    private static Facts awkward(Subject subject) {
        return district(subject, List.of(ManualScore.of("T2", "3.333", "区委意识形态专项检查：良好", INSPECTION)),
                Metric.FIRST_ITEM_STUDY_RATE, "0.7777", Metric.MEETING_COMPLIANCE_RATE, "0.6667", Metric.CALL_SATISFACTION_RATE, "0.8123",
                Metric.CALL_ON_TIME_RATE, "0.9011", Metric.COMMITMENTS_FULFILLED_RATE, "0.4444", Metric.COMMUNITY_EVALUATION, "73.3",
                Metric.MISSED_MEETINGS, "3", Metric.OVERDUE_CALLS, "7", Metric.PROBLEMS_RESOLVED, "13");
    }

    @Test
    void the_explanation_lines_add_up_exactly_to_the_total() {
        Assessment a = Scoring.score(SCHEME, awkward(Examples.ORGAN));

        BigDecimal lines = a.explanation().stream().map(Assessment.Line::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal dimensions = a.dimensions().stream().map(Assessment.DimensionScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(a.total().scale()).isEqualTo(2);
        assertThat(lines).isEqualTo(a.total());
        assertThat(dimensions).isEqualTo(a.total());
        assertThat(a.explanation()).hasSize((int) SCHEME.indicators().count());
        assertThat(a.explanation()).allSatisfy(l -> assertThat(l.score()).isBetween(BigDecimal.ZERO, l.weight()));
        assertThat(a.explanation()).filteredOn(l -> l.kind() != Rule.Kind.MANUAL || !l.reason().contains("未录入"))
                .allSatisfy(l -> assertThat(l.evidence()).isNotEmpty());
        // T1: (0.7777 − 0.6) / 0.4 × 8 = 3.5540 → 3.55; T2 entered 3.333 → 3.33; B5: 7 × 0.2 = 1.4 off 3 → 1.60
        assertThat(a.explanation()).filteredOn(l -> l.code().equals("T1")).singleElement().extracting(Assessment.Line::score)
                .isEqualTo(new BigDecimal("3.55"));
        assertThat(a.explanation()).filteredOn(l -> l.code().equals("T2")).singleElement().extracting(Assessment.Line::score)
                .isEqualTo(new BigDecimal("3.33"));
        assertThat(a.explanation()).filteredOn(l -> l.code().equals("B5")).singleElement().extracting(Assessment.Line::score)
                .isEqualTo(new BigDecimal("1.60"));
        assertThat(a.explanation()).filteredOn(l -> l.code().equals("B1")).singleElement()
                .satisfies(l -> assertThat(l.evidence().get(0).link()).isEqualTo("/calls?organ=JG001&year=2026&metric=CALL_SATISFACTION_RATE"));
    }

    @Test
    void the_same_inputs_score_the_same_twice() {
        Assessment first = Scoring.score(DefaultScheme.of(YEAR), awkward(Examples.ORGAN));
        Assessment second = Scoring.score(DefaultScheme.of(YEAR), awkward(Examples.ORGAN));

        assertThat(second).isEqualTo(first);
        assertThat(second.explanation()).extracting(Assessment.Line::reason).containsExactlyElementsOf(
                first.explanation().stream().map(Assessment.Line::reason).toList());
    }

    @Test
    void party_building_and_business_outcomes_are_each_scored_out_of_100() {
        Subject paper = new Subject(Subject.Kind.ORGAN, "JG002", "区档案馆");
        // every meeting held, every commitment kept — and the calls and communities poorly served
        Facts facts = district(paper, List.of(ManualScore.of("T2", "4", "检查结论", INSPECTION), ManualScore.of("M3", "3", "检查结论", INSPECTION)),
                Metric.FIRST_ITEM_STUDY_RATE, "1", Metric.MEETING_COMPLIANCE_RATE, "1", Metric.COMMITMENTS_FULFILLED_RATE, "1",
                Metric.DUTY_ITEMS_FULFILLED_RATE, "1", Metric.DECISIONS_DELIVERED_RATE, "1", Metric.VISIT_COVERAGE_RATE, "1",
                Metric.VISIT_FOLLOW_UP_RATE, "1", Metric.MISSED_MEETINGS, "0", Metric.MEMBERS_GRADED_UNQUALIFIED, "0",
                Metric.CALL_SATISFACTION_RATE, "0.6", Metric.CALL_RESOLUTION_RATE, "0.5", Metric.CALL_ON_TIME_RATE, "0.6",
                Metric.CALL_RESPONSE_RATE, "0.7", Metric.OVERDUE_CALLS, "20", Metric.COMMUNITY_EVALUATION, "40",
                Metric.PROBLEMS_RESOLVED, "5");

        Assessment a = Scoring.score(SCHEME, facts);

        assertThat(a.partyBuilding()).isEqualTo("100.00");
        // business: 0 + 0 + 0 + 0 + (3 − 3) + 7 × 0.4 = 2.8 + 4 × 5 / 20 = 1 → 3.80 of 40 → 9.50 of 100
        assertThat(a.business()).isEqualTo("9.50");
        assertThat(a.total()).isEqualTo("63.80");
        assertThat(a.grade()).isEqualTo(Grade.AVERAGE);
        assertThat(a.dimensions()).extracting(Assessment.DimensionScore::name)
                .containsExactly("思想建设", "组织建设", "队伍建设", "机制建设", "载体建设", "业务成效");
    }

    @Test
    void a_party_organisation_is_scored_like_an_organ() {
        Subject branch = new Subject(Subject.Kind.ORGANISATION, "DZ0101", "区发改委第一党支部");

        Assessment a = Scoring.score(SCHEME, awkward(branch));

        assertThat(a.subject()).isEqualTo(branch);
        assertThat(a.year()).isEqualTo(YEAR);
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.total()).isEqualTo(Scoring.score(SCHEME, awkward(Examples.ORGAN)).total());
    }

    @Test
    void a_metric_missing_from_the_facts_is_refused_not_guessed() {
        Facts none = Facts.of(Examples.ORGAN, List.of(), List.of());

        assertThatThrownBy(() -> Scoring.score(SCHEME, none)).hasMessageStartingWith("缺少指标数据：第一议题学习率、组织生活合规率");
    }

    @Test
    void a_manual_score_for_an_indicator_the_scheme_scores_from_records_is_refused() {
        Facts typed = district(Examples.ORGAN, List.of(ManualScore.of("B1", "10", "自评满意", INSPECTION)));

        assertThatThrownBy(() -> Scoring.score(SCHEME, typed)).hasMessage("方案中没有人工评分指标 B1");
    }

    @Test
    void a_value_that_is_not_what_its_metric_measures_is_refused() {
        assertThatThrownBy(() -> Measure.of(Metric.CALL_SATISFACTION_RATE, "1.2", 5, "/calls")).hasMessageContaining("不是有效的比率");
        assertThatThrownBy(() -> Measure.of(Metric.OVERDUE_CALLS, "2.5", 5, "/calls")).hasMessageContaining("不是有效的件");
        assertThatThrownBy(() -> Measure.of(Metric.COMMUNITY_EVALUATION, "120", 5, "/evaluations")).hasMessageContaining("分值");
        assertThatThrownBy(() -> Measure.of(Metric.OVERDUE_CALLS, "2", 2, "https://example.com")).hasMessageContaining("平台内的记录");
    }
}
