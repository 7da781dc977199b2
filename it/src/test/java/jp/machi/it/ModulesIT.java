package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.machi.it.support.Api;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Modules as a deployment lists them and as each municipality switches them on and off: a
 * disabled module's endpoints answer 404 with a problem naming the module, in Japanese by default
 * and in English on request.
 */
@MachiTest
class ModulesIT {

    static final List<String> ALL = List.of("planning", "engagement", "collaboration", "promotion");

    private final Api api;

    ModulesIT(Api api) {
        this.api = api;
    }

    @Test
    void deploymentListsEveryModuleStartedWithNamesAndVersion() {
        Reply r = api.get("/api/v1/modules").send().expect(200);
        Map<String, JsonObject> byId = byId(r);
        assertEquals(ALL.stream().sorted().toList(), byId.keySet().stream().sorted().toList(), r::toString);
        for (String id : ALL) {
            JsonObject m = byId.get(id);
            assertEquals("STARTED", m.getString("status"), r::toString);
            assertFalse(m.containsKey("reason") && !m.isNull("reason"), () -> id + " has a reason: " + r);
            assertTrue(jp.machi.it.support.Text.isJapanese(m.getString("nameJa")), () -> id + " nameJa: " + m);
            assertTrue(jp.machi.it.support.Text.isEnglish(m.getString("nameEn")), () -> id + " nameEn: " + m);
            assertTrue(m.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), () -> id + " version: " + m);
        }
    }

    @Test
    void oneModuleByIdAndUnknownModule() {
        JsonObject planning = api.get("/api/v1/modules/planning").send().expect(200).object();
        assertEquals("planning", planning.getString("id"));
        assertEquals("STARTED", planning.getString("status"));

        Reply unknown = api.get("/api/v1/modules/no-such-module").send();
        assertJapanese(unknown, assertProblem(unknown, 404, "not-found"));
        assertTrue(unknown.object().getString("detail").contains("no-such-module"), unknown::toString);
    }

    @Test
    void modulesAreOffForANewMunicipality() {
        String code = Municipalities.register(api);
        Reply r = api.get("/api/v1/municipalities/" + code + "/modules").send().expect(200);
        Map<String, JsonObject> byId = byId(r);
        assertEquals(ALL.stream().sorted().toList(), byId.keySet().stream().sorted().toList(), r::toString);
        byId.values().forEach(m -> assertFalse(m.getBoolean("enabled"), r::toString));
        for (String id : ALL) {
            assertFalse(api.get("/api/v1/municipalities/" + code + "/modules/" + id).send().expect(200)
                    .object().getBoolean("enabled"));
            Reply root = api.get("/api/v1/municipalities/" + code + "/" + id).send();
            assertProblem(root, 404, "module-not-enabled");
        }
    }

    @Test
    void enablingPlanningOpensItsEndpointsForThatMunicipalityOnly() {
        String code = Municipalities.register(api);
        String other = Municipalities.register(api);

        Reply on = api.put("/api/v1/municipalities/" + code + "/modules/planning").json("{\"enabled\":true}").send().expect(200);
        assertTrue(on.object().getBoolean("enabled"), on::toString);
        assertTrue(api.get("/api/v1/municipalities/" + code + "/modules/planning").send().expect(200)
                .object().getBoolean("enabled"));

        Reply root = api.get("/api/v1/municipalities/" + code + "/planning").send().expect(200);
        assertEquals(code, root.object().getString("municipality"), root::toString);
        assertEquals("planning", root.object().getString("module"), root::toString);
        assertEquals("行政計画・評価", root.object().getString("name"), root::toString);
        assertEquals("Planning and evaluation",
                api.get("/api/v1/municipalities/" + code + "/planning").lang("en").send().expect(200)
                        .object().getString("name"));

        // Another municipality has not bought it, and the other modules stay off here.
        assertProblem(api.get("/api/v1/municipalities/" + other + "/planning").send(), 404, "module-not-enabled");
        assertProblem(api.get("/api/v1/municipalities/" + code + "/engagement").send(), 404, "module-not-enabled");
    }

    @Test
    void disablingAModuleAnswers404ProblemInJapaneseAndEnglish() {
        String code = Municipalities.register(api);
        Municipalities.setModule(api, code, "planning", true);
        api.get("/api/v1/municipalities/" + code + "/planning").send().expect(200);

        Reply off = api.put("/api/v1/municipalities/" + code + "/modules/planning").json("{\"enabled\":false}").send().expect(200);
        assertFalse(off.object().getBoolean("enabled"), off::toString);

        Reply ja = api.get("/api/v1/municipalities/" + code + "/planning").send();
        JsonObject pja = assertJapanese(ja, assertProblem(ja, 404, "module-not-enabled"));
        assertEquals("この団体ではモジュールが有効になっていません", pja.getString("title"), ja::toString);
        assertTrue(pja.getString("detail").contains("planning") && pja.getString("detail").contains(code), ja::toString);

        Reply en = api.get("/api/v1/municipalities/" + code + "/planning").lang("en").send();
        JsonObject pen = assertEnglish(en, assertProblem(en, 404, "module-not-enabled"));
        assertEquals("Module not enabled for this municipality", pen.getString("title"), en::toString);
        assertEquals("Module \"planning\" is not enabled for municipality " + code + ".", pen.getString("detail"), en::toString);

        // A browser's usual header picks English too; Japanese first keeps Japanese.
        Reply enUs = api.get("/api/v1/municipalities/" + code + "/planning").lang("en-US,en;q=0.9,ja;q=0.8").send();
        assertEnglish(enUs, assertProblem(enUs, 404, "module-not-enabled"));
        Reply jaFirst = api.get("/api/v1/municipalities/" + code + "/planning").lang("ja,en;q=0.5").send();
        assertJapanese(jaFirst, assertProblem(jaFirst, 404, "module-not-enabled"));
    }

    @Test
    void unknownModuleIdIs404ForGetAndPut() {
        String code = Municipalities.register(api);
        Reply get = api.get("/api/v1/municipalities/" + code + "/modules/no-such-module").send();
        assertProblem(get, 404, "not-found");
        Reply put = api.put("/api/v1/municipalities/" + code + "/modules/no-such-module").json("{\"enabled\":true}").send();
        assertProblem(put, 404, "not-found");
        assertTrue(put.object().getString("detail").contains("no-such-module"), put::toString);
        Reply en = api.put("/api/v1/municipalities/" + code + "/modules/no-such-module").lang("en")
                .json("{\"enabled\":true}").send();
        assertEnglish(en, assertProblem(en, 404, "not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"enabled\":\"yes\"}", "{}", "{\"enabled\":null}", "{\"enabled\":1}",
        "{\"enabled\":\"true\"}", "{\"enabled\":[true]}", "{\"on\":true}", "true", "[]", "{\"enabled\":tru"})
    void aSwitchThatIsNotABooleanIs400AndChangesNothing(String body) {
        String code = Municipalities.register(api);
        Municipalities.setModule(api, code, "planning", true);

        Reply r = api.put("/api/v1/municipalities/" + code + "/modules/planning").json(body).send();
        JsonObject p = assertProblem(r, 400, null);
        assertTrue(p.getString("type").endsWith("/validation") || p.getString("type").endsWith("/malformed-json"), r::toString);

        // Still on: a refused request changed nothing.
        assertTrue(api.get("/api/v1/municipalities/" + code + "/modules/planning").send().expect(200)
                .object().getBoolean("enabled"));
        api.get("/api/v1/municipalities/" + code + "/planning").send().expect(200);
    }

    @Test
    void switchingModulesOfAnUnknownMunicipalityIs404() {
        Reply r = api.put("/api/v1/municipalities/" + LgCodes.UNREGISTERED + "/modules/planning")
                .json("{\"enabled\":true}").send();
        assertProblem(r, 404, "not-found");
    }

    private static Map<String, JsonObject> byId(Reply r) {
        return r.array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(m -> m.getString("id"), Function.identity()));
    }
}
