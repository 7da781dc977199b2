package jp.machi.core.organization.domain;

import java.util.List;

/**
 * A change to the organisational tree that would break one of its rules. It carries message keys
 * (bundle {@code jp/machi/core/i18n/messages}) rather than text, so the edge can say it in the
 * caller's language, and names the request fields at fault.
 */
public class OrganizationRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which rule was broken; the edge decides what status each deserves. */
    public enum Rule {
        /** A value is malformed or missing (a code with spaces, no predecessor). */
        INVALID_INPUT,
        /** An id names no unit of this municipality. */
        UNKNOWN_UNIT,
        /** Another unit uses the same code during an overlapping period. */
        CODE_IN_USE,
        /** The parent does not exist on the day, or ends while the new unit would go on. */
        INVALID_PARENT,
        /** The reorganisation does not fit the units as they are. */
        INVALID_REORGANIZATION,
        /** Units still hang under a unit that would be abolished. */
        UNIT_IN_USE
    }

    /** One failing field and what is wrong with it. */
    public record Violation(String field, String key, Object... args) {
    }

    private final Rule rule;
    private final transient List<Violation> violations;

    public OrganizationRuleException(Rule rule, List<Violation> violations) {
        super(rule + ": " + violations.stream().map(v -> v.field() + " " + v.key()).toList());
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    public OrganizationRuleException(Rule rule, String field, String key, Object... args) {
        this(rule, List.of(new Violation(field, key, args)));
    }

    public Rule rule() {
        return rule;
    }

    public List<Violation> violations() {
        return violations;
    }
}
