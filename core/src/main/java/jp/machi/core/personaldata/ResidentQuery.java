package jp.machi.core.personaldata;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who a resident data request is about: an e-mail address and/or a telephone number, compared in
 * a normal form ({@link #email(String)}, {@link #phoneDigits(String)}) that modules also store,
 * so that 090-1234-5678 and ０９０１２３４５６７８ find the same records.
 */
public record ResidentQuery(String email, String phoneDigits) {

    /** E-mail in normal form: NFKC, trimmed, lower case; null for blank. */
    public static String email(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Only the digits of a telephone number (full-width ones too); null when there are none. */
    public static String phoneDigits(String text) {
        if (text == null) {
            return null;
        }
        String digits = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    /** Whether a record with this e-mail and phone (stored in normal form) is about the resident. */
    public boolean matches(String storedEmail, String storedPhoneDigits) {
        return email != null && email.equals(storedEmail) || phoneDigits != null && phoneDigits.equals(storedPhoneDigits);
    }
}
