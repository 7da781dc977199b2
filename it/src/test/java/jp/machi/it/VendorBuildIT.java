package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.machi.it.support.Api;
import jp.machi.it.support.ItSettings;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vendor's own build: a WAR with core and planning only, plus a third-party jar whose two
 * modules cannot start (one requires module {@code nonexistent}, one needs core {@code [99,100)}),
 * deployed on plain Payara Micro. It must boot, migrate and serve what it has, and say in both
 * languages why the broken modules did not start.
 *
 * <p>How the WAR is made (module {@code it/vendor-war}): maven-war-plugin overlays
 * machi-app's WAR, excluding {@code WEB-INF/lib/machi-module-engagement.jar}, {@code -collaboration}
 * and {@code -promotion}, and adds the {@code machi-it-fixtures} jar as a dependency. A vendor
 * without extra jars needs no overlay: {@code ./mvnw package -Dwithout-engagement
 * -Dwithout-collaboration -Dwithout-promotion} builds {@code app/target/machi.war} with core and
 * planning only (see it/README.md).
 *
 * <p>The fixture jar also carries an endpoint that declares no {@code @Access} rule: it must answer
 * 403 {@code no-access-rule} to everyone, which is how a forgotten rule shows.
 */
@MachiTest
class VendorBuildIT {

    private static TestDatabase db;
    private static MachiServer server;
    private static Api api;

    @BeforeAll
    static void boot() {
        db = TestDatabase.fresh("vendor");
        server = MachiServer.war("vendor", ItSettings.vendorWar(), db).start();
        api = server.api();
    }

    @AfterAll
    static void shutDown() {
        if (server != null) {
            server.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void readyWithPlanningOnly() {
        Reply r = api.get("/health/ready").send().expect(200);
        JsonObject check = r.object().getJsonArray("checks").getJsonObject(0);
        assertEquals("planning", check.getJsonObject("data").getString("started"), r::toString);
    }

    @Test
    void modulesListShowsPlanningStartedAndTheBrokenOnesWithReasons() {
        Map<String, JsonObject> ja = byId(api.get("/api/v1/modules").send().expect(200));
        assertEquals(java.util.Set.of("planning", "fixture-needs-missing", "fixture-future-core"), ja.keySet());
        assertEquals("STARTED", ja.get("planning").getString("status"));

        JsonObject missing = ja.get("fixture-needs-missing");
        assertEquals("NOT_STARTED", missing.getString("status"));
        assertEquals("必要なモジュール「nonexistent」([1.0,)) がありません。", missing.getString("reason"));

        JsonObject future = ja.get("fixture-future-core");
        assertEquals("NOT_STARTED", future.getString("status"));
        assertTrue(future.getString("reason").contains("[99,100)"), future::toString);
        assertTrue(future.getString("reason").startsWith("コアのバージョン "), future::toString);

        Map<String, JsonObject> en = byId(api.get("/api/v1/modules").lang("en").send().expect(200));
        assertEquals("Required module \"nonexistent\" ([1.0,)) is missing.",
                en.get("fixture-needs-missing").getString("reason"));
        String futureEn = en.get("fixture-future-core").getString("reason");
        assertTrue(futureEn.startsWith("Core version ") && futureEn.endsWith(" is outside the range [99,100) this module needs."),
                futureEn);
    }

    @Test
    void modulesLeftOutOfTheBuildAreAbsent() {
        for (String id : java.util.List.of("engagement", "collaboration", "promotion")) {
            assertProblem(api.get("/api/v1/modules/" + id).send(), 404, "not-found");
        }
        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/v1/municipalities/{lgCode}/planning"), paths.keySet()::toString);
        assertFalse(paths.containsKey("/api/v1/municipalities/{lgCode}/engagement"), paths.keySet()::toString);
    }

    @Test
    void planningWorksOnceEnabledAndBrokenOrAbsentModulesCannotBeEnabled() {
        String code = Municipalities.register(api);
        assertProblem(api.get("/api/v1/municipalities/" + code + "/planning").send(), 404, "module-not-enabled");
        Municipalities.setModule(api, code, "planning", true);
        Reply root = api.get("/api/v1/municipalities/" + code + "/planning").send().expect(200);
        assertEquals("planning", root.object().getString("module"));

        Reply broken = api.put("/api/v1/municipalities/" + code + "/modules/fixture-needs-missing")
                .json("{\"enabled\":true}").send();
        assertProblem(broken, 409, "module-not-started");
        Reply absent = api.put("/api/v1/municipalities/" + code + "/modules/engagement").json("{\"enabled\":true}").send();
        assertProblem(absent, 404, "not-found");
        assertProblem(api.get("/api/v1/municipalities/" + code + "/engagement").send(), 404, "not-found");
    }

    @Test
    void anEndpointWithoutAccessRuleIsRefusedToEveryone() {
        String path = "/api/v1/fixture/forgotten-rule";
        for (Api who : java.util.List.of(api, api.anonymous(), api.as("MUNICIPALITY_ADMIN", Municipalities.register(api)))) {
            Reply r = who.get(path).send();
            assertProblem(r, 403, "no-access-rule");
            assertFalse(r.text().contains("nobody should read this"), r::toString);
        }
        Reply en = api.get(path).lang("en").send();
        jp.machi.it.support.Problems.assertEnglish(en, assertProblem(en, 403, "no-access-rule"));
        assertTrue(server.logTail(400).contains("No @Access rule on jp.machi.itfixtures.ForgottenRuleResource.secret"),
                "the log names the endpoint without rule");
    }

    private static Map<String, JsonObject> byId(Reply r) {
        return r.array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(m -> m.getString("id"), Function.identity()));
    }
}
