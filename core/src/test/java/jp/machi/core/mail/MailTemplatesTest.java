package jp.machi.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final ClassLoader loader = MailTemplatesTest.class.getClassLoader();

    @Test
    void fillsPlaceholdersFromUtf8Properties() {
        MailTemplates.Rendered r = MailTemplates.render(loader, "test", "greeting", false,
                Map.of("municipality", "つくば市", "number", "V-1", "contact", "広聴課\n電話: 029"));
        assertEquals("【つくば市】受付番号 V-1", r.subject());
        assertEquals("つくば市です。\n広聴課\n電話: 029\n", r.body());
    }

    @Test
    void englishFallsBackToJapaneseAndSubjectsStayOneLine() {
        MailTemplates.Rendered r = MailTemplates.render(loader, "test", "greeting", true,
                Map.of("municipality", "Tsukuba", "number", "V-1\r\nBcc: x@example.jp", "contact", ""));
        assertEquals("【Tsukuba】受付番号 V-1 Bcc: x@example.jp", r.subject());
    }

    @Test
    void aMissingValueOrTemplateIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MailTemplates.render(loader, "test", "greeting", false, Map.of("municipality", "x")));
        assertThrows(IllegalArgumentException.class,
                () -> MailTemplates.render(loader, "test", "nothing", false, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> MailTemplates.render(loader, "../x", "greeting", false, Map.of()));
    }
}
