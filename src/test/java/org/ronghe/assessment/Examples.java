package org.ronghe.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small schemes and facts for the scenarios: one indicator under test, padded to 100 with a plain rate. */
final class Examples {

    static final Subject ORGAN = new Subject(Subject.Kind.ORGAN, "JG001", "区发展和改革委员会");
    static final int YEAR = 2026;

    private Examples() {
    }

    /** A scheme of the indicators given plus, if they weigh less than 100, a padding rate indicator P on response rate. */
    static Scheme schemeWith(Indicator... indicators) {
        List<Indicator> all = new ArrayList<>(Arrays.asList(indicators));
        int weight = all.stream().mapToInt(i -> i.weight().intValueExact()).sum();
        if (weight < 100) {
            all.add(Indicator.of("P", "诉求响应率", String.valueOf(100 - weight), Rule.rate(Metric.CALL_RESPONSE_RATE, "0", "1")));
        }
        return Scheme.of(YEAR, 1, "测试方案", Thresholds.of("90", "80", "60"),
                List.of(new Dimension("D", "测试维度", Dimension.Side.PARTY_BUILDING, all)));
    }

    static Measure measure(Metric metric, String value) {
        return Measure.of(metric, value, 12, "/records?metric=" + metric.name() + "&organ=JG001");
    }

    /** The facts with the padding rate at 0, so only the indicators under test score. */
    static Facts facts(Measure... measures) {
        List<Measure> all = new ArrayList<>(Arrays.asList(measures));
        if (all.stream().noneMatch(m -> m.metric() == Metric.CALL_RESPONSE_RATE)) {
            all.add(measure(Metric.CALL_RESPONSE_RATE, "0"));
        }
        return Facts.of(ORGAN, all, List.of());
    }

    /** Every metric of the default scheme at the values given as metric, value pairs; unnamed ones at mid values. */
    static Facts district(Subject subject, List<ManualScore> manual, Object... metricValues) {
        List<Measure> all = new ArrayList<>();
        for (Metric m : Metric.values()) {
            String value = switch (m.unit()) {
                case RATE -> "0.75";
                case COUNT -> m.higherIsBetter() ? "10" : "0";
                case SCORE -> "80";
            };
            for (int i = 0; i < metricValues.length; i += 2) {
                if (metricValues[i] == m) {
                    value = (String) metricValues[i + 1];
                }
            }
            all.add(Measure.of(m, value, 40, "/" + m.module() + "?organ=" + subject.code() + "&year=" + YEAR + "&metric=" + m.name()));
        }
        return Facts.of(subject, all, manual);
    }
}
