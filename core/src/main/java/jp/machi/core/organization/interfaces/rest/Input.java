package jp.machi.core.organization.interfaces.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.ApiException.FieldErrorKey;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitKind;

/**
 * Reads the fields of one request, collecting every problem so that the caller hears about all
 * of them in one 400 rather than one per attempt.
 */
final class Input {

    /** Municipal days begin in Japan, whatever the server's clock says. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Kana readings: hiragana or katakana, with the long-vowel mark, middle dot and spaces. */
    private static final Pattern KANA = Pattern.compile("^[\\p{IsHiragana}\\p{IsKatakana}ー・ 　]+$");

    private static final int MAX_ID_SHOWN = 40;

    private final List<FieldErrorKey> errors = new ArrayList<>();

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    String required(String field, String value, int max) {
        String v = strip(value);
        if (v == null) {
            fail(field, "field.required");
            return null;
        }
        return withinLength(field, v, max);
    }

    String optional(String field, String value, int max) {
        String v = strip(value);
        return v == null ? null : withinLength(field, v, max);
    }

    String kana(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v != null && !KANA.matcher(v).matches()) {
            fail(field, "field.kana");
        }
        return v;
    }

    String code(String field, String value) {
        String v = strip(value);
        if (v == null) {
            fail(field, "field.required");
        } else if (!OrganizationUnit.isValidCode(v)) {
            fail(field, "organization.code.format");
        }
        return v;
    }

    /** A kind by its code ({@code DIVISION}, any case) or its Japanese label ({@code 課}). */
    UnitKind kind(String field, String value) {
        String v = strip(value);
        if (v == null) {
            fail(field, "field.required");
            return null;
        }
        for (UnitKind k : UnitKind.values()) {
            if (k.name().equalsIgnoreCase(v) || k.label().ja().equals(v)) {
                return k;
            }
        }
        fail(field, "organization.kind.unknown", shorten(v),
                Arrays.stream(UnitKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    UUID id(String field, String value) {
        String v = strip(value);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            fail(field, "organization.id.format", shorten(v));
            return null;
        }
    }

    /** An ISO date; {@code fallback} when absent (a null fallback makes the date required). */
    LocalDate date(String field, String value, LocalDate fallback) {
        String v = strip(value);
        if (v == null) {
            if (fallback == null) {
                fail(field, "field.required");
            }
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.getYear() < 1868 || d.getYear() > 9999) {
                // Before Meiji there were no municipalities in today's sense; beyond 9999 is a typo.
                fail(field, "date.range", v);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            fail(field, "date.format", shorten(v));
            return null;
        }
    }

    boolean flag(String field, String value) {
        String v = strip(value);
        if (v == null || "false".equalsIgnoreCase(v)) {
            return false;
        }
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        fail(field, "field.boolean", shorten(v));
        return false;
    }

    void fail(String field, String key, Object... args) {
        errors.add(new FieldErrorKey(field, key, args));
    }

    /** Throws the 400 listing every problem found so far, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private String withinLength(String field, String v, int max) {
        if (v.codePointCount(0, v.length()) > max) {
            fail(field, "field.tooLong", max);
        }
        return v;
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }

    /** Echoes a rejected value without letting a huge one fill the response. */
    private static String shorten(String v) {
        return v.length() > MAX_ID_SHOWN ? v.substring(0, MAX_ID_SHOWN) + "…" : v;
    }
}
