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
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ワンストップ特例: applications for the donations of a calendar year accepted up to January 10 of
 * the next year and refused from January 11 with the reason (across the year change, with a leap
 * day's donation); checked and matched to the donor's donations of that year only, each donation
 * once, as child rows raising the version; changes (変更届出書) under If-Match and the same deadline;
 * the task list; the notification per residence municipality (one CSV each, personal data in full,
 * each donor's disclosure audited); My Number never accepted nor stored.
 */
@MachiTest
class OneStopIT {

    static final String SHIBUYA = "131130";
    static final String SETAGAYA = "131121";
    static final String YOKOHAMA = "141003";

    private final Api api;
    private String lg;
    private String base;
    private String apps;

    OneStopIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        apps = base + "/promotion/one-stop-applications";
    }

    private String donor(String name, String kana, String address) {
        return api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", name).add("nameKana", kana)
                .add("postalCode", "1500001").add("address", address).add("email", kana.toLowerCase() + "@example.jp").build()).send().expect(201)
                .object().getString("id");
    }

    private String donate(String donor, String day, long amount) {
        return api.post(base + "/promotion/donations").json(Json.createObjectBuilder().add("donorId", donor).add("receivedOn", day)
                .add("amount", amount).add("paymentMethod", "CREDIT_CARD").add("channel", "ふるさとチョイス").build()).send().expect(201).object()
                .getString("id");
    }

    private static JsonObjectBuilder application(String donor, int year, String receivedOn, String code, String name, String... donations) {
        JsonArrayBuilder ds = Json.createArrayBuilder();
        for (String d : donations) {
            ds.add(d);
        }
        return Json.createObjectBuilder().add("donorId", donor).add("donationYear", year).add("receivedOn", receivedOn).add("channel", "MAIL")
                .add("residenceCode", code).add("residenceName", name).add("donationIds", ds).add("declaresNoTaxReturn", true)
                .add("declaresAtMostFive", true);
    }

    @Test
    void theJanuaryTenthDeadlineHoldsAcrossTheYearChangeAndALeapDay() {
        String hanako = donor("渋谷 花子", "シブヤハナコ", "東京都渋谷区神南1-1");
        String leap = donate(hanako, "2024-02-29", 10_000);
        String eve = donate(hanako, "2024-12-31", 20_000);
        String newYear = donate(hanako, "2025-01-01", 30_000);

        // January 10 of the year after is the last day, whatever the weekday (2025-01-10 is a Friday).
        Reply last = api.post(apps).json(application(hanako, 2024, "2025-01-10", SHIBUYA, "東京都渋谷区", leap, eve).add("identityCheckedOn", "2025-01-10")
                .build()).send();
        last.expect(201);
        JsonObject a = last.object();
        assertEquals("2025-01-10", a.getString("deadline"));
        assertEquals("MATCHED", a.getString("state"));
        assertEquals(30_000, a.getJsonNumber("donationAmount").longValue());
        assertEquals(List.of("2024-02-29", "2024-12-31"), a.getJsonArray("donations").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("receivedOn")).toList(), "a leap day's donation belongs to its year");
        assertEquals(0, a.getJsonArray("unmatchedDonations").size(), "2025-01-01 is next year's donation");

        Reply late = api.post(apps).json(application(hanako, 2024, "2025-01-11", SHIBUYA, "東京都渋谷区").build()).send();
        JsonObject p = assertJapanese(late, assertProblem(late, 400, "validation"));
        assertTrue(p.toString().contains("receivedOn") && p.toString().contains("2025-01-10") && p.toString().contains("期限"), p::toString);
        Reply lateEn = api.post(apps).lang("en").json(application(hanako, 2024, "2025-01-11", SHIBUYA, "東京都渋谷区").build()).send();
        assertTrue(assertEnglish(lateEn, assertProblem(lateEn, 400, "validation")).toString().contains("past the deadline"));
        // The next year's donation: its own deadline, January 10 of 2026.
        api.post(apps).json(application(hanako, 2025, "2026-01-10", SHIBUYA, "東京都渋谷区", newYear).build()).send().expect(201);
        assertProblem(api.post(apps).json(application(hanako, 2025, "2026-01-11", SHIBUYA, "東京都渋谷区").build()).send(), 400, "validation");
        // A leap year's deadline: donations of 2023, received on 2024-01-10 yes, 2024-01-11 no.
        String taro = donor("世田谷 太郎", "セタガヤタロウ", "東京都世田谷区世田谷4-21-27");
        donate(taro, "2023-12-31", 5_000);
        api.post(apps).json(application(taro, 2023, "2024-01-10", SETAGAYA, "東京都世田谷区").build()).send().expect(201);
        assertProblem(api.post(apps).json(application(taro, 2023, "2024-01-11", SETAGAYA, "東京都世田谷区").build()).send(), 400, "validation");
        // Not before the year of the donations, not in the future; a donation of another year is not matched.
        assertProblem(api.post(apps).json(application(hanako, 2024, "2023-12-31", SHIBUYA, "東京都渋谷区").build()).send(), 400, "validation");
        assertProblem(api.post(apps).json(application(hanako, 2099, "2099-01-05", SHIBUYA, "東京都渋谷区").build()).send(), 400, "validation");
        Reply other = api.post(apps).json(application(hanako, 2024, "2024-12-31", SHIBUYA, "東京都渋谷区", newYear).build()).send();
        assertTrue(assertProblem(other, 400, "validation").toString().contains("donationIds[0]"), other::text);

        // A change (変更届出書) has the same deadline.
        String item = apps + "/" + a.getString("id");
        JsonObject change = Json.createObjectBuilder().add("receivedOn", "2025-01-11").add("kinds", Json.createArrayBuilder().add("ADDRESS"))
                .add("residenceCode", YOKOHAMA).add("residenceName", "神奈川県横浜市").build();
        assertProblem(api.post(item + "/changes").ifMatch(last.etag()).json(change).send(), 400, "validation");
        assertEquals(3, api.get(apps).send().expect(200).object().getInt("totalItems"), "nothing written by the refusals");
    }

    @Test
    void anApplicationIsCheckedMatchedAndChangedUnderIfMatchAndShowsInTheTaskList() {
        String hanako = donor("渋谷 花子", "シブヤハナコ", "東京都渋谷区神南1-1");
        String taro = donor("世田谷 太郎", "セタガヤタロウ", "東京都世田谷区世田谷4-21-27");
        String d1 = donate(hanako, "2024-05-01", 10_000);
        String d2 = donate(hanako, "2024-11-20", 50_000);
        String t1 = donate(taro, "2024-06-01", 8_000);
        Reply created = api.post(apps).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区").add("channel", "ONLINE").build()).send();
        created.expect(201);
        JsonObject a = created.object();
        assertEquals("RECEIVED", a.getString("state"));
        assertEquals("受付 (未確認)", a.getString("stateLabel"));
        assertEquals("オンライン", a.getString("channelLabel"));
        assertFalse(a.getBoolean("identityChecked"));
        assertEquals(2, a.getJsonArray("unmatchedDonations").size(), "the donor's donations of the year to match");
        String item = apps + "/" + a.getString("id");

        JsonObject tasks = api.as("STAFF", lg).get(base + "/tasks").send().expect(200).object();
        JsonObject group = tasks.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("module").equals("promotion") && g.getString("kind").equals("one-stop-to-match")).findFirst().orElseThrow();
        assertEquals(1, group.getInt("total"));
        JsonObject t = group.getJsonArray("items").getJsonObject(0);
        assertEquals("2025-01-10", t.getString("due"));
        assertFalse(t.toString().contains("渋谷 花子"), "no donor in the task list");

        assertProblem(api.put(item).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区").add("channel", "ONLINE").build()).send(), 428, null);
        Reply checked = api.put(item).ifMatch(created.etag()).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区")
                .add("channel", "ONLINE").add("identityCheckedOn", "2024-12-03").build()).send().expect(200);
        assertEquals("CHECKED", checked.object().getString("state"));
        Reply matched = api.put(item).ifMatch(checked.etag()).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区", d1, d2)
                .add("channel", "ONLINE").add("identityCheckedOn", "2024-12-03").build()).send().expect(200);
        assertNotEquals(checked.etag(), matched.etag());
        assertEquals("MATCHED", matched.object().getString("state"));
        assertEquals(60_000, matched.object().getJsonNumber("donationAmount").longValue());
        // Only the matches change: a child row, the version rises.
        Reply fewer = api.put(item).ifMatch(matched.etag()).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区", d2)
                .add("channel", "ONLINE").add("identityCheckedOn", "2024-12-03").build()).send().expect(200);
        assertNotEquals(matched.etag(), fewer.etag(), "removing a matched donation is a change of the application");
        assertEquals(1, fewer.object().getJsonArray("unmatchedDonations").size());
        assertProblem(api.put(item).ifMatch(matched.etag()).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区", d1, d2)
                .add("channel", "ONLINE").build()).send(), 412, null);
        // Another donor's donation, or one another application covers, is refused.
        assertProblem(api.put(item).ifMatch(fewer.etag()).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区", d2, t1)
                .add("channel", "ONLINE").build()).send(), 400, "validation");
        Reply second = api.post(apps).json(application(hanako, 2024, "2024-12-20", SHIBUYA, "東京都渋谷区", d2).build()).send();
        assertTrue(assertProblem(second, 400, "validation").toString().contains("donationIds[0]"), second::text);
        // A covered donation keeps its donor and is not deleted behind the application's back.
        JsonObject donation = api.get(base + "/promotion/donations/" + d2).send().expect(200).object();
        Reply dr = api.get(base + "/promotion/donations/" + d2).send();
        assertProblem(api.delete(base + "/promotion/donations/" + d2).ifMatch(dr.etag()).send(), 409, null);
        assertEquals(50_000, donation.getJsonNumber("amount").longValue());

        // 変更届出書: a move to Yokohama, under If-Match; the version rises and the residence changes from now on.
        JsonObject change = Json.createObjectBuilder().add("receivedOn", "2025-01-06").add("kinds", Json.createArrayBuilder().add("ADDRESS"))
                .add("residenceCode", YOKOHAMA).add("residenceName", "神奈川県横浜市").add("note", "転居").build();
        assertProblem(api.post(item + "/changes").json(change).send(), 428, null);
        Reply changed = api.post(item + "/changes").ifMatch(fewer.etag()).json(change).send().expect(200);
        assertNotEquals(fewer.etag(), changed.etag());
        JsonObject c = changed.object();
        assertEquals(YOKOHAMA, c.getString("residenceCode"));
        JsonObject ch = c.getJsonArray("changes").getJsonObject(0);
        assertEquals(SHIBUYA, ch.getString("residenceCodeBefore"));
        assertEquals("住所", ch.getString("kindLabels"));
        assertProblem(api.post(item + "/changes").ifMatch(changed.etag()).json(Json.createObjectBuilder().add("receivedOn", "2025-01-06")
                .add("kinds", Json.createArrayBuilder().add("BIRTHDAY")).build()).send(), 400, "validation");

        assertEquals(1, api.get(apps + "?state=MATCHED&year=2024").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(apps + "?state=TO_MATCH").send().expect(200).object().getInt("totalItems"));
        assertTrue(api.as("STAFF", lg).get(base + "/tasks").send().expect(200).object().getJsonArray("groups").getValuesAs(JsonObject.class)
                .stream().noneMatch(g -> g.getString("kind").equals("one-stop-to-match")), "nothing left to match");
        assertProblem(api.get(apps + "?state=LOST").send(), 400, "validation");
        assertProblem(api.get(apps + "?year=R6").send(), 400, "validation");
        assertProblem(api.get(apps + "?residenceCode=131131").send(), 400, "validation");
        assertProblem(api.as("VIEWER", lg).post(apps).json(application(taro, 2024, "2024-12-02", SETAGAYA, "東京都世田谷区").build()).send(), 403, null);
        assertProblem(api.delete(item).send(), 428, null);
        api.delete(item).ifMatch(changed.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void eachResidenceMunicipalityGetsItsOwnNotificationFileAndEveryDisclosureIsAudited() {
        String hanako = donor("渋谷 花子", "シブヤハナコ", "東京都渋谷区神南1-1");
        String jiro = donor("渋谷 次郎", "シブヤジロウ", "東京都渋谷区宇田川町2-2");
        String taro = donor("世田谷 太郎", "セタガヤタロウ", "東京都世田谷区世田谷4-21-27");
        String ume = donor("未確認 うめ", "ミカクニンウメ", "東京都渋谷区道玄坂3-3");
        api.post(apps).json(application(hanako, 2024, "2024-12-10", SHIBUYA, "東京都渋谷区", donate(hanako, "2024-04-01", 10_000),
                donate(hanako, "2024-12-01", 30_000)).add("identityCheckedOn", "2024-12-11").build()).send().expect(201);
        api.post(apps).json(application(jiro, 2024, "2025-01-09", SHIBUYA, "東京都渋谷区", donate(jiro, "2024-08-08", 15_000))
                .add("identityCheckedOn", "2025-01-09").build()).send().expect(201);
        api.post(apps).json(application(taro, 2024, "2024-10-01", SETAGAYA, "東京都世田谷区", donate(taro, "2024-09-15", 100_000))
                .add("identityCheckedOn", "2024-10-02").build()).send().expect(201);
        // Not checked yet: not notified.
        api.post(apps).json(application(ume, 2024, "2024-12-24", SHIBUYA, "東京都渋谷区", donate(ume, "2024-12-20", 9_000)).build()).send().expect(201);

        JsonObject n = api.get(apps + "/notifications?year=2024").send().expect(200).object();
        assertEquals("2025-01-10", n.getString("deadline"));
        assertEquals("2025-01-31", n.getString("notifyBy"));
        assertEquals(3, n.getInt("matched"));
        assertEquals(1, n.getInt("received"));
        List<JsonObject> ms = n.getJsonArray("municipalities").getValuesAs(JsonObject.class);
        assertEquals(2, ms.size());
        assertEquals(SETAGAYA, ms.get(0).getString("residenceCode"), "by code");
        assertEquals(100_000, ms.get(0).getJsonNumber("amount").longValue());
        assertEquals(SHIBUYA, ms.get(1).getString("residenceCode"));
        assertEquals("東京都渋谷区", ms.get(1).getString("residenceName"));
        assertEquals(2, ms.get(1).getInt("donors"));
        assertEquals(3, ms.get(1).getInt("donations"));
        assertEquals(55_000, ms.get(1).getJsonNumber("amount").longValue());

        Reply file = api.as("STAFF", lg).get(apps + "/notifications/" + SHIBUYA + "?year=2024").send().expect(200);
        assertTrue(file.header("Content-Disposition").orElse("").contains("one-stop-notice-2024-131130.csv"), file::toString);
        String csv = new String(file.bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF氏名,フリガナ,郵便番号,住所,寄附件数,寄附金額（円）,最初の寄附日,最後の寄附日"), csv);
        String[] rows = csv.strip().split("\r?\n");
        assertEquals(3, rows.length, csv);
        assertEquals("渋谷 次郎,シブヤジロウ,150-0001,東京都渋谷区宇田川町2-2,1,15000,2024-08-08,2024-08-08", rows[1], "by kana: ジロウ before ハナコ");
        assertEquals("渋谷 花子,シブヤハナコ,150-0001,東京都渋谷区神南1-1,2,40000,2024-04-01,2024-12-01", rows[2]);
        assertFalse(csv.contains("世田谷") || csv.contains("未確認"), "only this municipality's matched donors: " + csv);
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + hanako).send().expect(200).object().getInt("totalItems"),
                "the disclosure of each donor in the file is recorded");
        assertEquals(0, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + taro).send().expect(200).object().getInt("totalItems"));
        String other = new String(api.as("STAFF", lg).get(apps + "/notifications/" + SETAGAYA + "?year=2024").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(other.contains("世田谷 太郎") && !other.contains("渋谷"), other);

        assertProblem(api.as("VIEWER", lg).get(apps + "/notifications/" + SHIBUYA + "?year=2024").send(), 403, null);
        assertProblem(api.get(apps + "/notifications/" + YOKOHAMA + "?year=2024").send(), 404, null);
        assertProblem(api.get(apps + "/notifications/" + SHIBUYA).send(), 400, "validation");
        assertProblem(api.get(apps + "/notifications/not-a-code?year=2024").send(), 404, null);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        assertEquals(today.getMonthValue() == 1 ? today.getYear() - 1 : today.getYear(),
                api.get(apps + "/notifications").send().expect(200).object().getInt("year"), "last year's in January, else this year's");
        assertProblem(api.get(apps + "/notifications?year=R6").send(), 400, "validation");
        // The list masks the donors.
        String list = api.get(apps + "?year=2024").send().expect(200).text();
        assertFalse(list.contains("渋谷 花子"), list);
    }

    @Test
    void myNumberIsNeverAcceptedNorStored() {
        String hanako = donor("渋谷 花子", "シブヤハナコ", "東京都渋谷区神南1-1");
        Reply field = api.post(apps).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区").add("myNumber", "123456789018").build()).send();
        JsonObject p = assertProblem(field, 400, "validation");
        assertTrue(p.toString().contains("myNumber") && !p.toString().contains("123456789018"), p::toString);
        Reply inNote = api.post(apps).lang("en").json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区")
                .add("note", "個人番号 1234 5678 9018 確認").build()).send();
        JsonObject q = assertEnglish(inNote, assertProblem(inNote, 400, "validation"));
        assertTrue(q.toString().contains("My Number") && !q.toString().contains("1234 5678 9018"), q::toString);
        assertEquals(0, api.get(apps).send().expect(200).object().getInt("totalItems"), "nothing stored");
        // What is recorded instead: the day it was checked.
        JsonObject a = api.post(apps).json(application(hanako, 2024, "2024-12-02", SHIBUYA, "東京都渋谷区").add("identityCheckedOn", "2024-12-02")
                .build()).send().expect(201).object();
        assertTrue(a.getBoolean("identityChecked"));
        assertEquals("2024-12-02", a.getString("identityCheckedOn"));
        String csv = new String(api.get(apps + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF寄附の年,受付日,受付方法,寄附者,住所地の団体コード,住所地の市区町村,個人番号・本人確認日,状態"), csv);
        assertTrue(csv.contains("2024,2024-12-02,郵送,") && csv.contains(",131130,東京都渋谷区,2024-12-02,確認済 (未照合),0,0,0"), csv);
        assertFalse(csv.contains("渋谷 花子"), "masked: " + csv);
    }
}
