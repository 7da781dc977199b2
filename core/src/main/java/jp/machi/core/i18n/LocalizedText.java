package jp.machi.core.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Japanese, with its English rendering. Japanese is the language of record; English is
 * what a caller gets when it asks for it.
 */
public record LocalizedText(String ja, String en) {

    public LocalizedText {
        Objects.requireNonNull(ja, "ja");
        en = en == null || en.isBlank() ? ja : en;
    }

    public static LocalizedText of(String ja, String en) {
        return new LocalizedText(ja, en);
    }

    public String in(Locale locale) {
        return Languages.isEnglish(locale) ? en : ja;
    }
}
