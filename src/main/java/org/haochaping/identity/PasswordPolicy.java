package org.haochaping.identity;

import java.util.Locale;
import java.util.Set;

/**
 * 等保 level 3 password rules: at least 10 characters, three of upper case, lower case, digits and symbols, not
 * a common password and not containing the username.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "12345678", "123456789",
            "1234567890", "qwerty123", "qwertyuiop", "admin123", "admin@123", "p@ssw0rd", "passw0rd", "abc123456",
            "a1234567", "11111111", "88888888", "iloveyou", "welcome1", "zxcvbnm123", "root1234", "admin1234",
            "qq123456", "woaini1314", "aa123456", "abcd1234", "1qaz2wsx", "1q2w3e4r", "p@ssword1", "admin@2026",
            "password@123");

    private PasswordPolicy() {
    }

    /** The reason a password is refused, or null when it is acceptable. */
    static String check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "密码至少 " + MIN_LENGTH + " 位";
        }
        int classes = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return "密码过于常见，请换一个";
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "密码不能包含用户名";
        }
        return null;
    }
}
