package org.ronghe.platform;

import java.util.ArrayList;
import java.util.List;

/** At least 8 characters drawn from at least 3 of: lower case, upper case, digits, symbols. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    /** @return the broken rules in Chinese, empty when the password is acceptable */
    public static List<String> violations(String password) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            broken.add("密码长度至少为 " + MIN_LENGTH + " 位");
        }
        if (password == null || classes(password) < 3) {
            broken.add("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        return broken;
    }

    public static boolean accepts(String password) {
        return violations(password).isEmpty();
    }

    private static int classes(String password) {
        boolean lower = false, upper = false, digit = false, symbol = false;
        for (char c : password.toCharArray()) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
