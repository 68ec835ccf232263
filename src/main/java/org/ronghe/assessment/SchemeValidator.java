package org.ronghe.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything wrong with a scheme, in Chinese, all at once — the scheme is taken whole or not at all: weights not
 * making 100, a weight not above 0 (or a veto's not 0), more than 10 points scored by hand, grade floors not
 * descending, an empty dimension, a duplicate code, a rule whose bounds make no sense or whose metric is of the wrong
 * unit, and above all any indicator that would count logins, online time, likes, screenshots, uploads or photos.
 */
public final class SchemeValidator {

    static final BigDecimal FULL = new BigDecimal(100);
    static final BigDecimal MANUAL_CAP = BigDecimal.TEN;

    private SchemeValidator() {
    }

    public static List<String> problems(int year, int version, String name, Thresholds thresholds, List<Dimension> dimensions) {
        List<String> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add("考核年度 " + year + " 不在 2000 至 2100 之间");
        }
        if (version < 1) {
            problems.add("方案版本须从 1 起，现为 " + version);
        }
        if (name == null || name.isBlank()) {
            problems.add("方案须有名称");
        }
        if (thresholds == null || !thresholds.descending()) {
            problems.add("等次分数线须依次递减：100 ≥ 好 > 较好 > 一般 > 0，现为 " + describe(thresholds));
        }
        if (dimensions.isEmpty()) {
            problems.add("方案没有维度");
        }
        Set<String> dimensionCodes = new HashSet<>();
        Set<String> codes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Dimension d : dimensions) {
            String where = "维度" + label(d.code(), d.name());
            if (blank(d.code()) || blank(d.name())) {
                problems.add(where + "须有编码和名称");
            }
            if (d.side() == null) {
                problems.add(where + "须标明属于党建工作还是业务成效");
            }
            if (!blank(d.code()) && !dimensionCodes.add(d.code())) {
                problems.add("维度编码重复：" + d.code());
            }
            if (d.indicators().isEmpty()) {
                problems.add(where + "没有指标");
            }
            for (Indicator i : d.indicators()) {
                if (!blank(i.code()) && !codes.add(i.code())) {
                    problems.add("指标编码重复：" + i.code());
                }
                problems.addAll(indicatorProblems(i));
                if (i.weight() != null) {
                    total = total.add(i.weight());
                }
            }
        }
        if (total.compareTo(FULL) != 0) {
            problems.add("各指标权重合计须为 100，现为 " + total.stripTrailingZeros().toPlainString());
        }
        BigDecimal manual = manualWeight(dimensions);
        if (manual.compareTo(MANUAL_CAP) > 0) {
            problems.add("人工评分指标权重合计不得超过 10（满分的 10%），现为 " + manual.stripTrailingZeros().toPlainString());
        }
        return List.copyOf(problems);
    }

    static BigDecimal manualWeight(List<Dimension> dimensions) {
        return dimensions.stream().flatMap(d -> d.indicators().stream())
                .filter(i -> i.rule() instanceof Rule.Manual && i.weight() != null)
                .map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> indicatorProblems(Indicator i) {
        List<String> problems = new ArrayList<>();
        String where = "指标" + label(i.code(), i.name());
        if (blank(i.code()) || blank(i.name())) {
            problems.add(where + "须有编码和名称");
        }
        // the name too: "上传照片数" is a photo count whatever metric it claims to read
        Vanity.find(i.name()).ifPresent(word -> problems.add(where + "：" + Vanity.refusal(i.name(), word)));
        Rule rule = i.rule();
        if (rule == null) {
            problems.add(where + "须有且只有一种计分规则");
            return problems;
        }
        if (i.weight() == null) {
            problems.add(where + "须有权重");
        } else if (rule instanceof Rule.Veto) {
            if (i.weight().signum() != 0) {
                problems.add(where + "为一票否决，权重须为 0，现为 " + i.weight().toPlainString());
            }
        } else if (i.weight().signum() <= 0) {
            problems.add(where + "的权重须大于 0，现为 " + i.weight().toPlainString());
        }
        String basis = rule.basis() == null ? "" : rule.basis().trim();
        var vanity = Vanity.find(basis);
        if (vanity.isPresent()) {
            problems.add(where + "：" + Vanity.refusal(basis, vanity.get()));
            return problems;
        }
        if (rule instanceof Rule.Manual) {
            if (basis.isEmpty()) {
                problems.add(where + "为人工评分，须写明评分依据");
            }
            return problems;
        }
        Metric metric = known(basis);
        if (metric == null) {
            problems.add(where + "的数据来源“" + basis + "”不在指标库中");
            return problems;
        }
        problems.addAll(ruleProblems(where, rule, metric));
        return problems;
    }

    private static Metric known(String basis) {
        try {
            return Metric.parse(basis);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static List<String> ruleProblems(String where, Rule rule, Metric metric) {
        List<String> problems = new ArrayList<>();
        if (rule instanceof Rule.Rate r) {
            expect(problems, where, metric, Metric.Unit.RATE, true);
            if (r.floor() == null || r.target() == null || r.floor().signum() < 0 || r.target().compareTo(BigDecimal.ONE) > 0) {
                problems.add(where + "的起点值和达标值须在 0 至 1 之间");
            } else if (r.target().compareTo(r.floor()) <= 0) {
                problems.add(where + "的达标值（" + r.target().toPlainString() + "）须高于起点值（" + r.floor().toPlainString() + "）");
            }
        } else if (rule instanceof Rule.Count c) {
            expect(problems, where, metric, Metric.Unit.COUNT, true);
            if (c.target() == null || c.target().signum() <= 0) {
                problems.add(where + "的目标数须大于 0");
            }
        } else if (rule instanceof Rule.Deduction d) {
            expect(problems, where, metric, Metric.Unit.COUNT, false);
            if (d.perEvent() == null || d.perEvent().signum() <= 0) {
                problems.add(where + "的每次扣分须大于 0");
            }
            if (d.cap() == null || d.cap().signum() <= 0) {
                problems.add(where + "的扣分上限须大于 0");
            }
        } else if (rule instanceof Rule.Evaluation) {
            expect(problems, where, metric, Metric.Unit.SCORE, true);
        } else if (rule instanceof Rule.Veto) {
            expect(problems, where, metric, Metric.Unit.COUNT, false);
        }
        return problems;
    }

    /** A rate rule reads a rate, a count rule a count of good things, a deduction or veto a count of bad events. */
    private static void expect(List<String> problems, String where, Metric metric, Metric.Unit unit, boolean higherIsBetter) {
        if (metric.unit() != unit || metric.higherIsBetter() != higherIsBetter) {
            problems.add(where + "的数据来源“" + metric.label() + "”不适用此规则：须为" + (higherIsBetter ? "" : "应当减少的")
                    + unit.label());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String label(String code, String name) {
        return " " + (code == null ? "" : code) + (name == null ? "" : "（" + name + "）");
    }

    private static String describe(Thresholds t) {
        if (t == null) {
            return "未设";
        }
        return "好 " + plain(t.good()) + "、较好 " + plain(t.fairlyGood()) + "、一般 " + plain(t.average());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "未设" : value.stripTrailingZeros().toPlainString();
    }
}
