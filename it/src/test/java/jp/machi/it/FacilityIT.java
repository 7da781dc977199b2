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
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 地域集会施設 and 指定管理者: facilities with rooms and designated managers per period (child rows that
 * move the ETag), monthly use per fiscal year and yearly monitoring under the facility's If-Match,
 * bounds, filters, paging and CSV, the 公共施設一覧 open-data CSV (columns, BOM, public), the metrics
 * of users and bookings per fiscal year bound to an indicator, the portal's public list without
 * personal data or unpublished monitoring, and 403 for viewers.
 */
@MachiTest
class FacilityIT {

    /** The last fiscal year that has fully passed, so its months are never in the future. */
    static final int FY = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(3).getYear() - 1;

    /** How the screens label a fiscal year: 令和5年度, 令和元年度. */
    static String label(int fy) {
        int r = fy - 2018;
        return r == 1 ? "令和元年度" : "令和" + r + "年度";
    }

    private final Api api;
    private String lg;
    private String base;
    private String facilities;
    private Api staff;

    FacilityIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aMunicipalityWithTheModule() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        facilities = base + "/collaboration/facilities";
        staff = api.as("STAFF", lg);
    }

    static JsonObjectBuilder facility(String name, String kind, JsonArrayBuilder rooms, JsonArrayBuilder managers) {
        return Json.createObjectBuilder().add("code", "F-" + name.hashCode()).add("name", name)
                .add("nameKana", "ミホンコミュニティセンター").add("nameEn", "Sample Community Centre").add("kind", kind)
                .add("postalCode", "253-0000").add("address", "神奈川県見本市本町1-1（架空）").add("addressDetail", "2階")
                .add("latitude", 35.333).add("longitude", 139.4).add("openDays", "月火水木金土日")
                .add("opensAt", "09:00").add("closesAt", "21:30").add("openingNote", "年末年始は休館")
                .add("description", "地域のコミュニティ活動の場").add("barrierFree", "車椅子用トイレあり")
                .add("phone", "0467-00-0000").add("url", "https://example.jp/centre").add("rooms", rooms)
                .add("managers", managers);
    }

    static JsonArrayBuilder rooms(int... capacities) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (int i = 0; i < capacities.length; i++) {
            a.add(Json.createObjectBuilder().add("name", "集会室" + (i + 1)).add("capacity", capacities[i]));
        }
        return a;
    }

    static JsonObjectBuilder manager(String name, Object from, Object to) {
        return Json.createObjectBuilder().add("organisationName", name).add("fromYear", from.toString())
                .add("toYear", to.toString()).add("recruitmentOn", "2020-07-01").add("selectionOn", "2020-09-15")
                .add("resolutionOn", "2020-12-10").add("agreementOn", "2021-03-25");
    }

    private Reply create(JsonObjectBuilder body) {
        return staff.post(facilities).json(body.build()).send();
    }

    private static JsonArrayBuilder months(int fy, int bookings, int users, int... ms) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (int m : ms) {
            int year = m >= 4 ? fy : fy + 1;
            a.add(Json.createObjectBuilder().add("month", String.format("%d-%02d", year, m)).add("bookings", bookings)
                    .add("users", users));
        }
        return a;
    }

    @Test
    void aFacilityWithRoomsAndManagersIsGuardedByOneEtagThatChildRowsMove() {
        Reply created = create(facility("見本コミュニティセンター", "COMMUNITY_CENTRE", rooms(40, 20),
                Json.createArrayBuilder().add(manager("（架空）見本地区まちぢから協議会", "令和3年度", "R6")))).expect(201);
        JsonObject f = created.object();
        assertEquals("地域集会施設", f.getString("kindLabel"));
        assertEquals(60, f.getInt("capacity"));
        assertEquals("令和3年度〜令和6年度", f.getJsonArray("managers").getJsonObject(0).getString("periodLabel"));
        assertEquals(2021, f.getJsonArray("managers").getJsonObject(0).getInt("fromYear"));
        String one = facilities + "/" + f.getString("id");

        // Only the rooms change: the ETag moves.
        JsonObject roomsOnly = facility("見本コミュニティセンター", "COMMUNITY_CENTRE", rooms(40, 25),
                Json.createArrayBuilder().add(manager("（架空）見本地区まちぢから協議会", "令和3年度", "R6"))).build();
        assertProblem(staff.put(one).json(roomsOnly).send(), 428, null);
        assertProblem(staff.put(one).ifMatch("*").json(roomsOnly).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).put(one).ifMatch(created.etag()).json(roomsOnly).send(), 403, null);
        Reply r1 = staff.put(one).ifMatch(created.etag()).json(roomsOnly).send().expect(200);
        assertNotEquals(created.etag(), r1.etag());
        assertEquals(65, r1.object().getInt("capacity"));
        assertProblem(staff.put(one).ifMatch(created.etag()).json(roomsOnly).send(), 412, null);

        // Only the managers change (a second period): the ETag moves again.
        JsonObject twoPeriods = facility("見本コミュニティセンター", "COMMUNITY_CENTRE", rooms(40, 25),
                Json.createArrayBuilder().add(manager("（架空）見本地区まちぢから協議会", "令和3年度", "R6"))
                        .add(manager("（架空）見本管理公社", 2025, 2029))).build();
        Reply r2 = staff.put(one).ifMatch(r1.etag()).json(twoPeriods).send().expect(200);
        assertNotEquals(r1.etag(), r2.etag());
        assertEquals(2, r2.object().getJsonArray("managers").size());
        assertEquals(r2.etag(), staff.get(one).send().expect(200).etag());
        // The same body again changes nothing.
        assertEquals(r2.etag(), staff.put(one).ifMatch(r2.etag()).json(twoPeriods).send().expect(200).etag());

        // Bounds: overlapping or reversed periods, unknown kind, unknown partner, reversed hours, too many characters.
        Reply overlap = staff.put(one).ifMatch(r2.etag()).json(facility("見本", "COMMUNITY_CENTRE", rooms(1),
                Json.createArrayBuilder().add(manager("甲", 2021, 2024)).add(manager("乙", 2024, 2027))).build()).send();
        assertTrue(Problems.fields(assertJapanese(overlap, assertProblem(overlap, 400, null))).contains("managers[1].fromYear"));
        Reply reversed = create(facility("見本", "COMMUNITY_CENTRE", rooms(1),
                Json.createArrayBuilder().add(manager("甲", 2024, 2021))));
        assertTrue(Problems.fields(assertProblem(reversed, 400, null)).contains("managers[0].toYear"));
        Reply en = staff.post(facilities).lang("en").json(facility("見本", "HALL", rooms(1), Json.createArrayBuilder())
                .add("closesAt", "08:00").build()).send();
        String enFields = Problems.fields(assertEnglish(en, assertProblem(en, 400, null)));
        assertTrue(enFields.contains("\"kind\"") && enFields.contains("closesAt"), en::text);
        Reply partner = create(facility("見本", "OTHER", rooms(1), Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("partnerId", UUID.randomUUID().toString()).add("fromYear", 2021).add("toYear", 2024))));
        assertTrue(Problems.fields(assertProblem(partner, 400, null)).contains("managers[0].partnerId"));
        assertProblem(create(facility("x".repeat(201), "OTHER", rooms(-1), Json.createArrayBuilder())), 400, null);
        assertProblem(create(facility("見本", "OTHER", rooms(1), Json.createArrayBuilder()).add("latitude", 91)), 400, null);
        assertProblem(create(facility("見本", "OTHER", rooms(1), Json.createArrayBuilder()).add("opensAt", "25:00")), 400, null);
        assertProblem(staff.get(facilities + "/" + UUID.randomUUID()).send(), 404, null);
        assertProblem(api.as("VIEWER", lg).post(facilities).json(roomsOnly).send(), 403, null);
    }

    @Test
    void aRegisteredPartnerCanBeTheDesignatedManager() {
        String receipt = api.anonymous().post(base + "/collaboration/partners/applications")
                .json(CollaborationPartnerIT.application("（架空）NPO法人 見本コミュニティ").build()).send().expect(201)
                .object().getString("receiptNumber");
        String partnerId = staff.get(base + "/collaboration/partners?size=100").send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("receiptNumber").equals(receipt)).findFirst().orElseThrow().getString("id");
        JsonObject f = create(facility("見本サポートセンター", "CIVIC_ACTIVITY_CENTRE", rooms(30),
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("partnerId", partnerId)
                        .add("corporateNumber", "1234567890123").add("fromYear", 2021).add("toYear", 2024)))).expect(201)
                .object();
        JsonObject m = f.getJsonArray("managers").getJsonObject(0);
        assertEquals("（架空）NPO法人 見本コミュニティ", m.getString("organisationName"));
        assertEquals(partnerId, m.getString("partnerId"));
        assertProblem(create(facility("見本", "OTHER", rooms(1), Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("corporateNumber", "12").add("organisationName", "甲").add("fromYear", 2021).add("toYear", 2024)))),
                400, null);
    }

    @Test
    void monthlyUseAndMonitoringAreChildRowsUnderTheFacilitysEtagAndFeedTheMetrics() {
        Reply created = create(facility("見本第一センター", "COMMUNITY_CENTRE", rooms(50), Json.createArrayBuilder())).expect(201);
        String one = facilities + "/" + created.object().getString("id");
        Reply other = create(facility("見本第二センター", "COMMUNITY_CENTRE", rooms(30), Json.createArrayBuilder())).expect(201);
        String two = facilities + "/" + other.object().getString("id");

        JsonObject use = Json.createObjectBuilder().add("months", months(FY, 100, 1500, 4, 5, 6, 1, 2, 3)).build();
        assertProblem(staff.put(one + "/use/" + FY).json(use).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).put(one + "/use/" + FY).ifMatch(created.etag()).json(use).send(), 403, null);
        Reply saved = staff.put(one + "/use/" + FY).ifMatch(created.etag()).json(use).send().expect(200);
        assertNotEquals(created.etag(), saved.etag());
        assertEquals(600, saved.object().getInt("bookings"));
        assertEquals(9000, saved.object().getInt("users"));
        assertEquals(String.format("%d-04", FY), saved.object().getJsonArray("months").getJsonObject(0).getString("month"));
        assertProblem(staff.put(one + "/use/" + FY).ifMatch(created.etag()).json(use).send(), 412, null);
        assertEquals(saved.etag(), staff.get(one).send().expect(200).etag());
        Reply otherUse = staff.put(two + "/use/" + FY).ifMatch(other.etag())
                .json(Json.createObjectBuilder().add("months", months(FY, 20, 300, 4)).build()).send().expect(200);

        // Bounds: a month outside the year, twice, in the future, not a month, negative figures.
        Reply bad = staff.put(one + "/use/" + FY).ifMatch(saved.etag()).json(Json.createObjectBuilder()
                .add("months", months(FY + 1, 1, 1, 4).add(Json.createObjectBuilder().add("month", FY + "-05")
                        .add("bookings", 1).add("users", 1)).add(Json.createObjectBuilder().add("month", FY + "-05")
                        .add("bookings", 1).add("users", 1)).add(Json.createObjectBuilder().add("month", "sometime")
                        .add("bookings", 1).add("users", 1))).build()).send();
        String badFields = Problems.fields(assertJapanese(bad, assertProblem(bad, 400, null)));
        assertTrue(badFields.contains("months[0].month") && badFields.contains("months[2].month")
                && badFields.contains("months[3].month"), bad::text);
        String future = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(1).toString().substring(0, 7);
        int futureFy = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(1).minusMonths(3).getYear();
        assertProblem(staff.put(one + "/use/" + futureFy).ifMatch(saved.etag()).json(Json.createObjectBuilder()
                .add("months", Json.createArrayBuilder().add(Json.createObjectBuilder().add("month", future)
                        .add("bookings", 1).add("users", 1))).build()).send(), 400, null);
        assertProblem(staff.put(one + "/use/" + FY).ifMatch(saved.etag()).json(Json.createObjectBuilder()
                .add("months", months(FY, -1, 20_000_000, 4)).build()).send(), 400, null);
        assertProblem(staff.get(one + "/use/someday").send(), 400, null);

        String csv = new String(staff.get(one + "/use/" + FY + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF施設名,月,利用件数,利用者数") && csv.contains("見本第一センター," + FY + "-04,100,1500"), csv);

        // Monitoring: the municipality's items only, scores 1–5, rating S/A/B/C; the ETag moves.
        JsonObject monitoring = Json.createObjectBuilder().add("scores", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("item", "施設の維持管理").add("score", 4))
                .add(Json.createObjectBuilder().add("item", "地域活動の支援").add("score", 5)))
                .add("rating", "A").add("comment", "地域との連携が良好").add("published", true).build();
        assertProblem(staff.put(one + "/monitoring/" + FY).json(monitoring).send(), 428, null);
        Reply monitored = staff.put(one + "/monitoring/" + FY).ifMatch(saved.etag()).json(monitoring).send().expect(200);
        assertNotEquals(saved.etag(), monitored.etag());
        assertEquals("A", monitored.object().getString("rating"));
        assertProblem(staff.put(one + "/monitoring/" + FY).ifMatch(saved.etag()).json(monitoring).send(), 412, null);
        Reply unknown = staff.put(one + "/monitoring/" + FY).ifMatch(monitored.etag()).json(Json.createObjectBuilder()
                .add("scores", Json.createArrayBuilder().add(Json.createObjectBuilder().add("item", "秘密の項目").add("score", 3)))
                .add("rating", "A").build()).send();
        assertTrue(Problems.fields(assertProblem(unknown, 400, null)).contains("scores[0].item"));
        assertProblem(staff.put(one + "/monitoring/" + FY).ifMatch(monitored.etag()).json(Json.createObjectBuilder()
                .add("scores", Json.createArrayBuilder()).add("rating", "Z").build()).send(), 400, null);
        assertProblem(staff.put(one + "/monitoring/" + FY).ifMatch(monitored.etag()).json(Json.createObjectBuilder()
                .add("scores", Json.createArrayBuilder().add(Json.createObjectBuilder().add("item", "施設の維持管理")
                        .add("score", 6))).add("rating", "A").build()).send(), 400, null);
        assertProblem(staff.get(two + "/monitoring/" + FY).send(), 404, null);
        // An unpublished monitoring of the second facility: not on the portal.
        staff.put(two + "/monitoring/" + FY).ifMatch(otherUse.etag()).json(Json.createObjectBuilder()
                .add("scores", Json.createArrayBuilder()).add("rating", "c").add("comment", "内部の検討中").build()).send()
                .expect(200);
        JsonObject got = staff.get(one).send().expect(200).object();
        assertEquals(FY, got.getJsonArray("monitoring").getJsonObject(0).getInt("fiscalYear"));

        // The metrics per fiscal year, bound to indicators: sums of every facility's months; a year without months has none.
        assertTrue(api.get(base + "/metric-sources").send().expect(200).array().toString()
                .contains("collaboration:facility-users-per-fiscal-year"));
        JsonObject users = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "集会施設の利用者数").add("kind", "ACTIVITY").add("unit", "人")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", "collaboration:facility-users-per-fiscal-year")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", FY).add("target", 10000))
                        .add(Json.createObjectBuilder().add("fiscalYear", FY - 1).add("target", 10000)))
                .build()).send().expect(201).object();
        assertEquals(9300, IndicatorIT.year(users, FY).getJsonNumber("actual").longValue(), users::toString);
        JsonObject none = IndicatorIT.year(users, FY - 1);
        assertTrue(!none.containsKey("actual") || none.isNull("actual"), users::toString);
        JsonObject bookings = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "集会施設の利用件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", "collaboration:facility-bookings-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", FY).add("target", 1)))
                .build()).send().expect(201).object();
        assertEquals(620, IndicatorIT.year(bookings, FY).getJsonNumber("actual").longValue(), bookings::toString);

        // The portal: anyone reads the facilities and the published monitoring only.
        String portal = api.anonymous().get(facilities + "/public").send().expect(200).text();
        assertTrue(portal.contains("見本第一センター") && portal.contains("地域との連携が良好"), portal);
        assertFalse(portal.contains("内部の検討中"), portal);
    }

    @Test
    void theListFiltersPagesAndExportsAndTheOpenDataIsPublicInTheStandardColumns() {
        int now = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(3).getYear();
        create(facility("見本あおばセンター", "COMMUNITY_CENTRE", rooms(30, 10),
                Json.createArrayBuilder().add(manager("（架空）見本あおば協議会", now - 1, now + 2)))).expect(201);
        create(facility("見本さくらセンター", "COMMUNITY_CENTRE", rooms(20), Json.createArrayBuilder())).expect(201);
        create(facility("見本市民活動サポートセンター", "CIVIC_ACTIVITY_CENTRE", rooms(40), Json.createArrayBuilder())).expect(201);

        JsonObject centres = staff.get(facilities + "?kind=community_centre").send().expect(200).object();
        assertEquals(2, centres.getInt("totalItems"));
        assertEquals(1, staff.get(facilities + "?size=2&page=1").send().expect(200).object().getJsonArray("items").size());
        assertEquals("見本市民活動サポートセンター", staff.get(facilities + "?sort=-name").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(1, staff.get(facilities + "?q=" + java.net.URLEncoder.encode("さくら", StandardCharsets.UTF_8)).send()
                .expect(200).object().getInt("totalItems"));
        assertProblem(staff.get(facilities + "?sort=secret").send(), 400, null);
        assertProblem(staff.get(facilities + "?kind=castle").send(), 400, null);
        assertProblem(staff.get(facilities + "?q=" + "x".repeat(201)).send(), 400, null);
        String csv = new String(staff.get(facilities + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF施設ID,施設名,ふりがな,種別,住所,部屋数,定員の合計,今年度の指定管理者"), csv);
        assertTrue(csv.contains("見本あおばセンター,ミホンコミュニティセンター,地域集会施設,神奈川県見本市本町1-1（架空）,2,40,（架空）見本あおば協議会"), csv);

        // 公共施設一覧: anyone, UTF-8 with BOM, the standard columns in order.
        Reply open = api.anonymous().get(facilities + "/public/open-data.csv").send().expect(200);
        assertTrue(open.contentType().startsWith("text/csv"), open.contentType());
        byte[] bytes = open.bytes();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r?\n");
        assertEquals("全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英字,種別,種別_英字,住所,方書,緯度,経度,"
                + "利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,電話番号,内線番号,法人番号,団体名,郵便番号,"
                + "利用可能な携帯端末,URL,画像,画像_ライセンス,備考", lines[0]);
        assertEquals(4, lines.length, String.join("\n", lines));
        String aoba = java.util.Arrays.stream(lines).filter(x -> x.contains("見本あおばセンター")).findFirst().orElseThrow();
        List<String> cells = List.of(aoba.split(",", -1));
        assertEquals(28, cells.size(), aoba);
        assertEquals(lg, cells.get(0));
        assertTrue(cells.get(2).matches(".+[都道府県]試験市" + lg), aoba);
        assertEquals("地域集会施設", cells.get(6));
        assertEquals("Community centre", cells.get(7));
        assertEquals("09:00", cells.get(13));
        assertEquals("21:30", cells.get(14));
        assertEquals("（架空）見本あおば協議会", cells.get(21));
        assertEquals("253-0000", cells.get(22));
        // The console list and the facility itself are not public.
        assertProblem(api.anonymous().get(facilities).send(), 401, null);
    }

    @Test
    void aFacilityWithAManagerLastYearAndNoMonitoringIsInTheTaskList() {
        Reply created = create(facility("見本みなとセンター", "COMMUNITY_CENTRE", rooms(20),
                Json.createArrayBuilder().add(manager("（架空）見本みなと協議会", FY - 1, FY + 2)))).expect(201);
        String id = created.object().getString("id");
        create(facility("見本直営センター", "COMMUNITY_CENTRE", rooms(20), Json.createArrayBuilder())).expect(201);
        String tasks = staff.get(base + "/tasks").send().expect(200).object().toString();
        assertTrue(tasks.contains("facility-monitoring-due") && tasks.contains(id), tasks);
        assertFalse(tasks.contains("見本直営センター"), tasks);
        staff.put(facilities + "/" + id + "/monitoring/" + FY).ifMatch(created.etag()).json(Json.createObjectBuilder()
                .add("scores", Json.createArrayBuilder()).add("rating", "B").build()).send().expect(200);
        assertFalse(staff.get(base + "/tasks").send().expect(200).object().toString().contains(id));
    }
}
