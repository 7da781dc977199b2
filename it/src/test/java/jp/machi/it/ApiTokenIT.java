package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API tokens for scripts: issued by a municipality's administrator with the secret shown once,
 * used as {@code Authorization: Bearer}, listed without secrets, revoked (401 from then on), never
 * stronger than their issuer, and never reaching another municipality.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenIT {

    private final Api platform;
    private String a;
    private String b;
    private Api adminOfA;

    ApiTokenIT(Api api) {
        this.platform = api;
    }

    @BeforeAll
    void municipalities() {
        a = Municipalities.register(platform);
        b = Municipalities.register(platform);
        adminOfA = platform.signIn(platform.newUser("MUNICIPALITY_ADMIN", a));
    }

    private String tokens(String lg) {
        return Municipalities.PATH + "/" + lg + "/api-tokens";
    }

    private static JsonObject newToken(String name, String role) {
        return Json.createObjectBuilder().add("name", name).add("role", role).build();
    }

    @Test
    void theSecretIsShownOnceAndNeverListed() {
        Reply issued = adminOfA.post(tokens(a)).json(newToken("CSV import", "STAFF")).send().expect(201);
        JsonObject t = issued.object();
        String secret = t.getString("token");
        assertTrue(secret.matches("machi_[A-Za-z0-9_-]{43}"), secret);
        assertEquals("STAFF", t.getString("role"));
        assertEquals(a, t.getString("municipalityCode"));
        assertTrue(secret.startsWith(t.getString("prefix")), t::toString);
        assertTrue(issued.header("Cache-Control").orElse("").contains("no-store"), issued::toString);
        assertTrue(issued.header("Location").orElse("").endsWith("/api-tokens/" + t.getString("id")), issued::toString);

        Reply list = adminOfA.get(tokens(a)).send().expect(200);
        assertTrue(list.text().contains(t.getString("id")), list::toString);
        assertFalse(list.text().contains(secret), "the list shows no secret");
        assertFalse(list.text().contains(secret.substring(12)), "not even a part beyond the prefix");
        assertFalse(list.text().contains("\"token\""), list::toString);
        Reply one = adminOfA.get(tokens(a) + "/" + t.getString("id")).send().expect(200);
        assertFalse(one.text().contains(secret), one::toString);
        assertEquals("CSV import", one.object().getString("name"));
    }

    @Test
    void aTokenWorksAsItsRoleUntilRevokedThenIs401() {
        JsonObject t = adminOfA.post(tokens(a)).json(newToken("staff script", "STAFF")).send().expect(201).object();
        Api script = platform.withBearer(t.getString("token"));
        String indicators = Municipalities.PATH + "/" + a + "/indicators";
        script.get(indicators).send().expect(200);
        script.post(indicators).json("{\"nameJa\":\"トークン作成\",\"kind\":\"OUTCOME\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\"}")
                .send().expect(201);
        assertProblem(script.put(Municipalities.PATH + "/" + a + "/modules/planning").json("{\"enabled\":true}").send(),
                403, "forbidden");
        JsonObject listed = adminOfA.get(tokens(a) + "/" + t.getString("id")).send().expect(200).object();
        assertTrue(listed.containsKey("lastUsedAt"), listed::toString);

        adminOfA.delete(tokens(a) + "/" + t.getString("id")).send().expect(204);
        Reply refused = script.get(indicators).send();
        assertJapanese(refused, assertProblem(refused, 401, "invalid-credentials"));
        assertTrue(refused.header("WWW-Authenticate").orElse("").startsWith("Bearer"), refused::toString);
        Reply en = script.get(indicators).lang("en").send();
        assertEnglish(en, assertProblem(en, 401, "invalid-credentials"));
        adminOfA.delete(tokens(a) + "/" + t.getString("id")).send().expect(204);
        assertTrue(adminOfA.get(tokens(a) + "/" + t.getString("id")).send().expect(200).object().containsKey("revokedAt"));
    }

    @Test
    void aTokenIsNeverStrongerThanItsIssuer() {
        Reply platformRole = adminOfA.post(tokens(a)).json(newToken("too strong", "PLATFORM_ADMIN")).send();
        assertProblem(platformRole, 403, "role-exceeds-issuer");
        assertProblem(adminOfA.post("/api/v1/api-tokens").json("{\"name\":\"platform\"}").send(), 403, "forbidden");
        // An administrator's token may issue up to administrator, and tokens it issues no further.
        Api adminToken = platform.withBearer(adminOfA.issueToken("MUNICIPALITY_ADMIN", a));
        Api staffToken = adminToken.as("STAFF", a);
        assertProblem(staffToken.post(tokens(a)).json(newToken("from staff", "VIEWER")).send(), 403, "forbidden");
        // Even a platform administrator cannot give a municipality's token the platform role.
        assertProblem(platform.post(tokens(a)).json(newToken("confused", "PLATFORM_ADMIN")).send(), 400, "validation");
        assertProblem(platform.post(tokens(a)).json(newToken("typo", "ADMIN")).send(), 400, "validation");
        assertProblem(platform.post(tokens(a)).json("{\"name\":\"no role\"}").send(), 400, "validation");
    }

    /**
     * A token is bound to the account behind it (the one that issued it, passed on when a token
     * mints a token): demoting that person stops the tokens above their new role at once, and
     * deactivating them stops all of them; a stopped token can mint nothing.
     */
    @Test
    void aTokenStopsWhenThePersonBehindItIsDemotedOrDeactivated() {
        Api.Account owner = platform.newUser("MUNICIPALITY_ADMIN", a);
        JsonObject t = platform.signIn(owner).post(tokens(a)).json(newToken("admin script", "MUNICIPALITY_ADMIN")).send()
                .expect(201).object();
        Api adminScript = platform.withBearer(t.getString("token"));
        JsonObject minted = adminScript.post(tokens(a)).json(newToken("minted by a token", "STAFF")).send().expect(201)
                .object();
        Api staffScript = platform.withBearer(minted.getString("token"));
        String indicators = Municipalities.PATH + "/" + a + "/indicators";
        adminScript.get(indicators).send().expect(200);
        staffScript.get(indicators).send().expect(200);

        String user = Municipalities.PATH + "/" + a + "/users/" + owner.id();
        Reply account = adminOfA.get(user).send().expect(200);
        Reply demoted = adminOfA.put(user).ifMatch(account.etag())
                .json(Json.createObjectBuilder(account.object()).add("role", "STAFF").build()).send().expect(200);
        Reply stopped = adminScript.get(indicators).send();
        assertJapanese(stopped, assertProblem(stopped, 401, "invalid-credentials"));
        assertProblem(adminScript.post(tokens(a)).json(newToken("after the demotion", "VIEWER")).send(), 401,
                "invalid-credentials");
        staffScript.get(indicators).send().expect(200);

        adminOfA.put(user).ifMatch(demoted.etag())
                .json(Json.createObjectBuilder(demoted.object()).add("active", false).build()).send().expect(200);
        assertProblem(staffScript.get(indicators).send(), 401, "invalid-credentials");
    }

    @Test
    void aTokenOfAReachesNothingOfB() {
        Api ofA = adminOfA.as("MUNICIPALITY_ADMIN", a);
        String tokenOfB = platform.issueToken("STAFF", b);
        for (String path : new String[] {Municipalities.PATH + "/" + b, Municipalities.PATH + "/" + b + "/indicators",
            tokens(b), Municipalities.PATH + "/" + b + "/users"}) {
            Reply r = ofA.get(path).send();
            assertTrue(assertProblem(r, 404, "not-found").getString("detail").contains(b), r::toString);
        }
        assertProblem(ofA.post(tokens(b)).json(newToken("into B", "VIEWER")).send(), 404, "not-found");
        JsonObject bsTokenId = platform.get(tokens(b)).send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertProblem(ofA.delete(tokens(b) + "/" + bsTokenId.getString("id")).send(), 404, "not-found");
        assertProblem(ofA.delete(tokens(a) + "/" + bsTokenId.getString("id")).send(), 404, "not-found");
        platform.withBearer(tokenOfB).get(Municipalities.PATH + "/" + b).send().expect(200);
        JsonObject mine = ofA.get(Municipalities.PATH).send().expect(200).object();
        assertEquals(1, mine.getInt("totalItems"), mine::toString);
    }

    @Test
    void unknownMalformedAndExpiredTokensAre401() {
        String indicators = Municipalities.PATH + "/" + a + "/indicators";
        assertProblem(platform.withBearer("machi_unknownunknownunknownunknownunknownunkno").get(indicators).send(),
                401, "invalid-credentials");
        assertProblem(platform.withBearer("eyJhbGciOiJub25lIn0.e30.").get(indicators).send(), 401, "invalid-credentials");
        assertProblem(platform.anonymous().get(indicators).header("Authorization", "Bearer").send(), 401, "invalid-credentials");
        // Another scheme is not Machi's (a proxy's Basic): the caller is simply not signed in.
        assertProblem(platform.anonymous().get(indicators).header("Authorization", "Basic YTpi").send(), 401, "unauthenticated");

        assertProblem(adminOfA.post(tokens(a)).json(Json.createObjectBuilder().add("name", "past").add("role", "VIEWER")
                .add("expiresAt", "2020-01-01").build()).send(), 400, "validation");
        assertProblem(adminOfA.post(tokens(a)).json(Json.createObjectBuilder().add("name", "bad").add("role", "VIEWER")
                .add("expiresAt", "next week").build()).send(), 400, "validation");
        OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(8);
        String soon = expiry.toString();
        JsonObject t = adminOfA.post(tokens(a)).json(Json.createObjectBuilder().add("name", "short-lived").add("role", "VIEWER")
                .add("expiresAt", soon).build()).send().expect(201).object();
        Api shortLived = platform.withBearer(t.getString("token"));
        shortLived.get(indicators).send().expect(200);
        sleep(java.time.Duration.between(OffsetDateTime.now(ZoneOffset.UTC), expiry).toMillis() + 1000);
        assertProblem(shortLived.get(indicators).send(), 401, "invalid-credentials");
    }

    @Test
    void platformTokensActAcrossMunicipalitiesAndOnlyPlatformAdministratorsIssueThem() {
        JsonObject t = platform.post("/api/v1/api-tokens").json("{\"name\":\"vendor automation\"}").send().expect(201).object();
        assertEquals("PLATFORM_ADMIN", t.getString("role"));
        assertFalse(t.containsKey("municipalityCode"), t::toString);
        Api vendor = platform.withBearer(t.getString("token"));
        vendor.get(Municipalities.PATH + "/" + a).send().expect(200);
        vendor.get(Municipalities.PATH + "/" + b).send().expect(200);
        assertTrue(platform.get("/api/v1/api-tokens").send().expect(200).text().contains(t.getString("id")));
        platform.delete("/api/v1/api-tokens/" + t.getString("id")).send().expect(204);
        assertProblem(vendor.get(Municipalities.PATH + "/" + a).send(), 401, "invalid-credentials");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
