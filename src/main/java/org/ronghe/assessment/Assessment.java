package org.ronghe.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One subject scored under one scheme: each dimension's sub-score, the total (0..100, two decimals), the grade, and
 * the explanation — one line per indicator, in scheme order, whose scores add up exactly to the total; a veto line
 * says why the grade was forced. {@code partyBuilding} and {@code business} are the two sides' scores out of 100
 * (null when the scheme gives a side no weight), set against each other by the "two skins" diagnosis.
 */
public record Assessment(Subject subject, int year, int version, List<DimensionScore> dimensions, BigDecimal total,
                         Grade grade, boolean vetoed, List<Line> explanation, BigDecimal partyBuilding, BigDecimal business) {

    public Assessment {
        dimensions = List.copyOf(dimensions);
        explanation = List.copyOf(explanation);
    }

    /** A dimension's points out of its weight. */
    public record DimensionScore(String code, String name, Dimension.Side side, BigDecimal weight, BigDecimal score) {
    }

    /**
     * How one indicator scored: its points out of its weight, why in Chinese, and the records behind it (the measure's
     * evidence, or the records a manual score cites).
     */
    public record Line(String dimension, String code, String name, Rule.Kind kind, BigDecimal weight, BigDecimal score,
                       String reason, List<Evidence> evidence) {

        public Line {
            evidence = List.copyOf(evidence);
        }
    }
}
