package jp.machi.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module's unit test checks of its message bundle ({@code <base>.properties} in Japanese and
 * {@code <base>_en.properties}), the rules core's own bundle keeps: every key in both languages and
 * under the module's prefix, no blank message, every message a valid {@link MessageFormat} pattern
 * (every message is rendered through it, so a literal apostrophe is written {@code ''}: a single
 * one starts a quoted section and vanishes from what people read), both languages using the same
 * arguments, numbered from {0} without gaps.
 *
 * <pre>{@code
 * assertEquals(List.of(), BundleCheck.problems(getClass().getClassLoader(), "jp/machi/mymodule/messages", "mymodule."));
 * }</pre>
 */
public final class BundleCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    private BundleCheck() {
    }

    /** Every rule broken, one line each naming the file and key; empty when the bundle is sound. */
    public static List<String> problems(ClassLoader loader, String base, String keyPrefix) {
        String jaFile = base + ".properties";
        String enFile = base + "_en.properties";
        Properties ja = load(loader, jaFile);
        Properties en = load(loader, enFile);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(ja.stringPropertyNames())) {
            if (!en.containsKey(key)) {
                problems.add(enFile + ": " + key + " is missing (it is in " + jaFile + ")");
            }
        }
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (!ja.containsKey(key)) {
                problems.add(jaFile + ": " + key + " is missing (it is in " + enFile + ")");
            }
        }
        for (var file : List.of(jaFile, enFile)) {
            Properties p = file.equals(jaFile) ? ja : en;
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String pattern = p.getProperty(key);
                if (!key.startsWith(keyPrefix)) {
                    problems.add(file + ": " + key + " does not start with " + keyPrefix);
                }
                if (pattern.isBlank()) {
                    problems.add(file + ": " + key + " is blank");
                    continue;
                }
                if (pattern.replace("''", "").contains("'")) {
                    problems.add(file + ": " + key + " has a lone ' (write a literal apostrophe as '')");
                }
                MessageFormat format;
                try {
                    format = new MessageFormat(pattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": " + key + " is not a MessageFormat pattern (" + e.getMessage() + ")");
                    continue;
                }
                Set<Integer> used = arguments(pattern);
                for (int i = 0; i < format.getFormatsByArgumentIndex().length; i++) {
                    if (!used.contains(i)) {
                        problems.add(file + ": " + key + " skips argument {" + i + "}");
                    }
                }
            }
        }
        for (String key : new TreeSet<>(ja.stringPropertyNames())) {
            if (en.containsKey(key) && !arguments(ja.getProperty(key)).equals(arguments(en.getProperty(key)))) {
                problems.add(key + ": Japanese uses arguments " + arguments(ja.getProperty(key)) + ", English "
                        + arguments(en.getProperty(key)));
            }
        }
        return problems;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern.replace("''", ""));
        while (m.find()) {
            indexes.add(Integer.valueOf(m.group(1)));
        }
        return indexes;
    }

    /** A bundle file as a person edits it: UTF-8 text, keys as written. */
    private static Properties load(ClassLoader loader, String resource) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the class path");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return p;
    }
}
