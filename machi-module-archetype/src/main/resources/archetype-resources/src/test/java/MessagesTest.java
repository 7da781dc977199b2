package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jp.machi.core.i18n.BundleCheck;
import org.junit.jupiter.api.Test;

/**
 * The module's bundle keeps core's rules: every key in Japanese and English and under "${moduleId}.", no blank
 * message, valid MessageFormat patterns with apostrophes written '' and the same arguments in both languages.
 */
class MessagesTest {

    @Test
    void theBundleKeepsCoresRules() {
        assertEquals(List.of(), BundleCheck.problems(getClass().getClassLoader(), "jp/machi/${moduleId}/messages", "${moduleId}."));
    }
}
