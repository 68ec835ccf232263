package org.ronghe.visits.service;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2026Q3}: the period a feedback sheet covers. */
public record Quarter(int year, int number) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4 || year < 2000 || year > 2999) {
            throw new IllegalArgumentException("季度不正确：" + year + "Q" + number);
        }
    }

    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("季度格式应为“年份Q季度”，例如 2026Q3");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate first() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    public LocalDate yearStart() {
        return LocalDate.of(year, 1, 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    /** 2026年第3季度 */
    public String label() {
        return year + "年第" + number + "季度";
    }

    @Override
    public String toString() {
        return year + "Q" + number;
    }
}
