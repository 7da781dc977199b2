package jp.machi.collaboration.interfaces.rest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.core.api.ApiException;

/**
 * How the collaboration module's resources read query parameters and optional texts, once for all
 * of them: an unknown choice or a yes/no that is neither becomes a field error (collected, so one
 * 400 names every bad parameter), blank text is no value, and times are shown in Japan's zone.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The stripped text, or null when none or blank. */
    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The constant named by {@code text} (any case); null when none, a field error when unknown. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text,
            List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(field, "collaboration.valueUnknown", shown(text),
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    /** {@code true}/{@code false} (any case); none is false, anything else a field error. */
    public static boolean bool(String field, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank() || "false".equalsIgnoreCase(text.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(text.strip())) {
            return true;
        }
        errors.add(new ApiException.FieldErrorKey(field, "collaboration.booleanExpected", shown(text)));
        return false;
    }

    /** Records that the search text {@code q} is over 200 characters; answers null (no search). */
    public static String tooLong(List<ApiException.FieldErrorKey> errors) {
        errors.add(new ApiException.FieldErrorKey("q", "collaboration.queryTooLong", 200));
        return null;
    }

    /** The instant in Japan's zone, as the module shows times. */
    public static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(PartnerService.JAPAN).toOffsetDateTime();
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
