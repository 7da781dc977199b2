package jp.machi.core.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of an endpoint. Every JAX-RS resource method declares one, on the method or its
 * class (the method wins); a method without a rule is refused to everybody, so a forgotten rule
 * shows at once instead of leaving an endpoint open.
 *
 * <ul>
 *   <li>{@code @Access(Level.PUBLIC)}: anyone, signed in or not (what a municipality publishes,
 *       submitting a citizen voice);</li>
 *   <li>{@code @Access(Level.SIGNED_IN)}: any signed-in caller (their own session);</li>
 *   <li>{@code @Access(minimum = Role.STAFF)}: signed in with at least that role and, when the path
 *       names a municipality, belonging to it (platform administrators belong to all).</li>
 * </ul>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    Level value() default Level.ROLE;

    /** The least role that may call, when {@link #value()} is {@link Level#ROLE}. */
    Role minimum() default Role.PLATFORM_ADMIN;

    /** Who may call. */
    enum Level {
        PUBLIC,
        SIGNED_IN,
        ROLE
    }
}
