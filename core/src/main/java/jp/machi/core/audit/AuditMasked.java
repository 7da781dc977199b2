package jp.machi.core.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An attribute whose values never enter the audit trail: it is recorded that it was set or
 * changed, with {@code "***"} in place of the values. For secrets (password hashes, token
 * digests) and for personal data that must not outlive its erasure in the trail's copies.
 *
 * <p>Attributes named like secrets ({@code password…}, {@code …secret…}, {@code …Hash},
 * {@code …Salt}) are masked even without this annotation.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditMasked {
}
