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
 * 移住・定住: consultations (who the person is masked in lists, CSV and reads, in full only with
 * {@code ?reveal=personal-data}, an audit event; exported and anonymised by core's residents' data
 * requests), their follow-ups as child rows that raise the version, If-Match, field errors ja/en
 * with nothing written, another municipality's records 404; supported migrations (households and
 * persons) with filters, paging, CSV and yearly totals; the metrics a cumulative indicator binds to.
 */
@MachiTest
class MigrationIT {

    static final String NAME = "須坂花子";
    static final String EMAIL = "hanako.suzaka@example.jp";
    static final String PHONE = "026-248-9999";
    static final String RESIDENCE = "東京都世田谷区太子堂1丁目";

    private final Api api;
    private String lg;
    private String base;
    private String consultations;
    private String migrations;

    MigrationIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        consultations = base + "/promotion/migration-consultations";
        migrations = base + "/promotion/supported-migrations";
    }

    private static JsonObjectBuilder consultation(String day, String channel) {
        return Json.createObjectBuilder().add("consultedOn", day).add("channel", channel).add("name", NAME).add("email", EMAIL)
                .add("phone", PHONE).add("currentResidence", RESIDENCE).add("householdSize", 3).add("household", "夫婦と子ども1人")
                .add("interestWork", true).add("interestHousing", true);
    }

    private static JsonObjectBuilder followUp(String day, String channel, String note) {
        return Json.createObjectBuilder().add("followedOn", day).add("channel", channel).add("note", note);
    }

    private static JsonObjectBuilder migration(String day, int households, int persons) {
        return Json.createObjectBuilder().add("movedInOn", day).add("households", households).add("persons", persons)
                .add("supportUsed", "移住支援金").add("movedFrom", "東京都");
    }

    @Test
    void whoConsultedIsMaskedAndShownInFullOnlyOnAnAuditedRequest() {
        Reply created = api.post(consultations).json(consultation("2024-06-10", "ONLINE").build()).send();
        created.expect(201);
        assertFalse(created.text().contains(NAME) || created.text().contains(EMAIL) || created.text().contains("太子堂"), created::toString);
        JsonObject c = created.object();
        String id = c.getString("id");
        assertEquals("オンライン", c.getString("channelLabel"));
        assertEquals("令和6年度", c.getJsonObject("fiscalYear").getString("label"));
        assertEquals("仕事・住まい", c.getString("interests"));
        assertEquals("夫婦と子ども1人", c.getString("household"), "the household in words is not personal data");
        JsonObject list = api.get(consultations).send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"));
        assertFalse(list.toString().contains(NAME) || list.toString().contains(EMAIL) || list.toString().contains(PHONE)
                || list.toString().contains("太子堂"), list::toString);
        assertEquals("東京都世田谷区＊＊＊", list.getJsonArray("items").getJsonObject(0).getString("currentResidence"),
                "masked like every address: the municipality stays");
        String csv = new String(api.get(consultations + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF相談日,年度,相談の方法,氏名,メールアドレス,電話番号,現住所,世帯人数,世帯,関心,フォローアップ件数"), csv);
        assertTrue(csv.contains("2024-06-10,令和6年度,オンライン,") && csv.contains("夫婦と子ども1人,仕事・住まい,0"), csv);
        assertFalse(csv.contains(NAME) || csv.contains(EMAIL) || csv.contains("太子堂"), csv);
        String en = new String(api.get(consultations).header("Accept", "text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFDay,Fiscal year,Channel,Name") && en.contains("FY2024,Online") && en.contains("Work, Housing"), en);

        assertTrue(api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object()
                .getJsonArray("items").isEmpty());
        JsonObject full = api.as("STAFF", lg).get(consultations + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals(NAME, full.getString("name"));
        assertEquals(EMAIL, full.getString("email"));
        assertEquals(PHONE, full.getString("phone"));
        assertEquals(RESIDENCE, full.getString("currentResidence"));
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object()
                .getInt("totalItems"));
        assertProblem(api.as("VIEWER", lg).get(consultations + "/" + id + "?reveal=personal-data").send(), 403, null);
        JsonObject create = api.get(base + "/audit-events?action=CREATE&entityId=" + id).send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertFalse(create.toString().contains(NAME) || create.toString().contains(EMAIL), create::toString);
    }

    @Test
    void followUpsAreChildRowsThatRaiseTheVersionUnderIfMatch() {
        String id = api.post(consultations).json(consultation("2024-06-10", "EVENT").build()).send().expect(201).object().getString("id");
        String item = consultations + "/" + id;
        Reply now = api.get(item).send().expect(200);
        JsonArrayBuilder one = Json.createArrayBuilder().add(followUp("2024-06-20", "EMAIL", "空き家バンクの情報を送付"));
        assertProblem(api.put(item).json(consultation("2024-06-10", "EVENT").add("followUps", one).build()).send(), 428, null);
        Reply added = api.put(item).ifMatch(now.etag())
                .json(consultation("2024-06-10", "EVENT").add("followUps", Json.createArrayBuilder()
                        .add(followUp("2024-06-20", "EMAIL", "空き家バンクの情報を送付"))).build()).send().expect(200);
        assertNotEquals(now.etag(), added.etag());
        JsonObject a = added.object();
        assertEquals(1, a.getJsonArray("followUps").size());
        assertEquals("メール", a.getJsonArray("followUps").getJsonObject(0).getString("channelLabel"));
        assertProblem(api.put(item).ifMatch(now.etag()).json(consultation("2024-06-10", "EVENT").build()).send(), 412, null);

        // Changing only a follow-up's note raises the consultation's version too.
        Reply noted = api.put(item).ifMatch(added.etag()).json(consultation("2024-06-10", "EVENT").add("followUps",
                Json.createArrayBuilder().add(followUp("2024-06-20", "EMAIL", "物件2件を紹介")).add(followUp("2024-07-01", "PHONE", "現地見学の日程")))
                .build()).send().expect(200);
        assertNotEquals(added.etag(), noted.etag());
        Reply only = api.put(item).ifMatch(noted.etag()).json(consultation("2024-06-10", "EVENT").add("followUps",
                Json.createArrayBuilder().add(followUp("2024-06-20", "EMAIL", "物件3件を紹介")).add(followUp("2024-07-01", "PHONE", "現地見学の日程")))
                .build()).send().expect(200);
        assertNotEquals(noted.etag(), only.etag(), "a child row's change is a change of the consultation");
        assertEquals("物件3件を紹介", api.get(item).send().expect(200).object().getJsonArray("followUps").getJsonObject(0).getString("note"));
        assertEquals(403, api.as("VIEWER", lg).put(item).ifMatch(only.etag()).json(consultation("2024-06-10", "EVENT").build()).send().status());
        Reply removed = api.put(item).ifMatch(only.etag()).json(consultation("2024-06-10", "EVENT").build()).send().expect(200);
        assertEquals(0, removed.object().getJsonArray("followUps").size());

        // Another municipality sees nothing of it.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/promotion/migration-consultations/" + id).send(), 404, null);
        assertProblem(api.delete(item).send(), 428, null);
        assertEquals(204, api.delete(item).ifMatch(removed.etag()).send().status());
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void badConsultationsAreRefusedFieldByFieldAndNothingIsWritten() {
        Reply ja = api.post(consultations).json(Json.createObjectBuilder().add("consultedOn", "2024-02-30").add("channel", "FAX")
                .add("email", "hanako@").add("phone", "12").add("householdSize", 0).build()).send();
        String f = Problems.fields(assertJapanese(ja, assertProblem(ja, 400, null)));
        assertTrue(f.contains("householdSize"), f);
        Reply ja2 = api.post(consultations).json(Json.createObjectBuilder().add("consultedOn", "2024-02-30").add("channel", "FAX")
                .add("email", "hanako@").add("phone", "12").build()).send();
        String f2 = Problems.fields(assertJapanese(ja2, assertProblem(ja2, 400, null)));
        for (String field : List.of("consultedOn", "channel", "email", "phone")) {
            assertTrue(f2.contains("\"" + field + "\""), field + " in " + f2);
        }
        assertTrue(f2.contains("窓口"), f2);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
        Reply en = api.post(consultations).lang("en").json(consultation(tomorrow, "PHONE").add("followUps",
                Json.createArrayBuilder().add(followUp("2024-01-01", "PHONE", "x"))).build()).send();
        String g = Problems.fields(assertEnglish(en, assertProblem(en, 400, null)));
        assertTrue(g.contains("consultedOn") && g.contains("future"), g);
        Reply before = api.post(consultations).lang("en").json(consultation("2024-06-10", "PHONE").add("followUps",
                Json.createArrayBuilder().add(followUp("2024-06-01", "PHONE", "x")).add(followUp("2024-06-11", "FAX", "y"))).build()).send();
        String b = Problems.fields(assertEnglish(before, assertProblem(before, 400, null)));
        assertTrue(b.contains("followUps[0].followedOn") && b.contains("followUps[1].channel"), b);
        assertProblem(api.post(consultations).json(consultation("2024-06-10", "PHONE").add("name", "x".repeat(101)).build()).send(), 400, null);
        for (String bad : List.of("fiscalYear=R", "from=2024-13-01", "channel=FAX", "interestWork=maybe", "sort=name")) {
            Reply r = api.get(consultations + "?" + bad).send();
            assertTrue(Problems.fields(assertProblem(r, 400, null)).contains(bad.substring(0, bad.indexOf('=')).replace("name", "sort")),
                    bad + ": " + r);
        }
        assertEquals(0, api.get(consultations).send().expect(200).object().getInt("totalItems"), "nothing written");
    }

    @Test
    void supportedMigrationsAreListedTotalledAndExported() {
        String c = api.post(consultations).json(consultation("2024-04-15", "COUNTER").build()).send().expect(201).object().getString("id");
        api.post(consultations).json(consultation("2024-05-15", "PHONE").add("interestWork", false).build()).send().expect(201);
        api.post(consultations).json(consultation("2023-05-15", "PHONE").build()).send().expect(201);
        Reply first = api.post(migrations).json(migration("2024-10-01", 1, 3).add("consultationId", c).build()).send();
        first.expect(201);
        assertEquals(2024, first.object().getJsonObject("fiscalYear").getInt("year"));
        api.post(migrations).json(migration("2025-03-31", 2, 5).add("supportUsed", "空き家バンク").build()).send().expect(201);
        api.post(migrations).json(migration("2024-03-31", 1, 1).build()).send().expect(201);

        assertEquals(List.of("2025-03-31", "2024-10-01", "2024-03-31"), days(api.get(migrations).send().expect(200).object()));
        assertEquals(List.of("2025-03-31", "2024-10-01", "2024-03-31"), days(api.get(migrations + "?sort=-persons").send().expect(200).object()));
        assertEquals(List.of("2025-03-31", "2024-10-01"), days(api.get(migrations + "?fiscalYear=R6").send().expect(200).object()));
        JsonObject page = api.get(migrations + "?size=2&page=1").send().expect(200).object();
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(List.of("2024-03-31"), days(page));
        JsonObject totals = api.get(migrations + "/totals?fiscalYear=2024").send().expect(200).object();
        assertEquals(2, totals.getInt("consultations"));
        assertEquals(3, totals.getInt("households"));
        assertEquals(8, totals.getInt("persons"));
        assertEquals(2, api.get(consultations + "?fiscalYear=R6").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(consultations + "?fiscalYear=R6&interestWork=false").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(consultations + "?channel=COUNTER").send().expect(200).object().getInt("totalItems"));
        assertProblem(api.get(migrations + "/totals?fiscalYear=R").send(), 400, null);
        int thisYear = api.get(migrations + "/totals").send().expect(200).object().getJsonObject("fiscalYear").getInt("year");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertEquals(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, thisYear, "this fiscal year unless given");

        String csv = new String(api.get(migrations + "?format=csv&fiscalYear=R6&sort=movedInOn").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF転入日,年度,世帯数,人数,利用した支援,転入元,備考"), csv);
        assertTrue(csv.contains("2024-10-01,令和6年度,1,3,移住支援金,東京都,") && csv.contains("2025-03-31,令和6年度,2,5,空き家バンク,東京都,"), csv);

        // Checks, with nothing written.
        Reply bad = api.post(migrations).lang("en").json(migration("2024-10-01", 3, 2).build()).send();
        assertTrue(Problems.fields(assertEnglish(bad, assertProblem(bad, 400, null))).contains("persons"), bad::toString);
        assertProblem(api.post(migrations).json(migration("2024-10-01", 1, 0).build()).send(), 400, null);
        assertProblem(api.post(migrations).json(migration("2024-10-01", 1, 1000).build()).send(), 400, null);
        assertProblem(api.post(migrations).json(migration("2024-10-01", 1, 2).add("supportUsed", " ").build()).send(), 400, null);
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        String theirs = api.post(Municipalities.PATH + "/" + other + "/promotion/migration-consultations")
                .json(consultation("2024-04-15", "COUNTER").build()).send().expect(201).object().getString("id");
        Reply foreign = api.post(migrations).json(migration("2024-10-01", 1, 2).add("consultationId", theirs).build()).send();
        assertTrue(Problems.fields(assertProblem(foreign, 400, null)).contains("consultationId"), foreign::toString);
        assertEquals(3, api.get(migrations).send().expect(200).object().getInt("totalItems"), "nothing written");

        // A consultation a migration refers to stays; If-Match on a migration.
        assertProblem(api.delete(consultations + "/" + c).ifMatch(api.get(consultations + "/" + c).send().etag()).send(), 409,
                "consultation-has-migrations");
        String item = migrations + "/" + first.object().getString("id");
        Reply now = api.get(item).send().expect(200);
        assertProblem(api.put(item).json(migration("2024-10-02", 1, 3).build()).send(), 428, null);
        Reply moved = api.put(item).ifMatch(now.etag()).json(migration("2024-10-02", 1, 4).build()).send().expect(200);
        assertNotEquals(now.etag(), moved.etag());
        assertProblem(api.put(item).ifMatch(now.etag()).json(migration("2024-10-03", 1, 3).build()).send(), 412, null);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/promotion/supported-migrations/" + first.object().getString("id"))
                .send(), 404, null);
        assertEquals(403, api.as("VIEWER", lg).delete(item).ifMatch(moved.etag()).send().status());
        assertEquals(204, api.delete(item).ifMatch(moved.etag()).send().status());
    }

    private static List<String> days(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(x -> x.getString("movedInOn")).toList();
    }

    @Test
    void aCumulativeIndicatorAddsTheYearlyMigrantsToItsBaseline() {
        api.post(migrations).json(migration("2021-06-01", 1, 4).build()).send().expect(201);
        api.post(migrations).json(migration("2022-06-01", 2, 6).build()).send().expect(201);
        api.post(consultations).json(consultation("2022-06-01", "ONLINE").build()).send().expect(201);
        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        for (String m : List.of("promotion:supported-migrants-per-fiscal-year", "promotion:supported-migrant-households-per-fiscal-year",
                "promotion:migration-consultations-per-fiscal-year", "promotion:donation-amount-per-fiscal-year")) {
            assertTrue(offered.contains(m), m + " in " + offered);
        }
        JsonObject cumulative = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "行政のサポートによる移住者数の累計")
                .add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER").add("cumulative", true)
                .add("baseline", Json.createObjectBuilder().add("value", 186).add("fiscalYear", 2019))
                .add("metricSource", "promotion:supported-migrants-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 200))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 220))).build())
                .send().expect(201).object();
        assertEquals(190, IndicatorIT.year(cumulative, 2021).getJsonNumber("actual").intValue(), "186 + 4");
        assertEquals(196, IndicatorIT.year(cumulative, 2022).getJsonNumber("actual").intValue(), "186 + 4 + 6");
        assertEquals("METRIC", IndicatorIT.year(cumulative, 2022).getString("actualSource"));
        JsonObject households = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "移住世帯数")
                .add("kind", "OUTCOME").add("unit", "世帯").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:supported-migrant-households-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 2))).build())
                .send().expect(201).object();
        assertEquals(2, IndicatorIT.year(households, 2022).getJsonNumber("actual").intValue());
        JsonObject count = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "移住相談件数")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:migration-consultations-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 2))).build())
                .send().expect(201).object();
        assertEquals(1, IndicatorIT.year(count, 2022).getJsonNumber("actual").intValue());
    }

    @Test
    void aConsultationIsExportedAndAnonymisedByCoresPersonalDataRequests() {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        String id = api.post(consultations).json(consultation(today, "PHONE").build()).send().expect(201).object().getString("id");
        String pd = base + "/personal-data";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        JsonObject export = admin.post(pd + "/resident-exports").json("{\"email\":\"HANAKO.SUZAKA@example.jp\"}").send().expect(200).object();
        JsonObject rec = export.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("source").equals("promotion.migration-consultations")).findFirst()
                .orElseThrow(() -> new AssertionError(export));
        assertEquals(NAME, rec.getJsonObject("data").getString("name"));
        assertEquals(RESIDENCE, rec.getJsonObject("data").getString("currentResidence"));
        JsonObject byPhone = admin.post(pd + "/resident-exports").json("{\"phone\":\"0262489999\"}").send().expect(200).object();
        assertTrue(byPhone.toString().contains(id), byPhone::toString);

        Reply settings = admin.get(pd + "/settings").send().expect(200);
        admin.put(pd + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);
        JsonObject run = admin.post(pd + "/anonymisations").json("{}").send().expect(200).object();
        assertEquals(1, run.getJsonObject("anonymised").getInt("promotion.migration-consultations"), run::toString);
        JsonObject after = api.as("STAFF", lg).get(consultations + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", after.getString("name"));
        for (String f : List.of("email", "phone", "currentResidence")) {
            assertTrue(!after.containsKey(f) || after.isNull(f), () -> f + " of " + after);
        }
        assertEquals(1, api.get(consultations + "?fiscalYear=" + after.getJsonObject("fiscalYear").getInt("year")).send().expect(200)
                .object().getInt("totalItems"), "still counted");
        assertProblem(api.put(consultations + "/" + id).ifMatch(api.get(consultations + "/" + id).send().etag())
                .json(consultation(today, "PHONE").build()).send(), 409, "consultation-anonymised");
    }
}
