package org.ronghe.insight.diagnosis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The diagnosis of one year, within the reader's scope (and of one organ, if named): the report's three failures, each
 * finding with the counts behind it and the page that lists its records.
 *
 * @param asOf the day the records were read: the diagnosis of the current year is a year to date
 */
public record Diagnosis(int year, String organ, LocalDate asOf, Settings settings, FadingPart fading, TwoSkinsPart twoSkins,
                        AttenuationPart attenuation, List<WithoutOutcome> withoutOutcomes) {

    /** The thresholds the judgements used (shares between 0 and 1; the gap in points out of 100). */
    public record Settings(double firstItemFloor, double studyFloor, double attendanceFloor, double attendanceDrop, BigDecimal twoSkinsGap,
                           double attenuationMargin) {
    }

    /** 淡化: each organ's study and attendance. */
    public record FadingPart(List<Fading.Verdict> organs, long flagged) {
    }

    /**
     * 两张皮 / 弱化: the assessment's two sub-scores of each organ.
     *
     * @param available whether the year has assessment results; if not, {@code note} says so and nothing is judged
     */
    public record TwoSkinsPart(boolean available, String note, Long runId, LocalDate runAsOf, boolean published, List<TwoSkins.Verdict> organs,
                               long flagged) {
    }

    /** 虚化 / 层层递减: compliance by level over the whole scope, and within each organ. */
    public record AttenuationPart(Attenuation.Verdict overall, String link, List<OrganAttenuation> organs, long flagged) {
    }

    public record OrganAttenuation(String organCode, String organName, Attenuation.Verdict verdict, String link) {
    }

    /**
     * Records that came to nothing (yet).
     *
     * @param link      the list of those records; {@code null} when they are counted per organ, each with its own link
     * @param yearBound whether the count is of the year's records ({@code false}: of every record kept, as of today)
     */
    public record WithoutOutcome(String key, String label, long count, long of, boolean yearBound, String link, List<Part> byOrgan) {
    }

    public record Part(String organCode, String organName, long count, long of, String link) {
    }
}
