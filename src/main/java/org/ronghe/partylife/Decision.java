package org.ronghe.partylife;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallState;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * A decision of a meeting and what became of it: nothing yet (未落实); the call it was raised as, whose state it
 * follows, delivered when the call is closed and not rated unsolved; a directive of the committee to organs, delivered
 * when every unit has reported it completed; or a task given to a member of the organisation with a due date,
 * delivered when its owner reports what was done. A decision becomes work once, one way. Plain
 * Java: every step is given its instant and registers its event on the meeting.
 */
public class Decision {

    static final int REPORT_LENGTH = 1000;

    private final long meetingId;
    private final int position;
    private final String text;
    private final int version;
    private Long callId;
    private CallState callState;
    private boolean delivered;
    private Task task;
    private Directed directed;
    private final List<Meeting.Event> events = new ArrayList<>();

    public Decision(long meetingId, int position, String text, int version, Long callId, CallState callState, boolean delivered,
                    Task task, Directed directed) {
        this.directed = directed;
        this.meetingId = meetingId;
        this.position = position;
        this.text = text;
        this.version = version;
        this.callId = callId;
        this.callState = callState;
        this.delivered = delivered;
        this.task = task;
    }

    /**
     * A task made of a decision: its owner (a member of the organisation) and due date, and once done, when and what
     * the owner reported.
     */
    public record Task(long ownerId, LocalDate dueOn, Instant reportedAt, String report) {
    }

    /** A directive issued from a decision: to how many units, and how many have reported it completed. */
    public record Directed(long directiveId, int units, int completed) {
    }

    /** The decision was issued as a directive to {@code units} units. */
    public void directed(long directive, int units, String actor, Instant now) {
        refuseTwice();
        directed = new Directed(directive, units, 0);
        events.add(new Meeting.Event("DECISION_DIRECTED", now, actor, "决定事项 " + position + " 下发为指令 " + directive
                + "（" + units + " 个单位）"));
    }

    /** A unit reported the directive completed: delivered once all have. @return whether anything moved */
    public boolean directiveChanged(long units, long completed, Instant now) {
        if (directed == null || completed == directed.completed()) {
            return false;
        }
        directed = new Directed(directed.directiveId(), (int) units, (int) completed);
        boolean nowDelivered = completed >= units;
        String type = nowDelivered && !delivered ? "DECISION_DELIVERED" : "DECISION_DIRECTIVE_STEP";
        delivered = nowDelivered;
        events.add(new Meeting.Event(type, now, "system", "决定事项 " + position + "：指令 " + directed.directiveId() + " 已完成 "
                + completed + "/" + units));
        return true;
    }

    /** The decision was raised as a call, whose state is {@code state} once raised. */
    public void raised(long call, CallState state, String actor, Instant now) {
        refuseTwice();
        callId = call;
        callState = state;
        delivered = deliveredBy(state, null);
        events.add(new Meeting.Event("DECISION_RAISED", now, actor, "决定事项 " + position + " 转为诉求 " + call));
    }

    /** The decision became a task of {@code owner} (a member on the organisation's roll), due by {@code due}. */
    public void assigned(long owner, String ownerName, LocalDate due, LocalDate today, String actor, Instant now) {
        refuseTwice();
        if (due == null) {
            throw new IllegalArgumentException("请填写完成时限（dueOn）");
        }
        if (due.isBefore(today) || due.isAfter(today.plusYears(1))) {
            throw new IllegalArgumentException("完成时限须在今天至一年之内：" + due);
        }
        task = new Task(owner, due, null, null);
        events.add(new Meeting.Event("DECISION_ASSIGNED", now, actor, "决定事项 " + position + " 交办 " + ownerName + "，限 " + due + " 前完成"));
    }

    /** The owner (or the secretary for them) reports what was done: the task, and the decision, are delivered. */
    public void reported(String report, String actor, Instant now) {
        if (task == null) {
            throw new ConflictException("该决定事项未交办为任务，不能报告落实", Map.of("position", position));
        }
        if (task.reportedAt() != null) {
            throw new ConflictException("该任务已于 " + task.reportedAt() + " 报告落实", Map.of("position", position));
        }
        if (report == null || report.isBlank()) {
            throw new IllegalArgumentException("请填写落实情况（report）");
        }
        Texts.check("落实情况", report, REPORT_LENGTH);
        task = new Task(task.ownerId(), task.dueOn(), now, report.trim());
        delivered = true;
        events.add(new Meeting.Event("DECISION_DELIVERED", now, actor, "决定事项 " + position + " 报告落实：" + report.trim()));
    }

    private void refuseTwice() {
        if (callId != null) {
            throw new ConflictException("该决定事项已转为诉求（诉求 " + callId + "），不能重复转办", Map.of("call", callId));
        }
        if (directed != null) {
            throw new ConflictException("该决定事项已下发为指令（指令 " + directed.directiveId() + "），不能重复转办",
                    Map.of("directive", directed.directiveId()));
        }
        if (task != null) {
            throw new ConflictException("该决定事项已交办为任务（限 " + task.dueOn() + " 前完成），不能重复转办", Map.of("position", position));
        }
    }

    /** The call changed: the decision follows its state. @return whether anything moved */
    public boolean callChanged(CallState state, Boolean solved, Instant now) {
        boolean nowDelivered = deliveredBy(state, solved);
        if (state == callState && nowDelivered == delivered) {
            return false;
        }
        String type = nowDelivered && !delivered ? "DECISION_DELIVERED" : !nowDelivered && delivered ? "DECISION_REOPENED" : "DECISION_CALL_STEP";
        callState = state;
        delivered = nowDelivered;
        events.add(new Meeting.Event(type, now, "system", "决定事项 " + position + "：诉求 " + callId + " " + state.label()));
        return true;
    }

    static boolean deliveredBy(CallState state, Boolean solved) {
        return state == CallState.CLOSED && !Boolean.FALSE.equals(solved);
    }

    public void written() {
        events.clear();
    }

    public long meetingId() {
        return meetingId;
    }

    public int position() {
        return position;
    }

    public String text() {
        return text;
    }

    public int version() {
        return version;
    }

    public Long callId() {
        return callId;
    }

    public CallState callState() {
        return callState;
    }

    public boolean delivered() {
        return delivered;
    }

    public Task task() {
        return task;
    }

    public Directed directed() {
        return directed;
    }

    public List<Meeting.Event> events() {
        return Collections.unmodifiableList(events);
    }
}
