package org.ronghe.platform;

/**
 * What free text may hold before it is stored: no control characters other than tab and line breaks
 * (NUL in particular, which PostgreSQL refuses) and no half of a surrogate pair, and no more characters
 * than its column. Refusals are {@link IllegalArgumentException}s with a Chinese message naming the field,
 * answered with 400.
 */
public final class Texts {

    private Texts() {
    }

    /** Why the text cannot be stored as it is, or {@code null} when it can. */
    public static String unacceptable(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "含有无效的 Unicode 字符（不成对的代理项）";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return "含有不可见的控制字符（U+%04X）".formatted((int) c);
            }
        }
        return null;
    }

    /** The text itself when it may be stored in a field of at most {@code max} characters. */
    public static String check(String field, String text, int max) {
        if (text == null) {
            return null;
        }
        String why = unacceptable(text);
        if (why != null) {
            throw new IllegalArgumentException(field + why);
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(field + "不能超过 " + max + " 个字符（现为 " + text.length() + " 个）");
        }
        return text;
    }
}
