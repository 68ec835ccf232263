package org.ronghe.visits.service;

import java.time.Instant;

import org.ronghe.platform.Texts;

/**
 * A member's check-in at their residential community (在职党员到社区报到，双报到): reported by the member
 * (or recorded by the work committee), then confirmed or declined with a reason by the community.
 * Plain Java: every step is given its instant and registers its event.
 */
public class CheckIn extends ServiceRecord {

    public static final int REASON_LENGTH = 500;
    public static final int KEY_LENGTH = 100;

    public enum State {
        REPORTED("待社区确认"), CONFIRMED("已报到"), DECLINED("未予确认");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final long memberId;
    private final long communityId;
    private State state;
    private final Instant reportedAt;
    private final String reportedBy;
    private Instant decidedAt;
    private String decidedBy;
    private String reason;
    private final String idempotencyKey;

    private CheckIn(long memberId, long communityId, State state, Instant reportedAt, String reportedBy, String idempotencyKey) {
        this.memberId = memberId;
        this.communityId = communityId;
        this.state = state;
        this.reportedAt = reportedAt;
        this.reportedBy = reportedBy;
        this.idempotencyKey = idempotencyKey;
    }

    /** A member reports to their residential community. */
    public static CheckIn report(long memberId, long communityId, String actor, String idempotencyKey, Instant now) {
        Texts.check("Idempotency-Key", idempotencyKey, KEY_LENGTH);
        CheckIn checkIn = new CheckIn(memberId, communityId, State.REPORTED, now, actor, idempotencyKey);
        checkIn.events.add(new ServiceEvent(ServiceEvent.Type.REPORTED, null, State.REPORTED.name(), now, actor, null));
        return checkIn;
    }

    public static CheckIn restore(long id, int version, long memberId, long communityId, State state, Instant reportedAt,
                                  String reportedBy, Instant decidedAt, String decidedBy, String reason, String key) {
        CheckIn checkIn = new CheckIn(memberId, communityId, state, reportedAt, reportedBy, key);
        checkIn.id = id;
        checkIn.version = version;
        checkIn.decidedAt = decidedAt;
        checkIn.decidedBy = decidedBy;
        checkIn.reason = reason;
        return checkIn;
    }

    public void confirm(String actor, Instant now) {
        guard(State.REPORTED, "确认");
        move(State.CONFIRMED, ServiceEvent.Type.CHECK_IN_CONFIRMED, actor, now, null);
    }

    public void decline(String why, String actor, Instant now) {
        guard(State.REPORTED, "不予确认");
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("不予确认报到须说明理由");
        }
        reason = Texts.check("理由", why.trim(), REASON_LENGTH);
        move(State.DECLINED, ServiceEvent.Type.DECLINED, actor, now, reason);
    }

    private void guard(State expected, String attempted) {
        if (state != expected) {
            throw new ServiceStateException("报到", state.label(), state.name(), attempted);
        }
    }

    private void move(State to, ServiceEvent.Type type, String actor, Instant now, String note) {
        events.add(new ServiceEvent(type, state.name(), to.name(), now, actor, note));
        state = to;
        decidedAt = now;
        decidedBy = actor;
    }

    /** Reported or confirmed: the member's one check-in that counts. */
    public boolean active() {
        return state != State.DECLINED;
    }

    public long memberId() {
        return memberId;
    }

    public long communityId() {
        return communityId;
    }

    public State state() {
        return state;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
