package org.ronghe.visits.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * An evaluation period (评议期), e.g. {@code 2026} or {@code 2026H2}: the work committee opens it with the
 * dates it covers and the last day ratings are taken, and closes it; a closed period refuses every new
 * rating and every change.
 */
public final class EvaluationPeriod {

    static final Pattern CODE = Pattern.compile("[0-9]{4}([HQ][1-4]|-[0-9A-Z]{1,8})?");
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    public enum State { OPEN, CLOSED }

    private Long id;
    private final String code;
    private final String name;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final LocalDate ratingClosesOn;
    private State state;
    private int version;
    private final Instant openedAt;
    private final String openedBy;
    private Instant closedAt;
    private String closedBy;
    private final List<EvaluationEvent> events = new ArrayList<>();

    private EvaluationPeriod(Long id, String code, String name, LocalDate startsOn, LocalDate endsOn, LocalDate ratingClosesOn,
                             State state, int version, Instant openedAt, String openedBy, Instant closedAt, String closedBy) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.ratingClosesOn = ratingClosesOn;
        this.state = state;
        this.version = version;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
    }

    /** Opens a period; every part is checked and a refusal names what is wrong, in Chinese. */
    public static EvaluationPeriod open(String code, String name, LocalDate startsOn, LocalDate endsOn, LocalDate ratingClosesOn,
                                       String actor, Instant now) {
        String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (c.isEmpty()) {
            throw new IllegalArgumentException("请填写评议期编码，如 2026 或 2026H2");
        }
        if (c.length() > 16 || !CODE.matcher(c).matches()) {
            throw new IllegalArgumentException("评议期编码应为年份，可加半年或季度，如 2026、2026H2、2026Q3：" + Grade.shorten(c));
        }
        String n = name == null || Texts.check("评议期名称", name, 100).isBlank() ? c + " 年度基层评议" : name.trim();
        if (startsOn == null || endsOn == null) {
            throw new IllegalArgumentException("请填写评议期的开始和结束日期");
        }
        inRange(startsOn);
        inRange(endsOn);
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("评议期结束日期不能早于开始日期");
        }
        if (ratingClosesOn == null) {
            throw new IllegalArgumentException("请填写评议截止日期（此后不再接受评议和修改）");
        }
        inRange(ratingClosesOn);
        if (ratingClosesOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("评议截止日期不能早于评议期开始日期");
        }
        LocalDate closes = ratingClosesOn;
        EvaluationPeriod period = new EvaluationPeriod(null, c, n, startsOn, endsOn, closes, State.OPEN, 0, now, actor, null, null);
        period.events.add(EvaluationEvent.period(EvaluationEvent.Type.PERIOD_OPENED, actor, now));
        return period;
    }

    private static void inRange(LocalDate d) {
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw new IllegalArgumentException("评议期日期应在 2000-01-01 至 2099-12-31 之间：" + d);
        }
    }

    public static EvaluationPeriod restore(long id, String code, String name, LocalDate startsOn, LocalDate endsOn,
                                          LocalDate ratingClosesOn, State state, int version, Instant openedAt, String openedBy,
                                          Instant closedAt, String closedBy) {
        return new EvaluationPeriod(id, code, name, startsOn, endsOn, ratingClosesOn, state, version, openedAt, openedBy,
                closedAt, closedBy);
    }

    /** Closes the period: from now on no rating is made or changed in it. */
    public void close(String actor, Instant now) {
        if (state == State.CLOSED) {
            throw new ConflictException("评议期 " + code + " 已于此前关闭", java.util.Map.of("state", state.name()));
        }
        state = State.CLOSED;
        closedAt = now;
        closedBy = actor;
        events.add(EvaluationEvent.period(EvaluationEvent.Type.PERIOD_CLOSED, actor, now));
    }

    /** Refuses a rating or change unless the period is open and its last rating day has not passed. */
    void requireAcceptsRatings(LocalDate today) {
        if (state == State.CLOSED) {
            throw new ConflictException("评议期 " + code + " 已关闭，不能再评议或修改评议", java.util.Map.of("state", state.name()));
        }
        if (today.isAfter(ratingClosesOn)) {
            throw new ConflictException("评议期 " + code + " 的评议已于 " + ratingClosesOn + " 截止，不能再评议或修改评议",
                    java.util.Map.of("state", state.name()));
        }
    }

    public boolean acceptsRatings(LocalDate today) {
        return state == State.OPEN && !today.isAfter(ratingClosesOn);
    }

    List<EvaluationEvent> takeEvents() {
        List<EvaluationEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    void stored(long id) {
        this.id = id;
    }

    void versionStored() {
        version++;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public LocalDate ratingClosesOn() {
        return ratingClosesOn;
    }

    public State state() {
        return state;
    }

    public int version() {
        return version;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    java.util.Map<String, Object> state(boolean withDates) {
        java.util.Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("code", code);
        s.put("state", state.name());
        if (withDates) {
            s.put("name", name);
            s.put("startsOn", startsOn.toString());
            s.put("endsOn", endsOn.toString());
            s.put("ratingClosesOn", ratingClosesOn.toString());
        }
        return s;
    }
}
