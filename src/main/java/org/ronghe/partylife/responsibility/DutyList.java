package org.ronghe.partylife.responsibility;

import java.util.Arrays;

/** The two lists of a responsibility letter (两单). */
public enum DutyList {
    PARTY_BUILDING("党建工作责任清单"),
    INTEGRITY("党风廉政建设责任清单");

    private final String label;

    DutyList(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DutyList parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请选择责任清单（list）：PARTY_BUILDING 党建工作责任清单、INTEGRITY 党风廉政建设责任清单");
        }
        return Arrays.stream(values()).filter(l -> l.name().equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的责任清单：" + text.trim()
                        + "，可选：PARTY_BUILDING 党建工作责任清单、INTEGRITY 党风廉政建设责任清单"));
    }
}
