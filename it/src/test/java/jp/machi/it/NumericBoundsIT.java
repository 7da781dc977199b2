package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The numeric and date bounds walk (issue 16): reads the server's own {@code /openapi} and, for
 * every write operation (POST, PUT, PATCH) with a JSON body, every numeric and date field of its
 * request schema (top level, and one level down in nested objects and arrays of objects) gets the
 * column's limits and beyond: an integer past 32 and 64 bits, ±10¹⁵, a fraction for an integer,
 * three decimals where columns keep two, 0.005 (which a two-decimal column would round), 0 and −1;
 * dates 0001-01-01, 9999-12-31 and ±999999999. Each value goes in a body that is otherwise
 * plausible (built from the schema: the first enum value, a short text, 1, a date in 2024), so that
 * the value, not a missing field, is what the server judges; ids in the path are real ones where
 * the walk created them (POSTs go first), else random (404).
 *
 * <p>Asserted: never a 5xx; every 4xx a problem document with type, title and status; and an
 * answer 2xx stored what was sent: the field read back (from {@code Location}, the same path, or
 * the answer itself) equals the value sent, with no silent rounding. The operations whose request
 * schema names no fields are listed, with the fields the server always refused for another reason, in
 * {@code it/target/it-<db>/numeric-bounds-unwalked.txt}.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumericBoundsIT {

    static final Set<String> WRITES = Set.of("post", "put", "patch");
    /** Not walked: they end the caller's session or token, or need a one-time secret. */
    static final Set<String> SKIPPED = Set.of("POST /api/v1/session", "DELETE /api/v1/session");

    static final List<String> INTEGERS = List.of("2147483648", "9223372036854775808", "1000000000000000",
            "-1000000000000000", "1.5", "0", "-1");
    static final List<String> DECIMALS = List.of("1000000000000000", "-1000000000000000", "10000000.00",
            "99999999999.99", "0.001", "0.005", "1e15", "0", "-1");
    static final List<String> DATES = List.of("0001-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01");
    static final List<String> DATE_TIMES = List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "+999999999-12-31T23:59:59Z");

    private final Api api;
    private String lg;
    private JsonObject openapi;
    private final List<String> unwalked = new ArrayList<>();
    /** Fields whose limits the server judged (2xx, or a refusal naming the field) at least once. */
    private final Set<String> reached = new java.util.TreeSet<>();
    /** Fields always refused for something else (a missing reference, a state): the last answer. */
    private final Map<String, String> notReached = new java.util.TreeMap<>();
    private int requests;
    private int stored;

    NumericBoundsIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void setUp() {
        lg = Municipalities.register(api);
        for (String module : List.of("planning", "engagement", "collaboration", "promotion")) {
            Municipalities.setModule(api, lg, module, true);
        }
        openapi = api.get("/openapi?format=json").send().expect(200).object();
    }

    @AfterAll
    void report() throws IOException {
        notReached.keySet().removeAll(reached);
        System.out.println("[numeric-bounds] " + requests + " requests, " + (reached.size() + notReached.size())
                + " fields, " + reached.size() + " judged at their limits, " + stored + " values stored and read back; "
                + notReached.size() + " fields only refused for another reason; " + unwalked.size()
                + " write operations whose /openapi request schema has no properties");
        Path dir = jp.machi.it.support.ItSettings.db().runDir();
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(unwalked);
        notReached.forEach((k, v) -> lines.add(k + " (refused for another reason: " + v + ")"));
        Files.writeString(dir.resolve("numeric-bounds-unwalked.txt"), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }

    record Op(String method, String template, JsonObject spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    /** A numeric or date field: its place ({@code a}, {@code a.b}, {@code a[0].b}) and kind. */
    record Field(String parent, boolean inArray, String name, String kind) {
        String where() {
            return parent == null ? name : parent + (inArray ? "[0]." : ".") + name;
        }
    }

    /** POSTs first (they make the rows that PUTs then address), then the rest, in /openapi's order. */
    private List<Op> operations() {
        List<Op> posts = new ArrayList<>();
        List<Op> others = new ArrayList<>();
        openapi.getJsonObject("paths").forEach((template, item) -> item.asJsonObject().forEach((m, spec) -> {
            Op op = new Op(m, template, spec.asJsonObject());
            if (WRITES.contains(m) && !SKIPPED.contains(op.toString())) {
                (m.equals("post") ? posts : others).add(op);
            }
        }));
        posts.addAll(others);
        return posts;
    }

    @TestFactory
    Stream<DynamicTest> everyNumericAndDateFieldOfEveryWriteIsBoundedAndStoredAsSent() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> walk(op)));
    }

    private void walk(Op op) {
        JsonObject schema = bodySchema(op.spec());
        if (schema == null) {
            return; // no JSON body: nothing numeric to send
        }
        List<Field> fields = fields(schema);
        if (fields.isEmpty()) {
            if (schema.getJsonObject("properties") == null) {
                unwalked.add(op + " (request schema without properties)");
            }
            return;
        }
        String path = path(op.template());
        // An update starts from what is stored (as a client does: read, change one field, write).
        JsonObject base = sample(schema, 0).asJsonObject();
        if (!op.method().equals("post")) {
            Reply current = api.get(path).send();
            if (current.status() == 200 && current.contentType().startsWith("application/json")
                    && current.json() instanceof JsonObject stored) {
                JsonObjectBuilder merged = Json.createObjectBuilder(base);
                JsonObject props = schema.getJsonObject("properties");
                stored.forEach((k, v) -> {
                    if (props.containsKey(k) && v.getValueType() != JsonValue.ValueType.NULL) {
                        merged.add(k, v);
                    }
                });
                base = merged.build();
            }
        }
        List<String> failures = new ArrayList<>();
        for (Field f : fields) {
            List<String> values = switch (f.kind()) {
                case "integer" -> INTEGERS;
                case "number" -> DECIMALS;
                case "date" -> DATES;
                default -> DATE_TIMES;
            };
            for (String v : values) {
                JsonValue literal = f.kind().equals("integer") || f.kind().equals("number")
                        ? Json.createReader(new java.io.StringReader("[" + v + "]")).readArray().get(0)
                        : Json.createValue(v);
                JsonObject body = with(base, f, literal);
                Api.Call call = api.method(op.method().toUpperCase(), path).json(body.toString());
                if (!op.method().equals("post") || op.spec().toString().contains("If-Match")) {
                    call.ifMatch(etag(path));
                }
                Reply r = call.send();
                requests++;
                String problem = check(op, path, f, v, r);
                if (r.status() < 300 || r.text().contains("\"" + f.name() + "\"") || r.text().contains("." + f.name() + "\"")
                        || r.text().contains(f.name() + "[")) {
                    reached.add(op + " " + f.where());
                } else {
                    notReached.put(op + " " + f.where(), r.status() + " " + shorten(r.text()).replaceAll("\\s+", " "));
                }
                if (problem != null) {
                    failures.add(f.where() + " = " + v + ": " + problem);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(op + ": " + failures.size() + " boundary values were not answered properly:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(25, failures.size()))));
        }
    }

    /** Why this answer is wrong, or null. */
    private String check(Op op, String path, Field f, String sent, Reply r) {
        if (r.status() >= 500) {
            return "a " + r.status() + " " + shorten(r.toString());
        }
        if (r.status() >= 400) {
            if (r.uri().getPath().startsWith("/api/v1/open311/")) {
                return null; // Open311's own error format; HostileInputIT checks it
            }
            if (!r.contentType().startsWith("application/problem+json")) {
                return "not a problem document: " + shorten(r.toString());
            }
            JsonObject p = r.object();
            if (p.getInt("status", -1) != r.status() || p.getString("title", "").isBlank()) {
                return "an incomplete problem document: " + shorten(r.toString());
            }
            return null;
        }
        // 2xx: read it back and compare.
        JsonValue answer = r.bytes().length > 0 && r.contentType().startsWith("application/json") ? r.json() : null;
        JsonValue read = answer;
        String location = r.header("Location").orElse(null);
        Reply back = null;
        if (location != null) {
            back = api.get(location.replaceFirst("^https?://[^/]+", "")).send();
        } else if (!op.method().equals("post")) {
            back = api.get(path).send();
        }
        if (back != null && back.status() == 200 && back.contentType().startsWith("application/json")) {
            read = back.json();
        }
        JsonValue got = find(read, f);
        if (got == null && read != answer) {
            got = find(answer, f);
        }
        if (got == null) {
            return null; // not echoed where the walk can see it (a write-only or renamed field)
        }
        if (got instanceof JsonObject fy && fy.containsKey("year")) {
            got = fy.get("year"); // a fiscal year is written as {"year": 2024, "label": "令和6年度"}
        }
        stored++;
        if (f.kind().equals("integer") || f.kind().equals("number")) {
            if (!(got instanceof JsonNumber n) || n.bigDecimalValue().compareTo(new BigDecimal(sent)) != 0) {
                return "answered " + r.status() + " but stored " + got + " (silently changed)";
            }
        } else if (!(got instanceof JsonString s) || !s.getString().startsWith(sent.replace("Z", ""))) {
            return "answered " + r.status() + " but stored " + got + " (silently changed)";
        }
        return null;
    }

    private static JsonValue find(JsonValue v, Field f) {
        if (!(v instanceof JsonObject o)) {
            return null;
        }
        if (f.parent() == null) {
            return o.get(f.name());
        }
        JsonValue parent = o.get(f.parent());
        if (parent instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject first) {
            return first.get(f.name());
        }
        return parent instanceof JsonObject po ? po.get(f.name()) : null;
    }

    private String etag(String path) {
        Reply r = api.get(path).send();
        return r.status() == 200 ? r.header("ETag").orElse("\"0\"") : "\"0\"";
    }

    /** The numeric and date fields of a request schema: top level and one level down. */
    private List<Field> fields(JsonObject schema) {
        List<Field> out = new ArrayList<>();
        JsonObject props = schema.getJsonObject("properties");
        if (props == null) {
            return out;
        }
        for (var e : props.entrySet()) {
            JsonObject s = resolve(e.getValue().asJsonObject());
            String kind = kind(s);
            if (kind != null) {
                out.add(new Field(null, false, e.getKey(), kind));
                continue;
            }
            boolean array = "array".equals(s.getString("type", "")) && s.getJsonObject("items") != null;
            JsonObject inner = array ? resolve(s.getJsonObject("items")) : s;
            JsonObject innerProps = inner.getJsonObject("properties");
            if (innerProps != null) {
                for (var n : innerProps.entrySet()) {
                    String k = kind(resolve(n.getValue().asJsonObject()));
                    if (k != null) {
                        out.add(new Field(e.getKey(), array, n.getKey(), k));
                    }
                }
            }
        }
        return out;
    }

    /** Machi's fiscal year: JSON carries it as the year it starts (2024 for 令和6年度); /openapi describes the Java record. */
    private static boolean fiscalYear(JsonObject s) {
        JsonObject props = s.getJsonObject("properties");
        return props != null && props.size() == 1 && props.containsKey("startYear");
    }

    private static String kind(JsonObject s) {
        if (fiscalYear(s)) {
            return "integer";
        }
        String type = s.getString("type", "");
        String format = s.getString("format", "");
        if (type.equals("integer") || type.equals("number")) {
            return type;
        }
        if (type.equals("string") && (format.equals("date") || format.equals("date-time"))) {
            return format;
        }
        return null;
    }

    /** A plausible value for a schema. */
    private JsonValue sample(JsonObject schema, int depth) {
        JsonObject s = resolve(schema);
        if (fiscalYear(s)) {
            return Json.createValue(2024);
        }
        JsonArray e = s.getJsonArray("enum");
        if (e != null && !e.isEmpty()) {
            return e.get(0);
        }
        String type = s.getString("type", s.containsKey("properties") ? "object" : "string");
        String format = s.getString("format", "");
        switch (type) {
            case "integer":
                return Json.createValue(Math.max(1, s.getInt("minimum", 1)));
            case "number":
                return Json.createValue(1);
            case "boolean":
                return JsonValue.FALSE;
            case "array": {
                JsonArrayBuilder a = Json.createArrayBuilder();
                if (depth < 2 && s.getJsonObject("items") != null) {
                    a.add(sample(s.getJsonObject("items"), depth + 1));
                }
                return a.build();
            }
            case "object": {
                JsonObjectBuilder o = Json.createObjectBuilder();
                JsonObject props = s.getJsonObject("properties");
                if (depth < 3 && props != null) {
                    // A reference the walk cannot know (another row's id) is left out rather than made up:
                    // /openapi types many ids as plain strings, and "試験" is no UUID.
                    props.forEach((k, v) -> o.add(k, k.endsWith("Id") ? JsonValue.NULL
                            : (k.endsWith("Year") || k.equals("year")) && kind(resolve(v.asJsonObject())) != null
                                    ? Json.createValue(2024)
                            : k.endsWith("Ids") ? JsonValue.EMPTY_JSON_ARRAY : sample(v.asJsonObject(), depth + 1)));
                }
                return o.build();
            }
            default:
                return Json.createValue(switch (format) {
                    case "date" -> "2024-06-03";
                    case "date-time" -> "2024-06-03T10:00:00Z";
                    case "uuid" -> UUID.randomUUID().toString();
                    case "email" -> "bounds@example.jp";
                    case "uri", "url" -> "https://example.jp/";
                    default -> "試験";
                });
        }
    }

    private static JsonObject with(JsonObject body, Field f, JsonValue v) {
        JsonObjectBuilder b = Json.createObjectBuilder(body);
        if (f.parent() == null) {
            return b.add(f.name(), v).build();
        }
        JsonValue parent = body.get(f.parent());
        if (f.inArray()) {
            JsonObject first = parent instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o
                    ? o : JsonValue.EMPTY_JSON_OBJECT;
            return b.add(f.parent(), Json.createArrayBuilder().add(Json.createObjectBuilder(first).add(f.name(), v))).build();
        }
        JsonObject inner = parent instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        return b.add(f.parent(), Json.createObjectBuilder(inner).add(f.name(), v)).build();
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

    private JsonObject bodySchema(JsonObject spec) {
        JsonObject body = spec.getJsonObject("requestBody");
        if (body == null) {
            return null;
        }
        JsonObject content = resolve(body).getJsonObject("content");
        JsonObject json = content == null ? null : content.containsKey("application/json")
                ? content.getJsonObject("application/json") : content.getJsonObject(jp.machi.it.support.Api.MERGE_PATCH);
        if (json == null) {
            return null;
        }
        JsonObject schema = json.getJsonObject("schema");
        return schema == null ? Json.createObjectBuilder().build() : resolve(schema);
    }

    private final Map<String, String> ids = new LinkedHashMap<>();

    /**
     * The template with the municipality, known values and real ids where a list above the
     * parameter has one (the first item's {@code id}); otherwise a random UUID.
     */
    private String path(String template) {
        Matcher m = Pattern.compile("\\{([^}/]+)\\}").matcher(template);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            b.append(template, last, m.start());
            last = m.end();
            String p = m.group(1);
            b.append(switch (p) {
                case "lgCode" -> lg;
                case "format" -> "json";
                case "moduleId" -> "planning";
                case "fiscalYear" -> "2024";
                default -> realId(b.toString());
            });
        }
        b.append(template.substring(last));
        return b.toString();
    }

    /** The first item's id of the list at {@code collection} (without a trailing slash), or a random UUID. */
    private String realId(String collection) {
        String c = collection.endsWith("/") ? collection.substring(0, collection.length() - 1) : collection;
        String known = ids.get(c);
        if (known != null) {
            return known;
        }
        String found = firstId(c);
        if (found != null) {
            ids.put(c, found);
            return found;
        }
        return UUID.randomUUID().toString();
    }

    private String firstId(String key) {
        {
            Reply r = api.get(key + "?size=1").send();
            if (r.status() == 200 && r.contentType().startsWith("application/json")) {
                JsonValue j = r.json();
                JsonArray items = j instanceof JsonObject o && o.get("items") instanceof JsonArray a ? a
                        : j instanceof JsonArray a ? a : null;
                if (items != null && !items.isEmpty() && items.get(0) instanceof JsonObject first
                        && first.get("id") instanceof JsonString id) {
                    return id.getString();
                }
            }
            return null;
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
