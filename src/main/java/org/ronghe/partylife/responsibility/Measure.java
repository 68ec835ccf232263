package org.ronghe.partylife.responsibility;

import java.util.Arrays;

/**
 * How the platform decides from the records that a duty item is fulfilled: meetings of a kind held by the organ's
 * party organisations (at least {@code target}), the organ's meeting compliance (at least {@code target} %),
 * decisions of its meetings delivered (at least {@code target}), or — without a measure — the records the
 * secretary attaches (at least one). Counted from the first day of the letter's year to the item's due date.
 */
public enum Measure {
    MEETINGS("召开会议次数"),
    COMPLIANCE("组织生活合规率"),
    DECISIONS("决定事项落实数"),
    RECORDS("附工作记录");

    public static final int MAX_TARGET = 100;

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The measure named, or RECORDS when none is. */
    public static Measure parse(String text) {
        if (text == null || text.isBlank()) {
            return RECORDS;
        }
        return Arrays.stream(values()).filter(m -> m.name().equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的衡量方式（measure）：" + text.trim()
                        + "，可选：MEETINGS 召开会议次数、COMPLIANCE 组织生活合规率、DECISIONS 决定事项落实数、RECORDS 附工作记录"));
    }
}
