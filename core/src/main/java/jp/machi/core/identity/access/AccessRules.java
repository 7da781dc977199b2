package jp.machi.core.identity.access;

import java.lang.reflect.Method;
import java.util.Optional;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;

/**
 * Which rule applies to an endpoint, and what it says about a caller. Pure: the JAX-RS filters
 * ask it, and so can a test.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** What the rule says. */
    public enum Verdict {
        /** Go on. */
        ALLOWED,
        /** Nobody signed in, and the endpoint is not public: 401. */
        UNAUTHENTICATED,
        /** Signed in, but the role is too low: 403. */
        FORBIDDEN,
        /** The endpoint declares no rule: 403 for everyone, so a forgotten rule shows at once. */
        NO_RULE
    }

    /**
     * The rule of {@code method} as called on {@code resourceClass}: the method's own, else the
     * class's (or a superclass's). Empty when neither declares one.
     */
    public static Optional<Access> ruleOf(Method method, Class<?> resourceClass) {
        if (method == null) {
            return Optional.empty();
        }
        Access own = method.getAnnotation(Access.class);
        if (own != null) {
            return Optional.of(own);
        }
        for (Class<?> c = resourceClass != null ? resourceClass : method.getDeclaringClass();
                c != null && c != Object.class; c = c.getSuperclass()) {
            Access onClass = c.getAnnotation(Access.class);
            if (onClass != null) {
                return Optional.of(onClass);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code caller} (empty: anonymous) may pass {@code rule} (empty: none declared). The
     * municipality is not looked at here: whether the caller belongs to the municipality in the
     * path is decided by the tenant filter, with a 404.
     */
    public static Verdict decide(Optional<Access> rule, Optional<Caller> caller) {
        if (rule.isEmpty()) {
            return Verdict.NO_RULE;
        }
        Access r = rule.get();
        if (r.value() == Access.Level.PUBLIC) {
            return Verdict.ALLOWED;
        }
        if (caller.isEmpty()) {
            return Verdict.UNAUTHENTICATED;
        }
        if (r.value() == Access.Level.SIGNED_IN) {
            return Verdict.ALLOWED;
        }
        return caller.get().has(r.minimum()) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** How a rule reads in logs and in the API description: PUBLIC, SIGNED_IN or the least role. */
    /** The rule's minimum in words (a role's label in the reader's language), never the role's code. */
    public static jp.machi.core.i18n.LocalizedText describe(Access rule) {
        return switch (rule.value()) {
            case ROLE -> rule.minimum().label();
            case SIGNED_IN -> jp.machi.core.i18n.LocalizedText.of("サインインした利用者", "a signed-in user");
            case PUBLIC -> jp.machi.core.i18n.LocalizedText.of("誰でも", "anyone");
        };
    }
}
