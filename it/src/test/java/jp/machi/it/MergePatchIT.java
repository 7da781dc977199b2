package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH} with JSON Merge Patch (RFC 7396) beside every {@code PUT}: what a patch leaves out
 * stays, {@code null} clears an optional member, a required one nulled is 400, child rows patched
 * raise the version, If-Match as on PUT (428, 412), 415 for another media type, 400 for a patch that
 * is not an object, another municipality's id 404; {@code Accept-Patch}, {@code OPTIONS} and
 * {@code /openapi} say so. PUT stays a full replacement.
 */
@MachiTest
class MergePatchIT {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final Api api;
    private String lg;
    private String indicators;
    private String unit;

    MergePatchIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        String base = Municipalities.PATH + "/" + lg;
        indicators = base + "/indicators";
        unit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01")
                .add("nameJa", "広報戦略課").add("nameEn", "Public Relations Strategy Division").add("kind", "DIVISION")
                .add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");
    }

    private Api.Call patch(String path, String etag, String patch) {
        Api.Call c = api.method("PATCH", path).body(patch.getBytes(StandardCharsets.UTF_8), MERGE_PATCH);
        return etag == null ? c : c.ifMatch(etag);
    }

    /** 須坂市's follower count as the demo has it: names, owner, note, baseline and final target. */
    private Reply followers() {
        return api.post(indicators).json(Json.createObjectBuilder().add("code", "35.O2")
                .add("nameJa", "市公式ツイッター・フェイスブックのフォロワー数").add("nameEn", "Followers of the city's accounts")
                .add("kind", "OUTCOME").add("category", "統計指標").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .add("ownerUnitId", unit).add("note", "施策35 広聴・広報の充実")
                .add("baseline", Json.createObjectBuilder().add("value", 9560).add("fiscalYear", "R1"))
                .add("finalTarget", Json.createObjectBuilder().add("value", 10000).add("fiscalYear", "R7"))
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", "R5").add("target", 9800)))
                .build()).send().expect(201);
    }

    private static JsonObject year(JsonObject indicator, int fy) {
        return indicator.getJsonArray("years").stream().map(JsonValue::asJsonObject)
                .filter(y -> y.getJsonObject("fiscalYear").getInt("year") == fy).findFirst()
                .orElseThrow(() -> new AssertionError("no FY" + fy + " in " + indicator));
    }

    @Test
    void recordingAnActualKeepsNamesOwnerAndNote() {
        Reply created = followers();
        String item = indicators + "/" + created.object().getString("id");
        Reply got = api.get(item).send().expect(200);
        assertEquals(MERGE_PATCH, got.header("Accept-Patch").orElse(null), "GET says PATCH is taken: " + got);

        Reply patched = patch(item, got.etag(), "{\"years\":[{\"fiscalYear\":\"R5\",\"target\":9800},"
                + "{\"fiscalYear\":\"R7\",\"actual\":9850}]}").send().expect(200);
        JsonObject p = patched.object();
        assertNotEquals(got.etag(), patched.etag(), "a change of the yearly rows is a new version");
        assertEquals("Followers of the city's accounts", p.getString("nameEn"));
        assertEquals(unit, p.getString("ownerUnitId"));
        assertEquals("施策35 広聴・広報の充実", p.getString("note"));
        assertEquals("35.O2", p.getString("code"));
        assertEquals("統計指標", p.getString("category"));
        assertEquals(9560, p.getJsonObject("baseline").getInt("value"));
        assertEquals(10000, p.getJsonObject("finalTarget").getInt("value"));
        assertEquals(9800, year(p, 2023).getInt("target"));
        JsonObject r7 = year(p, 2025);
        assertEquals("令和7年度", r7.getJsonObject("fiscalYear").getString("label"));
        assertEquals(9850, r7.getInt("actual"));
        assertEquals("FINAL", r7.getString("targetSource"), "the final target year, measured against the final target");
        assertEquals("98.5", r7.getJsonNumber("achievementRate").toString());
        assertEquals("B", r7.getString("rating"));
        assertEquals(p, api.get(item).send().expect(200).object(), "the answer is what a GET shows now");

        // Only the note: the yearly rows (typed targets, not the final target standing in) stay as they were.
        Reply noted = patch(item, patched.etag(), "{\"note\":\"令和7年度は速報値\"}").send().expect(200);
        assertEquals("令和7年度は速報値", noted.object().getString("note"));
        assertEquals(p.getJsonArray("years"), noted.object().getJsonArray("years"));
        assertEquals("Followers of the city's accounts", noted.object().getString("nameEn"));
    }

    @Test
    void nullClearsAnOptionalMemberAndARequiredOneIs400() {
        Reply created = followers();
        String item = indicators + "/" + created.object().getString("id");
        Reply cleared = patch(item, created.etag(), "{\"nameEn\":null,\"note\":null,\"baseline\":{\"value\":9600}}")
                .send().expect(200);
        JsonObject c = cleared.object();
        assertFalse(c.containsKey("nameEn") && c.get("nameEn") != JsonValue.NULL, c::toString);
        assertFalse(c.containsKey("note") && c.get("note") != JsonValue.NULL, c::toString);
        assertEquals(unit, c.getString("ownerUnitId"));
        assertEquals(9600, c.getJsonObject("baseline").getInt("value"), "objects merge: the value changes");
        assertEquals(2019, c.getJsonObject("baseline").getJsonObject("fiscalYear").getInt("year"), "… the year stays");

        Reply required = patch(item, cleared.etag(), "{\"nameJa\":null}").send();
        JsonObject problem = assertJapanese(required, assertProblem(required, 400, "validation"));
        assertTrue(Problems.fields(problem).contains("nameJa"), problem::toString);
        Reply en = patch(item, cleared.etag(), "{\"unit\":null}").lang("en").send();
        JsonObject enProblem = assertEnglish(en, assertProblem(en, 400, "validation"));
        assertTrue(Problems.fields(enProblem).contains("unit"), enProblem::toString);
        Reply wrongType = patch(item, cleared.etag(), "{\"cumulative\":\"yes\"}").send();
        assertProblem(wrongType, 400, null);
        assertEquals(cleared.etag(), api.get(item).send().expect(200).etag(), "the refused patches wrote nothing");
    }

    @Test
    void putStaysAFullReplacement() {
        Reply created = followers();
        String item = indicators + "/" + created.object().getString("id");
        JsonObject replaced = api.put(item).ifMatch(created.etag()).json("{\"nameJa\":\"フォロワー数\",\"kind\":\"OUTCOME\","
                + "\"unit\":\"人\",\"direction\":\"HIGHER_IS_BETTER\"}").send().expect(200).object();
        assertFalse(replaced.containsKey("nameEn") && replaced.get("nameEn") != JsonValue.NULL, "PUT cleared it: " + replaced);
        assertFalse(replaced.containsKey("ownerUnitId") && replaced.get("ownerUnitId") != JsonValue.NULL, replaced::toString);
    }

    @Test
    void ifMatchAsOnPut() {
        Reply created = followers();
        String item = indicators + "/" + created.object().getString("id");
        for (String bad : Arrays.asList(null, "*", "", " ")) {
            assertProblem(patch(item, bad, "{\"note\":\"x\"}").send(), 428, "precondition-required");
        }
        Reply first = patch(item, created.etag(), "{\"note\":\"一人目\"}").send().expect(200);
        Reply stale = patch(item, created.etag(), "{\"note\":\"二人目\"}").send();
        assertJapanese(stale, assertProblem(stale, 412, "stale-version"));
        Reply now = api.get(item).send().expect(200);
        assertEquals(first.etag(), now.etag());
        assertEquals("一人目", now.object().getString("note"));
    }

    @Test
    void anotherMediaTypeIs415AndAPatchThatIsNotAnObjectIs400() {
        Reply created = followers();
        String item = indicators + "/" + created.object().getString("id");
        Reply json = api.method("PATCH", item).ifMatch(created.etag())
                .body("{\"note\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/json").send();
        JsonObject p = assertJapanese(json, assertProblem(json, 415, "unsupported-media-type"));
        assertTrue(p.getString("detail").contains(MERGE_PATCH), p::toString);
        assertEquals(MERGE_PATCH, json.header("Accept-Patch").orElse(null));
        Reply none = api.method("PATCH", item).ifMatch(created.etag()).body("{}".getBytes(StandardCharsets.UTF_8), null)
                .lang("en").send();
        JsonObject pe = assertEnglish(none, assertProblem(none, 415, "unsupported-media-type"));
        assertTrue(pe.getString("detail").contains(MERGE_PATCH), pe::toString);
        for (String notObject : List.of("[{\"op\":\"replace\",\"path\":\"/note\",\"value\":\"x\"}]", "\"x\"", "null", "1")) {
            Reply r = patch(item, created.etag(), notObject).send();
            assertJapanese(r, assertProblem(r, 400, "merge-patch-not-object"));
        }
        Reply en = patch(item, created.etag(), "[]").lang("en").send();
        assertEnglish(en, assertProblem(en, 400, "merge-patch-not-object"));
        assertProblem(patch(item, created.etag(), "{\"note\":").send(), 400, "malformed-json");
        assertEquals(created.etag(), api.get(item).send().expect(200).etag(), "nothing was written");
    }

    @Test
    void anotherMunicipalitysIdIs404AndAPathWithoutPutIs405() {
        Reply created = followers();
        String id = created.object().getString("id");
        String other = Municipalities.register(api);
        Reply foreign = patch(Municipalities.PATH + "/" + other + "/indicators/" + id, created.etag(), "{\"note\":\"x\"}").send();
        assertProblem(foreign, 404, "not-found");
        assertProblem(patch(indicators + "/" + java.util.UUID.randomUUID(), "\"1\"", "{}").send(), 404, "not-found");
        assertProblem(patch(indicators + "/not-a-uuid", "\"1\"", "{}").send(), 400, null);
        Reply collection = patch(indicators, "\"1\"", "{}").send();
        assertProblem(collection, 405, "method-not-allowed");
        assertEquals(created.etag(), api.get(indicators + "/" + id).send().expect(200).etag());
        assertEquals("施策35 広聴・広報の充実", api.get(indicators + "/" + id).send().expect(200).object().getString("note"));
    }

    @Test
    void childRowsOfAProgramPatchedRaiseItsVersion() {
        Municipalities.setModule(api, lg, "planning", true);
        String programs = Municipalities.PATH + "/" + lg + "/planning/programs";
        Reply created = api.post(programs).json("{\"fiscalYear\":\"R6\",\"programNumber\":\"1-1-01\",\"name\":\"広報紙発行事業\","
                + "\"unitId\":\"" + unit + "\",\"purpose\":\"市政情報を届ける\",\"legalBasis\":\"地方自治法\","
                + "\"costs\":[{\"fiscalYear\":2024,\"programCost\":12000,\"nationalSubsidy\":1000}]}").send().expect(201);
        String item = programs + "/" + created.object().getString("id");
        Reply patched = patch(item, created.etag(), "{\"costs\":[{\"fiscalYear\":2024,\"programCost\":13000,"
                + "\"nationalSubsidy\":1000}]}").send().expect(200);
        assertNotEquals(created.etag(), patched.etag(), "a change of the yearly costs only is a new version");
        JsonObject p = patched.object();
        assertEquals(13000, p.getJsonArray("costs").getJsonObject(0).getInt("programCost"));
        assertEquals(12000, p.getJsonArray("costs").getJsonObject(0).getInt("generalRevenue"), "what the rest leaves");
        assertEquals("広報紙発行事業", p.getString("name"));
        assertEquals("市政情報を届ける", p.getString("purpose"));
        assertEquals("地方自治法", p.getString("legalBasis"));
        assertEquals(unit, p.getString("unitId"));
        // Set by id only: the division shows as that unit's name (issue 13), in the list and the CSV too.
        assertEquals("広報戦略課", p.getString("unitLabel"), p::toString);
        assertTrue(api.get(programs + "?fiscalYear=R6").send().expect(200).object().getJsonArray("items").getJsonObject(0)
                .getString("unitLabel").equals("広報戦略課"));
        assertTrue(api.get(programs + "?fiscalYear=R6&format=csv").send().expect(200).text().contains("広報戦略課"));
        assertProblem(patch(item, created.etag(), "{\"costs\":[]}").send(), 412, "stale-version");
    }

    @Test
    void optionsAndOpenApiDescribeThePatch() {
        Reply created = followers();
        String item = indicators + "/" + created.object().getString("id");
        Reply options = api.method("OPTIONS", item).send();
        assertTrue(options.status() == 200 || options.status() == 204, options::toString);
        assertTrue(options.header("Allow").orElse("").contains("PATCH"), options::toString);
        assertEquals(MERGE_PATCH, options.header("Accept-Patch").orElse(null));
        // The two PUTs without a PATCH are not advertised with one (it would be 405).
        String moduleSwitch = indicators.substring(0, indicators.lastIndexOf("/indicators")) + "/modules/planning";
        String sheet = indicators + "/actuals/2024/units/" + java.util.UUID.randomUUID();
        for (String noPatch : java.util.List.of(moduleSwitch, sheet)) {
            Reply o = api.method("OPTIONS", noPatch).send();
            assertTrue(o.header("Allow").orElse("").contains("PUT"), o::toString);
            assertFalse(o.header("Allow").orElse("").contains("PATCH"), o::toString);
            assertTrue(o.header("Accept-Patch").isEmpty(), o::toString);
        }

        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        JsonObject op = paths.getJsonObject("/api/v1/municipalities/{lgCode}/indicators/{id}").getJsonObject("patch");
        assertTrue(op != null, "PATCH is documented");
        assertTrue(op.getJsonObject("requestBody").getJsonObject("content").containsKey(MERGE_PATCH), op::toString);
        assertTrue(op.getString("summary").contains("Merge Patch"), op::toString);
        // Every PUT has its PATCH but the three that opt out (x-merge-patch: false), each saying why: the module
        // switch, the yearly actuals sheet (saved whole; one indicator is patched on its own path) and the order
        // of a vacant house's photos (the list sent whole; its GET lists the photos, not the PUT's body).
        java.util.Set<String> without = new java.util.TreeSet<>();
        paths.forEach((path, operations) -> {
            if (operations.asJsonObject().containsKey("put") && !operations.asJsonObject().containsKey("patch")) {
                without.add(path);
            }
        });
        assertEquals(java.util.Set.of("/api/v1/municipalities/{lgCode}/modules/{moduleId}",
                "/api/v1/municipalities/{lgCode}/indicators/actuals/{fiscalYear}/units/{unitId}",
                "/api/v1/municipalities/{lgCode}/promotion/vacant-houses/{id}/attachments"), without,
                "every PUT but the module switch, the actuals sheet and the photos' order has its PATCH");
    }
}
