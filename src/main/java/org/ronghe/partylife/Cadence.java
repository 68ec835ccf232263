package org.ronghe.partylife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How often a kind of meeting is due: its periods within a calendar year. */
public enum Cadence {
    MONTHLY("每月", 1), QUARTERLY("每季度", 3), YEARLY("每年", 12);

    private final String label;
    private final int months;

    Cadence(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    /** The periods of the year, in order: 2026-03 (a month), 2026-Q1 (a quarter), 2026 (the year). */
    public List<Period> periods(int year) {
        List<Period> periods = new ArrayList<>();
        for (int start = 1; start <= 12; start += months) {
            LocalDate from = LocalDate.of(year, start, 1);
            LocalDate to = from.plusMonths(months).minusDays(1);
            String code = switch (this) {
                case MONTHLY -> "%d-%02d".formatted(year, start);
                case QUARTERLY -> "%d-Q%d".formatted(year, (start - 1) / 3 + 1);
                case YEARLY -> String.valueOf(year);
            };
            periods.add(new Period(code, from, to));
        }
        return periods;
    }

    /** The period of this cadence that holds the date. */
    public Period periodOf(LocalDate date) {
        return periods(date.getYear()).stream().filter(p -> p.holds(date)).findFirst().orElseThrow();
    }

    public static Cadence parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请选择频次（cadence）：MONTHLY 每月、QUARTERLY 每季度、YEARLY 每年");
        }
        return Arrays.stream(values()).filter(c -> c.name().equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的频次：" + text.trim() + "，可选：MONTHLY、QUARTERLY、YEARLY"));
    }

    /** A period of a rule: its code and first and last days. */
    public record Period(String code, LocalDate start, LocalDate end) {

        public boolean holds(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }
}
