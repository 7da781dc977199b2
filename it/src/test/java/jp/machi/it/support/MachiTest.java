package jp.machi.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test class. Parameters of type {@link Api} or {@link MachiServer} get the one shared
 * server of this test JVM, booted on first use; a class may also boot servers of its own with
 * {@link MachiServer#machiJar} or {@link MachiServer#war}. If this run's database is PostgreSQL and
 * it does not answer, the class is skipped, or fails under {@code -Dmachi.it.postgresql=required}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MachiExtension.class)
public @interface MachiTest {
}
