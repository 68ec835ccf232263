package org.ronghe.partylife;

import java.util.Arrays;

/**
 * The kinds of organisational life recorded as meetings. The last three are the organ's yearly meetings of the
 * responsibility system (一书两单三会议): deployment, mid-year progress, and the secretaries' duty reports.
 */
public enum MeetingKind {
    GENERAL_MEETING("支部党员大会"),
    COMMITTEE_MEETING("支部委员会"),
    GROUP_MEETING("党小组会"),
    LECTURE("党课"),
    THEMED_DAY("主题党日"),
    LIFE_MEETING("组织生活会"),
    DEMOCRATIC_REVIEW("民主评议党员"),
    RESPONSIBILITY_DEPLOYMENT("党建工作部署会"),
    RESPONSIBILITY_PROGRESS("党建工作推进会"),
    DUTY_REPORT("述职评议会");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind named by its identifier; an unknown or missing one is refused in Chinese. */
    public static MeetingKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请选择会议类型（kind）");
        }
        String name = text.trim();
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的会议类型：" + name + "，可选："
                        + String.join("、", Arrays.stream(values()).map(k -> k.name() + " " + k.label).toList())));
    }
}
