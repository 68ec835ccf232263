package org.ronghe.directory.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity card numbers (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit
 * sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** @return why the number is invalid, or empty when it is valid */
    public static Optional<String> problem(String id) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return Optional.of("应为 18 位（末位可为 X）");
        }
        if (birthDate(id).isEmpty()) {
            return Optional.of("出生日期部分无效");
        }
        if (Character.toUpperCase(id.charAt(17)) != checkCharacter(id.substring(0, 17))) {
            return Optional.of("校验位不正确");
        }
        return Optional.empty();
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The gender the sequence encodes: odd for men, even for women. */
    public static boolean male(String id) {
        return (id.charAt(16) - '0') % 2 == 1;
    }
}
