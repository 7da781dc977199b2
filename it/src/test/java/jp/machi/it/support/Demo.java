package jp.machi.it.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link MachiServer} or {@link Api} parameter of a {@link MachiTest} class: the one shared
 * server <em>with the demo data</em> ({@code MACHI_DEMO=true}) of the test JVM, booted on first use
 * on a database of its own and stopped when the run ends, like the plain shared server. Classes
 * that read the demo (and change nothing another demo test reads) share it instead of booting one
 * each; a test that must see the demo untouched, or restarts it, boots its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Demo {
}
