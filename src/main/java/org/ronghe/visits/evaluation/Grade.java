package org.ronghe.visits.evaluation;

import java.util.Arrays;
import java.util.Locale;

/** A community's grade for an organ paired with it (满意 / 比较满意 / 基本满意 / 不满意). */
public enum Grade {

    SATISFIED("满意"),
    FAIRLY_SATISFIED("比较满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 满意 and 比较满意: the share the satisfaction score counts. */
    public boolean satisfied() {
        return this == SATISFIED || this == FAIRLY_SATISFIED;
    }

    /** A grade by its identifier ({@code SATISFIED}) or its Chinese name (满意). */
    public static Grade parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请选择评议等次：满意、比较满意、基本满意或不满意");
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(g -> g.name().equals(t.toUpperCase(Locale.ROOT)) || g.label.equals(t))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("评议等次无效：" + shorten(t)
                        + "（应为满意、比较满意、基本满意或不满意）"));
    }

    static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
