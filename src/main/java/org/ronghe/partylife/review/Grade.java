package org.ronghe.partylife.review;

import java.util.Arrays;

/** The grades of a democratic review, best first (民主评议党员的等次). */
public enum Grade {
    EXCELLENT("优秀"), QUALIFIED("合格"), BASICALLY_QUALIFIED("基本合格"), UNQUALIFIED("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The grade named by its identifier; an unknown one is refused in Chinese. */
    public static Grade parse(String text) {
        String name = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的评议等次：" + name + "，可选：EXCELLENT 优秀、QUALIFIED 合格、"
                        + "BASICALLY_QUALIFIED 基本合格、UNQUALIFIED 不合格"));
    }
}
