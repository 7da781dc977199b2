package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A municipality's own values of the settings modules declare (the planning module's future
 * directions, personnel unit cost, evaluation scale …): read by anyone of the municipality, set by
 * its administrator with If-Match, checked against the declared type (and the module's own rules)
 * with field errors in Japanese and English, the defaults wherever nothing was set; and the module
 * roles (planning.evaluator) a municipality administrator grants to an account.
 */
@MachiTest
class ModuleSettingsIT {

    private final Api api;
    private String lg;
    private String base;
    private String settings;

    ModuleSettingsIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipalityWithPlanning() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        settings = base + "/modules/planning/settings";
    }

    static JsonObject setting(JsonObject view, String key) {
        return view.getJsonArray("settings").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("key").equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + view));
    }

    @Test
    void everyMunicipalityStartsWithTheDeclaredDefaultsTypedAsDeclared() {
        Reply r = api.as("VIEWER", lg).get(settings).send().expect(200);
        JsonObject view = r.object();
        assertEquals("planning", view.getString("moduleId"));
        JsonObject cost = setting(view, "personnelUnitCost");
        assertEquals("INTEGER", cost.getString("type"));
        assertEquals(8000, cost.getInt("value"));
        assertEquals(8000, cost.getInt("defaultValue"));
        assertFalse(cost.getBoolean("set"));
        assertEquals("人件費単価 (千円/人・年)", cost.getString("label"));
        JsonObject directions = setting(view, "futureDirections");
        assertEquals("LIST", directions.getString("type"));
        assertEquals(List.of("拡充", "現状維持", "改善", "縮小", "統合", "休止", "廃止", "終了"),
                directions.getJsonArray("value").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of("A:高い", "B:中程度", "C:低い"),
                setting(view, "evaluationScale").getJsonArray("value").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("\"0\"", r.etag());
        assertEquals("Personnel unit cost (¥1,000 per FTE-year)",
                setting(api.get(settings).lang("en").send().expect(200).object(), "personnelUnitCost").getString("label"));
    }

    @Test
    void theAdministratorSetsValuesWithIfMatchAndLeavingAKeyOutRestoresItsDefault() {
        Reply first = api.get(settings).send().expect(200);
        JsonObject body = Json.createObjectBuilder().add("values", Json.createObjectBuilder()
                .add("personnelUnitCost", 7500)
                .add("futureDirections", Json.createArrayBuilder().add("拡大").add("継続").add("見直し").add("廃止"))).build();
        Reply set = api.as("MUNICIPALITY_ADMIN", lg).put(settings).ifMatch(first.etag()).json(body).send().expect(200);
        assertNotEquals(first.etag(), set.etag());
        assertEquals(7500, setting(set.object(), "personnelUnitCost").getInt("value"));
        assertTrue(setting(set.object(), "personnelUnitCost").getBoolean("set"));
        assertEquals(8000, setting(set.object(), "personnelUnitCost").getInt("defaultValue"));

        Reply read = api.as("VIEWER", lg).get(settings).send().expect(200);
        assertEquals(set.etag(), read.etag());
        assertEquals(List.of("拡大", "継続", "見直し", "廃止"), setting(read.object(), "futureDirections")
                .getJsonArray("value").getValuesAs(jakarta.json.JsonString::getString));

        // The old ETag is stale now.
        assertProblem(api.put(settings).ifMatch(first.etag()).json(body).send(), 412, "stale-version");
        assertProblem(api.put(settings).json(body).send(), 428, "precondition-required");

        // Only personnelUnitCost this time, and null: both back to their defaults.
        Reply reset = api.put(settings).ifMatch(read.etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().addNull("personnelUnitCost")).build()).send().expect(200);
        assertEquals(8000, setting(reset.object(), "personnelUnitCost").getInt("value"));
        assertFalse(setting(reset.object(), "personnelUnitCost").getBoolean("set"));
        assertFalse(setting(reset.object(), "futureDirections").getBoolean("set"));
        assertEquals(8, setting(reset.object(), "futureDirections").getJsonArray("value").size());

        // Another municipality never sees these values.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "planning", true);
        api.put(settings).ifMatch(reset.etag()).json(body).send().expect(200);
        assertEquals(8000, setting(api.get(Municipalities.PATH + "/" + other + "/modules/planning/settings").send()
                .expect(200).object(), "personnelUnitCost").getInt("value"));
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedFieldByFieldAndNothingIsWritten() {
        Reply before = api.get(settings).send().expect(200);
        JsonObject bad = Json.createObjectBuilder().add("values", Json.createObjectBuilder()
                .add("personnelUnitCost", "8000円")
                .add("futureDirections", Json.createArrayBuilder().add("拡充,改善"))
                .add("evaluationScale", Json.createArrayBuilder().add("A:良い"))
                .add("levelNames", Json.createArrayBuilder())
                .add("noSuchSetting", 1)).build();
        Reply r = api.put(settings).ifMatch(before.etag()).json(bad).send();
        JsonObject p = assertJapanese(r, assertProblem(r, 400, "validation"));
        String fields = Problems.fields(p);
        for (String f : List.of("values.personnelUnitCost", "values.futureDirections", "values.evaluationScale",
                "values.levelNames", "values.noSuchSetting")) {
            assertTrue(fields.contains(f), () -> f + " in " + fields);
        }
        assertTrue(fields.contains("整数で指定してください"), fields);
        Reply en = api.put(settings).ifMatch(before.etag()).lang("en").json(bad).send();
        assertTrue(Problems.fields(assertEnglish(en, assertProblem(en, 400, "validation"))).contains("Give a whole number"));

        // The module's own rule: a unit cost is not negative.
        Reply negative = api.put(settings).ifMatch(before.etag()).json(Json.createObjectBuilder().add("values",
                Json.createObjectBuilder().add("personnelUnitCost", -1)).build()).send();
        assertTrue(Problems.fields(assertProblem(negative, 400, "validation")).contains("values.personnelUnitCost"));
        assertProblem(api.put(settings).ifMatch(before.etag()).json("{\"values\":{\"personnelUnitCost\":1.5}}").send(), 400,
                "validation");

        Reply after = api.get(settings).send().expect(200);
        assertEquals(before.etag(), after.etag());
        assertEquals(before.object(), after.object());
    }

    @Test
    void onlyTheMunicipalityAdministratorSetsValuesAndUnknownModulesAreNotFound() {
        Reply before = api.get(settings).send().expect(200);
        JsonObject body = Json.createObjectBuilder().add("values", Json.createObjectBuilder().add("personnelUnitCost", 1)).build();
        for (String role : List.of("VIEWER", "STAFF")) {
            assertProblem(api.as(role, lg).put(settings).ifMatch(before.etag()).json(body).send(), 403, null);
        }
        assertProblem(api.anonymous().get(settings).send(), 401, null);
        assertProblem(api.get(base + "/modules/no-such-module/settings").send(), 404, "not-found");
        assertEquals(before.etag(), api.get(settings).send().expect(200).etag());
    }

    @Test
    void anAdministratorGrantsModuleRolesThatTheSignedInUserThenHolds() {
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Api.Account staff = admin.newUser("STAFF", lg);
        String user = base + "/users/" + staff.id();
        Reply got = admin.get(user).send().expect(200);
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, got.object().getJsonArray("moduleRoles"));

        JsonObject grant = Json.createObjectBuilder().add("moduleRoles", Json.createArrayBuilder().add("planning.evaluator")).build();
        assertProblem(admin.put(user + "/module-roles").json(grant).send(), 428, "precondition-required");
        assertProblem(api.as("STAFF", lg).put(user + "/module-roles").ifMatch(got.etag()).json(grant).send(), 403, null);
        Reply unknown = admin.put(user + "/module-roles").ifMatch(got.etag()).json(Json.createObjectBuilder()
                .add("moduleRoles", Json.createArrayBuilder().add("planning.evaluator").add("planning.superuser")).build()).send();
        assertTrue(Problems.fields(assertProblem(unknown, 400, "validation")).contains("moduleRoles[1]"));
        assertEquals(got.etag(), admin.get(user).send().expect(200).etag());

        Reply granted = admin.put(user + "/module-roles").ifMatch(got.etag()).json(grant).send().expect(200);
        assertEquals(List.of("planning.evaluator"),
                granted.object().getJsonArray("moduleRoles").getValuesAs(jakarta.json.JsonString::getString));

        Api signedIn = api.signIn(staff);
        JsonArray held = signedIn.get("/api/v1/session").send().expect(200).object().getJsonObject("caller")
                .getJsonArray("moduleRoles");
        assertEquals(List.of("planning.evaluator"), held.getValuesAs(jakarta.json.JsonString::getString));

        // Revoked: the same session holds it no more.
        admin.put(user + "/module-roles").ifMatch(granted.etag()).json("{\"moduleRoles\":[]}").send().expect(200);
        assertEquals(0, signedIn.get("/api/v1/session").send().expect(200).object().getJsonObject("caller")
                .getJsonArray("moduleRoles").size());
    }
}
