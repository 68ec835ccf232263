package org.ronghe.platform;

import java.util.Random;

/** Generates passwords that meet {@link PasswordPolicy} and are easy to read aloud (no 0/O, 1/l). */
public final class Passwords {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@";

    private Passwords() {
    }

    public static String generate(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(pick(random, LOWER));
        }
        for (int i = 0; i < 3; i++) {
            sb.append(pick(random, UPPER));
        }
        for (int i = 0; i < 4; i++) {
            sb.append(pick(random, DIGITS));
        }
        sb.append(pick(random, SYMBOLS));
        return sb.toString();
    }

    private static char pick(Random random, String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
