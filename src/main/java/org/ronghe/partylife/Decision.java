package org.ronghe.partylife;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallState;
import org.ronghe.platform.ConflictException;

/**
 * A decision of a meeting and what became of it: nothing yet (未落实), or the call it was raised as, whose state it
 * follows; delivered when the call is closed and not rated unsolved. A decision is raised once. Plain Java: every
 * step is given its instant and registers its event on the meeting.
 */
public class Decision {

    private final long meetingId;
    private final int position;
    private final String text;
    private final int version;
    private Long callId;
    private CallState callState;
    private boolean delivered;
    private final List<Meeting.Event> events = new ArrayList<>();

    public Decision(long meetingId, int position, String text, int version, Long callId, CallState callState, boolean delivered) {
        this.meetingId = meetingId;
        this.position = position;
        this.text = text;
        this.version = version;
        this.callId = callId;
        this.callState = callState;
        this.delivered = delivered;
    }

    /** The decision was raised as a call, whose state is {@code state} once raised. */
    public void raised(long call, CallState state, String actor, Instant now) {
        if (callId != null) {
            throw new ConflictException("该决定事项已转为诉求（诉求 " + callId + "），不能重复转办", Map.of("call", callId));
        }
        callId = call;
        callState = state;
        delivered = deliveredBy(state, null);
        events.add(new Meeting.Event("DECISION_RAISED", now, actor, "决定事项 " + position + " 转为诉求 " + call));
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

    public List<Meeting.Event> events() {
        return Collections.unmodifiableList(events);
    }
}
