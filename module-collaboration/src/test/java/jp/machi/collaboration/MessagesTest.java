package jp.machi.collaboration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The module's bundle: every key in Japanese and English, all under "collaboration.". */
class MessagesTest {

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
        return p;
    }

    @Test
    void everyKeyIsInBothLanguagesAndStartsWithTheModuleId() {
        Properties ja = load("jp/machi/collaboration/messages.properties");
        Properties en = load("jp/machi/collaboration/messages_en.properties");
        Set<String> onlyJa = new TreeSet<>(ja.stringPropertyNames());
        onlyJa.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(ja.stringPropertyNames());
        assertEquals(Set.of(), onlyJa, "missing in English");
        assertEquals(Set.of(), onlyEn, "missing in Japanese");
        ja.stringPropertyNames().forEach(k -> assertTrue(k.startsWith("collaboration."), k));
    }
}
