package jp.machi.core.module;

import jp.machi.core.i18n.LocalizedText;

/**
 * A per-municipality setting a module reads, with the value it has until a municipality sets
 * its own (e.g. the answer deadline for citizen voices: 40 days).
 */
public record SettingDefinition(String key, LocalizedText label, Type type, String defaultValue) {

    public enum Type {
        STRING, INTEGER, DECIMAL, BOOLEAN, LIST
    }
}
