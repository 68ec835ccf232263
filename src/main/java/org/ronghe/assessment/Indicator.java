package org.ronghe.assessment;

import java.math.BigDecimal;

/** An indicator (指标) of a scheme: its code (unique in the scheme), name, weight in points out of 100, and rule. */
public record Indicator(String code, String name, BigDecimal weight, Rule rule) {

    public static Indicator of(String code, String name, String weight, Rule rule) {
        return new Indicator(code, name, new BigDecimal(weight), rule);
    }
}
