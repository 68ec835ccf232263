package org.ronghe.assessment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the records say about one subject for the period — one measure per metric — and the manual scores entered
 * for it. A metric given twice, or a manual score given twice for one indicator, is refused.
 */
public record Facts(Subject subject, Map<Metric, Measure> measures, Map<String, ManualScore> manual) {

    public Facts {
        if (subject == null) {
            throw new IllegalArgumentException("须指明考核对象");
        }
        Map<Metric, Measure> copy = new EnumMap<>(Metric.class);
        copy.putAll(measures);
        measures = Collections.unmodifiableMap(copy);
        manual = Collections.unmodifiableMap(new LinkedHashMap<>(manual));
    }

    public static Facts of(Subject subject, List<Measure> measures, List<ManualScore> manual) {
        Map<Metric, Measure> byMetric = new EnumMap<>(Metric.class);
        for (Measure m : measures) {
            if (byMetric.put(m.metric(), m) != null) {
                throw new IllegalArgumentException(m.metric().label() + "的数据重复");
            }
        }
        Map<String, ManualScore> byIndicator = new LinkedHashMap<>();
        for (ManualScore s : manual) {
            if (byIndicator.put(s.indicator(), s) != null) {
                throw new IllegalArgumentException("指标 " + s.indicator() + " 的人工评分重复");
            }
        }
        return new Facts(subject, byMetric, byIndicator);
    }

    public Optional<Measure> measure(Metric metric) {
        return Optional.ofNullable(measures.get(metric));
    }
}
