package jp.machi.core.module;

import jp.machi.core.i18n.LocalizedText;

/** A role a module knows, such as {@code planning.evaluator}, with its label. */
public record RoleDefinition(String name, LocalizedText label) {
}
