package jp.machi.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every refusal must look like to a user: an RFC 9457 problem document
 * ({@code application/problem+json}) with the status, a stable {@code type}, and a title and
 * detail in the asked-for language; and nothing internal (class names, SQL, stack traces, an HTML
 * error page).
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://machi.jp/problems/";

    /** Things that betray internals; none may appear in a body a user sees. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("\\b(java|javax|jakarta|org\\.eclipse|org\\.glassfish|org\\.h2|org\\.postgresql|liquibase|jp\\.machi)\\.[a-z]"),
            Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("\\b(SQL|SQLSTATE|JDBC|EclipseLink|Yasson|Jersey)\\b"),
            Pattern.compile("(?i)\\b(select|insert|update|delete)\\s.+\\b(from|into|set|where)\\b"),
            Pattern.compile("(?i)<html|<!doctype"));

    private Problems() {
    }

    /**
     * Asserts {@code reply} is a problem document with this status and, when {@code typeSlug} is
     * not null, the type {@code https://machi.jp/problems/<typeSlug>}; returns it.
     */
    public static JsonObject assertProblem(Reply reply, int status, String typeSlug) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertTrue(reply.contentType().startsWith("application/problem+json"),
                () -> "problem+json expected: " + reply);
        assertNoLeak(reply);
        JsonObject p = reply.object();
        assertEquals(status, p.getInt("status", -1), () -> "status member of " + reply);
        if (typeSlug != null) {
            assertEquals(TYPE_PREFIX + typeSlug, p.getString("type", null), () -> "type of " + reply);
        } else {
            assertTrue(p.getString("type", "").startsWith(TYPE_PREFIX), () -> "type of " + reply);
        }
        assertFalse(p.getString("title", "").isBlank(), () -> "title of " + reply);
        assertFalse(p.getString("detail", "").isBlank(), () -> "detail of " + reply);
        return p;
    }

    /** Any 4xx problem document (not a 500, not HTML). */
    public static JsonObject assertClientProblem(Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> "4xx expected: " + reply);
        return assertProblem(reply, reply.status(), null);
    }

    /** Asserts title and detail are Japanese (the default language) and say so in Content-Language. */
    public static JsonObject assertJapanese(Reply reply, JsonObject problem) {
        assertEquals("ja", reply.header("Content-Language").orElse(""), () -> "Content-Language of " + reply);
        assertTrue(Text.isJapanese(problem.getString("title")), () -> "Japanese title expected: " + reply);
        assertTrue(Text.isJapanese(problem.getString("detail")), () -> "Japanese detail expected: " + reply);
        return problem;
    }

    /** Asserts title and detail are English (asked for with Accept-Language: en). */
    public static JsonObject assertEnglish(Reply reply, JsonObject problem) {
        assertEquals("en", reply.header("Content-Language").orElse(""), () -> "Content-Language of " + reply);
        assertTrue(Text.isEnglish(problem.getString("title")), () -> "English title expected: " + reply);
        assertTrue(Text.isEnglish(problem.getString("detail")), () -> "English detail expected: " + reply);
        return problem;
    }

    /** The messages of the field errors, if any, for assertions like "names the field". */
    public static String fields(JsonObject problem) {
        JsonValue errors = problem.get("errors");
        return errors == null ? "" : errors.toString();
    }

    public static void assertNoLeak(Reply reply) {
        String body = reply.text();
        for (Pattern p : LEAKS) {
            if (p.matcher(body).find()) {
                fail("The body shows internals (" + p + "): " + reply);
            }
        }
    }
}
