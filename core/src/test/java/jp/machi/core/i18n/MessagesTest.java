package jp.machi.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String JA = "jp/machi/core/i18n/messages.properties";
    private static final String EN = "jp/machi/core/i18n/messages_en.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    /** Reads a bundle file the way a person edits it: UTF-8 text, keys as written. */
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

    private static Set<String> missing(Properties from, Properties in) {
        Set<String> keys = new TreeSet<>(from.stringPropertyNames());
        keys.removeAll(in.stringPropertyNames());
        return keys;
    }

    private static Set<Integer> argumentIndexes(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern.replace("''", ""));
        while (m.find()) {
            indexes.add(Integer.valueOf(m.group(1)));
        }
        return indexes;
    }

    @Test
    void everyJapaneseMessageHasAnEnglishOne() {
        assertEquals(Set.of(), missing(load(JA), load(EN)), "keys in messages.properties missing from messages_en.properties");
    }

    @Test
    void everyEnglishMessageHasAJapaneseOne() {
        assertEquals(Set.of(), missing(load(EN), load(JA)), "keys in messages_en.properties missing from messages.properties");
    }

    @Test
    void noMessageIsBlank() {
        for (String resource : List.of(JA, EN)) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                assertFalse(p.getProperty(key).isBlank(), resource + ": " + key);
            }
        }
    }

    @Test
    void everyPatternParsesAsMessageFormat() {
        List<String> broken = new ArrayList<>();
        for (String resource : List.of(JA, EN)) {
            Properties p = load(resource);
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                try {
                    new MessageFormat(p.getProperty(key), Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    broken.add(resource + ": " + key + " (" + e.getMessage() + ")");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void noPatternHasALoneSingleQuoteThatMessageFormatWouldSwallow() {
        for (String resource : List.of(JA, EN)) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                assertFalse(p.getProperty(key).replace("''", "").contains("'"),
                        resource + ": " + key + " has a lone ' (write a literal quote as '')");
            }
        }
    }

    @Test
    void japaneseAndEnglishUseTheSameArguments() {
        Properties ja = load(JA);
        Properties en = load(EN);
        for (String key : new TreeSet<>(ja.stringPropertyNames())) {
            if (en.containsKey(key)) {
                assertEquals(argumentIndexes(ja.getProperty(key)), argumentIndexes(en.getProperty(key)), key);
            }
        }
    }

    @Test
    void argumentsAreNumberedFromZeroWithoutGaps() {
        for (String resource : List.of(JA, EN)) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                Format[] formats = new MessageFormat(p.getProperty(key), Locale.ROOT).getFormatsByArgumentIndex();
                Set<Integer> used = argumentIndexes(p.getProperty(key));
                for (int i = 0; i < formats.length; i++) {
                    if (!used.contains(i)) {
                        fail(resource + ": " + key + " skips argument {" + i + "}");
                    }
                }
            }
        }
    }

    @Test
    void speaksJapaneseByDefault() {
        assertEquals("見つかりません", Messages.get(null, "problem.status.404"));
        assertEquals("見つかりません", Messages.get(Locale.JAPANESE, "problem.status.404"));
        assertEquals("見つかりません", Messages.get(Locale.JAPAN, "problem.status.404"));
        assertEquals("見つかりません", Messages.get(Locale.ROOT, "problem.status.404"));
    }

    @Test
    void speaksEnglishWhenAskedForEnglish() {
        assertEquals("Not found", Messages.get(Locale.ENGLISH, "problem.status.404"));
        assertEquals("Not found", Messages.get(Locale.US, "problem.status.404"));
        assertEquals("Not found", Messages.get(Locale.UK, "problem.status.404"));
    }

    @Test
    void speaksJapaneseForALanguageItDoesNotKnow() {
        assertEquals("見つかりません", Messages.get(Locale.FRENCH, "problem.status.404"));
        assertEquals("見つかりません", Messages.get(Locale.CHINESE, "problem.status.404"));
    }

    @Test
    void findsTheBundleOfAModuleWhoseIdHasADash() {
        // ModuleDescriptor#id allows dashes; such a module's keys start with its id, e.g. "test-mod.".
        assertEquals("板 が壊れています", Messages.get(Locale.JAPANESE, "test-mod.thing.broken", "板"));
        assertEquals("board is broken", Messages.get(Locale.ENGLISH, "test-mod.thing.broken", "board"));
        assertEquals("-test.x", Messages.get(Locale.ENGLISH, "-test.x"));
    }

    @Test
    void ignoresTheServersDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("見つかりません", Messages.get(null, "problem.status.404"));
            assertEquals("見つかりません", Messages.get(Locale.JAPANESE, "problem.status.404"));
            Locale.setDefault(Locale.JAPANESE);
            assertEquals("Not found", Messages.get(Locale.ENGLISH, "problem.status.404"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyKeyReadsTheSameThroughMessagesAsInItsFile() {
        Properties ja = load(JA);
        Properties en = load(EN);
        for (String key : ja.stringPropertyNames()) {
            assertEquals(new MessageFormat(ja.getProperty(key), Locale.ROOT).format(new Object[0]),
                    Messages.get(Locale.JAPANESE, key), key);
            assertEquals(new MessageFormat(en.getProperty(key), Locale.ENGLISH).format(new Object[0]),
                    Messages.get(Locale.ENGLISH, key), key);
        }
    }

    @Test
    void fillsInArguments() {
        assertEquals("地方公共団体コード「011003」の検査数字 (6桁目) が正しくありません。正しい検査数字は 2 です (011002)。",
                Messages.get(Locale.JAPANESE, "lgCode.checkDigit", "011003", "2", "011002"));
        assertEquals("The check digit (6th digit) of local government code \"011003\" is wrong: it should be 2 (011002).",
                Messages.get(Locale.ENGLISH, "lgCode.checkDigit", "011003", "2", "011002"));
        assertEquals("Required module \"planning\" has version 0.1.0, outside the range [0.2,1.0).",
                Messages.get(Locale.ENGLISH, "module.reason.dependencyVersion", "planning", "[0.2,1.0)", "0.1.0"));
    }

    @Test
    void unknownKeyIsShownAsItself() {
        assertEquals("no.such.key", Messages.get(Locale.JAPANESE, "no.such.key"));
        assertEquals("no.such.key", Messages.get(Locale.ENGLISH, "no.such.key", "x"));
    }

    @Test
    void writesAQuotedLiteralQuoteOnceWithOrWithoutArguments() {
        assertEquals("It can't be read.", Messages.format("It can''t be read.", Locale.ENGLISH));
        assertEquals("Module \"x\" can't start.", Messages.format("Module \"{0}\" can''t start.", Locale.ENGLISH, "x"));
    }

    @Test
    void validationMessagesExistInEveryLanguage() {
        Properties root = load("ValidationMessages.properties");
        Properties en = load("ValidationMessages_en.properties");
        Properties ja = load("ValidationMessages_ja.properties");
        assertEquals(Set.of(), missing(root, en), "missing in ValidationMessages_en");
        assertEquals(Set.of(), missing(en, root), "missing in ValidationMessages");
        assertEquals(Set.of(), missing(root, ja), "missing in ValidationMessages_ja");
        assertEquals(Set.of(), missing(ja, root), "missing in ValidationMessages");
        assertTrue(root.size() > 0);
    }
}
