package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import jp.machi.it.support.Api;
import jp.machi.it.support.H2Only;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The first way in, on servers of their own with empty databases: without MACHI_ADMIN_* nobody
 * can enter and the log says how to change that; a weak MACHI_ADMIN_PASSWORD is refused with the
 * reason in the log; with a good one the administrator signs in; demo mode adds the documented
 * demo accounts; MACHI_COOKIE_SECURE=false drops the cookie's Secure flag (for plain-HTTP trials).
 */
@MachiTest
@H2Only("the first administrator, the refusal of a weak password and the cookie flag are decided before and apart from"
        + " the database; demo mode on PostgreSQL is DemoDataIT's; one run of three boots keeps CI's time down")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstAdminIT {

    static final String DEMO_PASSWORD = "machi-demo-2025";

    private final List<TestDatabase> databases = new java.util.ArrayList<>();
    private MachiServer nobody;
    private MachiServer weak;
    private MachiServer demo;

    /** One after the other: three boots at once on a small machine can outlast the boot timeout. */
    @BeforeAll
    void bootThreeServers() {
        nobody = MachiServer.machiJar("no-admin", database("no-admin")).without("MACHI_ADMIN_USER")
                .without("MACHI_ADMIN_PASSWORD").start();
        weak = MachiServer.machiJar("weak-admin", database("weak-admin")).env("MACHI_ADMIN_USER", "root")
                .env("MACHI_ADMIN_PASSWORD", "rootroot").start();
        demo = MachiServer.machiJar("demo", database("demo")).env("MACHI_DEMO", "true").env("MACHI_COOKIE_SECURE", "false")
                .start();
    }

    /** An empty user store and no municipality, as on a first start (a migrated copy: Liquibase is not what this tests). */
    private TestDatabase database(String label) {
        TestDatabase db = TestDatabase.migrated(label);
        databases.add(db);
        return db;
    }

    @AfterAll
    void stop() {
        for (MachiServer s : new MachiServer[] {nobody, weak, demo}) {
            if (s != null) {
                s.stop();
            }
        }
        databases.forEach(TestDatabase::close);
    }

    private static String log(MachiServer s) {
        try {
            return Files.readString(s.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply signIn(MachiServer s, String login, String password) {
        return s.anonymousApi().post("/api/v1/session")
                .json(Json.createObjectBuilder().add("login", login).add("password", password).build()).send();
    }

    @Test
    void withoutMachiAdminNobodyGetsInAndTheLogSaysWhy() {
        Api anonymous = nobody.anonymousApi();
        assertProblem(anonymous.get("/api/v1/modules").send(), 401, "unauthenticated");
        assertProblem(anonymous.get("/api/v1/municipalities").send(), 401, "unauthenticated");
        for (String login : List.of("admin", "root", "it-admin", "demo-admin")) {
            assertProblem(signIn(nobody, login, DEMO_PASSWORD), 401, "sign-in-failed");
            assertProblem(signIn(nobody, login, MachiServer.ADMIN_PASSWORD), 401, "sign-in-failed");
        }
        String log = log(nobody);
        assertTrue(log.contains("Nobody can sign in") && log.contains("MACHI_ADMIN_USER"), "warning expected in " + nobody.log());
        anonymous.get("/health/ready").send().expect(200);
    }

    @Test
    void aWeakAdminPasswordIsRefusedWithTheReasonInTheLog() {
        assertProblem(signIn(weak, "root", "rootroot"), 401, "sign-in-failed");
        String log = log(weak);
        assertTrue(log.contains("MACHI_ADMIN_PASSWORD is refused"), "refusal expected in " + weak.log());
        assertTrue(log.contains("Use at least 12 characters"), "the reason is named in " + weak.log());
        assertFalse(log.contains("rootroot"), "the password itself never reaches the log");
        assertProblem(weak.anonymousApi().get("/api/v1/modules").send(), 401, "unauthenticated");
    }

    @Test
    void theAdministratorFromTheEnvironmentSignsInAsPlatformAdministrator() {
        Reply r = signIn(demo, MachiServer.ADMIN_USER, MachiServer.ADMIN_PASSWORD).expect(200);
        JsonObject caller = r.object().getJsonObject("caller");
        assertEquals("PLATFORM_ADMIN", caller.getString("role"));
        assertTrue(caller.isNull("municipalityCode"), caller::toString);
        assertFalse(log(demo).contains(MachiServer.ADMIN_PASSWORD), "the password never reaches the log");
        Api admin = demo.anonymousApi().fromSignIn(r);
        assertEquals(5, admin.get("/api/v1/municipalities").send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void withCookieSecureFalseTheCookieIsNotSecureButStillHttpOnlyAndStrict() {
        Reply r = signIn(demo, MachiServer.ADMIN_USER, MachiServer.ADMIN_PASSWORD).expect(200);
        String cookie = r.headers("Set-Cookie").stream().filter(c -> c.startsWith(Api.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow().toLowerCase(Locale.ROOT);
        List<String> attributes = List.of(cookie.split("\\s*;\\s*"));
        assertFalse(attributes.contains("secure"), cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=strict"), cookie);
    }

    @Test
    void demoModeHasTheDocumentedAccounts() {
        record Expected(String login, String role, String lgCode) {
        }
        for (Expected e : List.of(new Expected("demo-admin", "PLATFORM_ADMIN", null),
                new Expected("tsukuba-admin", "MUNICIPALITY_ADMIN", "082201"), new Expected("tsukuba-staff", "STAFF", "082201"),
                new Expected("tsukuba-viewer", "VIEWER", "082201"), new Expected("suzaka-staff", "STAFF", "202070"))) {
            JsonObject caller = signIn(demo, e.login(), DEMO_PASSWORD).expect(200).object().getJsonObject("caller");
            assertEquals(e.role(), caller.getString("role"), e::toString);
            assertEquals(e.lgCode(), caller.isNull("municipalityCode") ? null : caller.getString("municipalityCode"), e::toString);
        }
        Api staff = demo.anonymousApi().signIn("tsukuba-staff", DEMO_PASSWORD);
        staff.get("/api/v1/municipalities/082201/indicators").send().expect(200);
        assertProblem(staff.get("/api/v1/municipalities/202070/indicators").send(), 404, "not-found");
        JsonObject me = demo.api().get("/api/v1/municipalities/082201/users").send().expect(200).object();
        String unitOfStaff = me.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("login").equals("tsukuba-staff")).findFirst().orElseThrow().getString("unitId", "");
        JsonObject unit = demo.api().get("/api/v1/municipalities/082201/organization-units/" + unitOfStaff).send().expect(200).object();
        assertEquals("広報戦略課", unit.getString("nameJa"));
    }
}
