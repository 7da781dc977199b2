package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * 後援名義使用承認: an organiser applies from the portal without signing in (a receipt only, one
 * record for a retried submission), staff tick the municipality's criteria, a holder of
 * {@code collaboration.approver} approves (every criterion checked; 409 otherwise) or refuses with a
 * reason (403 for others), the organiser's e-mail goes through the outbox and the notice prints;
 * after the event staff record the report, and an organiser with an approved past event without a
 * report gets no new approval (409 with the reason). Lists page, filter and export masked; every
 * edit needs If-Match; the approvals per fiscal year are a metric.
 */
@MachiTest
class SponsorshipIT {

    private static final String CONTACT = "主催 花子";
    private static final String EMAIL = "kouen-jikkou@example.jp";
    private static final List<String> CRITERIA = List.of("営利を目的としない", "政治活動を目的としない", "宗教活動を目的としない",
            "広く市民が参加できる", "公序良俗に反しない", "市の施策に沿い公益に資する", "責任ある主催者が開催する");

    private final Api api;
    private String lg;
    private String base;
    private String sponsorships;
    private Api staff;
    private Api approver;

    SponsorshipIT(Api api) {
        this.api = api;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    static JsonObjectBuilder application(String event, String organiser, LocalDate startsOn) {
        return Json.createObjectBuilder().add("eventName", event).add("startsOn", startsOn.toString())
                .add("endsOn", startsOn.plusDays(1).toString()).add("venue", "見本市民会館 大ホール")
                .add("organiserName", organiser).add("purpose", "市民に音楽に親しむ機会を提供する").add("fee", 0)
                .add("expectedAttendance", 300).add("contactName", CONTACT).add("contactAddress", "見本市本町1-2-3")
                .add("contactPhone", "029-000-0000").add("contactEmail", EMAIL);
    }

    @BeforeEach
    void aMunicipalityWithTheModule() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        sponsorships = base + "/collaboration/sponsorships";
        staff = CollaborationPartnerIT.user(api, base, "STAFF");
        approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
    }

    private Reply apply(JsonObjectBuilder body, String key) {
        Api.Call call = api.anonymous().post(sponsorships + "/applications").json(body.build());
        return (key == null ? call : call.header("Idempotency-Key", key)).send();
    }

