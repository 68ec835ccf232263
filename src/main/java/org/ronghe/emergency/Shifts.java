package org.ronghe.emergency;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The three-shift day (三班倒) in the application's zone: 夜 00:00–08:00, 早 08:00–16:00, 中 16:00–24:00. The coverage
 * board looks at the shift under way and the eight after it (72 hours); a stationing covers whole shifts.
 */
public final class Shifts {

    public static final int HOURS = 8;
    public static final int BOARD = 9;
    public static final int MOST = BOARD;

    /** NIGHT 夜 00–08, DAY 早 08–16, EVENING 中 16–24. */
    public enum Kind {
        NIGHT, DAY, EVENING
    }

    /** One shift of the board: its bounds, its day (MM-dd) and kind, and whether it is under way. */
    public record Shift(int index, Instant start, Instant end, String day, Kind kind, boolean current) {
    }

    private Shifts() {
    }

    /** The start of the shift under way at {@code at}. */
    public static Instant startOf(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        int hour = local.getHour() / HOURS * HOURS;
        return local.toLocalDate().atTime(hour, 0).atZone(zone).toInstant();
    }

    /** Whether an instant is a shift boundary (00:00, 08:00 or 16:00 in the zone). */
    public static boolean aligned(Instant at, ZoneId zone) {
        return startOf(at, zone).equals(at);
    }

    /** The shift {@code n} shifts after the one starting at {@code start} (counted on the wall clock). */
    public static Instant after(Instant start, int n, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        return local.plusHours((long) HOURS * n).atZone(zone).toInstant();
    }

    /** The board's nine shifts from the one under way at {@code from}; {@code now} marks the current one. */
    public static List<Shift> board(Instant from, Instant now, ZoneId zone) {
        Instant first = startOf(from, zone);
        List<Shift> shifts = new ArrayList<>(BOARD);
        for (int i = 0; i < BOARD; i++) {
            Instant start = after(first, i, zone);
            Instant end = after(first, i + 1, zone);
            ZonedDateTime local = start.atZone(zone);
            shifts.add(new Shift(i, start, end, String.format("%02d-%02d", local.getMonthValue(), local.getDayOfMonth()),
                    Kind.values()[local.getHour() / HOURS], !now.isBefore(start) && now.isBefore(end)));
        }
        return shifts;
    }
}
