package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * The platform around the API, as an operator and a client developer meet it: readiness,
 * the OpenAPI description (core and module paths), metrics, and the start page.
 */
@MachiTest
class PlatformIT {

    static final List<String> CORE_PATHS = List.of("/api/v1/modules", "/api/v1/municipalities",
            "/api/v1/municipalities/{lgCode}", "/api/v1/municipalities/{lgCode}/modules",
            "/api/v1/municipalities/{lgCode}/modules/{moduleId}");
    static final List<String> MODULE_PATHS = List.of("/api/v1/municipalities/{lgCode}/planning",
            "/api/v1/municipalities/{lgCode}/engagement", "/api/v1/municipalities/{lgCode}/collaboration",
            "/api/v1/municipalities/{lgCode}/promotion");

    private final Api api;

    PlatformIT(Api api) {
        this.api = api;
    }

    @Test
    void readinessIsUpWithEveryModuleStarted() {
        Reply r = api.get("/health/ready").send().expect(200);
        JsonObject health = r.object();
        assertEquals("UP", health.getString("status"), r::toString);
        JsonObject check = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "machi-modules".equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no machi-modules check: " + r));
        assertEquals(Set.of("planning", "engagement", "collaboration", "promotion"),
                Set.of(check.getJsonObject("data").getString("started").split(",")), r::toString);
    }

    @Test
    void openApiYamlDocumentsCoreAndModulePaths() {
        Reply r = api.get("/openapi").send().expect(200);
        // YAML says so (RFC 9512), not Payara's text/plain (issue 13).
        assertTrue(r.contentType().startsWith("application/yaml"), r::toString);
        String yaml = r.text();
        assertTrue(yaml.startsWith("openapi: 3."), () -> "an OpenAPI 3 document: " + r);
        for (String path : concat(CORE_PATHS, MODULE_PATHS)) {
            // Paths are top-level keys under "paths:", indented two spaces, quoted or not.
            assertTrue(yaml.contains("\n  " + path + ":") || yaml.contains("\n  \"" + path + "\":"),
                    () -> path + " missing from /openapi:\n" + yaml);
        }
    }

