package org.ronghe.partylife.responsibility;

import java.util.Arrays;

/** The evaluation of a duty report (述职评议): 好, 较好, 一般, 差. */
public enum Grade {
    GOOD("好"),
    FAIRLY_GOOD("较好"),
    FAIR("一般"),
    POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Grade parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请选择评价（grade）：GOOD 好、FAIRLY_GOOD 较好、FAIR 一般、POOR 差");
        }
        return Arrays.stream(values()).filter(g -> g.name().equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的评价：" + text.trim()
                        + "，可选：GOOD 好、FAIRLY_GOOD 较好、FAIR 一般、POOR 差"));
    }
}
