package org.ronghe.partylife;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.ronghe.calls.CallState;

/**
 * What became of a decision, as its row holds it: the call it was raised as, the directive it was issued as, the task
 * it was given as, or nothing; and whether it is delivered. Every list, page and ledger labels it the same way.
 */
public record FollowUp(Long callId, CallState callState, Long directiveId, Integer directiveUnits, Integer directiveCompleted,
                       String ownerName, LocalDate dueOn, boolean delivered) {

    public static final String UNDONE = "未落实";
    public static final String DELIVERED = "已落实";
    public static final String TASK_OPEN = "任务办理中";
    public static final String TASK_OVERDUE = "任务逾期";

    /** The columns {@code call_id, call_state, directive_id, directive_units, directive_completed, due_on, delivered}
     * of {@code meeting_decision} and the owner's name as {@code owner_name}. */
    public static FollowUp of(ResultSet rs) throws SQLException {
        String state = rs.getString("call_state");
        return new FollowUp((Long) rs.getObject("call_id", Long.class), state == null ? null : CallState.valueOf(state),
                (Long) rs.getObject("directive_id", Long.class), (Integer) rs.getObject("directive_units", Integer.class),
                (Integer) rs.getObject("directive_completed", Integer.class), rs.getString("owner_name"),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("delivered"));
    }

    /** Nothing came of it (yet): no call, directive or task. */
    public boolean nothing() {
        return callId == null && directiveId == null && dueOn == null;
    }

    public boolean overdue(LocalDate today) {
        return dueOn != null && !delivered && dueOn.isBefore(today);
    }

    /** 已落实, the call's state, the directive's completions, the task open or overdue, or 未落实. */
    public String label(LocalDate today) {
        if (delivered) {
            return DELIVERED;
        }
        if (callId != null) {
            return "诉求" + (callState == null ? "" : callState.label());
        }
        if (directiveId != null) {
            return "指令已完成 " + directiveCompleted + "/" + directiveUnits;
        }
        if (dueOn != null) {
            return overdue(today) ? TASK_OVERDUE : TASK_OPEN;
        }
        return UNDONE;
    }

    /** How the decision became work: 诉求 12, 指令 3, 任务（张三，限 2026-12-31）, or nothing. */
    public String form() {
        if (callId != null) {
            return "诉求 " + callId;
        }
        if (directiveId != null) {
            return "指令 " + directiveId;
        }
        return dueOn == null ? null : "任务（" + ownerName + "，限 " + dueOn + "）";
    }
}
