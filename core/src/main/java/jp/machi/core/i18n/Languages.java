package jp.machi.core.i18n;

import java.util.List;
import java.util.Locale;

/** The two languages Machi speaks: Japanese by default, English when asked for first. */
public final class Languages {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    /** The caller's language from its ordered preferences (e.g. {@code Accept-Language}). */
    public static Locale choose(List<Locale> preferred) {
        if (preferred != null) {
            for (Locale locale : preferred) {
                if ("ja".equals(locale.getLanguage())) {
                    return JAPANESE;
                }
                if ("en".equals(locale.getLanguage())) {
                    return ENGLISH;
                }
            }
        }
        return JAPANESE;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
