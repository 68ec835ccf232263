package org.ronghe.visits.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.ronghe.platform.Texts;

/**
 * A service item a community publishes for checked-in members: a need (需求), a post (岗位) or a
 * micro-wish (微心愿). OPEN → CLAIMED (by one member) → DONE, or WITHDRAWN by the community.
 */
public class ServiceItem extends ServiceRecord {

    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 2000;
    public static final int REASON_LENGTH = 500;
    public static final BigDecimal MAX_PLANNED_HOURS = BigDecimal.valueOf(200);

    public enum Kind {
        NEED("需求"), POST("岗位"), WISH("微心愿");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum State {
        OPEN("待认领"), CLAIMED("已认领"), DONE("已完成"), WITHDRAWN("已撤回");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the community writes when it publishes an item. */
    public record Details(Kind kind, String title, String description, BigDecimal plannedHours, LocalDate dueOn) {
    }

    private final long communityId;
    private final Details details;
    private State state;
    private final Instant publishedAt;
    private final String publishedBy;
    private Long claimedBy;
    private Instant claimedAt;
    private Instant closedAt;
    private String reason;
    private final String idempotencyKey;

    private ServiceItem(long communityId, Details details, State state, Instant publishedAt, String publishedBy, String key) {
        this.communityId = communityId;
        this.details = details;
        this.state = state;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.idempotencyKey = key;
    }

    /** The community publishes an item; a due date must not lie before {@code today}. */
    public static ServiceItem publish(long communityId, Details d, String actor, String key, Instant now, LocalDate today) {
        if (d.kind() == null) {
            throw new IllegalArgumentException("请选择服务项目类型：需求、岗位或微心愿");
        }
        if (d.title() == null || d.title().isBlank()) {
            throw new IllegalArgumentException("服务项目标题不能为空");
        }
        String title = Texts.check("服务项目标题", d.title().trim(), TITLE_LENGTH);
        String description = d.description() == null || d.description().isBlank() ? null
                : Texts.check("服务项目说明", d.description().trim(), DESCRIPTION_LENGTH);
        BigDecimal planned = d.plannedHours() == null ? null : Hours.of("计划时长", d.plannedHours(), MAX_PLANNED_HOURS);
        if (d.dueOn() != null && d.dueOn().isBefore(today)) {
            throw new IllegalArgumentException("截止日期不能早于今天");
        }
        Texts.check("Idempotency-Key", key, CheckIn.KEY_LENGTH);
        ServiceItem item = new ServiceItem(communityId, new Details(d.kind(), title, description, planned, d.dueOn()),
                State.OPEN, now, actor, key);
        item.events.add(new ServiceEvent(ServiceEvent.Type.PUBLISHED, null, State.OPEN.name(), now, actor, title));
        return item;
    }

    public static ServiceItem restore(long id, int version, long communityId, Details details, State state, Instant publishedAt,
                                      String publishedBy, Long claimedBy, Instant claimedAt, Instant closedAt, String reason,
                                      String key) {
        ServiceItem item = new ServiceItem(communityId, details, state, publishedAt, publishedBy, key);
        item.id = id;
        item.version = version;
        item.claimedBy = claimedBy;
        item.claimedAt = claimedAt;
        item.closedAt = closedAt;
        item.reason = reason;
        return item;
    }

    /** A member checked in at the item's community takes it on. */
    public void claim(long memberId, String actor, Instant now) {
        guard("认领", State.OPEN);
        claimedBy = memberId;
        claimedAt = now;
        move(State.CLAIMED, ServiceEvent.Type.CLAIMED, actor, now, null);
    }

    /** The community records that the claimed item has been carried out. */
    public void done(String actor, Instant now) {
        guard("标记完成", State.CLAIMED);
        closedAt = now;
        move(State.DONE, ServiceEvent.Type.DONE, actor, now, null);
    }

    /** The community takes the item back, open or claimed, with a reason. */
    public void withdraw(String why, String actor, Instant now) {
        guard("撤回", State.OPEN, State.CLAIMED);
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("撤回服务项目须说明理由");
        }
        reason = Texts.check("理由", why.trim(), REASON_LENGTH);
        closedAt = now;
        move(State.WITHDRAWN, ServiceEvent.Type.WITHDRAWN, actor, now, reason);
    }

    private void guard(String attempted, State... allowed) {
        for (State s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new ServiceStateException("服务项目", state.label(), state.name(), attempted);
    }

    private void move(State to, ServiceEvent.Type type, String actor, Instant now, String note) {
        events.add(new ServiceEvent(type, state.name(), to.name(), now, actor, note));
        state = to;
    }

    public long communityId() {
        return communityId;
    }

    public Details details() {
        return details;
    }

    public State state() {
        return state;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Long claimedBy() {
        return claimedBy;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String reason() {
        return reason;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
