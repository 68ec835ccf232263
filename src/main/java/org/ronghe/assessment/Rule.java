package org.ronghe.assessment;

import java.math.BigDecimal;

/**
 * How one indicator is scored — exactly one rule per indicator. A rule names what it rests on by its {@code basis}:
 * the key of a {@link Metric} for every rule but {@link Manual}, whose basis says in words what the entered score
 * rests on. Bases are kept as the administrator wrote them so the validator can refuse, by name, one that counts
 * logins, online time, likes, screenshots, uploads or photos; a valid scheme's metric rules always name a metric.
 */
public sealed interface Rule {

    /** The rule types, with their Chinese names. */
    enum Kind {
        RATE("比率"), COUNT("计数"), DEDUCTION("扣分"), EVALUATION("社区评价"), MANUAL("人工评分"), VETO("一票否决");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    String basis();

    Kind kind();

    /** The metric a metric rule reads (a valid scheme's always parse). */
    default Metric metric() {
        return Metric.parse(basis());
    }

    /** A rate mapped linearly from {@code floor} (0 points) to {@code target} (the full weight), clamped. */
    record Rate(String basis, BigDecimal floor, BigDecimal target) implements Rule {
        public Kind kind() {
            return Kind.RATE;
        }
    }

    /** A count mapped linearly from 0 to {@code target} (the full weight), clamped. */
    record Count(String basis, BigDecimal target) implements Rule {
        public Kind kind() {
            return Kind.COUNT;
        }
    }

    /** The full weight less {@code perEvent} for each event, at most {@code cap} in all, never below 0. */
    record Deduction(String basis, BigDecimal perEvent, BigDecimal cap) implements Rule {
        public Kind kind() {
            return Kind.DEDUCTION;
        }
    }

    /** The community evaluation score (0..100) scaled to the weight. */
    record Evaluation(String basis) implements Rule {
        public Kind kind() {
            return Kind.EVALUATION;
        }
    }

    /** A score entered by the assessors with evidence text and the records it cites; {@code basis} says what it rests on. */
    record Manual(String basis) implements Rule {
        public Kind kind() {
            return Kind.MANUAL;
        }

        @Override
        public Metric metric() {
            throw new UnsupportedOperationException("人工评分指标不取指标库数据");
        }
    }

    /** 一票否决: weight 0; any event forces the grade to 差 whatever the score. */
    record Veto(String basis) implements Rule {
        public Kind kind() {
            return Kind.VETO;
        }
    }

    static Rate rate(Metric metric, String floor, String target) {
        return new Rate(metric.name(), new BigDecimal(floor), new BigDecimal(target));
    }

    static Count count(Metric metric, String target) {
        return new Count(metric.name(), new BigDecimal(target));
    }

    static Deduction deduction(Metric metric, String perEvent, String cap) {
        return new Deduction(metric.name(), new BigDecimal(perEvent), new BigDecimal(cap));
    }

    static Evaluation evaluation(Metric metric) {
        return new Evaluation(metric.name());
    }

    static Manual manual(String basis) {
        return new Manual(basis);
    }

    static Veto veto(Metric metric) {
        return new Veto(metric.name());
    }
}
