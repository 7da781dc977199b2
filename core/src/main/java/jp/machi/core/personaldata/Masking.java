package jp.machi.core.personaldata;

import java.util.regex.Pattern;

/** How a {@link PersonalData} value looks masked. Pure. */
public final class Masking {

    /** What stands for text that is hidden entirely. */
    public static final String HIDDEN_TEXT = "＊＊＊";

    private static final Pattern MUNICIPALITY_END = Pattern.compile("^(?:.{1,4}?[都道府県])?.{1,10}?[市区町村]");

    private Masking() {
    }

    /** The value shown at {@code visibility}; null stays null. */
    public static String apply(PersonalData.Kind kind, String value, Visibility visibility) {
        if (value == null) {
            return null;
        }
        return switch (visibility) {
            case HIDDEN -> null;
            case FULL -> value;
            case MASKED -> mask(kind, value);
        };
    }

    public static String mask(PersonalData.Kind kind, String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case NAME -> name(value);
            case PHONE -> phone(value);
            case EMAIL -> email(value);
            case ADDRESS -> address(value);
            case FREE_TEXT, OTHER -> HIDDEN_TEXT;
        };
    }

    /** 山田 太郎 → 山＊ ＊＊: the first character, the rest hidden (spaces kept). */
    static String name(String v) {
        String s = v.strip();
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int first = s.codePointAt(0);
        out.appendCodePoint(first);
        s.codePoints().skip(1).forEach(c -> {
            if (Character.isWhitespace(c) || c == '\u3000') {
                out.appendCodePoint(c);
            } else {
                out.append('＊');
            }
        });
        return out.toString();
    }

    /** 090-1234-5678 → 090-****-5678: the first three and last four digits, separators kept. */
    static String phone(String v) {
        int digits = (int) v.codePoints().filter(Character::isDigit).count();
        int keepHead = digits >= 10 ? 3 : 0;
        int keepTail = digits >= 8 ? 4 : Math.min(2, digits);
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int c : v.strip().codePoints().toArray()) {
            if (Character.isDigit(c)) {
                out.appendCodePoint(i < keepHead || i >= digits - keepTail ? c : '*');
                i++;
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** yamada@example.jp → y***@example.jp. */
    static String email(String v) {
        String s = v.strip();
        int at = s.lastIndexOf('@');
        if (at <= 0) {
            return HIDDEN_TEXT;
        }
        return s.substring(0, s.offsetByCodePoints(0, 1)) + "***" + s.substring(at);
    }

    /** 茨城県つくば市研究学園1-1-1 → 茨城県つくば市＊＊＊: up to the municipality, the rest hidden. */
    static String address(String v) {
        var m = MUNICIPALITY_END.matcher(v.strip());
        if (m.find()) {
            return m.group() + HIDDEN_TEXT;
        }
        return HIDDEN_TEXT;
    }
}
