package jp.machi.it.support;

/** Telling Japanese from English text, for the language assertions. */
public final class Text {

    private Text() {
    }

    /** Contains hiragana, katakana or kanji. */
    public static boolean isJapanese(String s) {
        return s != null && s.codePoints().anyMatch(Text::isJapaneseChar);
    }

    /** Has letters, none of them Japanese. */
    public static boolean isEnglish(String s) {
        return s != null && s.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                && s.codePoints().noneMatch(Text::isJapaneseChar);
    }

    private static boolean isJapaneseChar(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HAN;
    }
}
