package org.ronghe.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.assessment.Assessment;
import org.ronghe.assessment.DefaultScheme;
import org.ronghe.assessment.Facts;
import org.ronghe.assessment.ManualScore;
import org.ronghe.assessment.Measure;
import org.ronghe.assessment.Metric;
import org.ronghe.assessment.Scoring;
import org.ronghe.assessment.Subject;
import org.ronghe.insight.diagnosis.Attenuation;
import org.ronghe.insight.diagnosis.Attenuation.Level;
import org.ronghe.insight.diagnosis.Attenuation.LevelRate;
import org.ronghe.insight.diagnosis.Fading;
import org.ronghe.insight.diagnosis.TwoSkins;

/** The three judgements of the diagnosis, over sub-scores computed by the real scoring and over synthetic trees. */
class DiagnosisJudgementTests {

    static final int YEAR = 2026;
    static final BigDecimal GAP = new BigDecimal("20");

    /** Every metric of the default scheme at the value its side calls for: party building and business each strong or weak. */
    static Facts facts(String code, boolean partyStrong, boolean businessStrong) {
        List<Measure> measures = new ArrayList<>();
        for (Metric m : DefaultScheme.of(YEAR).metrics()) {
            boolean strong = "calls".equals(m.module()) || m == Metric.COMMUNITY_EVALUATION || m == Metric.PROBLEMS_RESOLVED
                    ? businessStrong : partyStrong;
            String value = switch (m.unit()) {
                case RATE -> strong ? "1" : "0.2";
                case COUNT -> m.higherIsBetter() ? (strong ? "40" : "0") : (strong ? "0" : "30");
                case SCORE -> strong ? "100" : "20";
            };
            if (m == Metric.DISCIPLINARY_VIOLATIONS) {
                value = "0";
            }
            measures.add(Measure.of(m, value, 24, "/records?organ=" + code + "&metric=" + m.name()));
        }
        return Facts.of(new Subject(Subject.Kind.ORGAN, code, code), measures, List.<ManualScore>of());
    }

    static TwoSkins.Sides sides(Assessment a) {
        return new TwoSkins.Sides(a.subject().code(), a.subject().name(), a.partyBuilding(), a.business(),
                "/assessments/explain?organ=" + a.subject().code());
    }

    @Test
    void anOrganWithPerfectMeetingsButPoorCallOutcomesIsFlaggedAndOneStrongOnBothSidesIsNot() {
        Assessment perfectMeetingsPoorCalls = Scoring.score(DefaultScheme.of(YEAR), facts("JG001", true, false));
        Assessment bothStrong = Scoring.score(DefaultScheme.of(YEAR), facts("JG002", true, true));

        List<TwoSkins.Verdict> verdicts = TwoSkins.judge(List.of(sides(perfectMeetingsPoorCalls), sides(bothStrong)), GAP);

        Map<String, TwoSkins.Verdict> byOrgan = new java.util.HashMap<>();
        verdicts.forEach(v -> byOrgan.put(v.sides().organCode(), v));
        assertThat(byOrgan.get("JG001").flagged()).isTrue();
        assertThat(byOrgan.get("JG001").weaker()).isEqualTo(TwoSkins.Side.BUSINESS);
        assertThat(byOrgan.get("JG001").distance().abs()).isGreaterThanOrEqualTo(GAP);
        assertThat(byOrgan.get("JG001").reading()).contains("业务一侧偏弱");
        assertThat(byOrgan.get("JG002").flagged()).isFalse();
        assertThat(byOrgan.get("JG002").weaker()).isNull();
        assertThat(verdicts.get(0).sides().organCode()).as("the farthest from the diagonal first").isEqualTo("JG001");
    }

    @Test
    void strongWorkWithWeakPartyBuildingIsFlaggedOnThePartyBuildingSide() {
        Assessment a = Scoring.score(DefaultScheme.of(YEAR), facts("JG003", false, true));
        TwoSkins.Verdict v = TwoSkins.judge(List.of(sides(a)), GAP).get(0);
        assertThat(v.flagged()).isTrue();
        assertThat(v.weaker()).isEqualTo(TwoSkins.Side.PARTY_BUILDING);
    }

