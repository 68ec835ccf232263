package org.ronghe.assessment;

import java.util.Arrays;
import java.util.Locale;

/**
 * The measures an indicator may be computed from, each taken from the records of the module that keeps them. The
 * catalogue is closed on purpose: nothing here counts logins, online time, likes, screenshots, uploads or photos, so
 * a scheme can only score the work itself.
 */
public enum Metric {
    CALL_SATISFACTION_RATE("诉求满意率", Unit.RATE, true, "calls"),
    CALL_RESOLUTION_RATE("诉求解决率", Unit.RATE, true, "calls"),
    CALL_ON_TIME_RATE("诉求按时办结率", Unit.RATE, true, "calls"),
    CALL_RESPONSE_RATE("诉求响应率", Unit.RATE, true, "calls"),
    OVERDUE_CALLS("超期诉求件数", Unit.COUNT, false, "calls"),
    VISIT_COVERAGE_RATE("结对社区走访覆盖率", Unit.RATE, true, "visits"),
    VISIT_FOLLOW_UP_RATE("走访问题回访率", Unit.RATE, true, "visits"),
    PROBLEMS_RESOLVED("走访问题解决数", Unit.COUNT, true, "visits"),
    COMMUNITY_EVALUATION("社区评价得分", Unit.SCORE, true, "visits"),
    MEETING_COMPLIANCE_RATE("组织生活合规率", Unit.RATE, true, "partylife"),
    FIRST_ITEM_STUDY_RATE("第一议题学习率", Unit.RATE, true, "partylife"),
    MISSED_MEETINGS("应开未开会议次数", Unit.COUNT, false, "partylife"),
    DECISIONS_DELIVERED_RATE("会议决定落实率", Unit.RATE, true, "partylife"),
    COMMITMENTS_FULFILLED_RATE("党员承诺兑现率", Unit.RATE, true, "partylife"),
    DUTY_ITEMS_FULFILLED_RATE("责任清单履行率", Unit.RATE, true, "partylife"),
    MEMBERS_GRADED_UNQUALIFIED("评议为不合格的党员人数", Unit.COUNT, false, "partylife"),
    /** Disciplinary cases decided against the organ's members in the year; no module keeps them yet (entered with the run). */
    DISCIPLINARY_VIOLATIONS("违纪违法案件数", Unit.COUNT, false, "assessment");

    /** What a value of the metric is. */
    public enum Unit {
        /** A share between 0 and 1. */
        RATE("比率"),
        /** A whole number of records or events. */
        COUNT("件（次、人）数"),
        /** A score between 0 and 100. */
        SCORE("分值");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Unit unit;
    private final boolean higherIsBetter;
    private final String module;

    Metric(String label, Unit unit, boolean higherIsBetter, String module) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.module = module;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The module whose records give the value. */
    public String module() {
        return module;
    }

    /** The metric a scheme names by its key, ignoring case; a key that counts activity is refused as such, not as unknown. */
    public static Metric parse(String key) {
        String text = key == null ? "" : key.trim();
        Vanity.find(text).ifPresent(word -> {
            throw new IllegalArgumentException(Vanity.refusal(text, word));
        });
        return Arrays.stream(values()).filter(m -> m.name().equals(text.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("指标库中没有“" + text + "”，可用：" + catalogue()));
    }

    static String catalogue() {
        return String.join("、", Arrays.stream(values()).map(m -> m.name() + " " + m.label).toList());
    }
}
