package org.ronghe.partylife.commitment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.ronghe.visits.MemberWork;

/**
 * What a measurable commitment promises, and which record shows it: the member's own visits, the problems
 * heard on them whose calls ended solved, their confirmed service hours (all from {@link MemberWork}), or one
 * decision of a meeting delivered (已落实).
 */
public enum TargetKind {

    HOUSEHOLDS_VISITED("走访住户", "户"),
    PROBLEMS_RESOLVED("办结走访中听到的群众诉求", "件"),
    SERVICE_HOURS("社区服务时长（经社区确认）", "小时"),
    DECISION_DELIVERED("落实会议决定事项", "项");

    private final String label;
    private final String unit;

    TargetKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** How much of it the member's record shows; a decision is counted by the caller. */
    BigDecimal actual(MemberWork.Record work) {
        return switch (this) {
            case HOUSEHOLDS_VISITED -> BigDecimal.valueOf(work.householdsVisited());
            case PROBLEMS_RESOLVED -> BigDecimal.valueOf(work.problemsResolved());
            case SERVICE_HOURS -> work.serviceHours();
            case DECISION_DELIVERED -> BigDecimal.ZERO;
        };
    }

    /** @return {@code null} for no text (an untargeted commitment) */
    public static TargetKind parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的承诺目标类型（target）：" + Commitment.cut(text.trim()) + "，可选："
                    + Arrays.stream(values()).map(k -> k.name() + "（" + k.label + "）").collect(Collectors.joining("、")));
        }
    }
}
