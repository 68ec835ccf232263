package org.ronghe.calls.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.Deadlines;
import org.ronghe.calls.ReplyClass;
import org.ronghe.calls.TimeLimit;
import org.ronghe.calls.Urgency;
import org.ronghe.platform.Audit;
import org.ronghe.platform.TimedCache;
import org.ronghe.platform.WorkCalendar;
import org.ronghe.platform.WorkingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time limits of each category and urgency, and the deadlines they give on the working calendar:
 * accept by, reply by, urge at 80 % of the reply time, escalate again one working day after the deadline.
 * Emergency calls run on the clock: their limits are in minutes or hours and they are escalated again
 * {@link #EMERGENCY_ESCALATE_AGAIN} after the deadline, at night and on holidays too.
 */
@Service
public class CallLimits {

    static final double URGE_AT = 0.8;
    static final int RATE_WITHIN_WORKING_DAYS = 3;
    /** An emergency call still unanswered this long after its deadline goes to the leaders liaising with its street. */
    public static final Duration EMERGENCY_ESCALATE_AGAIN = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final WorkCalendar calendar;
    private final Audit audit;
    private final TimedCache<String, ReplyClass> classes = new TimedCache<>(Duration.ofMinutes(1));
    private final TimedCache<String, ReplyClass.Limits> limitsCache = new TimedCache<>(Duration.ofMinutes(1));

    CallLimits(JdbcClient jdbc, WorkCalendar calendar, Audit audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    public ReplyClass replyClass(String category) {
        return classes.get(category, this::loadClass);
    }

    private ReplyClass loadClass(String category) {
        return jdbc.sql("SELECT reply_class FROM call_category WHERE category_code = :c").param("c", category)
                .query(String.class).optional().map(ReplyClass::valueOf).orElse(ReplyClass.GENERAL);
    }

    public ReplyClass.Limits limits(String category, Urgency urgency) {
        return limitsCache.get(category + "/" + urgency.name(), key -> loadLimits(category, urgency));
    }

    private ReplyClass.Limits loadLimits(String category, Urgency urgency) {
        return jdbc.sql("""
                        SELECT accept_amount, accept_unit, reply_amount, reply_unit FROM call_limit
                        WHERE category_code = :c AND urgency = :u""")
                .param("c", category).param("u", urgency.name())
                .query((rs, n) -> new ReplyClass.Limits(
                        new TimeLimit(rs.getInt(1), TimeLimit.Unit.valueOf(rs.getString(2))),
                        new TimeLimit(rs.getInt(3), TimeLimit.Unit.valueOf(rs.getString(4)))))
                .optional()
                .orElseGet(() -> replyClass(category).defaults(urgency));
    }

    /** The deadlines of a dispatch made at {@code now}. */
    public Deadlines deadlines(String category, Urgency urgency, Instant now) {
        return deadlines(limits(category, urgency), urgency, now, calendar.time());
    }

    /** The deadlines a dispatch at {@code now} gets under the given limits (a call that is not an emergency). */
    public static Deadlines deadlines(ReplyClass.Limits limits, Instant now, WorkingTime time) {
        return deadlines(limits, Urgency.NORMAL, now, time);
    }

    /** The deadlines a dispatch at {@code now} of a call of this urgency gets under the given limits. */
    public static Deadlines deadlines(ReplyClass.Limits limits, Urgency urgency, Instant now, WorkingTime time) {
        Instant replyBy = limits.reply().from(now, time);
        return new Deadlines(limits.accept().from(now, time), replyBy, urgeAt(now, replyBy, limits.reply().working(), time),
                escalateAgainAt(urgency, replyBy, time));
    }

    /** The deadlines after an extension to {@code replyBy}: urging moves with it. */
    public Deadlines extended(String category, Urgency urgency, Instant dispatchedAt, Instant acceptBy, Instant replyBy) {
        WorkingTime time = calendar.time();
        boolean working = limits(category, urgency).reply().working();
        return new Deadlines(acceptBy, replyBy, urgeAt(dispatchedAt, replyBy, working, time), escalateAgainAt(urgency, replyBy, time));
    }

    /** One working day after the deadline; an emergency does not wait for the next working day. */
    static Instant escalateAgainAt(Urgency urgency, Instant replyBy, WorkingTime time) {
        return urgency.roundTheClock() ? replyBy.plus(EMERGENCY_ESCALATE_AGAIN) : time.plus(replyBy, time.workingDay());
    }

    /** When the auto-close of an unrated reply falls: three working days after the reply. */
    public Instant rateBy(Instant repliedAt) {
        return rateBy(repliedAt, calendar.time());
    }

    public static Instant rateBy(Instant repliedAt, WorkingTime time) {
        return time.endOfWorkingDays(repliedAt, RATE_WITHIN_WORKING_DAYS);
    }

    public WorkingTime time() {
        return calendar.time();
    }

    static Instant urgeAt(Instant start, Instant deadline, boolean working, WorkingTime time) {
        if (working) {
            Duration total = time.between(start, deadline);
            return time.plus(start, Duration.ofSeconds(Math.round(total.toSeconds() * URGE_AT)));
        }
        return start.plus(Duration.ofSeconds(Math.round(Duration.between(start, deadline).toSeconds() * URGE_AT)));
    }

    /** Every category with its class and limits, for the settings page. */
    public List<CategoryLimits> all() {
        return jdbc.sql("SELECT code, name FROM category ORDER BY code")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .map(e -> new CategoryLimits(e.getKey(), e.getValue(), replyClass(e.getKey()),
                        limits(e.getKey(), Urgency.NORMAL), limits(e.getKey(), Urgency.URGENT), limits(e.getKey(), Urgency.EMERGENCY)))
                .toList();
    }

    @Transactional
    public void setClass(String category, ReplyClass replyClass) {
        ReplyClass before = replyClass(category);
        jdbc.sql("DELETE FROM call_category WHERE category_code = :c").param("c", category).update();
        jdbc.sql("INSERT INTO call_category (category_code, reply_class) VALUES (:c, :r)")
                .param("c", category).param("r", replyClass.name()).update();
        classes.clear();
        limitsCache.clear();
        audit.record(Audit.Entry.change("CALL_CLASS_SET", "category", category, Map.of("replyClass", before.name()),
                Map.of("replyClass", replyClass.name())));
    }

    @Transactional
    public void setLimits(String category, Urgency urgency, ReplyClass.Limits limits) {
        if (urgency.roundTheClock() && (limits.accept().working() || limits.reply().working())) {
            throw new IllegalArgumentException("应急诉求的时限按自然时间（昼夜、节假日不停）计算，单位须为分钟或小时");
        }
        ReplyClass.Limits before = limits(category, urgency);
        jdbc.sql("DELETE FROM call_limit WHERE category_code = :c AND urgency = :u")
                .param("c", category).param("u", urgency.name()).update();
        jdbc.sql("""
                        INSERT INTO call_limit (category_code, urgency, accept_amount, accept_unit, reply_amount, reply_unit)
                        VALUES (:c, :u, :aa, :au, :ra, :ru)""")
                .param("c", category).param("u", urgency.name())
                .param("aa", limits.accept().amount()).param("au", limits.accept().unit().name())
                .param("ra", limits.reply().amount()).param("ru", limits.reply().unit().name()).update();
        limitsCache.clear();
        audit.record(Audit.Entry.change("CALL_LIMITS_SET", "category", category + "/" + urgency,
                Map.of("accept", before.accept().label(), "reply", before.reply().label()),
                Map.of("accept", limits.accept().label(), "reply", limits.reply().label())));
    }

    public record CategoryLimits(String code, String name, ReplyClass replyClass, ReplyClass.Limits normal,
                                 ReplyClass.Limits urgent, ReplyClass.Limits emergency) {
    }
}
