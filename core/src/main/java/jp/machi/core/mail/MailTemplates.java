package jp.machi.core.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's e-mail templates: {@code mail/<moduleId>/<name>.properties} (Japanese) and
 * {@code mail/<moduleId>/<name>_en.properties} (English) in the module's resources, UTF-8, each
 * with a {@code subject} and a {@code body} in which {@code ${key}} stands for a value. Pure,
 * apart from reading the resource.
 */
public final class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private MailTemplates() {
    }

    /** A filled template. */
    public record Rendered(String subject, String body) {
    }

    /**
     * Fills the template for {@code english} or Japanese; the English falls back to the
     * Japanese when a module has none.
     *
     * @throws IllegalArgumentException when there is no such template or it names a value not
     *     given (a programming error, refused before anything is written)
     */
    public static Rendered render(ClassLoader loader, String moduleId, String name, boolean english,
            Map<String, String> values) {
        if (!moduleId.matches("[a-z0-9-]+") || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("template " + moduleId + "/" + name);
        }
        String base = "mail/" + moduleId + "/" + name;
        Properties p = english ? load(loader, base + "_en.properties") : null;
        if (p == null) {
            p = load(loader, base + ".properties");
        }
        if (p == null || p.getProperty("subject") == null || p.getProperty("body") == null) {
            throw new IllegalArgumentException("no mail template " + base + " with a subject and a body");
        }
        // A subject is one line, whatever a value holds.
        return new Rendered(fill(p.getProperty("subject"), values).replaceAll("[\\r\\n]+", " ").strip(),
                fill(p.getProperty("body"), values));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("mail template needs a value for ${" + key + "}");
            }
            String v = values.get(key);
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Properties load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
