package org.ronghe.visits.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.ronghe.platform.Texts;

/**
 * Hours of service a member logs at the community they are checked in at, optionally against an item
 * they claimed. LOGGED → CONFIRMED (with an optional remark) or REJECTED (with a reason) by the
 * community; only confirmed hours count.
 */
public class ServiceLog extends ServiceRecord {

    public static final int NOTE_LENGTH = 1000;
    public static final int REMARK_LENGTH = 500;

    public enum State {
        LOGGED("待社区确认"), CONFIRMED("已确认"), REJECTED("已退回");

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
    private final Long itemId;
    private final LocalDate servedOn;
    private final BigDecimal hours;
    private final String note;
    private State state;
    private final Instant loggedAt;
    private final String loggedBy;
    private Instant decidedAt;
    private String decidedBy;
    private String remark;
    private final String idempotencyKey;

    private ServiceLog(long memberId, long communityId, Long itemId, LocalDate servedOn, BigDecimal hours, String note,
                       State state, Instant loggedAt, String loggedBy, String key) {
        this.memberId = memberId;
        this.communityId = communityId;
        this.itemId = itemId;
        this.servedOn = servedOn;
        this.hours = hours;
        this.note = note;
        this.state = state;
        this.loggedAt = loggedAt;
        this.loggedBy = loggedBy;
        this.idempotencyKey = key;
    }

    /**
     * A member logs service on a day no later than {@code today}; {@code sameDay} is what they have already
     * logged (and not had rejected) for that day, so a day never holds more than 24 hours.
     */
    public static ServiceLog log(long memberId, long communityId, Long itemId, LocalDate servedOn, BigDecimal hours,
                                 String note, BigDecimal sameDay, String actor, String key, Instant now, LocalDate today) {
        BigDecimal stored = Hours.of("服务时长", hours, Hours.DAY);
        if (servedOn == null) {
            throw new IllegalArgumentException("服务日期不能为空");
        }
        if (servedOn.isAfter(today)) {
            throw new IllegalArgumentException("服务日期不能晚于今天");
        }
        if (sameDay != null && sameDay.add(stored).compareTo(Hours.DAY) > 0) {
            throw new IllegalArgumentException("同一天的服务时长合计不能超过 24 小时（" + servedOn + " 已登记 "
                    + sameDay.stripTrailingZeros().toPlainString() + " 小时）");
        }
        String text = note == null || note.isBlank() ? null : Texts.check("服务内容", note.trim(), NOTE_LENGTH);
        Texts.check("Idempotency-Key", key, CheckIn.KEY_LENGTH);
        ServiceLog log = new ServiceLog(memberId, communityId, itemId, servedOn, stored, text, State.LOGGED, now, actor, key);
        log.events.add(new ServiceEvent(ServiceEvent.Type.LOGGED, null, State.LOGGED.name(), now, actor,
                servedOn + " " + stored.toPlainString() + " 小时"));
        return log;
    }

    public static ServiceLog restore(long id, int version, long memberId, long communityId, Long itemId, LocalDate servedOn,
                                     BigDecimal hours, String note, State state, Instant loggedAt, String loggedBy,
                                     Instant decidedAt, String decidedBy, String remark, String key) {
        ServiceLog log = new ServiceLog(memberId, communityId, itemId, servedOn, hours, note, state, loggedAt, loggedBy, key);
        log.id = id;
        log.version = version;
        log.decidedAt = decidedAt;
        log.decidedBy = decidedBy;
        log.remark = remark;
        return log;
    }

    /** The community confirms the hours, with an optional remark that flows back to the member's organ. */
    public void confirm(String remarkText, String actor, Instant now) {
        guard("确认");
        remark = remarkText == null || remarkText.isBlank() ? null : Texts.check("社区评语", remarkText.trim(), REMARK_LENGTH);
        move(State.CONFIRMED, ServiceEvent.Type.LOG_CONFIRMED, actor, now, remark);
    }

    /** The community refuses the hours, saying why. */
    public void reject(String reason, String actor, Instant now) {
        guard("退回");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("退回服务时长须说明理由");
        }
        remark = Texts.check("理由", reason.trim(), REMARK_LENGTH);
        move(State.REJECTED, ServiceEvent.Type.REJECTED, actor, now, remark);
    }

    private void guard(String attempted) {
        if (state != State.LOGGED) {
            throw new ServiceStateException("服务时长记录", state.label(), state.name(), attempted);
        }
    }

    private void move(State to, ServiceEvent.Type type, String actor, Instant now, String text) {
        events.add(new ServiceEvent(type, state.name(), to.name(), now, actor, text));
        state = to;
        decidedAt = now;
        decidedBy = actor;
    }

    public long memberId() {
        return memberId;
    }

    public long communityId() {
        return communityId;
    }

    public Long itemId() {
        return itemId;
    }

    public LocalDate servedOn() {
        return servedOn;
    }

    public BigDecimal hours() {
        return hours;
    }

    public String note() {
        return note;
    }

    public State state() {
        return state;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    public String loggedBy() {
        return loggedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String remark() {
        return remark;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
