package org.ronghe.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one subject's facts under a scheme. Each indicator's points are rounded to two decimals (HALF_UP) first and
 * the dimension and total are their sums, so the explanation adds up to the total to the cent. Pure: the same scheme
 * and facts give the same assessment. Every metric the scheme reads must be in the facts — a missing one is refused
 * rather than guessed (an organ with no calls has a rate of 0 over 0 records, which the caller states).
 */
public final class Scoring {

    private static final int SCALE = 2;
    private static final MathContext PRECISE = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Scoring() {
    }

    public static Assessment score(Scheme scheme, Facts facts) {
        List<Metric> missing = scheme.metrics().stream().filter(m -> facts.measure(m).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("缺少指标数据：" + String.join("、", missing.stream().map(Metric::label).toList()));
        }
        for (String code : facts.manual().keySet()) {
            boolean manualIndicator = scheme.indicator(code).map(i -> i.rule() instanceof Rule.Manual).orElse(false);
            if (!manualIndicator) {
                throw new IllegalArgumentException("方案中没有人工评分指标 " + code);
            }
        }
        List<Assessment.DimensionScore> dimensions = new ArrayList<>();
        List<Assessment.Line> lines = new ArrayList<>();
        boolean vetoed = false;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal[] points = {BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] weights = {BigDecimal.ZERO, BigDecimal.ZERO};
        for (Dimension d : scheme.dimensions()) {
            BigDecimal sub = BigDecimal.ZERO;
            for (Indicator i : d.indicators()) {
                Assessment.Line line = line(d, i, facts);
                vetoed |= i.rule() instanceof Rule.Veto && facts.measure(i.rule().metric()).orElseThrow().value().signum() > 0;
                lines.add(line);
                sub = sub.add(line.score());
            }
            dimensions.add(new Assessment.DimensionScore(d.code(), d.name(), d.side(), d.weight(), sub));
            total = total.add(sub);
            points[d.side().ordinal()] = points[d.side().ordinal()].add(sub);
            weights[d.side().ordinal()] = weights[d.side().ordinal()].add(d.weight());
        }
        Grade grade = vetoed ? Grade.POOR : scheme.thresholds().gradeOf(total);
        return new Assessment(facts.subject(), scheme.year(), scheme.version(), dimensions, total.setScale(SCALE), grade, vetoed,
                lines, outOfHundred(points[0], weights[0]), outOfHundred(points[1], weights[1]));
    }

    private static BigDecimal outOfHundred(BigDecimal points, BigDecimal weight) {
        return weight.signum() == 0 ? null : points.multiply(HUNDRED).divide(weight, SCALE, RoundingMode.HALF_UP);
    }

    private static Assessment.Line line(Dimension d, Indicator i, Facts facts) {
        Rule rule = i.rule();
        BigDecimal w = i.weight();
        if (rule instanceof Rule.Manual) {
            return manual(d, i, facts.manual().get(i.code()));
        }
        Measure m = facts.measure(rule.metric()).orElseThrow();
        BigDecimal v = m.value();
        String what = m.metric().label() + " " + shown(m);
        BigDecimal score;
        String reason;
        if (rule instanceof Rule.Rate r) {
            BigDecimal share = clamp(v.subtract(r.floor()).divide(r.target().subtract(r.floor()), PRECISE));
            score = points(w, share);
            reason = what + "（起点 " + percent(r.floor()) + " 得 0 分，达到 " + percent(r.target()) + " 得满分）";
        } else if (rule instanceof Rule.Count c) {
            score = points(w, clamp(v.divide(c.target(), PRECISE)));
            reason = what + "（达到 " + plain(c.target()) + " 得满分）";
        } else if (rule instanceof Rule.Deduction x) {
            BigDecimal deducted = x.perEvent().multiply(v).min(x.cap());
            score = w.subtract(deducted).max(BigDecimal.ZERO).setScale(SCALE, RoundingMode.HALF_UP);
            reason = what + "，每次扣 " + plain(x.perEvent()) + " 分，扣分上限 " + plain(x.cap()) + "，扣 " + plain(deducted) + " 分";
        } else if (rule instanceof Rule.Evaluation) {
            score = points(w, clamp(v.divide(HUNDRED, PRECISE)));
            reason = what + "（满分 100 折算为权重 " + plain(w) + "）";
        } else {
            score = BigDecimal.ZERO.setScale(SCALE);
            reason = v.signum() > 0
                    ? "一票否决：" + what + "，考核等次定为“差”，不论得分"
                    : "一票否决项：" + what + "，未触发";
        }
        return new Assessment.Line(d.name(), i.code(), i.name(), rule.kind(), w, score, reason, List.of(m.evidence()));
    }

    private static Assessment.Line manual(Dimension d, Indicator i, ManualScore entered) {
        if (entered == null) {
            return new Assessment.Line(d.name(), i.code(), i.name(), Rule.Kind.MANUAL, i.weight(), BigDecimal.ZERO.setScale(SCALE),
                    "人工评分未录入，计 0 分", List.of());
        }
        if (entered.score().compareTo(i.weight()) > 0) {
            throw new IllegalArgumentException("指标 " + i.code() + " 的人工评分 " + plain(entered.score()) + " 超过其权重 " + plain(i.weight()));
        }
        return new Assessment.Line(d.name(), i.code(), i.name(), Rule.Kind.MANUAL, i.weight(),
                entered.score().setScale(SCALE, RoundingMode.HALF_UP), "人工评分，依据：" + entered.evidence(), entered.cites());
    }

    private static BigDecimal points(BigDecimal weight, BigDecimal share) {
        return weight.multiply(share).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal share) {
        return share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    private static String shown(Measure m) {
        return switch (m.metric().unit()) {
            case RATE -> percent(m.value()) + "（" + m.evidence().count() + " 条记录）";
            case COUNT -> plain(m.value());
            case SCORE -> plain(m.value()) + " 分（" + m.evidence().count() + " 条评价）";
        };
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(HUNDRED).setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
