package org.ronghe.assessment;

import java.math.BigDecimal;

/**
 * The lowest total for each grade: 好 from {@code good}, 较好 from {@code fairlyGood}, 一般 from {@code average},
 * 差 below. A valid scheme's floors descend: 100 ≥ good > fairlyGood > average > 0.
 */
public record Thresholds(BigDecimal good, BigDecimal fairlyGood, BigDecimal average) {

    public static Thresholds of(String good, String fairlyGood, String average) {
        return new Thresholds(new BigDecimal(good), new BigDecimal(fairlyGood), new BigDecimal(average));
    }

    boolean descending() {
        return good != null && fairlyGood != null && average != null && good.compareTo(new BigDecimal(100)) <= 0
                && good.compareTo(fairlyGood) > 0 && fairlyGood.compareTo(average) > 0 && average.signum() > 0;
    }

    Grade gradeOf(BigDecimal total) {
        if (total.compareTo(good) >= 0) {
            return Grade.GOOD;
        }
        if (total.compareTo(fairlyGood) >= 0) {
            return Grade.FAIRLY_GOOD;
        }
        return total.compareTo(average) >= 0 ? Grade.AVERAGE : Grade.POOR;
    }
}
