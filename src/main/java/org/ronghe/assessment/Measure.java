package org.ronghe.assessment;

import java.math.BigDecimal;

/** A metric's value for the subject over the period, with the records it was computed from. */
public record Measure(Metric metric, BigDecimal value, Evidence evidence) {

    public Measure {
        if (metric == null || value == null || evidence == null) {
            throw new IllegalArgumentException("指标数据须有指标、数值和依据");
        }
        boolean fits = switch (metric.unit()) {
            case RATE -> value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
            case COUNT -> value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
            case SCORE -> value.signum() >= 0 && value.compareTo(SchemeValidator.FULL) <= 0;
        };
        if (!fits) {
            throw new IllegalArgumentException(metric.label() + "的数值 " + value.toPlainString() + " 不是有效的" + metric.unit().label());
        }
    }

    public static Measure of(Metric metric, String value, long count, String link) {
        return new Measure(metric, new BigDecimal(value), new Evidence(count, link));
    }
}