    @Test
    void openApiJsonDocumentsCoreAndModulePaths() {
        Reply r = api.get("/openapi?format=json").send().expect(200);
        assertTrue(r.contentType().startsWith("application/json"), r::toString);
        JsonObject doc = r.object();
        assertTrue(doc.getString("openapi").startsWith("3."), r::toString);
        assertEquals("Machi API", doc.getJsonObject("info").getString("title"));
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : concat(CORE_PATHS, MODULE_PATHS)) {
            assertTrue(paths.containsKey(path), () -> path + " missing from /openapi: " + paths.keySet());
        }
        // The operations a client needs are there with their methods.
        assertTrue(paths.getJsonObject("/api/v1/municipalities").containsKey("post"));
        assertTrue(paths.getJsonObject("/api/v1/municipalities/{lgCode}").containsKey("put"));
        assertTrue(paths.getJsonObject("/api/v1/municipalities/{lgCode}/planning").containsKey("get"));
    }

    @Test
    void openApiRequestSchemasHaveEveryFieldATypeAndWhatIsRequired() {
        JsonObject schemas = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("components")
                .getJsonObject("schemas");
        // A new user: its own fields and those it inherits, the password among them, and which are required.
        JsonObject user = schemas.getJsonObject("NewUser");
        assertEquals("object", user.getString("type"), user::toString);
        assertEquals(Set.of("login", "role", "unitId", "password", "displayName", "email"),
                user.getJsonObject("properties").keySet(), user::toString);
        assertEquals("uuid", user.getJsonObject("properties").getJsonObject("unitId").getString("format"));
        assertTrue(user.getJsonArray("required").toString().contains("\"password\""), user::toString);
        // An indicator: the kind and direction with the values they take, the yearly rows with their members.
        JsonObject indicator = schemas.getJsonObject("IndicatorInput").getJsonObject("properties");
        assertTrue(indicator.getJsonObject("kind").getJsonArray("enum").toString().contains("OUTCOME"), indicator::toString);
        assertTrue(indicator.containsKey("direction") && indicator.containsKey("baseline") && indicator.containsKey("finalTarget")
                && indicator.containsKey("ownerUnitId"), indicator::toString);
        assertTrue(indicator.getJsonObject("years").getJsonObject("items").getJsonObject("properties").containsKey("actual"),
                indicator::toString);
        // A fiscal year, written by a serializer of its own: its members as they are written, the year bounded.
        JsonObject fiscalYear = schemas.getJsonObject("FiscalYear");
        assertEquals(Set.of("year", "label"), fiscalYear.getJsonObject("properties").keySet(), fiscalYear::toString);
        assertEquals("integer", fiscalYear.getJsonObject("properties").getJsonObject("year").getString("type"),
                fiscalYear::toString);
        assertEquals(9998, fiscalYear.getJsonObject("properties").getJsonObject("year").getJsonNumber("maximum").intValue(),
                fiscalYear::toString);
        // The rating scale: its grades by reference, the rule for interim years.
        JsonObject scale = schemas.getJsonObject("RatingScaleInput").getJsonObject("properties");
        assertEquals("#/components/schemas/GradeInput", scale.getJsonObject("grades").getJsonObject("items").getString("$ref"));
        assertTrue(scale.containsKey("interimYears"), scale::toString);
        // Classes that share a simple name are described each under a name of its own, and no component is left
        // without a type (an object, an enum's string, a reference or a composition).
        assertTrue(schemas.getJsonObject("ReformItemInput").getJsonObject("properties").containsKey("title"),
                () -> schemas.getJsonObject("ReformItemInput").toString());
        assertTrue(schemas.getJsonObject("PrContentInput").getJsonObject("properties").containsKey("channelId"),
                () -> schemas.getJsonObject("PrContentInput").toString());
        List<String> untyped = schemas.entrySet().stream()
                .filter(e -> e.getValue() instanceof JsonObject o && !o.containsKey("type") && !o.containsKey("$ref")
                        && !o.containsKey("allOf") && !o.containsKey("oneOf") && !o.containsKey("anyOf"))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), untyped, "components without a type");
    }

    @Test
    void openApiDocumentsTheAnswerOfEveryOperation() {
        JsonObject doc = api.get("/openapi?format=json").send().expect(200).object();
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        // Every operation says what it answers (its resource method's @Answers, ADR 0055): never the scanner's
        // "Default Response: object"; a body in a schema a client can rely on, or no body (204, a redirect).
        List<String> undocumented = new ArrayList<>();
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, spec) -> {
            if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            String op = method.toUpperCase() + " " + path;
            JsonObject responses = spec.asJsonObject().getJsonObject("responses");
            if (responses == null || responses.isEmpty() || responses.containsKey("default")) {
                undocumented.add(op + ": " + responses);
                return;
            }
            if (responses.entrySet().stream().noneMatch(e -> e.getKey().startsWith("2") || e.getKey().startsWith("3")
                    || e.getValue().asJsonObject().containsKey("content"))) {
                undocumented.add(op + ": no answer but refusals " + responses.keySet());
            }
            responses.forEach((status, answer) -> {
                JsonObject content = answer.asJsonObject().getJsonObject("content");
                if (content == null) {
                    // Only a success says nothing of its body by having none; a refusal without content is
                    // the problem document every endpoint answers with.
                    if (status.startsWith("2") && !status.equals("204")) {
                        undocumented.add(op + " " + status + ": no body");
                    }
                    return;
                }
                content.forEach((type, media) -> {
                    JsonObject schema = media.asJsonObject().getJsonObject("schema");
                    if (schema == null || !described(schema, schemas)) {
                        undocumented.add(op + " " + status + " " + type + ": " + schema);
                    }
                });
            });
        }));
        assertEquals(List.of(), undocumented, "operations without a documented answer");

        // An indicator: its view; the list a page of them (Page's members), CSV and xlsx beside it.
        JsonObject indicators = doc.getJsonObject("paths").getJsonObject("/api/v1/municipalities/{lgCode}/indicators");
        JsonObject indicator = doc.getJsonObject("paths").getJsonObject("/api/v1/municipalities/{lgCode}/indicators/{id}");
        assertEquals("#/components/schemas/IndicatorView", json(indicator, "get", "200").getString("$ref"));
        assertEquals("#/components/schemas/IndicatorView", json(indicator, "put", "200").getString("$ref"));
        assertEquals("#/components/schemas/IndicatorView", json(indicator, "patch", "200").getString("$ref"));
        assertEquals("#/components/schemas/IndicatorView", json(indicators, "post", "201").getString("$ref"));
        JsonObject deleted = indicator.getJsonObject("delete").getJsonObject("responses");
        assertEquals(Set.of("204"), deleted.keySet(), deleted::toString);
        assertTrue(!deleted.getJsonObject("204").containsKey("content"), deleted::toString);
        assertEquals("#/components/schemas/IndicatorViewPage", json(indicators, "get", "200").getString("$ref"));
        JsonObject page = schemas.getJsonObject("IndicatorViewPage");
        assertEquals(Set.of("items", "page", "size", "totalItems", "totalItemsExact", "totalPages"),
                page.getJsonObject("properties").keySet(), page::toString);
        assertEquals("#/components/schemas/IndicatorView", page.getJsonObject("properties").getJsonObject("items")
                .getJsonObject("items").getString("$ref"), page::toString);
        assertTrue(schemas.getJsonObject("IndicatorView").getJsonObject("properties").keySet()
                .containsAll(Set.of("id", "nameJa", "kind", "years", "latest")), () -> schemas.getJsonObject("IndicatorView").toString());
        JsonObject listed = indicators.getJsonObject("get").getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content");
        assertEquals("string", listed.getJsonObject("text/csv").getJsonObject("schema").getString("type"), listed::toString);
        assertEquals("binary", listed.getJsonObject("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .getJsonObject("schema").getString("format"), listed::toString);
        // A module's: a program list is a page of programs; a voice sent is 201 with its receipt, under a name of
        // its own (other modules' receipts are other classes); a file is binary in its own type.
        JsonObject programs = doc.getJsonObject("paths").getJsonObject("/api/v1/municipalities/{lgCode}/planning/programs");
        assertEquals("#/components/schemas/ProgramViewPage", json(programs, "get", "200").getString("$ref"));
        String receipt = json(doc.getJsonObject("paths").getJsonObject("/api/v1/municipalities/{lgCode}/engagement/voices"),
                "post", "201").getString("$ref");
        assertTrue(schemas.getJsonObject(receipt.substring(receipt.lastIndexOf('/') + 1)).getJsonObject("properties")
                .containsKey("receiptNumber"), receipt);
        JsonObject attachment = doc.getJsonObject("paths")
                .getJsonObject("/api/v1/municipalities/{lgCode}/engagement/voices/{id}/attachments/{attachmentId}")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content");
        assertEquals("binary", attachment.getJsonObject("*/*").getJsonObject("schema").getString("format"),
                attachment::toString);
    }

    /** The JSON schema of an operation's answer of {@code status}. */
    private static JsonObject json(JsonObject item, String method, String status) {
        return item.getJsonObject(method).getJsonObject("responses").getJsonObject(status).getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
    }

    /**
     * Whether a schema says what the body holds: a reference to a component that has a type (not the
     * scanner's generic {@code Page}), an array of such, an object with its members (or a free-form
     * one, said so), a string, number or boolean, or either of such.
     */
    private static boolean described(JsonObject schema, JsonObject schemas) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            JsonObject component = schemas.getJsonObject(name);
            return !name.equals("Page") && component != null && (component.containsKey("type")
                    || component.containsKey("oneOf") || component.containsKey("allOf"));
        }
        if (schema.containsKey("oneOf")) {
            return schema.getJsonArray("oneOf").stream().allMatch(s -> described(s.asJsonObject(), schemas));
        }
        String type = schema.getString("type", "");
        return switch (type) {
            case "array" -> schema.containsKey("items") && described(schema.getJsonObject("items"), schemas);
            case "object" -> schema.containsKey("properties") && !schema.getJsonObject("properties").isEmpty()
                    || schema.containsKey("additionalProperties") && schema.get("additionalProperties") != JsonValue.FALSE;
            case "string", "integer", "number", "boolean" -> true;
            default -> false;
        };
    }

    /** A generated client names a call after its operationId: each one names one operation (indicators' list, not "list"). */
    @Test
    void everyOperationIdIsUnique() {
        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        java.util.Map<String, List<String>> byId = new java.util.TreeMap<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (op.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT && op.asJsonObject().containsKey("operationId")) {
                byId.computeIfAbsent(op.asJsonObject().getString("operationId"), k -> new java.util.ArrayList<>())
                        .add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
            }
        }));
        java.util.Map<String, List<String>> twice = new java.util.TreeMap<>(byId);
        twice.values().removeIf(ops -> ops.size() == 1);
        assertTrue(twice.isEmpty(), () -> "operationIds used more than once: " + twice);
        assertTrue(byId.containsKey("getMunicipalitiesByLgCodeIndicators"), () -> "the indicator list's id: " + byId.keySet());
    }

    @Test
    void metricsAnswer() {
        Reply r = api.get("/metrics").send().expect(200);
        assertTrue(r.contentType().startsWith("text/plain"), r::toString);
        assertTrue(r.text().contains("# TYPE"), () -> "Prometheus text format: " + r);
    }

    @Test
    void startPageIsHtmlLinkingTheApi() {
        Reply r = api.get("/").accept("text/html").send().expect(200);
        assertTrue(r.contentType().startsWith("text/html"), r::toString);
        String html = r.text();
        assertTrue(html.contains("まち (Machi)"), r::toString);
        assertTrue(html.contains("href=\"/api/v1/modules\""), r::toString);
        assertTrue(html.contains("href=\"/openapi\""), r::toString);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
