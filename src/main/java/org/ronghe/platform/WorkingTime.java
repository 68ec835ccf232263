package org.ronghe.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * Working time on the official calendar: weekdays are working days unless declared holidays, and a
 * weekend day declared a swapped working day (调休) is one. Within a working day only the office
 * hours count. Plain logic over a map of declared days, so it can be tested without a database.
 */
public final class WorkingTime {

    private static final int MAX_DAYS = 3660;

    private final Map<LocalDate, DayKind> declared;
    private final List<Hours> hours;
    private final ZoneId zone;

    public WorkingTime(Map<LocalDate, DayKind> declared, List<Hours> hours, ZoneId zone) {
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("office hours are needed");
        }
        this.declared = Map.copyOf(declared);
        this.hours = List.copyOf(hours);
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = declared.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The length of one working day's office hours. */
    public Duration workingDay() {
        return hours.stream().map(h -> Duration.between(h.from(), h.to())).reduce(Duration.ZERO, Duration::plus);
    }

    /** The instant when {@code amount} of working time has passed after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        Duration left = amount;
        ZonedDateTime at = start.atZone(zone);
        LocalDate day = at.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Hours h : hours) {
                ZonedDateTime from = day.atTime(h.from()).atZone(zone);
                ZonedDateTime to = day.atTime(h.to()).atZone(zone);
                if (!to.isAfter(at)) {
                    continue;
                }
                ZonedDateTime begin = from.isAfter(at) ? from : at;
                Duration available = Duration.between(begin, to);
                if (available.compareTo(left) >= 0) {
                    return begin.plus(left).toInstant();
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time within ten years of " + start);
    }

    /** The end of office hours on the {@code days}-th working day after the day of {@code start}. */
    public Instant endOfWorkingDays(Instant start, int days) {
        LocalDate day = start.atZone(zone).toLocalDate();
        int counted = 0;
        for (int i = 0; i < MAX_DAYS && counted < days; i++) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(hours.get(hours.size() - 1).to()).atZone(zone).toInstant();
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Hours h : hours) {
                ZonedDateTime start = max(day.atTime(h.from()).atZone(zone), a);
                ZonedDateTime end = min(day.atTime(h.to()).atZone(zone), b);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    public ZoneId zone() {
        return zone;
    }

    private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** A declared day: a holiday on a weekday, or a working day on a weekend (调休). */
    public enum DayKind {
        HOLIDAY, WORKDAY
    }

    /** One stretch of office hours, e.g. 08:30–12:00. */
    public record Hours(LocalTime from, LocalTime to) {

        public Hours {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("office hours end after they begin: " + from + "-" + to);
            }
        }

        /** Parses {@code 08:30-12:00,14:00-17:30}. */
        public static List<Hours> parse(String text) {
            return java.util.Arrays.stream(text.split(","))
                    .map(String::trim)
                    .map(part -> part.split("-"))
                    .map(p -> new Hours(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim())))
                    .sorted(java.util.Comparator.comparing(Hours::from))
                    .toList();
        }
    }
}
