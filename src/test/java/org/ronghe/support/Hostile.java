package org.ronghe.support;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What hostile or careless clients send: fragments of SQL and HTML, Unicode that trips up naive code
 * (right-to-left marks, emoji, combining marks, full-width digits), characters no text may hold (NUL,
 * other control characters, lone surrogates), strings of a megabyte, values of the wrong JSON type and
 * ids that are no ids. The generators are shared by the bad-input properties.
 */
public final class Hostile {

    /** One megabyte of text: far beyond every limit of the platform, within the upload limit of the server. */
    public static final int HUGE = 1 << 20;

    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE call; --", "1; DELETE FROM member",
            "\" OR \"\"=\"", "%' AND 1=1 --", "') UNION SELECT username, password_hash FROM account --",
            "\\'; SELECT pg_sleep(1); --", "_%", "%", "*/ OR /*", "$$; TRUNCATE audit_log; $$");
    static final List<String> HTML = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "[[${7*7}]]", "<!--", "&lt;b&gt;");
    static final List<String> UNICODE = List.of("\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD", "مرحبا",
            "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "e\u0301\u0301\u0301", "Z\u0351\u0363\u036B\u0350",
            "\uFF11\uFF12\uFF13", "\u0661\u0662\u0663", "\u200B", "\uFEFF", "\u3000", "\u00A0", "\uFFFD", "\uD800\uDC00",
            "𠮷野家", "丨亅乚", "\u2028\u2029");
    /** Never part of text: NUL, other C0 controls, DEL and lone surrogates. */
    static final List<String> FORBIDDEN = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B",
            "\u001F", "\u007F", "\uD800", "\uDFFF", "\uDBFF");

    private Hostile() {
    }

    /** Text a person may well type: every kind above that is still text (may be stored verbatim). */
    public static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(SQL), Arbitraries.of(HTML), Arbitraries.of(UNICODE),
                Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(12).filter(Hostile::clean));
        return piece.list().ofMinSize(1).ofMaxSize(4).map(p -> String.join("", p)).filter(s -> !s.isBlank());
    }

    /** Text with a character no text may hold, away from the ends so trimming cannot remove it. */
    public static Arbitrary<String> forbidden() {
        return Combinators.combine(text(), Arbitraries.of(FORBIDDEN), text()).as((a, bad, b) -> a + bad + b);
    }

    /** A string longer than {@code limit}: just over it, or a megabyte. */
    public static Arbitrary<String> longerThan(int limit) {
        return Arbitraries.oneOf(Arbitraries.integers().between(limit + 1, limit + 64).map(n -> "长".repeat(n)),
                Arbitraries.just("x".repeat(HUGE)), Arbitraries.just("汉".repeat(HUGE / 3)));
    }

    /** A string longer than {@code limit} and at most {@code max} long (what fits in a URL a server accepts). */
    public static Arbitrary<String> longerThan(int limit, int max) {
        return Arbitraries.integers().between(limit + 1, max).map(n -> "长".repeat(n));
    }

    /** Strings that are no code of the district: each holds a character no code has. */
    // No "_" among the marks: "4401_03001" is a valid new username, so a write naming one may rightly succeed.
    public static Arbitrary<String> notACode(List<String> realCodes) {
        Arbitrary<String> disguised = Combinators.combine(Arbitraries.of(realCodes), Arbitraries.of(
                        "\u200B", "\u200F", "\uFEFF", "\u0301", "'", "\uD83D\uDE00", "%", "<b>", "；", "\u3000x"))
                .as((code, mark) -> code.substring(0, code.length() / 2) + mark + code.substring(code.length() / 2));
        Arbitrary<String> fullWidth = Arbitraries.of(realCodes).map(Hostile::fullWidth);
        return Arbitraries.oneOf(Arbitraries.of(SQL), Arbitraries.of(HTML), disguised, fullWidth, forbidden(),
                Arbitraries.just("x".repeat(HUGE)));
    }

    /** Path ids that are no record: negative, zero, too large for a long, not numbers, full-width digits. */
    public static Arbitrary<String> notAnId() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "0", "99999999999999999999", "9223372036854775808", "1e3", "0x10", "1.5",
                        "NaN", "null", "undefined", "true", "%20", "..", "~", "1,2", "\uFF11\uFF12", "\u0661", "9".repeat(400)),
                Arbitraries.longs().between(1_000_000_000L, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.of(SQL), Arbitraries.of(HTML), Arbitraries.of(UNICODE).filter(u -> !u.isBlank()), forbidden());
    }

    /** A JSON value that is not a string (for a field that wants one): arrays and objects are never coerced. */
    public static Arbitrary<Object> notAString() {
        return Arbitraries.of(List.of(), List.of("a", 1), Map.of(), Map.of("$gt", ""), Map.of("value", "x"));
    }

    /** A JSON value that is no number, boolean or date: Jackson coerces none of these. */
    public static Arbitrary<Object> notAScalar() {
        return Arbitraries.oneOf(notAString(), Arbitraries.of("abc", "1,5", "十", "\uFF11", "2025-13-45", "yes please"));
    }

    public static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : (char) c));
        return out.toString();
    }

    private static boolean clean(String s) {
        return s.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }
}
