package org.ronghe.emergency;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.ronghe.platform.Labelled;

/** Reads an enum sent as text, refusing anything else in Chinese with the choices. */
final class Parse {

    private Parse() {
    }

    static <E extends Enum<E> & Labelled> E required(Class<E> type, String field, String fieldName, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写" + fieldName + "（" + field + "）：" + choices(type));
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fieldName + "（" + field + "）无效，可选：" + choices(type));
        }
    }

    private static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name() + " " + e.label()).collect(Collectors.joining("、"));
    }
}
