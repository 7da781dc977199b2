package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
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
 * 自治会・町内会: associations with their district and their households, member households and
 * subsidies per fiscal year; the membership rate per association, per district and for the
 * municipality (rates of sums, not averages of rates), in JSON and CSV; the metrics 自治会加入率 and
 * 補助金交付額 per fiscal year bound to indicators; If-Match on every change; bounds.
 */
@MachiTest
class NeighbourhoodAssociationIT {

    private final Api api;
    private String lg;
    private String associations;
    private String base;
    private Api staff;

    NeighbourhoodAssociationIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aMunicipalityWithTheModule() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        associations = base + "/collaboration/associations";
        staff = api.as("STAFF", lg);
    }

    private String association(String name, String district) {
        return staff.post(associations).json(Json.createObjectBuilder().add("name", name).add("district", district).build())
                .send().expect(201).object().getString("id");
    }

    private Reply year(String id, Object fy, int households, int members, long subsidy) {
        return staff.post(associations + "/" + id + "/years").json(Json.createObjectBuilder().add("fiscalYear", fy.toString())
                .add("households", households).add("memberHouseholds", members).add("subsidyPaid", subsidy).build()).send();
    }

    private static BigDecimal rate(JsonObject line) {
        return line.getJsonNumber("membershipRate").bigDecimalValue();
    }

    @Test
    void ratesOfADistrictAndOfTheMunicipalityAreRatesOfSums() {
        // 北部: 100 households with 90 members (90.0 %) and 900 with 450 (50.0 %): the district 540 / 1000 = 54.0 %,
        // where the average of the two rates would be 70.0 %. 南部: 2 of 3 (66.7 %). The municipality 542 / 1003 = 54.0 %.
        String small = association("見本一丁目自治会", "北部");
        String large = association("見本団地自治会", "北部");
        String south = association("見本南町内会", "南部");
        year(small, "令和元年度", 100, 90, 50_000).expect(201);
        year(large, "R1", 900, 450, 120_000).expect(201);
        year(south, 2019, 3, 2, 10_000).expect(201);
        year(small, 2020, 100, 80, 50_000).expect(201);

        JsonObject m = staff.get(associations + "/membership?fiscalYear=2019").send().expect(200).object();
        assertEquals("令和元年度", m.getString("fiscalYearLabel"));
        assertEquals(3, m.getJsonArray("associations").size());
        JsonObject north = m.getJsonArray("districts").getJsonObject(0);
        assertEquals("北部", north.getString("name"));
        assertEquals(1000, north.getInt("households"));
        assertEquals(540, north.getInt("memberHouseholds"));
        assertEquals(new BigDecimal("54.0"), rate(north));
        assertEquals(170_000, north.getJsonNumber("subsidyPaid").longValue());
        assertEquals(new BigDecimal("66.7"), rate(m.getJsonArray("districts").getJsonObject(1)));
        JsonObject all = m.getJsonObject("municipality");
        assertEquals(1003, all.getInt("households"));
        assertEquals(542, all.getInt("memberHouseholds"));
        assertEquals(new BigDecimal("54.0"), rate(all));
        assertEquals(180_000, all.getJsonNumber("subsidyPaid").longValue());
        assertEquals(new BigDecimal("90.0"), rate(m.getJsonArray("associations").getJsonObject(0)));

        String csv = new String(staff.get(associations + "/membership?fiscalYear=R1&format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF地区,自治会・町内会名,区域内世帯数,加入世帯数,加入率 (%),補助金交付額 (円)"), csv);
        assertTrue(csv.contains("北部,(合計),1000,540,54.0,170000") && csv.contains("市全体,(合計),1003,542,54.0,180000"), csv);

        // The metrics, bound to indicators: the rate of sums per fiscal year; a year without figures has none.
        assertTrue(api.get(base + "/metric-sources").send().expect(200).array().toString()
                .contains("collaboration:association-membership-rate"));
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "自治会加入率").add("kind", "OUTCOME").add("unit", "%")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", "collaboration:association-membership-rate")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2019).add("target", 60))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2020).add("target", 60))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 60)))
                .build()).send().expect(201).object();
        assertEquals(0, new BigDecimal("54.0").compareTo(IndicatorIT.year(indicator, 2019).getJsonNumber("actual")
                .bigDecimalValue()), indicator::toString);
        assertEquals(0, new BigDecimal("80.0").compareTo(IndicatorIT.year(indicator, 2020).getJsonNumber("actual")
                .bigDecimalValue()), indicator::toString);
        JsonObject none = IndicatorIT.year(indicator, 2021);
        assertTrue(!none.containsKey("actual") || none.isNull("actual"), indicator::toString);
        JsonObject subsidies = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "自治会への補助金").add("kind", "ACTIVITY").add("unit", "円")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", "collaboration:association-subsidies-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2019).add("target", 1)))
                .build()).send().expect(201).object();
        assertEquals(180_000, IndicatorIT.year(subsidies, 2019).getJsonNumber("actual").longValue());
    }

    @Test
    void everyChangeNeedsIfMatchAndBadFiguresAreRefused() {
        String id = association("見本西自治会", "西部");
        String one = associations + "/" + id;
        Reply created = year(id, 2024, 500, 300, 80_000).expect(201);
        assertProblem(year(id, "令和6年度", 500, 300, 80_000), 409, "duplicate");
        Reply more = year(id, 2023, 10, 11, 0);
        assertTrue(Problems.fields(assertJapanese(more, assertProblem(more, 400, "validation"))).contains("memberHouseholds"));
        Reply en = staff.post(one + "/years").lang("en").json("{\"fiscalYear\":2022,\"households\":-1,"
                + "\"memberHouseholds\":20000000,\"subsidyPaid\":1}").send();
        assertEnglish(en, assertProblem(en, 400, null));
        assertProblem(staff.post(one + "/years").json("{\"households\":1,\"memberHouseholds\":1,\"subsidyPaid\":1}").send(),
                400, null);
        // Without a fiscal year: the current one.
        int current = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusMonths(3).getYear();
        assertEquals(current, staff.get(associations + "/membership").send().expect(200).object().getInt("fiscalYear"));
        assertProblem(staff.get(associations + "/membership?fiscalYear=someday").send(), 400, null);

        String y = one + "/years/2024";
        JsonObject change = Json.createObjectBuilder().add("households", 500).add("memberHouseholds", 320)
                .add("subsidyPaid", 80_000).build();
        assertProblem(staff.put(y).json(change).send(), 428, null);
        assertProblem(staff.put(y).ifMatch("*").json(change).send(), 428, null);
        assertProblem(api.as("VIEWER", lg).put(y).ifMatch(created.etag()).json(change).send(), 403, null);
        Reply saved = staff.put(y).ifMatch(created.etag()).json(change).send().expect(200);
        assertNotEquals(created.etag(), saved.etag());
        assertEquals(new BigDecimal("64.0"), rate(saved.object()));
        assertProblem(staff.put(y).ifMatch(created.etag()).json(change).send(), 412, null);

        Reply a = staff.get(one).send().expect(200);
        JsonObject rename = Json.createObjectBuilder().add("name", "見本西町内会").add("district", "西部").build();
        assertProblem(staff.put(one).json(rename).send(), 428, null);
        Reply renamed = staff.put(one).ifMatch(a.etag()).json(rename).send().expect(200);
        assertNotEquals(a.etag(), renamed.etag());
        assertEquals(List.of(2024), renamed.object().getJsonArray("years").stream()
                .map(v -> v.asJsonObject().getInt("fiscalYear")).toList());
        assertProblem(staff.get(associations + "/" + UUID.randomUUID()).send(), 404, null);
        assertProblem(staff.get(one + "/years/2010").send(), 404, null);
        assertProblem(staff.post(associations).json("{\"name\":\"\",\"district\":\"" + "x".repeat(101) + "\"}").send(),
                400, null);
    }

    @Test
    void theListPagesFiltersAndExports() {
        association("見本あおば自治会", "東部");
        association("見本さくら町内会", "東部");
        association("見本みどり自治会", "西部");
        JsonObject east = staff.get(associations + "?district=" + java.net.URLEncoder.encode("東部", StandardCharsets.UTF_8))
                .send().expect(200).object();
        assertEquals(2, east.getInt("totalItems"));
        assertEquals(1, staff.get(associations + "?size=2&page=1").send().expect(200).object().getJsonArray("items").size());
        assertEquals("見本みどり自治会", staff.get(associations + "?sort=-name").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0).getString("name"));
        assertProblem(staff.get(associations + "?sort=secret").send(), 400, null);
        String csv = new String(staff.get(associations + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF自治会・町内会名,ふりがな,地区") && csv.contains("見本さくら町内会"), csv);
    }
}
