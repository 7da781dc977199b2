package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint declares who may call it, and the server holds to it. Walks the server's own
 * {@code /openapi}, so an endpoint added later is covered without touching this test:
 * <ul>
 *   <li>anonymous callers get 401 (with {@code WWW-Authenticate: Bearer}) everywhere except the
 *       endpoints listed in {@link #PUBLIC}, and before anything else is looked at (an unknown
 *       municipality is 401 too, so nobody learns which ones exist);</li>
 *   <li>a viewer of municipality A gets 403 on every write under A (and on every other write but
 *       signing in and out);</li>
 *   <li>staff of A get, for everything under municipality B, exactly the 404 of a municipality
 *       that does not exist.</li>
 * </ul>
 * That an endpoint without a rule is refused to everyone is shown by {@code VendorBuildIT}, whose
 * fixture jar has one.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessWalkIT {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    static final Set<String> WRITES = Set.of("put", "post", "delete", "patch");

    /**
     * The endpoints anyone may call. Adding one here is a decision to review. The OpenID Connect
     * sign-in starts there (and answers 404 while OIDC is not configured). A resident sends a
     * citizen voice without signing in, and anyone reads the published ones (never with personal
     * data: PersonalDataIT).
     */
    static final Set<String> PUBLIC = Set.of("POST /api/v1/session", "GET /api/v1/session/oidc",
            "GET /api/v1/session/oidc/callback", "GET /api/v1/session/methods",
            // A resident sends a citizen voice; anyone reads the published ones (PersonalDataIT).
            "POST /api/v1/municipalities/{lgCode}/engagement/voices",
            "GET /api/v1/municipalities/{lgCode}/engagement/voices/published",
            // A resident sends a citizen proposal; anyone reads the published ones with their answers (ProposalIT).
            "POST /api/v1/municipalities/{lgCode}/engagement/proposals",
            "GET /api/v1/municipalities/{lgCode}/engagement/proposals/published",
            "GET /api/v1/municipalities/{lgCode}/engagement/proposals/published/{id}",
            // Anyone reads the published town meeting reports, which hold no personal data (MeetingIT).
            "GET /api/v1/municipalities/{lgCode}/engagement/meetings/published",
            "GET /api/v1/municipalities/{lgCode}/engagement/meetings/published/{id}",
            // A resident answers an open survey anonymously (with an invitation code when it uses them); anyone
            // reads the open surveys' questions and the published results, which hold no free text (SurveyIT).
            "POST /api/v1/municipalities/{lgCode}/engagement/surveys/{id}/answers",
            "GET /api/v1/municipalities/{lgCode}/engagement/surveys/open",
            "GET /api/v1/municipalities/{lgCode}/engagement/surveys/open/{id}",
            "GET /api/v1/municipalities/{lgCode}/engagement/surveys/published",
            "GET /api/v1/municipalities/{lgCode}/engagement/surveys/published/{id}",
            // An organisation applies to register as a partner; the reply is a receipt only (CollaborationPartnerIT).
            "POST /api/v1/municipalities/{lgCode}/collaboration/partners/applications",
            // An organiser applies for sponsorship name use; the reply is a receipt only (SponsorshipIT).
            "POST /api/v1/municipalities/{lgCode}/collaboration/sponsorships/applications",
            // The proposal-based grants' open calls and funded projects: organisations only, no personal data (GrantIT).
            "GET /api/v1/municipalities/{lgCode}/collaboration/grants/public/calls",
            "GET /api/v1/municipalities/{lgCode}/collaboration/grants/public/funded",
            // A registered organisation asks for a one-time link (the same receipt whether it matched), opens the form,
            // applies and attaches documents with the link's token (GrantPortalIT).
            "POST /api/v1/municipalities/{lgCode}/collaboration/grants/public/calls/{id}/links",
            "POST /api/v1/municipalities/{lgCode}/collaboration/grants/public/application-form",
            "POST /api/v1/municipalities/{lgCode}/collaboration/grants/public/applications",
            "POST /api/v1/municipalities/{lgCode}/collaboration/grants/public/applications/attachments",
            // Community facilities and their published monitoring, and the open data 公共施設一覧: no personal data (FacilityIT).
            "GET /api/v1/municipalities/{lgCode}/collaboration/facilities/public",
            "GET /api/v1/municipalities/{lgCode}/collaboration/facilities/public/open-data.csv",
            // The partnership agreements for the portal (PartnershipIT): organisations only, no notes.
            "GET /api/v1/municipalities/{lgCode}/collaboration/partnerships/public",
            // The public portal (PortalIT): what a municipality publishes, never personal data.
            "GET /api/v1/municipalities/{lgCode}/portal",
            "GET /api/v1/municipalities/{lgCode}/planning/public/plans",
            "GET /api/v1/municipalities/{lgCode}/planning/public/plans/{planId}",
            "GET /api/v1/municipalities/{lgCode}/planning/public/plans/{planId}/tree",
            "GET /api/v1/municipalities/{lgCode}/planning/public/plans/{planId}/progress",
            "GET /api/v1/municipalities/{lgCode}/planning/public/plans/{planId}/overview",
            // Published evaluation results (PublishedEvaluationIT): never who evaluated.
            "GET /api/v1/municipalities/{lgCode}/planning/public/evaluations",
            "GET /api/v1/municipalities/{lgCode}/planning/public/evaluations/years",
            // The vacant-house bank's published properties, never their owners (VacantHouseIT).
            "GET /api/v1/municipalities/{lgCode}/promotion/public/vacant-houses",
            "GET /api/v1/municipalities/{lgCode}/promotion/public/vacant-houses/{id}",
            // Their photos, only while published, their metadata stripped on upload (VacantHousePhotoIT).
            "GET /api/v1/municipalities/{lgCode}/promotion/public/vacant-houses/{id}/photos/{photoId}",
            // Someone looking for a house registers (a receipt number only; public intake: HouseSeekerIT).
            "POST /api/v1/municipalities/{lgCode}/promotion/public/house-seekers",
            // A donor sends a one-stop application (a receipt number only, no My Number; OneStopOnlineIT).
            "POST /api/v1/municipalities/{lgCode}/promotion/public/one-stop-applications",
            // Published hometown-tax use reports, never a donor (UseReportIT).
            "GET /api/v1/municipalities/{lgCode}/promotion/public/use-reports",
            "GET /api/v1/municipalities/{lgCode}/promotion/public/use-reports/{id}",
            // The fan club (FanClubIT): anyone signs up (a receipt only), confirms and leaves by the
            // token of a link in mail; the form's offers (interests, prefectures); never personal data.
            // A member asks for an edit link (the same receipt for any address) and, with its token
            // only, reads and changes their details and confirms a new address.
            "GET /api/v1/municipalities/{lgCode}/promotion/public/fan-club/form",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/members",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/confirmations",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/leave",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/edit-links",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/profile",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/edits",
            "POST /api/v1/municipalities/{lgCode}/promotion/public/fan-club/email-confirmations",
            // A year's closed days of a municipality, JSON and iCalendar (BusinessCalendarIT).
            "GET /api/v1/municipalities/{lgCode}/calendar/closed-days",
            // Public comments (PublicCommentIT): opinions during the period (a receipt only), the open
            // ones, published results and documents, the 市民の声 section's offers; never personal data.
            "POST /api/v1/municipalities/{lgCode}/engagement/public-comments/{id}/submissions",
            "GET /api/v1/municipalities/{lgCode}/engagement/public-comments/public",
            "GET /api/v1/municipalities/{lgCode}/engagement/public-comments/public/{id}",
            "GET /api/v1/municipalities/{lgCode}/engagement/public-comments/public/{id}/documents/{documentId}",
            "GET /api/v1/municipalities/{lgCode}/engagement/hearing",
            // The active voice categories the portal's voice form offers (VoiceCategoryIT).
            "GET /api/v1/municipalities/{lgCode}/engagement/voice-categories/public",
            // Open311 GeoReport v2 (Open311IT): public by the specification; a POST needs an api_key
            // (403 in Open311's error format without one), and no GET ever shows the sender.
            "GET /api/v1/open311/v2/discovery.{format}",
            "GET /api/v1/open311/v2/services.{format}",
            "GET /api/v1/open311/v2/services/{service_code}.{format}",
            "GET /api/v1/open311/v2/requests.{format}",
            "POST /api/v1/open311/v2/requests.{format}",
            "GET /api/v1/open311/v2/requests/{service_request_id}.{format}",
            "GET /api/v1/open311/v2/tokens/{token}.{format}");

    /** Writes every signed-in caller may make on their own behalf. */
    static final Set<String> SELF_SERVICE = Set.of("POST /api/v1/session", "DELETE /api/v1/session");

    static final List<String> MODULES = List.of("planning", "engagement", "collaboration", "promotion");

    private final Api admin;
    private Api anonymous;
    private Api viewerOfA;
    private Api staffOfA;
    private String a;
    private String b;

    AccessWalkIT(Api api) {
        this.admin = api;
    }

    @BeforeAll
    void municipalitiesAndCallers() {
        a = Municipalities.register(admin);
        b = Municipalities.register(admin);
        for (String lg : List.of(a, b)) {
            for (String module : MODULES) {
                Municipalities.setModule(admin, lg, module, true);
            }
        }
        anonymous = admin.anonymous();
        viewerOfA = admin.as("VIEWER", a);
        staffOfA = admin.as("STAFF", a);
    }

    /** Method and path template from /openapi. */
    record Operation(String method, String template) {
        boolean underMunicipality() {
            return template.contains("{lgCode}");
        }

        boolean isWrite() {
            return WRITES.contains(method);
        }

        String path(String lgCode) {
            return template.replace("{lgCode}", lgCode).replaceAll("\\{[^}/]+\\}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    private List<Operation> operations() {
        JsonObject paths = admin.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((template, item) -> item.asJsonObject().keySet().stream().filter(METHODS::contains).sorted()
                .forEach(m -> ops.add(new Operation(m, template))));
        return ops;
    }

    private static Reply send(Api who, Operation op, String lgCode, String lang) {
        Api.Call call = who.method(op.method().toUpperCase(), op.path(lgCode));
        if (Set.of("put", "post", "patch").contains(op.method())) {
            call.json("{}").ifMatch("\"0\"");
        }
        if (lang != null) {
            call.lang(lang);
        }
        return call.send();
    }

    @Test
    void theWalkCoversIdentityCoreAndModuleEndpoints() {
        List<String> ops = operations().stream().map(Operation::toString).toList();
        for (String expected : List.of("POST /api/v1/session", "GET /api/v1/session", "DELETE /api/v1/session",
                "GET /api/v1/municipalities", "POST /api/v1/municipalities", "GET /api/v1/modules",
                "GET /api/v1/municipalities/{lgCode}/users", "POST /api/v1/municipalities/{lgCode}/users/{id}/password",
                "POST /api/v1/municipalities/{lgCode}/api-tokens", "DELETE /api/v1/api-tokens/{id}",
                "GET /api/v1/platform-admins", "PUT /api/v1/municipalities/{lgCode}/rating-scale",
                "POST /api/v1/municipalities/{lgCode}/planning/programs", "GET /api/v1/municipalities/{lgCode}/promotion")) {
            assertTrue(ops.contains(expected), () -> expected + " not in the walk: " + ops);
        }
    }

    @TestFactory
    Stream<DynamicTest> anonymousIsRefusedEverywhereButOnPublicEndpoints() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            if (PUBLIC.contains(op.toString())) {
                Reply r = send(anonymous, op, a, null);
                assertTrue(r.status() != 401 || !r.text().contains("/unauthenticated"), r::toString);
                return;
            }
            for (String lg : List.of(a, LgCodes.UNREGISTERED, "abc")) {
                Reply r = send(anonymous, op, lg, null);
                assertJapanese(r, assertProblem(r, 401, "unauthenticated"));
                assertTrue(r.header("WWW-Authenticate").orElse("").startsWith("Bearer"), r::toString);
            }
            Reply en = send(anonymous, op, a, "en");
            assertEnglish(en, assertProblem(en, 401, "unauthenticated"));
        }));
    }

    private static final java.util.regex.Pattern ROLE_CODE =
            java.util.regex.Pattern.compile("\\b(VIEWER|STAFF|MUNICIPALITY_ADMIN|PLATFORM_ADMIN)\\b");

    @TestFactory
    Stream<DynamicTest> aViewerCannotWrite() {
        // A public write (sending a citizen voice) is open to everyone, viewers included.
        return operations().stream().filter(Operation::isWrite).filter(op -> !SELF_SERVICE.contains(op.toString()))
                .filter(op -> !PUBLIC.contains(op.toString()))
                .map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
                    Reply r = send(viewerOfA, op, a, null);
                    assertJapanese(r, assertProblem(r, 403, "forbidden"));
                    Reply en = send(viewerOfA, op, a, "en");
                    assertEnglish(en, assertProblem(en, 403, "forbidden"));
                    // The role needed in words (職員, Staff), never its code.
                    for (Reply x : List.of(r, en)) {
                        String detail = x.object().getString("detail", "");
                        assertFalse(ROLE_CODE.matcher(detail).find(), () -> "a role's code shown to people: " + detail);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> aViewerReadsItsOwnMunicipality() {
        return operations().stream().filter(op -> op.method().equals("get") && op.underMunicipality()
                && op.template().replace("{lgCode}", "").indexOf('{') < 0)
                .map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
                    Reply r = send(viewerOfA, op, a, null);
                    // Municipality administrators' reads: users, API tokens, the audit trail, the
                    // personal-data settings, the mail outbox, Open311 api_keys.
                    boolean adminOnly = op.template().endsWith("/users") || op.template().endsWith("/api-tokens")
                            || op.template().contains("/audit-events") || op.template().contains("/personal-data")
                            || op.template().endsWith("/outbox") || op.template().endsWith("/open311-keys");
                    if (adminOnly) {
                        assertProblem(r, 403, "forbidden");
                    } else {
                        r.expect(200);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> staffOfAFindNothingUnderB() {
        return operations().stream().filter(Operation::underMunicipality).map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            Reply underB = send(staffOfA, op, b, null);
            JsonObject p = assertJapanese(underB, assertProblem(underB, 404, "not-found"));
            assertTrue(p.getString("detail").contains(b), underB::toString);
            Reply unknown = send(staffOfA, op, LgCodes.UNREGISTERED, null);
            JsonObject q = assertProblem(unknown, 404, "not-found");
            assertEquals(q.getString("title"), p.getString("title"));
            assertEquals(q.getString("detail").replace(LgCodes.UNREGISTERED, "?"), p.getString("detail").replace(b, "?"),
                    "B must look exactly like a municipality that does not exist");
            Reply en = send(staffOfA, op, b, "en");
            assertEnglish(en, assertProblem(en, 404, "not-found"));
        }));
    }

    @Test
    void staffOfASeeOnlyAInTheListOfMunicipalities() {
        JsonObject page = staffOfA.get(Municipalities.PATH).send().expect(200).object();
        assertEquals(1, page.getInt("totalItems"), page::toString);
        assertEquals(a, page.getJsonArray("items").getJsonObject(0).getString("code"));
        String csv = staffOfA.get(Municipalities.PATH + "?format=csv").send().expect(200).text();
        assertTrue(csv.contains(a) && !csv.contains(b), csv);
    }

    @Test
    void onlyPlatformAdministratorsRegisterAndRenameMunicipalities() {
        Api adminOfA = admin.as("MUNICIPALITY_ADMIN", a);
        assertProblem(adminOfA.post(Municipalities.PATH).json(Municipalities.body(LgCodes.fresh())).send(), 403, "forbidden");
        Reply mine = adminOfA.get(Municipalities.PATH + "/" + a).send().expect(200);
        assertProblem(adminOfA.put(Municipalities.PATH + "/" + a).ifMatch(mine.etag())
                .json("{\"nameJa\":\"x\",\"nameKana\":\"えっくす\",\"nameEn\":\"x\"}").send(), 403, "forbidden");
    }

    @Test
    void settingsNeedAMunicipalityAdministratorAndDataNeedsStaff() {
        Reply scale = staffOfA.get(Municipalities.PATH + "/" + a + "/rating-scale").send().expect(200);
        String body = scale.text();
        assertProblem(staffOfA.put(Municipalities.PATH + "/" + a + "/rating-scale").ifMatch(scale.etag()).json(body).send(),
                403, "forbidden");
        assertProblem(staffOfA.put(Municipalities.PATH + "/" + a + "/modules/planning").json("{\"enabled\":false}").send(),
                403, "forbidden");
        Api adminOfA = admin.as("MUNICIPALITY_ADMIN", a);
        adminOfA.put(Municipalities.PATH + "/" + a + "/modules/planning").json("{\"enabled\":true}").send().expect(200);

        Reply unit = staffOfA.post(Municipalities.PATH + "/" + a + "/organization-units").json(
                "{\"code\":\"W1\",\"nameJa\":\"歩行課\",\"kind\":\"DIVISION\",\"validFrom\":\"2024-04-01\"}").send();
        unit.expect(201);
        assertProblem(viewerOfA.post(Municipalities.PATH + "/" + a + "/organization-units").json(
                "{\"code\":\"W2\",\"nameJa\":\"閲覧課\",\"kind\":\"DIVISION\",\"validFrom\":\"2024-04-01\"}").send(),
                403, "forbidden");
        assertProblem(viewerOfA.delete(Municipalities.PATH + "/" + a + "/indicators/" + UUID.randomUUID()).send(),
                403, "forbidden");
    }
}
