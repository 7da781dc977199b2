package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
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
 * まちづくり提言 end to end, with real signed-in people: a resident sends a proposal from the portal's
 * endpoint (a double submission files one), staff see the proposer masked, route it to a lead unit
 * and a unit that considers it with it (the version rises with that child row), the lead unit
 * drafts the answer, an approver approves it (the wrong people 403, no outcome before approval),
 * staff record 実現 and publish; the portal shows status, wareki fiscal year and answer, never the
 * proposer; the answer goes to the proposer's address through the outbox; CSV masked; metrics per
 * fiscal year; the task list; If-Match; problems in Japanese and English writing nothing.
 */
@MachiTest
class ProposalIT {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String NAME = "周南花子";
    private static final String EMAIL = "hanako.proposal@example.jp";
    private static final String PHONE = "0834-22-8211";
    private static final String ADDRESS = "山口県周南市岐山通1丁目1番地";

    private final Api api;
    private String lg;
    private String base;
    private String proposals;
    private String lead;
    private String coUnit;
    private Api drafter;
    private Api otherStaff;
    private Api approver;
    private Api viewer;

    ProposalIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        proposals = base + "/engagement/proposals";
        lead = TaskListIT.unit(api, base, "01", "都市政策課");
        coUnit = TaskListIT.unit(api, base, "02", "公園花とみどり課");
        String hearing = TaskListIT.unit(api, base, "03", "市民の声を聞く課");
        drafter = TaskListIT.user(api, base, "STAFF", lead);
        otherStaff = TaskListIT.user(api, base, "STAFF", hearing);
        approver = TaskListIT.user(api, base, "STAFF", hearing, "engagement.approver");
        viewer = TaskListIT.user(api, base, "VIEWER", hearing);
    }

    private static JsonObject submission(String title) {
        return Json.createObjectBuilder().add("title", title).add("field", "まちづくり")
                .add("body", "駅前の空き店舗を子どもの居場所に使えるようにしてはどうでしょうか。").add("name", NAME)
                .add("email", EMAIL).add("phone", PHONE).add("address", ADDRESS).build();
    }

    private String idOf(String receipt) {
        return api.get(proposals + "?size=100").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("receiptNumber").equals(receipt))
                .findFirst().orElseThrow(() -> new AssertionError("no " + receipt)).getString("id");
    }

    private static JsonObjectBuilder handling(JsonObject p, String status, String answer, boolean publish) {
        JsonObjectBuilder h = Json.createObjectBuilder().add("title", p.getString("title")).add("body", p.getString("body"))
                .add("field", p.getString("field")).add("status", status).add("published", publish);
        if (answer != null) {
            h.add("answer", answer);
        }
        if (publish) {
            h.add("publishedSummary", "駅前の空き店舗を子どもの居場所として活用する提言");
        }
        return h;
    }

    private JsonArrayBuilder coUnits(String note) {
        JsonObjectBuilder c = Json.createObjectBuilder().add("unitId", coUnit);
        if (note != null) {
            c.add("note", note);
        }
        return Json.createArrayBuilder().add(c);
    }

    private Reply take(Api who, String id, String action, String comment) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        return who.post(proposals + "/" + id + "/answer/transitions").ifMatch(api.get(proposals + "/" + id).send()
                .expect(200).etag()).json(b.build()).send();
    }

    private static void assertNoPersonalData(String text, String where) {
        for (String s : List.of(NAME, EMAIL, PHONE, ADDRESS, "hanako", "周南花", "0834")) {
            assertFalse(text.contains(s), () -> s + " in " + where + ": " + text);
        }
    }

    private int actual(String metric, int fiscalYear) {
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", metric)
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "engagement:" + metric)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fiscalYear)))
                .build()).send().expect(201).object();
        return IndicatorIT.year(indicator, fiscalYear).getJsonNumber("actual").intValue();
    }

    private String tasksText(Api who, String lgCode) {
        return who.get(Municipalities.PATH + "/" + lgCode + "/tasks").send().expect(200).text();
    }

    private static int thisFiscalYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    @Test
    void sentOnceRoutedConsideredAnsweredApprovedRealisedPublishedAndMailed() {
        // A resident sends it twice with the same form token: one proposal, the same receipt.
        String key = "proposal-" + UUID.randomUUID();
        Reply first = api.anonymous().post(proposals).header("Idempotency-Key", key).json(submission("空き店舗の活用")).send()
                .expect(201);
        Reply again = api.anonymous().post(proposals).header("Idempotency-Key", key).json(submission("空き店舗の活用")).send();
        assertTrue(again.status() == 200 || again.status() == 201, again::toString);
        String receipt = first.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("P-"), receipt);
        assertEquals(receipt, again.object().getString("receiptNumber"));
        assertTrue(first.object().getString("fiscalYearLabel").matches("令和\\d+年度"), first::toString);
        assertNoPersonalData(first.text(), "the receipt");
        JsonObject list = api.get(proposals).send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"), list::toString);
        String id = idOf(receipt);
        String one = proposals + "/" + id;

        // Staff and viewers see the proposer masked; only staff reveal it, recorded.
        for (Api who : List.of(viewer, drafter)) {
            assertNoPersonalData(who.get(proposals).send().expect(200).text(), "a list");
            assertNoPersonalData(who.get(one).send().expect(200).text(), "a read");
        }
        JsonObject masked = viewer.get(one).send().expect(200).object();
        assertEquals("周＊＊＊", masked.getString("proposerName"));
        assertEquals("受付", masked.getString("statusLabel"));
        assertProblem(viewer.get(one + "?reveal=personal-data").send(), 403, "forbidden");
        assertEquals(EMAIL, drafter.get(one + "?reveal=personal-data").send().expect(200).object().getString("proposerEmail"));

        // Not on the portal before it is published.
        assertEquals(0, api.anonymous().get(proposals + "/published").send().expect(200).object().getInt("totalItems"));
        assertProblem(api.anonymous().get(proposals + "/published/" + id).send(), 404, null);

        // Routed to the lead unit with a unit considering it: the version rises, a stale or missing If-Match writes nothing.
        Reply current = drafter.get(one).send().expect(200);
        Reply routed = drafter.put(one).ifMatch(current.etag()).json(handling(current.object(), "CONSIDERING",
                "空き店舗を活用した子どもの居場所づくりを来年度に試行します。", false).add("unitId", lead)
                .add("coUnits", coUnits(null)).build()).send().expect(200);
        assertNotEquals(current.etag(), routed.etag());
        assertEquals("検討中", routed.object().getString("statusLabel"));
        assertEquals("公園花とみどり課", routed.object().getJsonArray("coUnits").getJsonObject(0).getString("unitName"));
        Reply noted = drafter.put(one).ifMatch(routed.etag()).json(handling(routed.object(), "CONSIDERING",
                "空き店舗を活用した子どもの居場所づくりを来年度に試行します。", false).add("unitId", lead)
                .add("coUnits", coUnits("公園内の遊び場と合わせて検討可能")).build()).send().expect(200);
        assertNotEquals(routed.etag(), noted.etag(), "a co-unit's finding alone raises the version");
        Reply stale = drafter.put(one).ifMatch(routed.etag())
                .json(handling(routed.object(), "CONSIDERING", "上書き", false).build()).send();
        assertJapanese(stale, assertProblem(stale, 412, null));
        Reply missing = drafter.put(one).json(handling(routed.object(), "CONSIDERING", "上書き", false).build()).send();
        assertProblem(missing, 428, null);
        assertEquals(noted.etag(), api.get(one).send().expect(200).etag(), "nothing written");

        // No outcome and no unknown unit before approval, in Japanese and English.
        Reply early = drafter.put(one).ifMatch(noted.etag()).json(handling(noted.object(), "REALISED",
                "空き店舗を活用した子どもの居場所づくりを来年度に試行します。", false).add("unitId", lead).build()).send();
        assertTrue(Problems.fields(assertJapanese(early, assertProblem(early, 400, "validation"))).contains("status"));
        Reply earlyEn = drafter.put(one).lang("en").ifMatch(noted.etag()).json(handling(noted.object(), "DECLINED",
                "x", false).add("unitId", UUID.randomUUID().toString()).build()).send();
        assertEnglish(earlyEn, assertProblem(earlyEn, 400, null));
        assertEquals(noted.etag(), api.get(one).send().expect(200).etag(), "nothing written");

        // Task list: the lead unit and the co-unit have it to answer.
        assertTrue(tasksText(drafter, lg).contains(receipt), "the lead unit's task list");

        // The approval: another unit's staff may not submit; the drafter submits; the approver approves.
        assertProblem(take(otherStaff, id, "submit", null), 403, "transition-forbidden");
        assertProblem(take(approver, id, "approve", null), 409, "transition-not-allowed");
        assertEquals("PENDING", take(drafter, id, "submit", null).expect(200).object().getString("state"));
        assertTrue(tasksText(approver, lg).contains(receipt), "the approver's task list");
        Reply locked = drafter.put(one).ifMatch(api.get(one).send().etag()).json(handling(noted.object(), "CONSIDERING",
                "書き換え", false).add("unitId", lead).build()).send();
        assertTrue(Problems.fields(assertProblem(locked, 400, "validation")).contains("answer"));
        assertProblem(take(drafter, id, "approve", null), 403, "transition-forbidden");
        assertProblem(take(approver, id, "return", null), 400, "validation");
        JsonObject approved = take(approver, id, "approve", null).expect(200).object();
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals(2, approved.getJsonArray("history").size());
        Reply answered = drafter.get(one).send().expect(200);
        assertEquals("ANSWERED", answered.object().getString("status"));

        // Realised and published: the portal shows it with status, fiscal year and answer, never the proposer.
        drafter.put(one).ifMatch(answered.etag()).json(handling(answered.object(), "REALISED",
                "空き店舗を活用した子どもの居場所づくりを来年度に試行します。", true).add("unitId", lead)
                .add("coUnits", coUnits("公園内の遊び場と合わせて検討可能")).build()).send().expect(200);
        Reply published = api.anonymous().get(proposals + "/published").send().expect(200);
        assertNoPersonalData(published.text(), "the portal's list");
        JsonObject item = published.object().getJsonArray("items").getJsonObject(0);
        assertEquals("実現", item.getString("statusLabel"));
        assertEquals("空き店舗を活用した子どもの居場所づくりを来年度に試行します。", item.getString("answer"));
        assertTrue(item.getString("fiscalYearLabel").matches("令和\\d+年度"), item::toString);
        assertFalse(item.containsKey("body"), "the body may hold personal data: only the summary is public");
        assertFalse(published.text().contains("公園内の遊び場"), "the units' findings stay inside");
        assertEquals("Realised", api.anonymous().get(proposals + "/published/" + id).lang("en").send().expect(200)
                .object().getString("statusLabel"));
        assertEquals(1, api.anonymous().get(proposals + "/published?status=realised&fiscalYear=" + thisFiscalYear())
                .send().expect(200).object().getInt("totalItems"));

        // The answer by e-mail to the proposer's address (queued in the outbox).
        Reply mailed = drafter.post(one + "/answer-email").ifMatch(api.get(one).send().etag()).send().expect(200);
        assertFalse(mailed.object().isNull("answerEmailedAt"), mailed::toString);
        assertProblem(drafter.post(one + "/answer-email").send(), 428, null);

        // CSV: UTF-8 with BOM, masked, labels in Japanese.
        Reply csv = viewer.get(proposals + "?format=csv").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertNoPersonalData(text, "the CSV");
        assertTrue(text.contains("実現") && text.contains("公園花とみどり課") && text.contains("h***@example.jp"), text);

        // Metrics: received and realised in this fiscal year.
        assertEquals(1, actual("proposals-received", thisFiscalYear()));
        assertEquals(1, actual("proposals-realised", thisFiscalYear()));
    }

    @Test
    void paperProposalsBadInputAndOtherMunicipalities() {
        // Staff register a letter with the day it came; residents may not give channel or day.
        Reply paper = drafter.post(proposals).json(Json.createObjectBuilder().add("title", "バス路線の見直し")
                .add("body", "郊外のバスの本数を増やしてほしい。").add("channel", "LETTER").add("receivedOn", "2020-06-01").build())
                .send().expect(201);
        String receipt = paper.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("P-R2-"), receipt);
        assertEquals("令和2年度", paper.object().getString("fiscalYearLabel"));
        JsonObject p = api.get(proposals + "/" + idOf(receipt)).send().expect(200).object();
        assertEquals("はがき・封書", p.getString("channelLabel"));
        assertEquals(1, api.get(proposals + "?fiscalYear=2020").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(proposals + "?fiscalYear=2021").send().expect(200).object().getInt("totalItems"));

        Reply resident = api.anonymous().post(proposals).json(Json.createObjectBuilder().add("title", "t").add("body", "b")
                .add("channel", "LETTER").build()).send();
        assertTrue(Problems.fields(assertJapanese(resident, assertProblem(resident, 400, "validation"))).contains("channel"));
        Reply blank = api.anonymous().post(proposals).lang("en").json("{\"title\":\" \",\"body\":\"\"}").send();
        assertEnglish(blank, assertProblem(blank, 400, null));
        Reply tooLong = api.anonymous().post(proposals).json(Json.createObjectBuilder().add("title", "あ".repeat(201))
                .add("body", "b").build()).send();
        assertProblem(tooLong, 400, null);
        Reply mail = api.anonymous().post(proposals).json("{\"title\":\"t\",\"body\":\"b\",\"email\":\"not-an-address\"}").send();
        assertTrue(Problems.fields(assertProblem(mail, 400, "validation")).contains("email"));
        assertEquals(1, api.get(proposals).send().expect(200).object().getInt("totalItems"), "nothing half-written");
        for (String q : List.of("?status=DONE", "?fiscalYear=R2", "?unitId=x", "?sort=proposerEmail")) {
            Reply bad = api.get(proposals + q).send();
            assertJapanese(bad, assertProblem(bad, 400, null));
        }
        assertProblem(api.anonymous().get(proposals).send(), 401, null);

        // Another municipality's proposal is not found here.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "engagement", true);
        String id = idOf(receipt);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/engagement/proposals/" + id).send(), 404, null);
        assertProblem(api.anonymous().get(Municipalities.PATH + "/" + other + "/engagement/proposals/published/" + id)
                .send(), 404, null);
    }
}
