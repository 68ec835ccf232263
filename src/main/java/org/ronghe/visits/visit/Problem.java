package org.ronghe.visits.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * A problem heard on a visit, followed to its end: open while its call is being handled; when the call
 * closes the household's follow-up (回访) falls due; the loop is closed only when the household has heard
 * back. A reopened call opens the problem again.
 */
public final class Problem {

    public enum State {
        OPEN("办理中"), DUE("待回访"), FOLLOWED_UP("已回访");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Event(String type, Instant at, String actor, String note) {
    }

    static final int NOTE_LENGTH = 1000;

    private final long id;
    private final long callId;
    private State state;
    private boolean resolved;
    private Instant dueAt;
    private Instant followedUpAt;
    private String followedUpBy;
    private String note;
    private Boolean satisfied;
    private final List<Event> events = new ArrayList<>();

    public Problem(long id, long callId, State state, boolean resolved, Instant dueAt, Instant followedUpAt, String followedUpBy,
                   String note, Boolean satisfied) {
        this.id = id;
        this.callId = callId;
        this.state = state;
        this.resolved = resolved;
        this.dueAt = dueAt;
        this.followedUpAt = followedUpAt;
        this.followedUpBy = followedUpBy;
        this.note = note;
        this.satisfied = satisfied;
    }

    /** The call closed: resolved unless its raiser rated it unsolved; the household is now to hear back. */
    public boolean callClosed(Boolean solved, Instant now) {
        if (state != State.OPEN) {
            return false;
        }
        state = State.DUE;
        resolved = !Boolean.FALSE.equals(solved);
        dueAt = now;
        events.add(new Event("FOLLOW_UP_DUE", now, "system", resolved ? "诉求已办结" : "诉求办结但评价为未解决"));
        return true;
    }

    /** The call was reopened (重办): the problem is being handled again, and any follow-up must be done again. */
    public boolean callReopened(Instant now) {
        if (state == State.OPEN) {
            return false;
        }
        state = State.OPEN;
        resolved = false;
        dueAt = null;
        followedUpAt = null;
        followedUpBy = null;
        note = null;
        satisfied = null;
        events.add(new Event("REOPENED", now, "system", "诉求重办"));
        return true;
    }

    /** The visitor went back and told the household what became of its problem. */
    public void followUp(String text, Boolean householdSatisfied, String actor, Instant now) {
        if (state == State.OPEN) {
            throw new ConflictException("诉求尚未办结关闭，暂不能回访", java.util.Map.of("state", state.name()));
        }
        if (state == State.FOLLOWED_UP) {
            throw new ConflictException("该问题已回访", java.util.Map.of("state", state.name()));
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写回访情况");
        }
        if (householdSatisfied == null) {
            throw new IllegalArgumentException("请选择住户是否满意");
        }
        note = Texts.check("回访情况", text.trim(), NOTE_LENGTH);
        satisfied = householdSatisfied;
        state = State.FOLLOWED_UP;
        followedUpAt = now;
        followedUpBy = actor;
        events.add(new Event("FOLLOWED_UP", now, actor, householdSatisfied ? "住户满意" : "住户不满意"));
    }

    public long id() { return id; }
    public long callId() { return callId; }
    public State state() { return state; }
    public boolean resolved() { return resolved; }
    public Instant dueAt() { return dueAt; }
    public Instant followedUpAt() { return followedUpAt; }
    public String followedUpBy() { return followedUpBy; }
    public String note() { return note; }
    public Boolean satisfied() { return satisfied; }
    public List<Event> events() { return events; }
}