    @Test
    void anOrganJustInsideTheGapIsNotFlaggedAndOneWithoutASideIsNotJudged() {
        List<TwoSkins.Verdict> verdicts = TwoSkins.judge(List.of(
                new TwoSkins.Sides("A", "甲", new BigDecimal("80"), new BigDecimal("60.01"), "/a"),
                new TwoSkins.Sides("B", "乙", new BigDecimal("80"), new BigDecimal("60"), "/b"),
                new TwoSkins.Sides("C", "丙", null, new BigDecimal("60"), "/c")), GAP);
        assertThat(verdicts).extracting(v -> v.sides().organCode()).containsExactly("B", "A");
        assertThat(verdicts).extracting(TwoSkins.Verdict::flagged).containsExactly(true, false);
    }

    @Test
    void complianceFallingFromOneToSevenTenthsToFourTenthsIsHotAboveAndColdBelow() {
        Attenuation.Verdict v = Attenuation.judge(List.of(new LevelRate(Level.BRANCH, 10, 7), new LevelRate(Level.COMMITTEE, 12, 12),
                new LevelRate(Level.GROUP, 20, 8)), 0.1);
        assertThat(v.flagged()).isTrue();
        assertThat(v.levels()).extracting(LevelRate::level).containsExactly(Level.COMMITTEE, Level.BRANCH, Level.GROUP);
        assertThat(v.reading()).contains("机关党委 100.0%", "党支部 70.0%", "党小组 40.0%", "上面热、中间温、下面冷");
    }

    @Test
    void aFlatTreeIsNotFlagged() {
        Attenuation.Verdict v = Attenuation.judge(List.of(new LevelRate(Level.COMMITTEE, 12, 9), new LevelRate(Level.GENERAL_BRANCH, 8, 6),
                new LevelRate(Level.BRANCH, 40, 30), new LevelRate(Level.GROUP, 60, 45)), 0.1);
        assertThat(v.flagged()).isFalse();
        assertThat(v.reading()).doesNotContain("下面冷");
    }

    @Test
    void aFallWithAWarmMiddleAsHotAsTheTopOrOnlyTwoLevelsIsNotFlagged() {
        assertThat(Attenuation.judge(List.of(new LevelRate(Level.COMMITTEE, 10, 10), new LevelRate(Level.BRANCH, 10, 10),
                new LevelRate(Level.GROUP, 10, 2)), 0.1).flagged()).isFalse();
        assertThat(Attenuation.judge(List.of(new LevelRate(Level.COMMITTEE, 10, 10), new LevelRate(Level.GROUP, 10, 1),
                new LevelRate(Level.BRANCH, 0, 0)), 0.1).flagged()).as("a level with nothing due is left out").isFalse();
    }

    static final Fading.Thresholds FLOORS = new Fading.Thresholds(0.9, 0.8, 0.8, 0.1);

    @Test
    void anOrganSkippingTheFirstItemAndWhoseAttendanceFallsIsFlaggedWithEachReason() {
        Fading.Verdict v = Fading.judge(new Fading.OrganLife("JG001", "区民政局", 20, 14, 4, 4, List.of(
                new Fading.Month(2, 100, 95), new Fading.Month(5, 100, 90), new Fading.Month(8, 100, 80), new Fading.Month(11, 100, 70)),
                "/compliance?organ=JG001"), FLOORS);
        assertThat(v.flagged()).isTrue();
        assertThat(v.firstItemRate()).isEqualTo(0.7);
        assertThat(v.attendanceRate()).isEqualTo(0.8375);
        assertThat(v.quarters()).extracting(Fading.Quarter::rate).containsExactly(0.95, 0.9, 0.8, 0.7);
        assertThat(v.reasons()).hasSize(2);
        assertThat(v.reasons().get(0)).contains("第一议题学习率 70.0%", "6 次未学习");
        assertThat(v.reasons().get(1)).contains("由第1季度 95.0% 降至第4季度 70.0%");
    }

    @Test
    void anOrganStudyingAndAttendingSteadilyIsNotFlagged() {
        Fading.Verdict v = Fading.judge(new Fading.OrganLife("JG002", "区财政局", 20, 20, 4, 4, List.of(
                new Fading.Month(1, 50, 45), new Fading.Month(7, 50, 44)), "/compliance?organ=JG002"), FLOORS);
        assertThat(v.flagged()).isFalse();
        assertThat(v.reasons()).isEmpty();
        assertThat(v.studyRate()).isEqualTo(1.0);
    }
}
