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
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 協働の相手方 (partner registry): an organisation applies from the portal without signing in
 * (core's public intake: a receipt only, idempotent, honeypot), staff see it with its contacts
 * masked (in full only when revealed), a holder of {@code collaboration.approver} approves or
 * refuses it with a reason (history; 403 for others), the approver's task list shows it, the
 * registry lists, filters, sorts and exports it (CSV with BOM, masked, ja/en), and every edit
 * needs If-Match (one of two writers with one ETag wins).
 */
@MachiTest
class CollaborationPartnerIT {

    private static final String REPRESENTATIVE = "見本 太郎";
    private static final String EMAIL = "mihon-npo@example.jp";

    private final Api api;
    private String lg;
    private String base;
    private String partners;
    private Api staff;
    private Api approver;

    CollaborationPartnerIT(Api api) {
        this.api = api;
    }

    /** A signed-in user of {@code role} in the municipality, holding {@code moduleRoles}. */
    static Api user(Api api, String base, String role, String... moduleRoles) {
        String name = "it-collab-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        Reply created = api.post(base + "/users").json(Json.createObjectBuilder().add("login", name)
                .add("displayName", "協働 " + name).add("role", role).add("password", password).build()).send().expect(201);
        api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        return api.signIn(name, password);
    }

    static JsonObjectBuilder application(String name) {
        return Json.createObjectBuilder().add("name", name).add("nameKana", "みほんまちづくりねっと").add("kind", "NPO")
                .add("roles", Json.createArrayBuilder().add("PARTNER").add("GRANT_APPLICANT"))
                .add("fieldsOfActivity", Json.createArrayBuilder().add("まちづくり").add("子育て支援"))
                .add("area", "市内全域").add("purpose", "地域の見守りと子育て支援")
                .add("representativeName", REPRESENTATIVE).add("contactName", "見本 花子")
                .add("contactAddress", "見本市本町1-2-3").add("contactPhone", "0297-00-0000").add("contactEmail", EMAIL);
    }

    @BeforeEach
    void aMunicipalityWithTheModule() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        partners = base + "/collaboration/partners";
        staff = user(api, base, "STAFF");
        approver = user(api, base, "STAFF", "collaboration.approver");
    }

    private Reply apply(JsonObjectBuilder body, String key) {
        Api.Call call = api.anonymous().post(partners + "/applications").json(body.build());
        return (key == null ? call : call.header("Idempotency-Key", key)).send();
    }

    private JsonObject find(Api who, String receipt, String query) {
        return who.get(partners + "?size=100" + query).send().expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + receipt));
    }

    private Reply take(Api who, String id, String action, String comment, String etag) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        Api.Call call = who.post(partners + "/" + id + "/registration/transitions").json(b.build());
        return (etag == null ? call : call.ifMatch(etag)).send();
    }

    @Test
    void anOrganisationAppliesFromThePortalAndAnApproverRegistersIt() {
        String key = UUID.randomUUID().toString();
        Reply first = apply(application("NPO法人 見本まちづくりネット"), key).expect(201);
        JsonObject receipt = first.object();
        assertTrue(receipt.getString("receiptNumber").startsWith("P-"), receipt::toString);
        assertEquals(2, receipt.size(), "a receipt only: " + receipt);
        assertFalse(first.text().contains(REPRESENTATIVE) || first.text().contains(EMAIL), first::toString);
        // A retry with the same key: the same receipt, one application.
        assertEquals(receipt, apply(application("NPO法人 見本まちづくりネット"), key).expect(201).object());

        JsonObject listed = find(staff, receipt.getString("receiptNumber"), "");
        assertEquals("APPLIED", listed.getString("state"));
        assertEquals("申請中", listed.getString("stateLabel"));
        assertEquals("PORTAL", listed.getString("channel"));
        assertEquals(List.of("PARTNER", "GRANT_APPLICANT"), listed.getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertNotEquals(REPRESENTATIVE, listed.getString("representativeName"), "masked in the list");
        assertNotEquals(EMAIL, listed.getString("contactEmail"), "masked in the list");
        String id = listed.getString("id");
        String one = partners + "/" + id;
        assertNotEquals(EMAIL, staff.get(one).send().expect(200).object().getString("contactEmail"));
        JsonObject revealed = staff.get(one + "?reveal=personal-data").send().expect(200).object();
        assertEquals(REPRESENTATIVE, revealed.getString("representativeName"));
        assertEquals(EMAIL, revealed.getString("contactEmail"));

        // The approver's task list shows it; a staff member without the role has nothing of it.
        JsonObject tasks = approver.get(base + "/tasks").send().expect(200).object();
        assertTrue(tasks.toString().contains("partner-registration-to-decide") && tasks.toString().contains(id),
                tasks::toString);
        assertFalse(tasks.toString().contains(REPRESENTATIVE), tasks::toString);
        assertFalse(staff.get(base + "/tasks").send().expect(200).object().toString()
                .contains("partner-registration-to-decide"));

        // Only the approver may decide; staff without the role: 403 in Japanese and English, nothing written.
        String etag = staff.get(one).send().expect(200).etag();
        JsonObject forbidden = assertProblem(take(staff, id, "approve", null, etag), 403, "transition-forbidden");
        assertJapanese(take(staff, id, "approve", null, etag), forbidden);
        Reply en = staff.post(one + "/registration/transitions").ifMatch(etag).lang("en")
                .json("{\"action\":\"approve\"}").send();
        assertEnglish(en, assertProblem(en, 403, "transition-forbidden"));
        assertEquals(List.of("approve", "refuse"), approver.get(one + "/registration").send().expect(200).object()
                .getJsonArray("actions").stream().map(a -> a.asJsonObject().getString("action")).toList());
        assertEquals(0, staff.get(one + "/registration").send().expect(200).object().getJsonArray("actions").size());
        // Refusing needs a reason; without If-Match 428.
        assertProblem(take(approver, id, "refuse", null, etag), 400, null);
        assertProblem(take(approver, id, "approve", null, null), 428, null);

        Reply approved = take(approver, id, "approve", "書類に不備なし", etag).expect(200);
        assertEquals("REGISTERED", approved.object().getString("state"));
        assertNotEquals(etag, approved.etag(), "the decision raised the version");
        JsonObject history = approved.object().getJsonArray("history").getJsonObject(0);
        assertEquals("approve", history.getString("action"));
        assertEquals("書類に不備なし", history.getString("comment"));
        JsonObject registered = staff.get(one).send().expect(200).object();
        assertEquals("REGISTERED", registered.getString("state"));
        assertFalse(registered.isNull("registeredOn"));
        // Taken again with the old ETag: 412; and no longer to decide.
        assertProblem(take(approver, id, "refuse", "再審査", etag), 412, null);
        assertFalse(approver.get(base + "/tasks").send().expect(200).object().toString().contains(id));
    }

    @Test
    void aRefusalNeedsAReasonAndEndsTheApplication() {
        String receipt = apply(application("見本ボランティアの会").add("kind", "VOLUNTEER_GROUP"), null).expect(201).object()
                .getString("receiptNumber");
        JsonObject p = find(staff, receipt, "");
        String etag = staff.get(partners + "/" + p.getString("id")).send().expect(200).etag();
        JsonObject refused = take(approver, p.getString("id"), "refuse", "市内での活動実績が確認できないため", etag).expect(200)
                .object();
        assertEquals("REFUSED", refused.getString("state"));
        assertEquals("不承認", refused.getString("stateLabel"));
        assertEquals(List.of("reopen"), refused.getJsonArray("actions").stream()
                .map(a -> a.asJsonObject().getString("action")).toList());
        assertEquals("REFUSED", find(staff, receipt, "&state=REFUSED").getString("state"));
    }

    @Test
    void theHoneypotFilesAnApplicationAsSpamUntilStaffReleaseIt() {
        Reply caught = apply(application("自動投稿の団体").add("confirmEmail", "bot@example.com"), null).expect(201);
        String receipt = caught.object().getString("receiptNumber");
        assertTrue(staff.get(partners + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .noneMatch(v -> v.asJsonObject().getString("receiptNumber").equals(receipt)));
        JsonObject spam = find(staff, receipt, "&spam=true");
        String one = partners + "/" + spam.getString("id");
        String etag = staff.get(one).send().expect(200).etag();
        assertProblem(take(approver, spam.getString("id"), "approve", null, etag), 409, "partner-spam");
        Reply released = staff.post(one + "/not-spam").ifMatch(etag).send().expect(200);
        assertFalse(released.object().getBoolean("spam"));
        find(staff, receipt, "");
        assertProblem(staff.post(one + "/not-spam").ifMatch(released.etag()).send(), 409, "partner-not-spam");
    }

    @Test
    void badApplicationsAreFieldErrorsInJapaneseAndEnglishAndWriteNothing() {
        Reply r = api.anonymous().post(partners + "/applications").json(Json.createObjectBuilder().add("name", "")
                .add("contactEmail", "not-an-address").build()).send();
        JsonObject p = assertJapanese(r, assertProblem(r, 400, "validation"));
        String fields = Problems.fields(p);
        for (String f : List.of("name", "kind")) {
            assertTrue(fields.contains("\"" + f + "\""), f + " in " + fields);
        }
        // The form's rules once the fields are there: representative, contact, e-mail, a day only staff give.
        Reply rules = api.anonymous().post(partners + "/applications").json(Json.createObjectBuilder().add("name", "見本の会")
                .add("kind", "NPO").add("contactEmail", "not-an-address").add("contactPhone", "abc")
                .add("receivedOn", "2020-04-01").build()).send();
        fields = Problems.fields(assertJapanese(rules, assertProblem(rules, 400, "validation")));
        for (String f : List.of("representativeName", "contactEmail", "contactPhone", "receivedOn")) {
            assertTrue(fields.contains("\"" + f + "\""), f + " in " + fields);
        }
        Reply en = api.anonymous().post(partners + "/applications").lang("en")
                .json(application("x".repeat(201)).add("kind", "SECRET_SOCIETY").build()).send();
        assertEnglish(en, assertProblem(en, 400, null));
        Reply website = api.anonymous().post(partners + "/applications")
                .json(application("見本の会").add("website", "javascript:alert(1)").build()).send();
        assertTrue(Problems.fields(assertProblem(website, 400, "validation")).contains("website"));
        Reply list = staff.get(partners + "?state=MAYBE&kind=x&spam=perhaps&sort=contactEmail").send();
        assertProblem(list, 400, null);
        assertEquals(0, staff.get(partners).send().expect(200).object().getInt("totalItems"));
        // Another municipality's partner is not found here.
        assertProblem(staff.get(partners + "/" + UUID.randomUUID()).send(), 404, null);
    }

    @Test
    void theRegistryListsFiltersSortsAndExportsMasked() {
        String a = apply(application("あおぞら子ども食堂").add("kind", "CIVIC_GROUP"), null).expect(201).object()
                .getString("receiptNumber");
        String b = apply(application("見本町内会").add("kind", "NEIGHBOURHOOD_ASSOCIATION")
                .add("roles", Json.createArrayBuilder().add("PARTNER")), null).expect(201).object().getString("receiptNumber");
        // A paper application entered by staff, with the day it came.
        Reply paper = staff.post(partners + "/applications").json(application("見本大学 地域連携センター").add("kind", "SCHOOL")
                .add("receivedOn", "2024-04-01").build()).send().expect(201);
        String c = paper.object().getString("receiptNumber");
        assertEquals("PAPER", find(staff, c, "").getString("channel"));

        List<String> byName = staff.get(partners + "?sort=-name").send().expect(200).object().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("name")).toList();
        assertEquals(List.of("見本町内会", "見本大学 地域連携センター", "あおぞら子ども食堂"), byName);
        JsonObject kind = staff.get(partners + "?kind=NEIGHBOURHOOD_ASSOCIATION").send().expect(200).object();
        assertEquals(1, kind.getInt("totalItems"));
        assertEquals(b, kind.getJsonArray("items").getJsonObject(0).getString("receiptNumber"));
        assertEquals(2, staff.get(partners + "?role=GRANT_APPLICANT").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, staff.get(partners + "?q=" + java.net.URLEncoder.encode("子ども", StandardCharsets.UTF_8))
                .send().expect(200).object().getInt("totalItems"));
        // Words together with every other filter, in the database.
        JsonObject all = staff.get(partners + "?q=" + java.net.URLEncoder.encode("子ども", StandardCharsets.UTF_8)
                + "&state=APPLIED&kind=CIVIC_GROUP&role=PARTNER&sort=-receivedAt").send().expect(200).object();
        assertEquals(1, all.getInt("totalItems"), all::toString);
        assertEquals(0, staff.get(partners + "?q=" + java.net.URLEncoder.encode("子ども", StandardCharsets.UTF_8)
                + "&state=REGISTERED").send().expect(200).object().getInt("totalItems"));
        JsonObject page = staff.get(partners + "?size=2&page=1&sort=name").send().expect(200).object();
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(a, staff.get(partners + "?sort=name").send().expect(200).object().getJsonArray("items")
                .getJsonObject(0).getString("receiptNumber"));

        Reply csv = staff.get(partners + "?format=csv&sort=name").send().expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF受付番号,"), text);
        assertTrue(text.contains("団体名") && text.contains("代表者氏名") && text.contains("見本町内会"), text);
        assertFalse(text.contains(REPRESENTATIVE) || text.contains(EMAIL) || text.contains("0297-00-0000"),
                "contacts masked in the CSV: " + text);
        String en = new String(staff.get(partners).accept("text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFReceipt number,") && en.contains("Representative"), en);
    }

    @Test
    void everyEditNeedsIfMatchAndOneOfTwoWritersWins() {
        String receipt = apply(application("見本環境クラブ").add("kind", "VOLUNTEER_GROUP"), null).expect(201).object()
                .getString("receiptNumber");
        String one = partners + "/" + find(staff, receipt, "").getString("id");
        Reply current = staff.get(one).send().expect(200);
        JsonObject revision = application("見本環境クラブ").add("kind", "VOLUNTEER_GROUP")
                .add("registrationNumber", "第123号").add("registeredOn", "2024-05-01").build();
        assertProblem(staff.put(one).json(revision).send(), 428, null);
        assertProblem(staff.put(one).ifMatch("*").json(revision).send(), 428, null);
        Reply viewer = api.as("VIEWER", lg).put(one).ifMatch(current.etag()).json(revision).send();
        assertProblem(viewer, 403, null);

        JsonObject w1 = application("見本環境クラブ").add("kind", "VOLUNTEER_GROUP").add("area", "北部").build();
        JsonObject w2 = application("見本環境クラブ").add("kind", "VOLUNTEER_GROUP").add("area", "南部").build();
        int first = staff.put(one).ifMatch(current.etag()).json(w1).send().status();
        int second = staff.put(one).ifMatch(current.etag()).json(w2).send().status();
        assertEquals(List.of(200, 412), List.of(first, second));
        assertEquals("北部", staff.get(one).send().expect(200).object().getString("area"));

        Reply before = staff.get(one).send().expect(200);
        Reply saved = staff.put(one).ifMatch(before.etag()).json(revision).send().expect(200);
        assertNotEquals(before.etag(), saved.etag());
        assertEquals("第123号", saved.object().getString("registrationNumber"));
        assertEquals("2024-05-01", saved.object().getString("registeredOn"));
        // Only the roles changed: the version moves too.
        JsonObject rolesOnly = application("見本環境クラブ").add("kind", "VOLUNTEER_GROUP")
                .add("registrationNumber", "第123号").add("registeredOn", "2024-05-01")
                .add("roles", Json.createArrayBuilder().add("PARTNER").add("DESIGNATED_MANAGER")).build();
        Reply roles = staff.put(one).ifMatch(saved.etag()).json(rolesOnly).send().expect(200);
        assertNotEquals(saved.etag(), roles.etag());
        // The contacts were kept as given, the response masked.
        assertEquals(EMAIL, staff.get(one + "?reveal=personal-data").send().expect(200).object().getString("contactEmail"));
    }
}
