package jp.machi.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link MachiTest} class: run in the H2 run only (reported as skipped in the PostgreSQL run), when what it
 * tests does not depend on the database and a second run would only cost CI time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface H2Only {
    /** Why, shown as the skip reason. */
    String value();
}
