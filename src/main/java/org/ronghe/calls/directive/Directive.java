package org.ronghe.calls.directive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.Texts;

/**
 * 市有呼唤、全区必应: a directive sent to many units at once. Each unit acknowledges it and reports
 * completion; the issuer sees who has not answered, and the units that have not are urged and,
 * at the deadline, recorded as missed.
 */
public class Directive {

    static final double URGE_AT = 0.8;
    static final int TITLE_LENGTH = 200;
    static final int BODY_LENGTH = 4000;
    static final int REPORT_LENGTH = 2000;
    static final int KEY_LENGTH = 100;

    private Long id;
    private int version;
    private final String title;
    private final String body;
    private final String issuer;
    private final Instant issuedAt;
    private final Instant deadline;
    private final Audience audience;
    private final String idempotencyKey;
    private final Map<Unit, Reply> replies = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();

    private Directive(String title, String body, String issuer, Instant issuedAt, Instant deadline, Audience audience,
                      String idempotencyKey) {
        this.title = title;
        this.body = body;
        this.issuer = issuer;
        this.issuedAt = issuedAt;
        this.deadline = deadline;
        this.audience = audience;
        this.idempotencyKey = idempotencyKey;
    }

    public static Directive issue(String title, String body, String issuer, Instant now, Instant deadline,
                                  Audience audience, List<Unit> units, String idempotencyKey) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("指令标题不能为空");
        }
        if (deadline == null || !deadline.isAfter(now)) {
            throw new IllegalArgumentException("完成时限须晚于现在");
        }
        if (deadline.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new IllegalArgumentException("完成时限须在一年之内");
        }
        Texts.check("指令标题", title, TITLE_LENGTH);
        Texts.check("指令内容", body, BODY_LENGTH);
        Texts.check("Idempotency-Key", idempotencyKey, KEY_LENGTH);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("请至少选择一个接收单位");
        }
        Directive directive = new Directive(title.trim(), body, issuer, now, deadline, audience, idempotencyKey);
        units.forEach(u -> directive.replies.put(u, Reply.none()));
        directive.events.add(new Event(EventType.ISSUED, now, issuer, null, units.size() + " 个单位"));
        return directive;
    }

    public static Directive restore(long id, int version, String title, String body, String issuer, Instant issuedAt,
                                    Instant deadline, Audience audience, String key, Map<Unit, Reply> replies) {
        Directive d = new Directive(title, body, issuer, issuedAt, deadline, audience, key);
        d.id = id;
        d.version = version;
        d.replies.putAll(replies);
        return d;
    }

    public void acknowledge(Unit unit, String by, Instant now) {
        Reply reply = replyOf(unit);
        if (reply.acknowledgedAt() != null) {
            throw new org.ronghe.platform.ConflictException("该单位已签收此指令", java.util.Map.of());
        }
        replies.put(unit, reply.acknowledged(now, by));
        events.add(new Event(EventType.ACKNOWLEDGED, now, by, unit, null));
    }

    /** Reports completion; a unit that did not acknowledge first acknowledges with it. */
    public void complete(Unit unit, String by, String report, Instant now) {
        Reply reply = replyOf(unit);
        if (reply.completedAt() != null) {
            throw new org.ronghe.platform.ConflictException("该单位已报告完成", java.util.Map.of());
        }
        if (report == null || report.isBlank()) {
            throw new IllegalArgumentException("请填写完成情况");
        }
        Texts.check("完成情况", report, REPORT_LENGTH);
        if (reply.acknowledgedAt() == null) {
            reply = reply.acknowledged(now, by);
            events.add(new Event(EventType.ACKNOWLEDGED, now, by, unit, null));
        }
        replies.put(unit, reply.completed(now, by, report.trim()));
        events.add(new Event(EventType.COMPLETED, now, by, unit, report.trim()));
    }

    /** Urges the units that have not completed; returns them. */
    public List<Unit> urge(Instant now) {
        List<Unit> urged = new ArrayList<>();
        replies.forEach((unit, reply) -> {
            if (reply.completedAt() == null && reply.urgedAt() == null) {
                replies.put(unit, reply.urged(now));
                urged.add(unit);
            }
        });
        if (!urged.isEmpty()) {
            events.add(new Event(EventType.URGED, now, "system", null, urged.size() + " 个单位未完成"));
        }
        return urged;
    }

    /** At the deadline: records every unit that has not completed as missed; returns them. */
    public List<Unit> miss(Instant now) {
        List<Unit> missed = new ArrayList<>();
        replies.forEach((unit, reply) -> {
            if (reply.completedAt() == null && reply.missedAt() == null) {
                replies.put(unit, reply.missed(now));
                missed.add(unit);
            }
        });
        if (!missed.isEmpty()) {
            events.add(new Event(EventType.MISSED, now, "system", null, missed.size() + " 个单位逾期未完成"));
        }
        return missed;
    }

    public Instant urgeAt() {
        return issuedAt.plus(Duration.ofSeconds(Math.round(Duration.between(issuedAt, deadline).toSeconds() * URGE_AT)));
    }

    private Reply replyOf(Unit unit) {
        Reply reply = replies.get(unit);
        if (reply == null) {
            throw new IllegalArgumentException("该单位不是此指令的接收单位");
        }
        return reply;
    }

    public List<Unit> unanswered() {
        return replies.entrySet().stream().filter(e -> e.getValue().completedAt() == null).map(Map.Entry::getKey).toList();
    }

    void assignIdentity(long newId) {
        id = newId;
    }

    void versionWritten() {
        version++;
    }

    void eventsWritten() {
        events.clear();
    }

    public Long id() { return id; }
    public int version() { return version; }
    public String title() { return title; }
    public String body() { return body; }
    public String issuer() { return issuer; }
    public Instant issuedAt() { return issuedAt; }
    public Instant deadline() { return deadline; }
    public Audience audience() { return audience; }
    public String idempotencyKey() { return idempotencyKey; }
    public Map<Unit, Reply> replies() { return Collections.unmodifiableMap(replies); }
    public List<Event> events() { return Collections.unmodifiableList(events); }

    public enum Audience {
        ALL_ORGANS("全部机关单位"), ALL_STREETS("全部街道"), ALL_COMMUNITIES("全部社区"), CHOSEN("指定单位");

        private final String label;

        Audience(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum UnitKind {
        ORGAN("机关单位"), STREET("街道"), COMMUNITY("社区");

        private final String label;

        UnitKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Unit(UnitKind kind, long id) {
    }

    /** A unit's answer (DirectiveReply): acknowledged, completed with a report, urged, missed. */
    public record Reply(Instant acknowledgedAt, String acknowledgedBy, Instant completedAt, String completedBy,
                        String report, Instant urgedAt, Instant missedAt) {

        static Reply none() {
            return new Reply(null, null, null, null, null, null, null);
        }

        Reply acknowledged(Instant at, String by) {
            return new Reply(at, by, completedAt, completedBy, report, urgedAt, missedAt);
        }

        Reply completed(Instant at, String by, String text) {
            return new Reply(acknowledgedAt, acknowledgedBy, at, by, text, urgedAt, missedAt);
        }

        Reply urged(Instant at) {
            return new Reply(acknowledgedAt, acknowledgedBy, completedAt, completedBy, report, at, missedAt);
        }

        Reply missed(Instant at) {
            return new Reply(acknowledgedAt, acknowledgedBy, completedAt, completedBy, report, urgedAt, at);
        }
    }

    public enum EventType {
        ISSUED("下发"), ACKNOWLEDGED("签收"), COMPLETED("报告完成"), URGED("催办"), MISSED("逾期未完成");

        private final String label;

        EventType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Event(EventType type, Instant at, String actor, Unit unit, String note) {
    }
}
