package jp.machi.core.module;

import java.util.Optional;

/**
 * A module's own rule for the values of its settings beyond their declared type (a non-negative
 * unit cost, a scale written as {@code A:label}). A module that needs one provides an
 * {@code @ApplicationScoped} bean; core asks it before storing a municipality's value.
 */
public interface SettingValidator {

    String moduleId();

    /**
     * Why {@code value} (in the text form of the declared default, already of the right type) is
     * not acceptable for setting {@code key}: a message key of the module's bundle and its
     * arguments; empty when it is fine.
     */
    Optional<Refusal> check(String key, String value);

    /** A message key and its arguments. */
    record Refusal(String messageKey, Object... args) {
    }
}
