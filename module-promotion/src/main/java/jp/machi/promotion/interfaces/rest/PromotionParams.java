package jp.machi.promotion.interfaces.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;

/**
 * Query and body values of the promotion endpoints read as text, so that a bad value is a field
 * error in ja/en (collected in {@code errors}, thrown together before anything is written).
 */
public final class PromotionParams {

    private PromotionParams() {
    }

    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static Boolean bool(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(new ApiException.FieldErrorKey(name, "promotion.param.boolean", text));
                yield null;
            }
        };
    }

    /** A day from 1900 to 9999 ({@code 2024-04-01}); {@code null} when not given. */
    public static LocalDate date(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 1900 || d.getYear() > 9999) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldErrorKey(name, "promotion.param.date", text));
            return null;
        }
    }

    public static UUID uuid(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(name, "promotion.param.uuid", text));
            return null;
        }
    }

    /** A fiscal year as {@code R6}, {@code 令和6年度} or {@code 2024}, by the year it starts; {@code null} when not given. */
    public static Integer fiscalYear(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FiscalYear.parse(text).startYear();
        } catch (RuntimeException e) {
            errors.add(new ApiException.FieldErrorKey(name, "promotion.param.fiscalYear", text));
            return null;
        }
    }

    /** A value of {@code type} by its code, case-insensitively; {@code null} when not given; {@code unknownKey} names the message. */
    public static <E extends Enum<E>> E code(Class<E> type, String name, String text, String unknownKey,
            List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(name, unknownKey, text));
            return null;
        }
    }

    public static void throwIfAny(List<ApiException.FieldErrorKey> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
