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
import java.util.List;
import java.util.Locale;
import jp.machi.it.support.Api;
import jp.machi.it.support.Api.Account;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in with a password as a browser does: the session cookie and its flags, the CSRF token
 * on every change, lock-out after five wrong passwords and an administrator's unlock, a new
 * session id at each sign-in, signing out, and one's own password.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInIT {

    private final Api admin;
    private String lg;
    private String users;

    SignInIT(Api api) {
        this.admin = api;
    }

    @BeforeAll
    void municipality() {
        lg = Municipalities.register(admin);
        users = Municipalities.PATH + "/" + lg + "/users";
    }

    private static JsonObject credentials(String login, String password) {
        return Json.createObjectBuilder().add("login", login).add("password", password).build();
    }

    private Reply signIn(String login, String password) {
        return admin.anonymous().post("/api/v1/session").json(credentials(login, password)).send();
    }

    @Test
    void signingInGivesTheCallerACsrfTokenAndAStrictHttpOnlySecureCookie() {
        Account staff = admin.newUser("STAFF", lg);
        Reply r = signIn(staff.login().toUpperCase(Locale.ROOT), staff.password()).expect(200);
        JsonObject caller = r.object().getJsonObject("caller");
        assertEquals(staff.id(), caller.getString("id"));
        assertEquals("試験 " + staff.login(), caller.getString("name"), "the caller by display name");
        assertEquals("STAFF", caller.getString("role"));
        assertEquals(lg, caller.getString("municipalityCode"));
        String csrf = r.object().getString("csrfToken");
        assertTrue(csrf.length() >= 32, r::toString);

        String cookie = r.headers("Set-Cookie").stream().filter(c -> c.startsWith(Api.SESSION_COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers("Set-Cookie")));
        List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("secure"), cookie);
        assertTrue(attributes.contains("samesite=strict"), cookie);

        Api browser = admin.fromSignIn(r);
        JsonObject me = browser.get("/api/v1/session").send().expect(200).object();
        assertEquals(caller, me.getJsonObject("caller"));
        assertEquals(csrf, me.getString("csrfToken"));
        browser.get(users.replace("/users", "/indicators")).send().expect(200);
    }

    @Test
    void theSessionIdChangesAtEverySignIn() {
        Account staff = admin.newUser("STAFF", lg);
        Reply first = signIn(staff.login(), staff.password()).expect(200);
        String s1 = Api.sessionCookie(first).orElseThrow();
        // Signing in again from the same browser (it sends its cookie) gives a new id; the old one is dead.
        Reply second = admin.anonymous().post("/api/v1/session").header("Cookie", Api.SESSION_COOKIE + "=" + s1)
                .json(credentials(staff.login(), staff.password())).send().expect(200);
        String s2 = Api.sessionCookie(second).orElseThrow(() -> new AssertionError("no new cookie: " + second));
        assertNotEquals(s1, s2);
        assertProblem(admin.anonymous().get("/api/v1/session").header("Cookie", Api.SESSION_COOKIE + "=" + s1).send(),
                401, "unauthenticated");
        admin.anonymous().get("/api/v1/session").header("Cookie", Api.SESSION_COOKIE + "=" + s2).send().expect(200);
        // A session id made up by someone else before sign-in is not adopted.
        Reply planted = admin.anonymous().post("/api/v1/session").header("Cookie", Api.SESSION_COOKIE + "=planted-by-attacker")
                .json(credentials(staff.login(), staff.password())).send().expect(200);
        assertNotEquals("planted-by-attacker", Api.sessionCookie(planted).orElseThrow());
    }

    @Test
    void wrongPasswordUnknownLoginAndMissingFieldsAreRefused() {
        Account viewer = admin.newUser("VIEWER", lg);
        Reply wrong = signIn(viewer.login(), viewer.password() + "x");
        JsonObject p = assertJapanese(wrong, assertProblem(wrong, 401, "sign-in-failed"));
        assertTrue(Api.sessionCookie(wrong).isEmpty(), wrong::toString);
        Reply unknown = signIn("nobody-" + System.nanoTime(), viewer.password());
        assertEquals(p, assertProblem(unknown, 401, "sign-in-failed"), "unknown login and wrong password look alike");
        Reply en = admin.anonymous().post("/api/v1/session").lang("en").json(credentials(viewer.login(), "x")).send();
        assertEnglish(en, assertProblem(en, 401, "sign-in-failed"));
        assertProblem(admin.anonymous().post("/api/v1/session").json("{\"login\":\"x\"}").send(), 400, "validation");
        assertProblem(admin.anonymous().get("/api/v1/session").send(), 401, "unauthenticated");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
        Account staff = admin.newUser("STAFF", lg);
        JsonObject wrongAnswer = null;
        for (int i = 1; i <= 5; i++) {
            Reply r = signIn(staff.login(), "Wrong-Password-" + i);
            wrongAnswer = assertProblem(r, 401, "sign-in-failed");
        }
        // Locked: the right password is refused with the very same answer as a wrong one.
        Reply locked = signIn(staff.login(), staff.password());
        assertEquals(wrongAnswer, assertProblem(locked, 401, "sign-in-failed"));
        JsonObject account = admin.get(users + "/" + staff.id()).send().expect(200).object();
        assertTrue(account.getBoolean("locked"), account::toString);
        assertTrue(account.containsKey("lockedUntil"), account::toString);

        // Staff cannot unlock; the municipality's administrator can.
        Api staffToken = admin.as("STAFF", lg);
        assertProblem(staffToken.post(users + "/" + staff.id() + "/unlock").send(), 403, "forbidden");
        Api municipalityAdmin = admin.signIn(admin.newUser("MUNICIPALITY_ADMIN", lg));
        JsonObject unlocked = municipalityAdmin.post(users + "/" + staff.id() + "/unlock").send().expect(200).object();
        assertFalse(unlocked.getBoolean("locked"), unlocked::toString);
        signIn(staff.login(), staff.password()).expect(200);
    }

    @Test
    void fourWrongPasswordsAndARightOneStartTheCountAgain() {
        Account staff = admin.newUser("STAFF", lg);
        for (int i = 0; i < 4; i++) {
            assertProblem(signIn(staff.login(), "Wrong-Password-" + i), 401, "sign-in-failed");
        }
        signIn(staff.login(), staff.password()).expect(200);
        for (int i = 0; i < 4; i++) {
            assertProblem(signIn(staff.login(), "Wrong-Password-" + i), 401, "sign-in-failed");
        }
        signIn(staff.login(), staff.password()).expect(200);
    }

    @Test
    void changesMadeWithTheSessionNeedTheCsrfToken() {
        Api browser = admin.signIn(admin.newUser("STAFF", lg));
        String indicators = Municipalities.PATH + "/" + lg + "/indicators";
        String body = "{\"nameJa\":\"CSRF確認\",\"kind\":\"OUTCOME\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\"}";

        Reply none = browser.post(indicators).without(Api.CSRF_HEADER).json(body).send();
        assertJapanese(none, assertProblem(none, 403, "csrf"));
        Reply wrong = browser.post(indicators).header(Api.CSRF_HEADER, "forged").lang("en").json(body).send();
        assertEnglish(wrong, assertProblem(wrong, 403, "csrf"));
        assertEquals(0, admin.get(indicators + "?q=CSRF").send().expect(200).object().getInt("totalItems"),
                "a refused request wrote nothing");

        browser.post(indicators).json(body).send().expect(201);
        browser.get(indicators).without(Api.CSRF_HEADER).send().expect(200);
        // A bearer token needs no CSRF token: a script cannot be tricked into sending one.
        admin.as("STAFF", lg).post(indicators).json(body.replace("CSRF確認", "トークン確認")).send().expect(201);
    }

    @Test
    void signingOutEndsTheSession() {
        Api browser = admin.signIn(admin.newUser("VIEWER", lg));
        String cookie = browser.session().orElseThrow().cookie().orElseThrow();
        assertProblem(browser.delete("/api/v1/session").without(Api.CSRF_HEADER).send(), 403, "csrf");
        browser.delete("/api/v1/session").send().expect(204);
        assertProblem(admin.anonymous().get("/api/v1/session").header("Cookie", Api.SESSION_COOKIE + "=" + cookie).send(),
                401, "unauthenticated");
        assertProblem(admin.anonymous().get(Municipalities.PATH + "/" + lg).header("Cookie", Api.SESSION_COOKIE + "=" + cookie)
                .send(), 401, "unauthenticated");
    }

    @Test
    void aDeactivatedAccountsSessionEndsAndARoleChangeAppliesAtOnce() {
        Account staff = admin.newUser("STAFF", lg);
        Api browser = admin.signIn(staff);
        String indicators = Municipalities.PATH + "/" + lg + "/indicators";
        String body = "{\"nameJa\":\"降格確認\",\"kind\":\"OUTCOME\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\"}";
        browser.post(indicators).json(body).send().expect(201);

        Reply account = admin.get(users + "/" + staff.id()).send().expect(200);
        JsonObject viewer = Json.createObjectBuilder(account.object()).add("role", "VIEWER").build();
        Reply demoted = admin.put(users + "/" + staff.id()).ifMatch(account.etag()).json(viewer).send().expect(200);
        assertProblem(browser.post(indicators).json(body).send(), 403, "forbidden");
        assertEquals("VIEWER", browser.get("/api/v1/session").send().expect(200).object()
                .getJsonObject("caller").getString("role"));

        JsonObject inactive = Json.createObjectBuilder(demoted.object()).add("active", false).build();
        admin.put(users + "/" + staff.id()).ifMatch(demoted.etag()).json(inactive).send().expect(200);
        assertProblem(browser.get("/api/v1/session").send(), 401, "unauthenticated");
        assertProblem(signIn(staff.login(), staff.password()), 401, "sign-in-failed");
    }

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOneAndOlderSessionsEnd() {
        Account viewer = admin.newUser("VIEWER", lg);
        Api otherDevice = admin.signIn(viewer);
        Api browser = admin.signIn(viewer);
        String path = users + "/" + viewer.id() + "/password";
        String next = Api.newPassword();

        Reply wrongCurrent = browser.post(path).json(Json.createObjectBuilder().add("currentPassword", "nope")
                .add("newPassword", next).build()).send();
        assertTrue(assertProblem(wrongCurrent, 400, "validation").toString().contains("currentPassword"), wrongCurrent::toString);
        Reply weak = browser.post(path).json(Json.createObjectBuilder().add("currentPassword", viewer.password())
                .add("newPassword", "short").build()).send();
        assertTrue(assertProblem(weak, 400, "validation").toString().contains("newPassword"), weak::toString);

        browser.post(path).json(Json.createObjectBuilder().add("currentPassword", viewer.password())
                .add("newPassword", next).build()).send().expect(200);
        assertProblem(signIn(viewer.login(), viewer.password()), 401, "sign-in-failed");
        signIn(viewer.login(), next).expect(200);
        // The session that changed it goes on; one signed in elsewhere before the change has ended.
        browser.get("/api/v1/session").send().expect(200);
        assertProblem(otherDevice.get("/api/v1/session").send(), 401, "unauthenticated");

        // Nobody but an administrator sets someone else's password; a reset ends the owner's sessions.
        Account other = admin.newUser("VIEWER", lg);
        Api othersSession = admin.signIn(other);
        assertProblem(browser.post(users + "/" + other.id() + "/password")
                .json(Json.createObjectBuilder().add("newPassword", Api.newPassword()).build()).send(), 403, "forbidden");
        String reset = Api.newPassword();
        admin.as("MUNICIPALITY_ADMIN", lg).post(users + "/" + other.id() + "/password")
                .json(Json.createObjectBuilder().add("newPassword", reset).build()).send().expect(200);
        signIn(other.login(), reset).expect(200);
        assertProblem(othersSession.get("/api/v1/session").send(), 401, "unauthenticated");
    }
}
