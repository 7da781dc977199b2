package jp.machi.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.machi.core.module.ModuleIds;

/**
 * Looks up user-facing messages by key: core's in {@code jp/machi/core/i18n/messages*.properties},
 * a module's in {@code jp/machi/<moduleId>/messages*.properties} for keys starting with
 * {@code <moduleId>.}. Japanese is the root bundle, so a key missing in English still says something.
 */
public final class Messages {

    private static final String CORE_BUNDLE = "jp.machi.core.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        Locale effective = Languages.isEnglish(locale) ? Languages.ENGLISH : Locale.ROOT;
        String pattern = find(CORE_BUNDLE, effective, key, Messages.class.getClassLoader());
        if (pattern == null) {
            // A module's key starts with its id (ModuleIds: the contract's rule), e.g. "bousai-drill.item.notFound".
            String module = ModuleIds.prefixOf(key, '.');
            if (module != null) {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                pattern = find("jp.machi." + module + ".messages", effective, key,
                        cl == null ? Messages.class.getClassLoader() : cl);
            }
        }
        if (pattern == null) {
            return key;
        }
        return format(pattern, effective, localized(effective, args));
    }

    /** A {@link LocalizedText} argument (a workflow state's label, say) in the message's language. */
    private static Object[] localized(Locale locale, Object... args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalizedText t) {
                out[i] = t.in(locale);
            }
        }
        return out;
    }

    /**
     * Renders a pattern even without arguments: every message is written in MessageFormat syntax
     * (a literal ' is ''), so returning a pattern unformatted would show '' to the reader.
     */
    static String format(String pattern, Locale locale, Object... args) {
        // Parsing a pattern costs more than formatting it; a parsed one is kept (a few hundred at most,
        // they come from the bundles) and each use formats a copy, as MessageFormat is not thread-safe.
        MessageFormat parsed = FORMATS.computeIfAbsent(new PatternKey(pattern, locale), k -> new MessageFormat(k.pattern(), k.locale()));
        return ((MessageFormat) parsed.clone()).format(args);
    }

    private record PatternKey(String pattern, Locale locale) {
    }

    private static final java.util.concurrent.ConcurrentMap<PatternKey, MessageFormat> FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The pattern under {@code key}, or null. Asks {@code containsKey} first: a module's key is looked
     * for in core's bundle before its own, and a miss by {@code getString} throws (and fills a stack
     * trace), which cost a plan's progress page more than its rules (a dozen texts per node).
     */
    private static String find(String bundle, Locale locale, String key, ClassLoader cl) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(bundle, locale, cl, NO_FALLBACK);
            return b.containsKey(key) ? b.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
