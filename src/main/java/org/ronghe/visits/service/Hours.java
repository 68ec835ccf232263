package org.ronghe.visits.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Hours of service: more than 0, at most 24 in one day, with at most one decimal (1.5 小时). */
public final class Hours {

    public static final BigDecimal DAY = BigDecimal.valueOf(24);

    private Hours() {
    }

    /** The hours as stored (one decimal), or a Chinese refusal. */
    public static BigDecimal of(String field, BigDecimal hours, BigDecimal max) {
        if (hours == null) {
            throw new IllegalArgumentException(field + "不能为空");
        }
        if (hours.signum() <= 0 || hours.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + "应大于 0 且不超过 " + max.stripTrailingZeros().toPlainString() + " 小时");
        }
        if (hours.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException(field + "最多保留一位小数");
        }
        return hours.setScale(1, RoundingMode.UNNECESSARY);
    }
}
