package jp.machi.core.identity.user.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ログインID: how a person names their account when signing in. Compared without regard to case or
 * to full-width/half-width forms (ＴＡＮＡＫＡ is tanaka), so logins are stored in that one form.
 */
public final class Logins {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._@+-]{1,99}");

    private Logins() {
    }

    /** The stored form: NFKC, trimmed, lower case. */
    public static String normalize(String login) {
        if (login == null) {
            return "";
        }
        return Normalizer.normalize(login, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** 2–100 of a–z, 0–9 and {@code . _ @ + -}, starting with a letter or digit (after normalizing). */
    public static boolean isValid(String normalized) {
        return normalized != null && ALLOWED.matcher(normalized).matches();
    }
}
