package org.ronghe.network.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Filters from query parameters: a value that names nothing is refused (400), not ignored. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " 应为以下之一：" + Arrays.toString(type.getEnumConstants())));
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " 日期格式应为 YYYY-MM-DD");
        }
    }
}
