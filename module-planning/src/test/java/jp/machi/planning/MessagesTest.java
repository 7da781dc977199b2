package jp.machi.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jp.machi.core.i18n.BundleCheck;
import org.junit.jupiter.api.Test;

/**
 * The module's bundle: every key in Japanese and English and under "planning.", no blank message, valid
 * MessageFormat patterns with apostrophes written '' and the same arguments in both languages.
 */
class MessagesTest {

    @Test
    void theBundleKeepsCoresRules() {
        assertEquals(List.of(), BundleCheck.problems(getClass().getClassLoader(), "jp/machi/planning/messages", "planning."));
    }
}
