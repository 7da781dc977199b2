package jp.machi.core.module;

import java.util.regex.Pattern;

/**
 * The module contract's rule for a module's id ({@link ModuleDescriptor#id()}), written once: 2 to 40 of
 * lower-case letters, digits and dashes, a letter first ({@code planning}, {@code bousai-drill}). Everything in
 * core keyed by a module id checks it here — the resolver, workflow ids ({@code <moduleId>.<name>}), message keys
 * ({@code <moduleId>.…}), module roles ({@code <moduleId>.<role>}), metric sources ({@code <moduleId>:<metric>}) —
 * so an id the resolver starts is never refused further on (ADR 0034).
 */
public final class ModuleIds {

    /** The id as a regular expression (no anchors), for composing patterns and annotations. */
    public static final String REGEX = "[a-z][a-z0-9-]{1,39}";

    private static final Pattern ID = Pattern.compile(REGEX);

    private ModuleIds() {
    }

    /** Is {@code id} a module id the contract allows? */
    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The module id that starts a qualified name ({@code bousai-drill.reviewer}, {@code bousai-drill.item-review}):
     * what comes before the first {@code separator}, when that is a valid module id; else null.
     */
    public static String prefixOf(String qualified, char separator) {
        if (qualified == null) {
            return null;
        }
        int at = qualified.indexOf(separator);
        if (at <= 0) {
            return null;
        }
        String id = qualified.substring(0, at);
        return valid(id) ? id : null;
    }
}
