package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.Demo;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import org.junit.jupiter.api.Test;

/**
 * The collaboration module's demo data (docs/demo-data.md): 取手市's indicator 市民と行政との協働事業件数
 * keeps the seed's targets and is bound to {@code collaboration:projects-per-fiscal-year}, whose
 * 令和6年度 actual is the four invented projects; the invented partners are marked （架空）, one
 * application waits for a decision, and no contact is shown unmasked.
 */
@MachiTest
class CollaborationDemoIT {

    static final String P = Municipalities.PATH + "/082171";

    @Test
    void toridesIndicatorCountsTheInventedProjects(@Demo MachiServer server) {
        Api api = server.api();
        JsonObject indicator = DemoDataIT.find(api.get(P + "/indicators").send().expect(200).object()
                .getJsonArray("items"), "14");
        assertEquals("市民と行政との協働事業件数", indicator.getString("nameJa"));
        assertEquals(CollaborativeProjectIT.METRIC, indicator.getString("metricSource"));
        assertEquals(List.of(55, 100, 105, 110, 115), indicator.getJsonArray("years").stream()
                .map(y -> y.asJsonObject()).filter(y -> y.containsKey("target") && !y.isNull("target"))
                .map(y -> y.getJsonNumber("target").intValue()).toList());
        JsonObject r6 = IndicatorIT.year(indicator, 2024);
        assertEquals(4, r6.getJsonNumber("actual").intValue());
        assertEquals("METRIC", r6.getString("actualSource"));
        JsonObject r2 = IndicatorIT.year(indicator, 2020);
        assertTrue(!r2.containsKey("actual") || r2.isNull("actual"), indicator::toString);

        JsonObject projects = api.get(P + "/collaboration/projects?fiscalYear=R6").send().expect(200).object();
        assertEquals(4, projects.getInt("totalItems"));
        projects.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .forEach(c -> assertTrue(c.getString("title").startsWith("（架空）"), c::toString));
        JsonObject partners = api.get(P + "/collaboration/partners").send().expect(200).object();
        assertEquals(4, partners.getInt("totalItems"));
        partners.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(p -> {
            assertTrue(p.getString("name").startsWith("（架空）"), p::toString);
            assertFalse(p.toString().contains("見本 太郎") || p.toString().contains("chonaikai@example.jp"), p::toString);
        });
        assertEquals(1, api.get(P + "/collaboration/partners?state=APPLIED").send().expect(200).object()
                .getInt("totalItems"));
        assertEquals(3, api.get(P + "/collaboration/partners?state=REGISTERED").send().expect(200).object()
                .getInt("totalItems"));

        // Proposal-based grants: the seed's 6 years from start-up; calls and applications invented.
        JsonObject r6call = api.get(P + "/collaboration/grants/calls?fiscalYear=R6").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(6, r6call.getInt("maxYears"));
        assertTrue(r6call.getBoolean("invented") && r6call.getString("title").startsWith("（架空）"), r6call::toString);
        List<JsonObject> apps = api.get(P + "/collaboration/grants/calls/" + r6call.getString("id") + "/applications")
                .send().expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, apps.size());
        JsonObject mural = apps.stream().filter(a -> a.getInt("fundingYear") == 6).findFirst().orElseThrow();
        assertEquals(28_000, mural.getJsonNumber("returned").longValue());
        assertEquals(2, api.anonymous().get(P + "/collaboration/grants/public/funded").send().expect(200).object()
                .getInt("totalItems"));
        assertEquals(1, api.anonymous().get(P + "/collaboration/grants/public/calls").send().expect(200).array().size());
        JsonObject genki = api.get(Municipalities.PATH + "/142077/collaboration/grants/calls?fiscalYear=H31").send()
                .expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals(4_109_000, genki.getJsonNumber("budget").longValue());
        assertEquals("2019-10-19", genki.getJsonObject("schedule").getString("workshopOn"));
        // The call is financed by the げんき基金, whose figures are invented and marked so.
        JsonObject fund = api.get(Municipalities.PATH + "/142077/collaboration/grants/funds/" + genki.getString("fundId"))
                .send().expect(200).object();
        assertEquals("市民活動げんき基金", fund.getString("name"));
        assertTrue(fund.getBoolean("invented") && fund.getString("purpose").contains("架空"), fund::toString);
        JsonObject fy2019 = api.get(Municipalities.PATH + "/142077/collaboration/grants/funds/" + fund.getString("id")
                + "/ledger").send().expect(200).array().getJsonObject(0);
        assertEquals(2019, fy2019.getInt("fiscalYear"));
        assertEquals(12_000_000 + 1_250_000 + 3_600, fy2019.getJsonNumber("closing").longValue(), fy2019::toString);
    }

    @Test
    void chigasakisElevenCommunityCentresAndTheSupportCentreHaveTheirManagersForR3ToR6(@Demo MachiServer server) {
        Api api = server.api();
        String f = Municipalities.PATH + "/142077/collaboration/facilities";
        assertEquals(11, api.get(f + "?kind=COMMUNITY_CENTRE").send().expect(200).object().getInt("totalItems"));
        List<JsonObject> all = api.get(f + "?size=50").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(12, all.size());
        JsonObject centre = api.get(f + "/" + all.stream().filter(x -> x.getString("kind").equals("COMMUNITY_CENTRE"))
                .findFirst().orElseThrow().getString("id")).send().expect(200).object();
        assertTrue(centre.getBoolean("invented") && centre.getString("name").startsWith("（架空）"), centre::toString);
        JsonObject manager = centre.getJsonArray("managers").getJsonObject(0);
        assertEquals(List.of(2021, 2024), List.of(manager.getInt("fromYear"), manager.getInt("toYear")));
        assertEquals("令和3年度〜令和6年度", manager.getString("periodLabel"));
        String open = api.anonymous().get(f + "/public/open-data.csv").send().expect(200).text();
        assertEquals(13, open.strip().split("\r?\n").length, open);
        assertTrue(open.contains("神奈川県茅ヶ崎市") && open.contains("市民活動サポートセンター"), open);
    }

    /**
     * 改革項目15–16: the agreement with 東京藝術大学 and the activities the seed lists (school programmes,
     * two concerts with 550 visitors, four prizes); 新規起業家数（累計） keeps the seed's targets 127 → 207,
     * is bound to the yearly new entrepreneurs with the recorded years up to 令和元年度 as its baseline, and
     * reaches 207 in 令和6年度; 空き店舗活用補助金交付件数 counts the (invented) grants of each year.
     */
    @Test
    void toridesStartUpIndicatorsCountTheModulesFigures(@Demo MachiServer server) {
        Api api = server.api();
        List<JsonObject> agreements = api.get(P + "/collaboration/partnerships").send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(3, agreements.size());
        agreements.forEach(a -> assertTrue(a.getBoolean("invented"), a::toString));
        JsonObject geidai = agreements.stream().filter(a -> a.getString("partnerName").equals("東京藝術大学")).findFirst()
                .orElseThrow();
        assertEquals("UNIVERSITY", geidai.getString("kind"));
        JsonObject r1 = api.get(P + "/collaboration/partnerships/activities?fiscalYear=R1").send().expect(200).object();
        assertEquals(6, r1.getInt("count"));
        assertEquals(550, r1.getJsonNumber("participants").longValue());
        assertEquals(2, r1.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonObject("activity"))
                .filter(x -> x.getString("kind").equals("学校プログラム")).count());
        assertEquals(3, api.anonymous().get(P + "/collaboration/partnerships/public").send().expect(200).object()
                .getInt("totalItems"));

        JsonObject indicators = api.get(P + "/indicators").send().expect(200).object();
        JsonObject started = DemoDataIT.find(indicators.getJsonArray("items"), "16");
        assertEquals("創業支援等事業計画の推進による新規起業家数（累計）", started.getString("nameJa"));
        assertEquals(PartnershipIT.NEW_BUSINESSES, started.getString("metricSource"));
        assertTrue(started.getBoolean("cumulative"));
        assertEquals(107, started.getJsonObject("baseline").getJsonNumber("value").intValue(), started::toString);
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024), started.getJsonArray("years").stream()
                .map(y -> y.asJsonObject().getJsonObject("fiscalYear").getInt("year")).toList());
        assertEquals(List.of(127, 147, 167, 187, 207), started.getJsonArray("years").stream()
                .map(y -> y.asJsonObject().getJsonNumber("target").intValue()).toList());
        assertEquals(List.of(125, 146, 168, 187, 207), started.getJsonArray("years").stream()
                .map(y -> y.asJsonObject().getJsonNumber("actual").intValue()).toList());
        assertEquals("METRIC", IndicatorIT.year(started, 2024).getString("actualSource"));

        JsonObject shops = DemoDataIT.find(indicators.getJsonArray("items"), "16-2");
        assertEquals("空き店舗活用補助金交付件数", shops.getString("nameJa"));
        assertEquals(PartnershipIT.VACANT_SHOP_GRANTS, shops.getString("metricSource"));
        assertEquals(List.of(4, 4, 5, 3, 4), List.of(2020, 2021, 2022, 2023, 2024).stream()
                .map(y -> IndicatorIT.year(shops, y).getJsonNumber("actual").intValue()).toList());
        JsonObject grants = api.get(P + "/collaboration/startups/vacant-shop-grants?fiscalYear=R4").send().expect(200).object();
        assertEquals(5, grants.getInt("totalItems"));
        grants.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .forEach(g -> assertTrue(g.getString("applicant").startsWith("（架空）") && g.getBoolean("invented"), g::toString));
    }
}