    private JsonObject find(String receipt) {
        return staff.get(sponsorships + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + receipt));
    }

    private Reply take(Api who, String id, String action, String comment, String etag) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        Api.Call call = who.post(sponsorships + "/" + id + "/decision/transitions").json(b.build());
        return (etag == null ? call : call.ifMatch(etag)).send();
    }

    private static JsonArrayBuilder all(List<String> items) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(a::add);
        return a;
    }

    private Reply checkAll(String id) {
        String one = sponsorships + "/" + id;
        return staff.put(one + "/checklist").ifMatch(staff.get(one).send().expect(200).etag())
                .json(Json.createObjectBuilder().add("checked", all(CRITERIA)).build()).send().expect(200);
    }

    /** A paper application entered by staff (past dates allowed), checked and approved. */
    private String approvedPaper(String event, String organiser, LocalDate startsOn) {
        String receipt = staff.post(sponsorships + "/applications").json(application(event, organiser, startsOn)
                .add("receivedOn", startsOn.minusMonths(1).isAfter(today()) ? today().toString()
                        : startsOn.minusMonths(1).toString()).build()).send().expect(201).object().getString("receiptNumber");
        String id = find(receipt).getString("id");
        Reply checked = checkAll(id);
        take(approver, id, "approve", null, checked.etag()).expect(200);
        return id;
    }

    @Test
    void anOrganiserAppliesFromThePortalAndTheApproverDecidesAfterTheChecklist() {
        LocalDate day = today().plusMonths(2);
        String key = UUID.randomUUID().toString();
        Reply first = apply(application("見本市民コンサート2026", "見本市音楽協会", day), key).expect(201);
        JsonObject receipt = first.object();
        assertTrue(receipt.getString("receiptNumber").startsWith("S-"), receipt::toString);
        assertEquals(2, receipt.size(), "a receipt only: " + receipt);
        assertFalse(first.text().contains(CONTACT) || first.text().contains(EMAIL), first::toString);
        // The same submission again (a double click, a retry): the same receipt, one record.
        assertEquals(receipt, apply(application("見本市民コンサート2026", "見本市音楽協会", day), key).expect(201).object());
        assertEquals(1, staff.get(sponsorships).send().expect(200).object().getInt("totalItems"));

        JsonObject listed = find(receipt.getString("receiptNumber"));
        assertEquals("APPLIED", listed.getString("state"));
        assertEquals("申請中", listed.getString("stateLabel"));
        assertEquals("PORTAL", listed.getString("channel"));
        assertNotEquals(CONTACT, listed.getString("contactName"), "masked in the list");
        assertNotEquals(EMAIL, listed.getString("contactEmail"), "masked in the list");
        String id = listed.getString("id");
        String one = sponsorships + "/" + id;
        JsonObject revealed = staff.get(one + "?reveal=personal-data").send().expect(200).object();
        assertEquals(CONTACT, revealed.getString("contactName"));
        assertEquals(EMAIL, revealed.getString("contactEmail"));

        // The checklist: the municipality's criteria, none checked yet.
        Reply current = staff.get(one).send().expect(200);
        assertEquals(CRITERIA, current.object().getJsonArray("checklist").stream()
                .map(c -> c.asJsonObject().getString("criterion")).toList());
        assertTrue(current.object().getJsonArray("checklist").stream().noneMatch(c -> c.asJsonObject().getBoolean("checked")));
        assertEquals(CRITERIA, staff.get(sponsorships + "/criteria").send().expect(200).array()
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());

        // The approver's task list shows it, without the contact; staff without the role do not see it to decide.
        String tasks = approver.get(base + "/tasks").send().expect(200).object().toString();
        assertTrue(tasks.contains("sponsorship-to-decide") && tasks.contains(id), tasks);
        assertFalse(tasks.contains(CONTACT), tasks);
        assertFalse(staff.get(base + "/tasks").send().expect(200).object().toString().contains(id));

        // Staff may not decide: 403 in Japanese and English.
        JsonObject forbidden = assertProblem(take(staff, id, "approve", null, current.etag()), 403, "transition-forbidden");
        assertJapanese(take(staff, id, "approve", null, current.etag()), forbidden);
        Reply en = staff.post(one + "/decision/transitions").ifMatch(current.etag()).lang("en")
                .json("{\"action\":\"approve\"}").send();
        assertEnglish(en, assertProblem(en, 403, "transition-forbidden"));

        // Not every criterion checked: 409 naming the missing ones, nothing written.
        Reply partial = staff.put(one + "/checklist").ifMatch(current.etag())
                .json(Json.createObjectBuilder().add("checked", all(CRITERIA.subList(0, 3))).build()).send().expect(200);
        assertNotEquals(current.etag(), partial.etag(), "the checklist raised the version");
        assertEquals(3, partial.object().getJsonArray("checklist").stream()
                .filter(c -> c.asJsonObject().getBoolean("checked")).count());
        Reply unchecked = take(approver, id, "approve", null, partial.etag());
        JsonObject problem = assertJapanese(unchecked, assertProblem(unchecked, 409, "sponsorship-criteria-unchecked"));
        assertTrue(problem.getString("detail").contains("広く市民が参加できる"), problem::toString);
        assertEquals("APPLIED", staff.get(one).send().expect(200).object().getString("state"));
        // A criterion not in the municipality's list: 400.
        Reply unknown = staff.put(one + "/checklist").ifMatch(partial.etag())
                .json("{\"checked\":[\"営利を目的としない\",\"市長が好きな催し\"]}").send();
        assertTrue(Problems.fields(assertJapanese(unknown, assertProblem(unknown, 400, "validation"))).contains("checked[1]"));
        assertProblem(staff.put(one + "/checklist").json("{\"checked\":[]}").send(), 428, null);

        Reply checked = checkAll(id);
        assertProblem(take(approver, id, "approve", null, null), 428, null);
        assertProblem(take(approver, id, "approve", null, partial.etag()), 412, null);
        Reply approved = take(approver, id, "approve", "基準をすべて満たす", checked.etag()).expect(200);
        assertEquals("APPROVED", approved.object().getString("state"));
        assertEquals("承認", approved.object().getString("stateLabel"));
        assertNotEquals(checked.etag(), approved.etag());
        assertEquals("approve", approved.object().getJsonArray("history").getJsonObject(0).getString("action"));
        JsonObject after = staff.get(one).send().expect(200).object();
        assertEquals(today().toString(), after.getString("decidedOn"));
        // Decided: the application and its checklist no longer change.
        assertProblem(staff.put(one + "/checklist").ifMatch(approved.etag())
                .json(Json.createObjectBuilder().add("checked", all(CRITERIA)).build()).send(), 409, "sponsorship-decided");

        // The organiser's mail is in the outbox; the notice prints, addressed to the organiser.
        JsonObject outbox = api.get(base + "/outbox").send().expect(200).object();
        assertTrue(outbox.toString().contains("sponsorship-approved"), outbox::toString);
        Reply notice = staff.get(one + "/notice").accept("text/html").send().expect(200);
        assertTrue(notice.contentType().startsWith("text/html"), notice::toString);
        String html = notice.text();
        assertTrue(html.contains("後援名義使用承認通知書") && html.contains("見本市音楽協会 様")
                && html.contains("見本市民コンサート2026") && html.contains("令和"), html);
        assertFalse(html.contains(CONTACT) || html.contains(EMAIL) || html.contains("<script"), html);

        // The report before the event: 409; the metric counts the approval in the event's fiscal year.
        Reply early = staff.post(one + "/report").ifMatch(approved.etag()).json("{\"attendance\":10}").send();
        assertJapanese(early, assertProblem(early, 409, "sponsorship-not-held"));
        assertTrue(api.get(base + "/metric-sources").send().expect(200).array().toString()
                .contains("collaboration:sponsorship-approvals-per-fiscal-year"));
    }

    @Test
    void anOrganiserWithoutAReportForAPastApprovedEventGetsNoNewApproval() {
        LocalDate past = today().minusMonths(3);
        String earlier = approvedPaper("見本まつり 前回", "ＮＰＯ法人 見本まつり実行会", past);
        // The same organiser (written with other spaces and widths) applies again.
        String receipt = apply(application("見本まつり 今回", "NPO法人見本まつり実行会", today().plusMonths(1)), null)
                .expect(201).object().getString("receiptNumber");
        String id = find(receipt).getString("id");
        Reply checked = checkAll(id);
        Reply refused = take(approver, id, "approve", null, checked.etag());
        JsonObject p = assertJapanese(refused, assertProblem(refused, 409, "sponsorship-report-missing"));
        assertTrue(p.getString("detail").contains("見本まつり 前回") && p.getString("detail").contains("実績報告"),
                p::toString);
        Reply en = approver.post(sponsorships + "/" + id + "/decision/transitions").ifMatch(checked.etag()).lang("en")
                .json("{\"action\":\"approve\"}").send();
        // In English (the names quoted as they were given).
        JsonObject enProblem = assertProblem(en, 409, "sponsorship-report-missing");
        assertEquals("en", en.header("Content-Language").orElse(""));
        assertTrue(enProblem.getString("detail").startsWith("The organiser ")
                && enProblem.getString("detail").contains("has not yet reported"), enProblem::toString);
        assertEquals("APPLIED", staff.get(sponsorships + "/" + id).send().expect(200).object().getString("state"));

        // The overdue report is in staff's task list and in the list's filter.
        String tasks = staff.get(base + "/tasks").send().expect(200).object().toString();
        assertTrue(tasks.contains("sponsorship-report-overdue") && tasks.contains(earlier), tasks);
        JsonObject overdue = staff.get(sponsorships + "/" + earlier).send().expect(200).object();
        assertTrue(overdue.getBoolean("reportOverdue"), overdue::toString);
        assertEquals(1, staff.get(sponsorships + "?state=APPROVED&reported=false").send().expect(200).object()
                .getInt("totalItems"));

        // Staff record the report (If-Match; bounds): then the approval goes through.
        String e1 = sponsorships + "/" + earlier;
        Reply before = staff.get(e1).send().expect(200);
        assertProblem(staff.post(e1 + "/report").json("{\"attendance\":250}").send(), 428, null);
        Reply bad = staff.post(e1 + "/report").ifMatch(before.etag()).lang("en").json("{\"attendance\":-1}").send();
        assertEnglish(bad, assertProblem(bad, 400, null));
        assertProblem(staff.post(e1 + "/report").ifMatch(before.etag())
                .json("{\"attendance\":5,\"reportedOn\":\"" + today().plusDays(3) + "\"}").send(), 400, null);
        Reply reported = staff.post(e1 + "/report").ifMatch(before.etag())
                .json("{\"attendance\":250,\"note\":\"雨天のため屋内で実施\"}").send().expect(200);
        assertEquals(250, reported.object().getInt("reportedAttendance"));
        assertFalse(reported.object().getBoolean("reportOverdue"));
        assertNotEquals(before.etag(), reported.etag());
        assertFalse(staff.get(base + "/tasks").send().expect(200).object().toString().contains(earlier));
        assertEquals("APPROVED", take(approver, id, "approve", null, checked.etag()).expect(200).object()
                .getString("state"));
    }

    @Test
    void aRefusalNeedsAReasonAndTheOrganiserIsToldWhy() {
        String receipt = apply(application("見本政治集会", "見本政策研究会", today().plusMonths(1)), null).expect(201).object()
                .getString("receiptNumber");
        String id = find(receipt).getString("id");
        String etag = staff.get(sponsorships + "/" + id).send().expect(200).etag();
        assertProblem(take(approver, id, "refuse", null, etag), 400, null);
        JsonObject refused = take(approver, id, "refuse", "特定の政党の活動を目的とするため", etag).expect(200).object();
        assertEquals("REFUSED", refused.getString("state"));
        assertEquals("不承認", refused.getString("stateLabel"));
        assertEquals(List.of("reopen"), refused.getJsonArray("actions").stream()
                .map(a -> a.asJsonObject().getString("action")).toList());
        assertEquals("特定の政党の活動を目的とするため", staff.get(sponsorships + "/" + id).send().expect(200).object()
                .getString("decisionReason"));
        String html = staff.get(sponsorships + "/" + id + "/notice").accept("text/html").send().expect(200).text();
        assertTrue(html.contains("後援名義使用不承認通知書") && html.contains("特定の政党の活動を目的とするため"), html);
        assertTrue(api.get(base + "/outbox").send().expect(200).object().toString().contains("sponsorship-refused"));
    }

    @Test
    void badApplicationsAreFieldErrorsAndWriteNothing() {
        Reply r = api.anonymous().post(sponsorships + "/applications").json(Json.createObjectBuilder()
                .add("eventName", "").add("fee", -5).build()).send();
        String fields = Problems.fields(assertJapanese(r, assertProblem(r, 400, "validation")));
        for (String f : List.of("eventName", "startsOn", "venue", "organiserName", "purpose", "fee",
                "expectedAttendance", "contactName")) {
            assertTrue(fields.contains("\"" + f + "\""), f + " in " + fields);
        }
        Reply rules = api.anonymous().post(sponsorships + "/applications").json(application("見本の催し", "見本の会",
                today().minusDays(1)).add("endsOn", today().minusDays(5).toString()).add("contactEmail", "nope")
                .add("receivedOn", "2020-04-01").build()).send();
        fields = Problems.fields(assertJapanese(rules, assertProblem(rules, 400, "validation")));
        for (String f : List.of("startsOn", "endsOn", "contactEmail", "receivedOn")) {
            assertTrue(fields.contains("\"" + f + "\""), f + " in " + fields);
        }
        Reply en = api.anonymous().post(sponsorships + "/applications").lang("en")
                .json(application("x".repeat(201), "見本の会", today().plusDays(10)).add("expectedAttendance", 2_000_000_000)
                        .build()).send();
        assertEnglish(en, assertProblem(en, 400, null));
        Reply year = api.anonymous().post(sponsorships + "/applications")
                .json("{\"eventName\":\"a\",\"startsOn\":\"99999-01-01\"}").send();
        assertProblem(year, 400, null);
        assertProblem(staff.get(sponsorships + "?state=MAYBE&reported=perhaps&sort=contactEmail").send(), 400, null);
        assertProblem(staff.get(sponsorships + "?fiscalYear=someday").send(), 400, null);
        assertEquals(0, staff.get(sponsorships).send().expect(200).object().getInt("totalItems"));
        assertProblem(staff.get(sponsorships + "/" + UUID.randomUUID()).send(), 404, null);
        assertProblem(api.anonymous().get(sponsorships).send(), 401, null);
    }

    @Test
    void theListFiltersSortsAndExportsMaskedAndTheMetricCountsApprovalsPerFiscalYear() {
        // FY2024 (令和6年度): two approved (one from a paper application), one refused; FY2025: one applied.
        approvedPaper("見本こどもまつり", "見本子ども会連合会", LocalDate.of(2024, 5, 5));
        String p2 = approvedPaper("見本ウォーキング大会", "見本歩こう会", LocalDate.of(2025, 3, 20));
        staff.post(sponsorships + "/" + p2 + "/report").ifMatch(staff.get(sponsorships + "/" + p2).send().etag())
                .json("{\"attendance\":120}").send().expect(200);
        String r = staff.post(sponsorships + "/applications").json(application("見本講演会", "見本宗教研究会",
                LocalDate.of(2024, 9, 1)).add("receivedOn", "2024-07-01").build()).send().expect(201).object()
                .getString("receiptNumber");
        String rid = find(r).getString("id");
        take(approver, rid, "refuse", "宗教活動を目的とするため", staff.get(sponsorships + "/" + rid).send().etag()).expect(200);
        staff.post(sponsorships + "/applications").json(application("見本ジャズの夕べ", "見本ジャズ倶楽部",
                LocalDate.of(2025, 6, 1)).add("receivedOn", "2025-04-01").build()).send().expect(201);

        assertEquals(3, staff.get(sponsorships + "?fiscalYear=令和6年度").send().expect(200).object().getInt("totalItems"));
        assertEquals(2, staff.get(sponsorships + "?fiscalYear=R6&state=APPROVED").send().expect(200).object()
                .getInt("totalItems"));
        assertEquals(1, staff.get(sponsorships + "?q=" + java.net.URLEncoder.encode("ジャズ", StandardCharsets.UTF_8))
                .send().expect(200).object().getInt("totalItems"));
        List<String> byStart = staff.get(sponsorships + "?sort=startsOn").send().expect(200).object().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("eventName")).toList();
        assertEquals(List.of("見本こどもまつり", "見本講演会", "見本ウォーキング大会", "見本ジャズの夕べ"), byStart);
        JsonObject page = staff.get(sponsorships + "?size=3&page=1").send().expect(200).object();
        assertEquals(4, page.getInt("totalItems"));
        assertEquals(1, page.getJsonArray("items").size());

        Reply csv = staff.get(sponsorships + "?format=csv&sort=startsOn").send().expect(200);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF受付番号,受付日時,申請方法,年度,事業名"), text);
        assertTrue(text.contains("令和6年度") && text.contains("見本こどもまつり") && text.contains("承認"), text);
        assertFalse(text.contains(CONTACT) || text.contains(EMAIL) || text.contains("029-000-0000"), text);
        String en = new String(staff.get(sponsorships).accept("text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFReceipt number,") && en.contains("Contact person"), en);

        // The metric: approvals whose event is in the fiscal year; a year without applications has no figure.
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "後援名義使用承認件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", "collaboration:sponsorship-approvals-per-fiscal-year")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 3))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2025).add("target", 3))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 3)))
                .build()).send().expect(201).object();
        assertEquals(2, IndicatorIT.year(indicator, 2024).getJsonNumber("actual").intValue());
        assertEquals(0, IndicatorIT.year(indicator, 2025).getJsonNumber("actual").intValue());
        JsonObject none = IndicatorIT.year(indicator, 2023);
        assertTrue(!none.containsKey("actual") || none.isNull("actual"), indicator::toString);
    }

    @Test
    void everyEditNeedsIfMatchAndOneOfTwoWritersWins() {
        String receipt = apply(application("見本植樹祭", "見本緑の会", today().plusMonths(1)), null).expect(201).object()
                .getString("receiptNumber");
        String one = sponsorships + "/" + find(receipt).getString("id");
        Reply current = staff.get(one).send().expect(200);
        JsonObject w1 = application("見本植樹祭", "見本緑の会", today().plusMonths(1)).add("venue", "見本中央公園").build();
        JsonObject w2 = application("見本植樹祭", "見本緑の会", today().plusMonths(1)).add("venue", "見本北公園").build();
        assertProblem(staff.put(one).json(w1).send(), 428, null);
        assertProblem(staff.put(one).ifMatch("*").json(w1).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).put(one).ifMatch(current.etag()).json(w1).send(), 403, null);
        int first = staff.put(one).ifMatch(current.etag()).json(w1).send().status();
        int second = staff.put(one).ifMatch(current.etag()).json(w2).send().status();
        assertEquals(List.of(200, 412), List.of(first, second));
        assertEquals("見本中央公園", staff.get(one).send().expect(200).object().getString("venue"));
        assertEquals(EMAIL, staff.get(one + "?reveal=personal-data").send().expect(200).object().getString("contactEmail"));
    }

    @Test
    void theContactIsPersonalDataRevealedOnPurposeFoundForTheResidentAndNeverInTheAuditTrail() {
        String receipt = apply(application("見本清掃活動", "見本美化の会", today().plusMonths(1)), null).expect(201).object()
                .getString("receiptNumber");
        String id = find(receipt).getString("id");
        staff.get(sponsorships + "/" + id + "?reveal=personal-data").send().expect(200);
        String trail = api.get(base + "/audit-events?size=500").send().expect(200).text();
        assertTrue(trail.contains("READ_PERSONAL") && trail.contains(id), trail);
        assertFalse(trail.contains(EMAIL) || trail.contains(CONTACT) || trail.contains("029-000-0000"), trail);
        JsonObject found = api.post(base + "/personal-data/resident-exports").json("{\"email\":\"" + EMAIL + "\"}").send()
                .expect(200).object();
        assertTrue(found.toString().contains("collaboration.sponsorships") && found.toString().contains(receipt),
                found::toString);
        // The criteria and the public intake answer never carry the contact either.
        assertFalse(staff.get(sponsorships + "/criteria").send().expect(200).text().contains(CONTACT));
    }
}
