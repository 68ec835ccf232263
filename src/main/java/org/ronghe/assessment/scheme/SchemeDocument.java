package org.ronghe.assessment.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ronghe.assessment.Dimension;
import org.ronghe.assessment.Indicator;
import org.ronghe.assessment.Rule;
import org.ronghe.assessment.Scheme;
import org.ronghe.assessment.SchemeRefused;
import org.ronghe.assessment.Thresholds;

/**
 * A scheme as JSON (the API's body and the stored tree): name, grade thresholds, dimensions of indicators, each with
 * one rule. {@link #toScheme} refuses it with every problem at once: the shape's (an unknown rule kind or side) and
 * then all of {@link Scheme#of}'s.
 */
public record SchemeDocument(String name, ThresholdsDoc thresholds, List<DimensionDoc> dimensions) {

    public record ThresholdsDoc(BigDecimal good, BigDecimal fairlyGood, BigDecimal average) {
    }

    public record DimensionDoc(String code, String name, String side, List<IndicatorDoc> indicators) {
    }

    public record IndicatorDoc(String code, String name, BigDecimal weight, RuleDoc rule) {
    }

    /** @param kind RATE, COUNT, DEDUCTION, EVALUATION, MANUAL or VETO; the bounds the kind needs */
    public record RuleDoc(String kind, String basis, BigDecimal floor, BigDecimal target, BigDecimal perEvent, BigDecimal cap) {
    }

    public static SchemeDocument of(Scheme scheme) {
        List<DimensionDoc> dims = scheme.dimensions().stream().map(d -> new DimensionDoc(d.code(), d.name(), d.side().name(),
                d.indicators().stream().map(i -> new IndicatorDoc(i.code(), i.name(), i.weight(), rule(i.rule()))).toList())).toList();
        Thresholds t = scheme.thresholds();
        return new SchemeDocument(scheme.name(), new ThresholdsDoc(t.good(), t.fairlyGood(), t.average()), dims);
    }

    private static RuleDoc rule(Rule rule) {
        if (rule instanceof Rule.Rate r) {
            return new RuleDoc("RATE", r.basis(), r.floor(), r.target(), null, null);
        }
        if (rule instanceof Rule.Count c) {
            return new RuleDoc("COUNT", c.basis(), null, c.target(), null, null);
        }
        if (rule instanceof Rule.Deduction d) {
            return new RuleDoc("DEDUCTION", d.basis(), null, null, d.perEvent(), d.cap());
        }
        return new RuleDoc(rule.kind().name(), rule.basis(), null, null, null, null);
    }

    /** The scheme for the year and version, or {@link SchemeRefused} with every problem. */
    public Scheme toScheme(int year, int version) {
        List<String> problems = new ArrayList<>();
        List<Dimension> dims = new ArrayList<>();
        for (DimensionDoc d : dimensions == null ? List.<DimensionDoc>of() : dimensions) {
            if (d == null) {
                problems.add("维度不能为空");
                continue;
            }
            Dimension.Side side = side(d, problems);
            List<Indicator> indicators = new ArrayList<>();
            for (IndicatorDoc i : d.indicators() == null ? List.<IndicatorDoc>of() : d.indicators()) {
                if (i == null) {
                    problems.add("维度 " + d.code() + " 的指标不能为空");
                    continue;
                }
                Rule rule = rule(i, problems);
                if (rule != null) {
                    indicators.add(new Indicator(i.code(), i.name(), i.weight(), rule));
                }
            }
            dims.add(new Dimension(d.code(), d.name(), side, indicators));
        }
        Thresholds t = thresholds == null ? null : new Thresholds(thresholds.good(), thresholds.fairlyGood(), thresholds.average());
        try {
            Scheme scheme = Scheme.of(year, version, name, t, dims);
            if (!problems.isEmpty()) {
                throw new SchemeRefused(problems);
            }
            return scheme;
        } catch (SchemeRefused refused) {
            List<String> all = new ArrayList<>(problems);
            refused.problems().stream().filter(p -> !all.contains(p)).forEach(all::add);
            throw new SchemeRefused(all);
        }
    }

    private static Dimension.Side side(DimensionDoc d, List<String> problems) {
        if (d.side() == null || d.side().isBlank()) {
            return null;
        }
        try {
            return Dimension.Side.valueOf(d.side().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add("维度 " + d.code() + " 的类别应为 PARTY_BUILDING（党建工作）或 BUSINESS（业务成效）");
            return null;
        }
    }

    private static Rule rule(IndicatorDoc i, List<String> problems) {
        RuleDoc r = i.rule();
        String where = "指标 " + (i.code() == null ? "" : i.code());
        if (r == null || r.kind() == null) {
            problems.add(where + "须有一条计分规则");
            return null;
        }
        return switch (r.kind().trim().toUpperCase(Locale.ROOT)) {
            case "RATE" -> new Rule.Rate(r.basis(), r.floor(), r.target());
            case "COUNT" -> new Rule.Count(r.basis(), r.target());
            case "DEDUCTION" -> new Rule.Deduction(r.basis(), r.perEvent(), r.cap());
            case "EVALUATION" -> new Rule.Evaluation(r.basis());
            case "MANUAL" -> new Rule.Manual(r.basis());
            case "VETO" -> new Rule.Veto(r.basis());
            default -> {
                problems.add(where + "的规则类型应为 RATE、COUNT、DEDUCTION、EVALUATION、MANUAL 或 VETO");
                yield null;
            }
        };
    }
}
