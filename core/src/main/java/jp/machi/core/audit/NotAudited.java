package jp.machi.core.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity whose changes are not recorded in the audit trail: only for rows that are themselves a
 * record of something else (the audit trail's own rows) or pure technical state. Everything a
 * person changes belongs in the trail; think twice before using this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAudited {
}
