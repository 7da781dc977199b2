package jp.machi.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Looks up user-facing messages by key in {@code jp/machi/core/i18n/messages*.properties}.
 * Japanese is the root bundle, so a key missing in English still says something.
 */
public final class Messages {

    private static final String BUNDLE = "jp.machi.core.i18n.messages";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        Locale effective = Languages.isEnglish(locale) ? Languages.ENGLISH : Locale.ROOT;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, effective, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return format(pattern, effective, args);
    }

    /**
     * Renders a pattern even without arguments: every message is written in MessageFormat syntax
     * (a literal ' is ''), so returning a pattern unformatted would show '' to the reader.
     */
    static String format(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }
}
