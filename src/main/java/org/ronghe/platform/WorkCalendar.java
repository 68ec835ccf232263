package org.ronghe.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official working calendar (法定节假日 and 调休) with the office hours, as the deadlines of
 * every module count it. Declared days live in {@code calendar_day} (seeded 2025–2027, editable by
 * administrators); they are read again at most once a minute, so every node sees an edit soon.
 */
@Service
public class WorkCalendar {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Audit audit;
    private final List<WorkingTime.Hours> hours;
    private volatile Snapshot snapshot;

    WorkCalendar(JdbcClient jdbc, Clock clock, Audit audit,
                 @Value("${ronghe.calendar.hours:08:30-12:00,14:00-17:30}") String hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.hours = WorkingTime.Hours.parse(hours);
    }

    public WorkingTime time() {
        Snapshot current = snapshot;
        Instant now = Instant.now();
        if (current == null || current.loadedAt().plus(REFRESH).isBefore(now)) {
            current = new Snapshot(load(), now);
            snapshot = current;
        }
        return current.time();
    }

    public boolean isWorkingDay(LocalDate day) {
        return time().isWorkingDay(day);
    }

    public List<DeclaredDay> declared(int year) {
        return jdbc.sql("SELECT calendar_date, kind, name FROM calendar_day WHERE calendar_date >= :from AND calendar_date < :to ORDER BY calendar_date")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new DeclaredDay(rs.getObject(1, LocalDate.class),
                        WorkingTime.DayKind.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** Declares a day a holiday or a swapped working day; {@code kind == null} returns it to the ordinary week. */
    @Transactional
    public void declare(LocalDate day, WorkingTime.DayKind kind, String name) {
        var before = jdbc.sql("SELECT kind, name FROM calendar_day WHERE calendar_date = :d").param("d", day)
                .query((rs, n) -> Map.of("kind", rs.getString(1), "name", String.valueOf(rs.getString(2)))).optional();
        jdbc.sql("DELETE FROM calendar_day WHERE calendar_date = :d").param("d", day).update();
        if (kind != null) {
            jdbc.sql("INSERT INTO calendar_day (calendar_date, kind, name) VALUES (:d, :k, :n)")
                    .param("d", day).param("k", kind.name()).param("n", name == null ? "" : name.trim()).update();
        }
        audit.record(Audit.Entry.change("CALENDAR_DAY_DECLARED", "calendar-day", day.toString(), before.orElse(null),
                kind == null ? null : Map.of("kind", kind.name(), "name", name == null ? "" : name)));
        snapshot = null;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private WorkingTime load() {
        Map<LocalDate, WorkingTime.DayKind> days = new HashMap<>();
        jdbc.sql("SELECT calendar_date, kind FROM calendar_day")
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), WorkingTime.DayKind.valueOf(rs.getString(2))))
                .list().forEach(e -> days.put(e.getKey(), e.getValue()));
        return new WorkingTime(days, hours, clock.getZone());
    }

    public record DeclaredDay(LocalDate day, WorkingTime.DayKind kind, String name) {
    }

    private record Snapshot(WorkingTime time, Instant loadedAt) {
    }
}
