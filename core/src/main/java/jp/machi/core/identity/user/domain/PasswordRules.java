package jp.machi.core.identity.user.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * パスワード規則: what a password of Machi's own user store must be. Long rather than clever:
 * at least {@value #MIN_LENGTH} characters, not the login inside it, not one kind of character
 * only, not one character repeated, not one of the passwords everybody tries first.
 * Each broken rule is reported with a message key of the core bundle.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** PBKDF2 hashes any length, but nobody types more, and a huge body should not cost CPU. */
    public static final int MAX_LENGTH = 128;
    static final int MIN_DISTINCT = 5;

    /** Lower-cased; a password equal to one of these, or to one of these plus digits, is refused. */
    private static final Set<String> COMMON = Set.of("password", "passw0rd", "qwertyuiop", "qwerty", "letmein",
            "welcome", "administrator", "admin", "changeme", "iloveyou", "machi", "123456789", "abcdefghijkl",
            "1234567890");

    private PasswordRules() {
    }

    /** A broken rule: a message key and its arguments. */
    public record Violation(String key, Object... args) {
        @Override
        public String toString() {
            return key + (args.length == 0 ? "" : List.of(args).toString());
        }
    }

    /** Every rule {@code password} breaks for the account {@code login} (empty when it is acceptable). */
    public static List<Violation> check(String password, String login) {
        List<Violation> broken = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            broken.add(new Violation("password.tooShort", MIN_LENGTH));
            return broken;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            broken.add(new Violation("password.tooShort", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            broken.add(new Violation("password.tooLong", MAX_LENGTH));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (login != null && login.strip().length() >= 3 && lower.contains(login.strip().toLowerCase(Locale.ROOT))) {
            broken.add(new Violation("password.containsLogin"));
        }
        if (classes(password) < 2) {
            broken.add(new Violation("password.oneClass"));
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            broken.add(new Violation("password.fewDistinct", MIN_DISTINCT));
        }
        String letters = lower.replaceAll("[^\\p{L}]", "");
        String withoutTrailingDigits = lower.replaceAll("[\\d\\p{Punct}]+$", "");
        if (COMMON.contains(lower) || COMMON.contains(withoutTrailingDigits) || COMMON.contains(letters)) {
            broken.add(new Violation("password.common"));
        }
        return broken;
    }

    /** How many of lower case, upper case, digits and everything else (symbols, kana, kanji) appear. */
    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128 && Character.isLowerCase(c)) {
                lower = true;
            } else if (c < 128 && Character.isUpperCase(c)) {
                upper = true;
            } else if (c < 128 && Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
