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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * パブリックコメント (意見公募手続): the period's minimum (30 days unless a published reason is given),
 * opinions only during the period (409 before and after, in Japanese and English), the municipality's
 * rule on names and addresses, a double submission filed once, staff typing in a letter, the results
 * published only by a holder of {@code engagement.approver} once the period is over, the public pages
 * without any personal data, If-Match, CSV (masked), the task list, the metrics and the 市民の声 section.
 */
@MachiTest
class PublicCommentIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String SECRET_NAME = "見本 秘匿太郎";
    private static final String SECRET_ADDRESS = "秘匿県秘匿市1-2-3";

    private final Api api;
    private String lg;
    private String base;
    private String comments;
    private Api staff;
    private Api approver;
    private Api anonymous;

    PublicCommentIT(Api api) {
        this.api = api;
    }

    private Api user(String role, String unit, String... moduleRoles) {
        String name = "it-comment-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        JsonObjectBuilder b = Json.createObjectBuilder().add("login", name).add("displayName", "意見公募 " + name)
                .add("role", role).add("password", password).add("unitId", unit);
        Reply created = api.post(base + "/users").json(b.build()).send().expect(201);
        if (moduleRoles.length > 0) {
            api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        }
        return api.signIn(name, password);
    }

    private String unit;

    @BeforeEach
    void aMunicipalityWithEngagement() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        comments = base + "/engagement/public-comments";
        unit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01")
                .add("nameJa", "都市計画課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        staff = user("STAFF", unit);
        approver = user("STAFF", unit, "engagement.approver");
        anonymous = api.anonymous();
    }

    private static JsonObjectBuilder procedure(String title, LocalDate start, LocalDate end) {
        return Json.createObjectBuilder().add("title", title).add("kind", "PLAN").add("summary", "案の概要です。")
                .add("periodStart", start.toString()).add("periodEnd", end.toString());
    }

    /** A procedure announced with the period {@code start}..{@code end} (a reason given when short); its path. */
    private String announced(String title, LocalDate start, LocalDate end) {
        JsonObjectBuilder b = procedure(title, start, end).add("unitId", unit).add("shortPeriodReason", "テストのため");
        Reply created = staff.post(comments).json(b.build()).send().expect(201);
        String path = comments + "/" + created.object().getString("id");
        staff.post(path + "/announce").ifMatch(created.etag()).send().expect(200);
        return path;
    }

    private long count() {
        return staff.get(comments).send().expect(200).object().getJsonNumber("totalItems").longValue();
    }

    @Test
    void aPeriodShorterThanThirtyDaysNeedsAReasonWhichIsPublished() {
        Reply short29 = staff.post(comments).json(procedure("都市計画マスタープラン（案）", TODAY, TODAY.plusDays(28)).build()).send();
        JsonObject p = assertJapanese(short29, assertProblem(short29, 400, "validation"));
        assertTrue(Problems.fields(p).contains("shortPeriodReason") && Problems.fields(p).contains("29")
                && Problems.fields(p).contains("30"), p::toString);
        Reply en = staff.post(comments).lang("en").json(procedure("案", TODAY, TODAY.plusDays(28)).build()).send();
        assertTrue(Problems.fields(assertEnglish(en, assertProblem(en, 400, "validation"))).contains("minimum of 30 days"),
                en::toString);
        Reply backwards = staff.post(comments).json(procedure("案", TODAY, TODAY.minusDays(1)).build()).send();
        assertTrue(Problems.fields(assertProblem(backwards, 400, "validation")).contains("periodEnd"), backwards::toString);
        Reply farFuture = staff.post(comments).json(procedure("案", TODAY, LocalDate.of(9999, 1, 1)).build()).send();
        assertTrue(Problems.fields(assertProblem(farFuture, 400, "validation")).contains("periodEnd"), farFuture::toString);
        assertEquals(0, count(), "nothing written");

        JsonObject thirty = staff.post(comments).json(procedure("30日の案", TODAY, TODAY.plusDays(29)).build()).send().expect(201)
                .object();
        assertEquals(30, thirty.getInt("periodDays"));
        assertEquals("準備中", thirty.getString("phaseLabel"));

        Reply withReason = staff.post(comments).json(procedure("条例改正（案）", TODAY, TODAY.plusDays(13))
                .add("shortPeriodReason", "法令の施行日に間に合わせるため").build()).send().expect(201);
        String path = comments + "/" + withReason.object().getString("id");
        String id = withReason.object().getString("id");
        assertEquals(404, anonymous.get(comments + "/public/" + id).send().status(), "a draft is not public");
        staff.post(path + "/announce").send().expect(428);
        Reply announced = staff.post(path + "/announce").ifMatch(withReason.etag()).send().expect(200);
        assertNotEquals(withReason.etag(), announced.etag());
        assertProblem(staff.post(path + "/announce").ifMatch(announced.etag()).send(), 409, "comment-not-draft");
        JsonObject pub = anonymous.get(comments + "/public/" + id).send().expect(200).object();
        assertEquals("法令の施行日に間に合わせるため", pub.getString("shortPeriodReason"));
        assertEquals("OPEN", pub.getString("phase"));
        assertEquals(14, pub.getInt("daysRemaining"));
        assertTrue(anonymous.get(comments + "/public").send().expect(200).object().toString().contains("条例改正（案）"));

        // The municipality's minimum is a setting: 10 days makes 14 enough without a reason.
        String settings = base + "/modules/engagement/settings";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply before = admin.get(settings).send().expect(200);
        admin.put(settings).ifMatch(before.etag()).json(Json.createObjectBuilder().add("values", Json.createObjectBuilder()
                .add("publicCommentMinimumDays", 10)).build()).send().expect(200);
        staff.post(comments).json(procedure("14日の案", TODAY, TODAY.plusDays(13)).build()).send().expect(201);
    }

    @Test
    void opinionsComeOnlyDuringThePeriodWithTheRequiredNameAndAddressAndADoubleSubmissionIsOne() {
        String upcoming = announced("募集前の案", TODAY.plusDays(5), TODAY.plusDays(40));
        String past = announced("募集終了の案", TODAY.minusDays(40), TODAY.minusDays(1));
        String open = announced("募集中の案", TODAY.minusDays(5), TODAY.plusDays(25));
        JsonObject opinion = Json.createObjectBuilder().add("opinion", "賛成です。").add("name", SECRET_NAME)
                .add("address", SECRET_ADDRESS).build();
        for (String path : List.of(upcoming, past)) {
            Reply ja = anonymous.post(path + "/submissions").json(opinion).send();
            assertJapanese(ja, assertProblem(ja, 409, "comment-not-open"));
            Reply en = anonymous.post(path + "/submissions").lang("en").json(opinion).send();
            assertTrue(assertEnglish(en, assertProblem(en, 409, "comment-not-open")).getString("detail").contains("not open"));
            assertEquals(0, staff.get(path + "/submissions").send().expect(200).object().getInt("totalItems"));
        }
        Reply staffLate = staff.post(past + "/submissions").json(Json.createObjectBuilder().add("opinion", "遅れて届いた手紙")
                .add("name", "見本").add("address", "見本町").add("channel", "POST").add("receivedOn", TODAY.toString()).build()).send();
        assertProblem(staffLate, 409, "comment-not-open");

        // The municipality's rule (default): name and address required.
        Reply missing = anonymous.post(open + "/submissions").json("{\"opinion\":\"名前なし\"}").send();
        JsonObject p = assertJapanese(missing, assertProblem(missing, 400, "validation"));
        assertTrue(Problems.fields(p).contains("\"name\"") && Problems.fields(p).contains("\"address\""), p::toString);
        Reply staffOnly = anonymous.post(open + "/submissions").json(Json.createObjectBuilder().add("opinion", "x")
                .add("name", "a").add("address", "b").add("channel", "POST").build()).send();
        assertTrue(Problems.fields(assertProblem(staffOnly, 400, "validation")).contains("channel"));
        assertEquals(0, staff.get(open + "/submissions").send().expect(200).object().getInt("totalItems"));

        Reply first = anonymous.post(open + "/submissions").header("Idempotency-Key", "pc-double-1").json(opinion).send().expect(201);
        String receipt = first.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("C-R"), receipt);
        assertFalse(first.text().contains(SECRET_NAME), "nothing echoed");
        Reply again = anonymous.post(open + "/submissions").header("Idempotency-Key", "pc-double-1").json(opinion).send();
        assertEquals(receipt, again.object().getString("receiptNumber"));
        assertEquals(1, staff.get(open + "/submissions").send().expect(200).object().getInt("totalItems"), "one record");

        // Optional by the municipality's setting.
        String settings = base + "/modules/engagement/settings";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply before = admin.get(settings).send().expect(200);
        admin.put(settings).ifMatch(before.etag()).json(Json.createObjectBuilder().add("values", Json.createObjectBuilder()
                .add("publicCommentNameRequired", false).add("publicCommentAddressRequired", false)).build()).send().expect(200);
        anonymous.post(open + "/submissions").json("{\"opinion\":\"匿名の意見\"}").send().expect(201);
        JsonObject pub = anonymous.get(comments + "/public/" + open.substring(open.lastIndexOf('/') + 1)).send().expect(200).object();
        assertFalse(pub.getBoolean("nameRequired"));
        assertFalse(pub.toString().contains(SECRET_NAME) || pub.toString().contains("賛成です"), pub::toString);
        // No results while open.
        Reply etag = staff.get(open).send().expect(200);
        assertProblem(staff.put(open + "/results").ifMatch(etag.etag()).json("{\"responses\":[]}").send(), 409,
                "comment-not-closed");
    }

    @Test
    void resultsArePublishedByAnApproverAfterThePeriodWithoutAnyPersonalData() {
        String path = announced("緑の基本計画（案）", TODAY.minusDays(40), TODAY.minusDays(10));
        // Staff type in a letter and a fax that came during the period.
        JsonObject letter = Json.createObjectBuilder().add("opinion", "街路樹を増やしてほしい。公園も整備してほしい。")
                .add("name", SECRET_NAME).add("address", SECRET_ADDRESS).add("channel", "POST")
                .add("receivedOn", TODAY.minusDays(20).toString()).add("opinionCount", 2).build();
        staff.post(path + "/submissions").json(letter).send().expect(201);
        staff.post(path + "/submissions").json(Json.createObjectBuilder().add("opinion", "計画に賛成します。")
                .add("name", "見本 二郎").add("address", "見本町").add("channel", "FAX")
                .add("receivedOn", TODAY.minusDays(15).toString()).build()).send().expect(201);
        JsonObject list = staff.get(path + "/submissions").send().expect(200).object();
        assertEquals(2, list.getInt("totalItems"));
        assertFalse(list.toString().contains(SECRET_NAME) || list.toString().contains(SECRET_ADDRESS), "masked in the list");
        String sid = list.getJsonArray("items").getJsonObject(0).getString("id");
        JsonObject full = staff.get(path + "/submissions/" + sid + "?reveal=personal-data").send().expect(200).object();
        assertEquals(SECRET_NAME, full.getString("submitterName"));
        String csv = new String(staff.get(path + "/submissions?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF受付番号,受付日時,提出方法,意見数,意見,氏名,住所"), csv);
        assertTrue(csv.contains("郵送") && !csv.contains(SECRET_NAME) && !csv.contains(SECRET_ADDRESS), csv);
        String csvEn = new String(staff.get(path + "/submissions").accept("text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csvEn.startsWith("\uFEFFReceipt number,Received at,Channel"), csvEn);
        String procedures = new String(staff.get(comments + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(procedures.startsWith("\uFEFF件名,種類,担当課") && procedures.contains("緑の基本計画（案）,計画,都市計画課"), procedures);

        JsonObject procedure = staff.get(path).send().expect(200).object();
        assertEquals("CLOSED", procedure.getString("phase"));
        assertEquals(2, procedure.getInt("submitters"));
        assertEquals(3, procedure.getInt("opinions"));

        // Tasks: the approver (every unit) and the unit's staff see it waiting for its results.
        assertTrue(staff.get(base + "/tasks").send().expect(200).text().contains("緑の基本計画（案）"));
        assertTrue(approver.get(base + "/tasks").send().expect(200).text().contains("緑の基本計画（案）"));

        // Publishing needs lines when opinions came, the approval role, If-Match.
        Reply current = staff.get(path).send().expect(200);
        Reply noLines = approver.post(path + "/publish-results").ifMatch(current.etag()).send();
        assertProblem(noLines, 400, "validation");
        JsonObject results = Json.createObjectBuilder().add("responses", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("opinion", "街路樹と公園の整備を求める意見").add("opinionCount", 2)
                        .add("consideration", "重点地区を定めて整備を進めます。").add("draftChanged", true))
                .add(Json.createObjectBuilder().add("opinion", "計画に賛成する意見")
                        .add("consideration", "計画に沿って進めます。").add("draftChanged", false)))
                .add("resultSummary", "ご意見を踏まえ重点地区を加えました。").build();
        assertProblem(staff.put(path + "/results").json(results).send(), 428, null);
        assertProblem(staff.put(path + "/results").ifMatch("\"999\"").json(results).send(), 412, null);
        Reply bad = staff.put(path + "/results").ifMatch(current.etag()).json(Json.createObjectBuilder()
                .add("responses", Json.createArrayBuilder().add(Json.createObjectBuilder().add("opinion", "")
                        .add("consideration", "x").add("draftChanged", true))).build()).send();
        assertTrue(Problems.fields(assertProblem(bad, 400, "validation")).contains("responses[0].opinion"), bad::toString);
        Reply prepared = staff.put(path + "/results").ifMatch(current.etag()).json(results).send().expect(200);
        assertNotEquals(current.etag(), prepared.etag(), "the results' lines raise the version");
        assertEquals(2, prepared.object().getJsonArray("responses").size());
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertEquals(null, anonymous.get(comments + "/public/" + id).send().expect(200).object().get("responses"),
                "not public before publication");

        Reply forbidden = staff.post(path + "/publish-results").ifMatch(prepared.etag()).send();
        assertJapanese(forbidden, assertProblem(forbidden, 403, "forbidden"));
        Reply forbiddenEn = staff.post(path + "/publish-results").lang("en").ifMatch(prepared.etag()).send();
        assertEnglish(forbiddenEn, assertProblem(forbiddenEn, 403, "forbidden"));
        assertProblem(approver.post(path + "/publish-results").send(), 428, null);
        Reply published = approver.post(path + "/publish-results").ifMatch(prepared.etag()).send().expect(200);
        assertEquals("RESULTS_PUBLISHED", published.object().getString("phase"));
        assertProblem(staff.put(path + "/results").ifMatch(published.etag()).json(results).send(), 409,
                "comment-results-published");
        assertFalse(approver.get(base + "/tasks").send().expect(200).text().contains("緑の基本計画（案）"), "done");

        Reply pub = anonymous.get(comments + "/public/" + id).send().expect(200);
        JsonObject view = pub.object();
        assertEquals(2, view.getInt("submitters"));
        assertEquals(3, view.getInt("opinions"));
        assertFalse(view.getBoolean("noSubmissions"));
        assertEquals("重点地区を定めて整備を進めます。", view.getJsonArray("responses").getJsonObject(0).getString("consideration"));
        Reply publicList = anonymous.get(comments + "/public?phase=RESULTS").send().expect(200);
        for (Reply r : List.of(pub, publicList, anonymous.get(comments + "/public/" + id).lang("en").send().expect(200))) {
            String text = r.text();
            assertFalse(text.contains(SECRET_NAME) || text.contains(SECRET_ADDRESS) || text.contains("見本 二郎")
                    || text.contains("街路樹を増やしてほしい"), text);
        }
        assertTrue(publicList.text().contains("緑の基本計画（案）"));
        assertProblem(anonymous.get(comments + "/public?phase=nonsense").send(), 400, "validation");

        // Core's anonymisation: retention 0 years after publication, the submitters become 匿名, the opinions stay.
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        String personal = base + "/personal-data";
        Reply retention = admin.get(personal + "/settings").send().expect(200);
        admin.put(personal + "/settings").ifMatch(retention.etag()).json("{\"retentionYears\":0}").send().expect(200);
        JsonObject run = admin.post(personal + "/anonymisations").json("{}").send().expect(200).object();
        assertEquals(2, run.getJsonObject("anonymised").getInt("engagement.public-comments"), run::toString);
        JsonObject anonymised = staff.get(path + "/submissions/" + sid + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", anonymised.getString("submitterName"));
        assertTrue(!anonymised.containsKey("submitterAddress") || anonymised.isNull("submitterAddress"), anonymised::toString);
        assertFalse(anonymised.getString("opinion").isBlank());
    }

    @Test
    void aProcedureWithoutSubmissionsSaysSoAndMetricsCountTheYear() {
        String path = announced("手数料条例の改正（案）", TODAY.minusDays(35), TODAY.minusDays(2));
        Reply current = staff.get(path).send().expect(200);
        approver.post(path + "/publish-results").ifMatch(current.etag()).send().expect(200);
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonObject view = anonymous.get(comments + "/public/" + id).send().expect(200).object();
        assertTrue(view.getBoolean("noSubmissions"));
        assertEquals(0, view.getInt("submitters"));

        String sources = api.get(base + "/metric-sources").send().expect(200).text();
        assertTrue(sources.contains("public-comments-held") && sources.contains("public-comment-submissions"), sources);

        JsonObject hearing = anonymous.get(base + "/engagement/hearing").send().expect(200).array().getJsonObject(0);
        assertEquals("voice-form", hearing.getString("id"));
        String offers = anonymous.get(base + "/engagement/hearing").send().expect(200).text();
        assertTrue(offers.contains("public-comments-open") && offers.contains("1 件公表"), offers);
    }
}
