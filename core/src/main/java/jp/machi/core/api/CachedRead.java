package jp.machi.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET whose answer may be reused while the municipality's data has not changed
 * ({@link ReadCache}): after the caller was authenticated and admitted as for any request, an answer
 * computed before is served again when the municipality's change stamp is the one it was computed
 * under, for the same path and query, the same {@code Accept} and language, the same caller role,
 * municipality, unit and module roles, and the same day in Japan.
 *
 * <p>Put it only on reads whose answer depends on nothing else: the database's rows of that
 * municipality (and platform-level rows such as accounts) written through the persistence unit or
 * recorded by the audit trail, the request, and the date. Not on answers that depend on the caller's
 * own identity (their tasks, their tokens), on the time of day, or that read personal data in full
 * (those reads must be audited each time).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CachedRead {
}
