package org.ronghe.platform;

import java.util.Arrays;
import java.util.Optional;

/** An enum with the Chinese label used in spreadsheets (imports take the label or the constant). */
public interface Labelled {

    String label();

    String name();

    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.label().equals(t) || e.name().equalsIgnoreCase(t))
                .findFirst();
    }

    static <E extends Enum<E> & Labelled> String labels(Class<E> type) {
        return String.join("、", Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
    }
}
