package jp.machi.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link MachiTest} class: only meaningful on PostgreSQL; reported as skipped in the H2 run. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PostgresqlOnly {
    /** Why, shown as the skip reason. */
    String value();
}
