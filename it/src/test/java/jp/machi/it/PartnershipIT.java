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
import java.net.URLEncoder;
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
 * 連携協定 and 創業支援 (issue 11, seed 004 #15–#16): partnership agreements with a university or a
 * company and their activities (child rows that move the agreement's ETag), start-up figures per
 * fiscal year with their running total, empty-shop grants; If-Match 428/412 on every change, bounds,
 * filters, paging, CSV with BOM, viewers may read but not write, the public list without notes, and
 * the metrics bound to indicators — the cumulative one adding the years to its baseline.
 */
@MachiTest
class PartnershipIT {

    static final String NEW_BUSINESSES = "collaboration:startup-new-businesses-per-fiscal-year";
    static final String VACANT_SHOP_GRANTS = "collaboration:vacant-shop-grants-per-fiscal-year";
    static final String ACTIVITIES = "collaboration:partnership-activities-per-fiscal-year";

    private final Api api;
    private String lg;
    private String base;
    private String partnerships;
    private String startups;
    private Api staff;

    PartnershipIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aMunicipalityWithTheModule() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        partnerships = base + "/collaboration/partnerships";
        startups = base + "/collaboration/startups";
        staff = api.as("STAFF", lg);
    }

    static JsonObjectBuilder activity(String date, String title, String kind, Integer participants) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("heldOn", date).add("title", title).add("kind", kind);
        return participants == null ? b : b.add("participants", participants);
    }

    static JsonObjectBuilder agreement(String title, String party, String kind, JsonArrayBuilder activities) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("title", title).add("partnerName", party).add("kind", kind)
                .add("concludedOn", "2012-04-01").add("renewal", "1年ごとの自動更新")
                .add("fields", Json.createArrayBuilder().add("芸術・文化").add("学校教育"));
        return activities == null ? b : b.add("activities", activities);
    }

    @Test
    void anAgreementWithItsActivitiesAndTheActivitiesMetric() {
        Reply created = staff.post(partnerships).json(agreement("見本芸術大学との連携", "見本芸術大学", "UNIVERSITY",
                Json.createArrayBuilder()
                        .add(activity("2019-10-20", "ふれあいコンサート（第1回）", "演奏会", 300))
                        .add(activity("2020-02-16", "ふれあいコンサート（第2回）", "演奏会", 250))
                        .add(activity("2020-03-10", "市長賞の授与", "表彰", null))
                        .add(activity("2020-04-10", "小学生への美術指導", "学校プログラム", 40))).build()).send().expect(201);
        JsonObject a = created.object();
        assertEquals("大学", a.getString("kindLabel"));
        assertEquals(4, a.getInt("activityCount"));
        assertEquals("令和元年度", a.getJsonArray("activities").getJsonObject(2).getString("fiscalYearLabel"));
        assertEquals("令和2年度", a.getJsonArray("activities").getJsonObject(3).getString("fiscalYearLabel"));
        String one = partnerships + "/" + a.getString("id");

        // Adding an activity is a change of the agreement: If-Match, a new ETag, the old one refused.
        JsonObject concert = activity("2020-10-18", "ふれあいコンサート", "演奏会", 280).build();
        assertProblem(staff.post(one + "/activities").json(concert).send(), 428, null);
        assertProblem(staff.post(one + "/activities").ifMatch("*").json(concert).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).post(one + "/activities").ifMatch(created.etag()).json(concert).send(), 403, null);
        Reply added = staff.post(one + "/activities").ifMatch(created.etag()).json(concert).send().expect(201);
        assertNotEquals(created.etag(), added.etag());
        assertEquals(5, added.object().getInt("activityCount"));
        assertProblem(staff.post(one + "/activities").ifMatch(created.etag()).json(concert).send(), 412, null);
        Reply unknownKind = staff.post(one + "/activities").ifMatch(added.etag())
                .json(activity("2020-11-01", "謎の催し", "花火", null).build()).send();
        assertTrue(Problems.fields(assertJapanese(unknownKind, assertProblem(unknownKind, 400, null))).contains("kind"),
                unknownKind::text);

        // Changing only the activities (through PUT) moves the ETag too.
        Reply before = staff.get(one).send().expect(200);
        assertEquals(added.etag(), before.etag());
        Reply changed = staff.put(one).ifMatch(before.etag()).json(agreement("見本芸術大学との連携", "見本芸術大学", "UNIVERSITY",
                Json.createArrayBuilder().add(activity("2020-10-18", "ふれあいコンサート", "演奏会", 281))).build())
                .send().expect(200);
        assertNotEquals(before.etag(), changed.etag());
        assertEquals(1, changed.object().getInt("activityCount"));
        assertProblem(staff.put(one).ifMatch(before.etag()).json(agreement("x", "y", "COMPANY", null).build()).send(), 412, null);
        // PUT without activities keeps them.
        Reply renamed = staff.put(one).ifMatch(changed.etag()).json(agreement("見本芸術大学と見本市の連携", "見本芸術大学",
                "UNIVERSITY", null).build()).send().expect(200);
        assertEquals(1, renamed.object().getInt("activityCount"));
        assertEquals("見本芸術大学と見本市の連携", renamed.object().getString("title"));

        // The activities of a fiscal year across agreements, in JSON and CSV; the metric per fiscal year.
        staff.post(partnerships).json(agreement("見本銀行との包括連携", "見本銀行", "FINANCIAL_INSTITUTION", Json.createArrayBuilder()
                .add(activity("2020-07-01", "創業セミナー", "講座", 25))).build()).send().expect(201);
        JsonObject r2 = staff.get(partnerships + "/activities?fiscalYear=R2").send().expect(200).object();
        assertEquals(2, r2.getInt("count"));
        assertEquals(306, r2.getJsonNumber("participants").longValue());
        String csv = new String(staff.get(partnerships + "/activities?fiscalYear=2020&format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF実施日,連携事業,種類,参加者数,協定名,相手方") && csv.contains("創業セミナー,講座,25,見本銀行との包括連携"),
                csv);
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "連携事業の件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", ACTIVITIES)
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2020).add("target", 3))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 3)))
                .build()).send().expect(201).object();
        assertEquals(2, IndicatorIT.year(indicator, 2020).getJsonNumber("actual").intValue(), indicator::toString);
        JsonObject none = IndicatorIT.year(indicator, 2021);
        assertTrue(!none.containsKey("actual") || none.isNull("actual"), indicator::toString);

        // Delete: If-Match, then gone with its activities.
        Reply current = staff.get(one).send().expect(200);
        assertProblem(staff.delete(one).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).delete(one).ifMatch(current.etag()).send(), 403, null);
        staff.delete(one).ifMatch(current.etag()).send().expect(204);
        assertProblem(staff.get(one).send(), 404, null);
        assertEquals(1, staff.get(partnerships + "/activities?fiscalYear=R2").send().expect(200).object().getInt("count"));
    }

    @Test
    void badAgreementsAreRefusedInTheCallersLanguage() {
        Reply noParty = staff.post(partnerships).json(Json.createObjectBuilder().add("title", "相手のない協定")
                .add("kind", "COMPANY").add("concludedOn", "2024-04-01").build()).send();
        assertTrue(Problems.fields(assertJapanese(noParty, assertProblem(noParty, 400, null))).contains("partnerName"));
        Reply en = staff.post(partnerships).lang("en").json(Json.createObjectBuilder().add("title", "x".repeat(201))
                .add("partnerName", "見本").add("kind", "SCHOOL").add("concludedOn", "2024-04-01").add("endsOn", "2023-03-31")
                .build()).send();
        assertEnglish(en, assertProblem(en, 400, null));
        Reply ends = staff.post(partnerships).json(agreement("逆転", "見本", "COMPANY", null).add("endsOn", "2000-01-01")
                .build()).send();
        assertTrue(Problems.fields(assertProblem(ends, 400, null)).contains("endsOn"));
        Reply far = staff.post(partnerships).json(agreement("遠い未来", "見本", "COMPANY", null).add("concludedOn", "9999-12-31")
                .build()).send();
        assertTrue(Problems.fields(assertProblem(far, 400, null)).contains("concludedOn"));
        assertProblem(staff.post(partnerships).json(agreement("未登録", "見本", "COMPANY", null)
                .add("partnerId", UUID.randomUUID().toString()).build()).send(), 400, null);
        assertProblem(staff.get(partnerships + "/" + UUID.randomUUID()).send(), 404, null);
        assertProblem(staff.get(partnerships + "?kind=SCHOOL").send(), 400, null);
        assertProblem(staff.get(partnerships + "?sort=secret").send(), 400, null);
        assertProblem(staff.get(partnerships + "?q=" + "x".repeat(201)).send(), 400, null);
        assertProblem(staff.get(partnerships + "/activities?fiscalYear=someday").send(), 400, null);
        assertProblem(api.as("VIEWER", lg).post(partnerships).json(agreement("閲覧者", "見本", "COMPANY", null).build()).send(),
                403, null);
        assertEquals(0, staff.get(partnerships).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void anotherMunicipalitysRecordsAreNotFoundWhateverTheBody() {
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "collaboration", true);
        String theirs = Municipalities.PATH + "/" + other + "/collaboration";
        Api them = api.as("STAFF", other);
        Reply agreement = them.post(theirs + "/partnerships").json(agreement("他市の協定", "見本大学", "UNIVERSITY", null).build())
                .send().expect(201);
        Reply year = them.post(theirs + "/startups/years").json("{\"fiscalYear\":2030,\"entrepreneursSupported\":5,"
                + "\"newBusinesses\":1}").send().expect(201);
        Reply grant = them.post(theirs + "/startups/vacant-shop-grants").json(Json.createObjectBuilder().add("applicant", "他市の商店")
                .add("shopAddress", "他市本町").add("amount", 1000).add("decidedOn", "2024-05-01").build()).send().expect(201);
        String bad = "{\"title\":\"\",\"kind\":\"NONE\",\"heldOn\":\"x\",\"amount\":-1}";
        String agreementId = agreement.object().getString("id");
        assertProblem(staff.put(partnerships + "/" + agreementId).ifMatch(agreement.etag()).json(bad).send(), 404, null);
        assertProblem(staff.post(partnerships + "/" + agreementId + "/activities").ifMatch(agreement.etag()).json("{}").send(),
                404, null);
        assertProblem(staff.delete(partnerships + "/" + agreementId).ifMatch(agreement.etag()).send(), 404, null);
        assertProblem(staff.put(startups + "/vacant-shop-grants/" + grant.object().getString("id")).ifMatch(grant.etag())
                .json(bad).send(), 404, null);
        assertProblem(staff.put(startups + "/years/2030").ifMatch(year.etag()).json(bad).send(), 404, null);
        assertEquals(agreement.etag(), them.get(theirs + "/partnerships/" + agreementId).send().expect(200).etag());
    }

    @Test
    void theListFiltersPagesExportsAndThePortalShowsNoNotes() {
        staff.post(partnerships).json(agreement("見本大学との連携", "見本大学", "UNIVERSITY", null).add("note", "内部のメモ").build())
                .send().expect(201);
        staff.post(partnerships).json(agreement("見本商事との連携", "見本商事株式会社", "COMPANY", null)
                .add("concludedOn", "2015-04-01").add("endsOn", "2016-03-31").build()).send().expect(201);
        staff.post(partnerships).json(agreement("見本信金との連携", "見本信用金庫", "FINANCIAL_INSTITUTION", null)
                .add("concludedOn", "2020-04-01").build()).send().expect(201);
        assertEquals(1, staff.get(partnerships + "?kind=company").send().expect(200).object().getInt("totalItems"));
        assertEquals(2, staff.get(partnerships + "?active=true").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, staff.get(partnerships + "?q=" + URLEncoder.encode("信用金庫", StandardCharsets.UTF_8)).send().expect(200)
                .object().getInt("totalItems"));
        JsonObject page = staff.get(partnerships + "?size=2&page=1&sort=partnerName").send().expect(200).object();
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals("見本信金との連携", staff.get(partnerships).send().expect(200).object().getJsonArray("items")
                .getJsonObject(0).getString("title"));
        String csv = new String(staff.get(partnerships + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF協定名,相手方,種別,締結日,終了日,更新,連携分野") && csv.contains("見本大学,大学,2012-04-01"), csv);
        String en = new String(staff.get(partnerships + "?format=csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFAgreement,Other party,Kind"), en);

        JsonObject portal = api.anonymous().get(partnerships + "/public").send().expect(200).object();
        assertEquals(3, portal.getInt("totalItems"));
        assertFalse(portal.toString().contains("内部のメモ") || portal.toString().contains("\"id\""), portal::toString);
        assertEquals("見本信用金庫", portal.getJsonArray("items").getJsonObject(0).getString("partnerName"));
        assertProblem(api.anonymous().get(partnerships).send(), 401, null);
    }

    private Reply year(Object fy, int supported, int started) {
        return staff.post(startups + "/years").json(Json.createObjectBuilder().add("fiscalYear", fy.toString())
                .add("entrepreneursSupported", supported).add("newBusinesses", started).build()).send();
    }

    private Reply grant(String applicant, String decidedOn, long amount) {
        return staff.post(startups + "/vacant-shop-grants").json(Json.createObjectBuilder().add("applicant", applicant)
                .add("shopAddress", "見本市本町1丁目").add("business", "カフェ").add("amount", amount).add("decidedOn", decidedOn)
                .build()).send();
    }

    @Test
    void startUpFiguresAndEmptyShopGrantsFeedTheirIndicators() {
        year("令和元年度", 60, 27).expect(201);
        Reply r2 = year("R2", 63, 18).expect(201);
        year(2021, 70, 21).expect(201);
        assertProblem(year(2021, 70, 21), 409, "duplicate");
        Reply more = year(2022, 10, 11);
        assertTrue(Problems.fields(assertJapanese(more, assertProblem(more, 400, "validation"))).contains("newBusinesses"));
        assertProblem(staff.post(startups + "/years").json("{\"entrepreneursSupported\":1,\"newBusinesses\":1}").send(),
                400, null);
        assertProblem(staff.post(startups + "/years").json("{\"fiscalYear\":2023,\"entrepreneursSupported\":-1,"
                + "\"newBusinesses\":2000000}").send(), 400, null);
        assertProblem(api.as("VIEWER", lg).post(startups + "/years").json("{\"fiscalYear\":2023,\"entrepreneursSupported\":1,"
                + "\"newBusinesses\":1}").send(), 403, null);

        grant("見本カフェ", "2020-06-10", 300_000).expect(201);
        grant("見本雑貨店", "2021-03-31", 500_000).expect(201);
        Reply g = grant("見本学習塾", "2021-04-01", 400_000).expect(201);
        assertEquals("令和3年度", g.object().getString("fiscalYearLabel"));
        assertProblem(grant("見本", "2021-04-01", 0), 400, null);
        assertProblem(grant("", "2021-04-01", 1), 400, null);

        // The years with the running total and the grants decided in each.
        JsonObject list = staff.get(startups + "/years?sort=fiscalYear").send().expect(200).object();
        assertEquals(3, list.getInt("totalItems"));
        JsonObject y2 = list.getJsonArray("items").getJsonObject(1);
        assertEquals("令和2年度", y2.getString("fiscalYearLabel"));
        assertEquals(45, y2.getJsonNumber("newBusinessesCumulative").intValue());
        assertEquals(2, y2.getJsonNumber("vacantShopGrants").intValue());
        assertEquals(800_000, y2.getJsonNumber("vacantShopGrantAmount").longValue());
        String csv = new String(staff.get(startups + "/years?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF年度,創業支援件数,新規起業家数,新規起業家数 (累計)") && csv.contains("令和3年度,70,21,66,1,400000"),
                csv);
        assertEquals(2, staff.get(startups + "/vacant-shop-grants?fiscalYear=R2").send().expect(200).object()
                .getInt("totalItems"));
        assertEquals("見本雑貨店", staff.get(startups + "/vacant-shop-grants?fiscalYear=R2&sort=-amount").send().expect(200)
                .object().getJsonArray("items").getJsonObject(0).getString("applicant"));
        assertEquals(1, staff.get(startups + "/vacant-shop-grants?q=" + URLEncoder.encode("学習塾", StandardCharsets.UTF_8))
                .send().expect(200).object().getInt("totalItems"));
        assertEquals(1, staff.get(startups + "/vacant-shop-grants?size=2&page=1").send().expect(200).object()
                .getJsonArray("items").size());
        String grants = new String(staff.get(startups + "/vacant-shop-grants?format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(grants.startsWith("\uFEFF年度,事業者名,店舗の所在地") && grants.contains("見本カフェ,見本市本町1丁目,カフェ,300000"),
                grants);

        // 新規起業家数（累計）: cumulative, baseline 100 in 令和元年度, bound to the yearly metric → 118, 139.
        JsonObject cumulative = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "新規起業家数（累計）").add("kind", "OUTCOME").add("unit", "人").add("cumulative", true)
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", NEW_BUSINESSES)
                .add("baseline", Json.createObjectBuilder().add("fiscalYear", 2019).add("value", 100))
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2020).add("target", 120))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 140)))
                .build()).send().expect(201).object();
        assertEquals(118, IndicatorIT.year(cumulative, 2020).getJsonNumber("actual").intValue(), cumulative::toString);
        assertEquals(139, IndicatorIT.year(cumulative, 2021).getJsonNumber("actual").intValue(), cumulative::toString);
        JsonObject shops = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "空き店舗活用補助金交付件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", VACANT_SHOP_GRANTS)
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2020).add("target", 4))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 4))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 4)))
                .build()).send().expect(201).object();
        assertEquals(2, IndicatorIT.year(shops, 2020).getJsonNumber("actual").intValue(), shops::toString);
        assertEquals(1, IndicatorIT.year(shops, 2021).getJsonNumber("actual").intValue(), shops::toString);
        JsonObject none = IndicatorIT.year(shops, 2022);
        assertTrue(!none.containsKey("actual") || none.isNull("actual"), shops::toString);

        // Changes need If-Match; a stale ETag is refused; a viewer may not write.
        String y = startups + "/years/2020";
        JsonObject change = Json.createObjectBuilder().add("entrepreneursSupported", 63).add("newBusinesses", 19).build();
        assertProblem(staff.put(y).json(change).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).put(y).ifMatch(r2.etag()).json(change).send(), 403, null);
        Reply saved = staff.put(y).ifMatch(r2.etag()).json(change).send().expect(200);
        assertNotEquals(r2.etag(), saved.etag());
        assertProblem(staff.put(y).ifMatch(r2.etag()).json(change).send(), 412, null);
        assertProblem(staff.put(y).ifMatch(saved.etag()).json(Json.createObjectBuilder(change).add("fiscalYear", "2021").build())
                .send(), 400, null);
        assertProblem(staff.get(startups + "/years/2010").send(), 404, null);
        String one = startups + "/vacant-shop-grants/" + g.object().getString("id");
        JsonObject moved = Json.createObjectBuilder().add("applicant", "見本学習塾").add("shopAddress", "見本市本町2丁目")
                .add("amount", 400_000).add("decidedOn", "2022-05-01").build();
        assertProblem(staff.put(one).json(moved).send(), 428, null);
        Reply movedReply = staff.put(one).ifMatch(g.etag()).json(moved).send().expect(200);
        assertEquals(2022, movedReply.object().getInt("fiscalYear"));
        assertProblem(staff.delete(one).ifMatch(g.etag()).send(), 412, null);
        staff.delete(one).ifMatch(movedReply.etag()).send().expect(204);
        assertProblem(staff.get(one).send(), 404, null);
        Reply current = staff.get(y).send().expect(200);
        assertProblem(staff.delete(y).send(), 428, null);
        staff.delete(y).ifMatch(current.etag()).send().expect(204);
        assertEquals(List.of(2021, 2019), staff.get(startups + "/years").send().expect(200).object().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getInt("fiscalYear")).toList());
    }
}
