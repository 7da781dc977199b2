package jp.machi.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test that drives a real browser (headless Chromium, {@link WebBrowser}). A test
 * method's {@link WebBrowser} parameter gets a fresh browser, closed after the method. Without
 * Chromium and chromedriver the class is reported as skipped with the reason, or fails under
 * {@code -Dmachi.it.browser=required} (what CI runs). Use together with {@link MachiTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
