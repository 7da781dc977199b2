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
 * MACHI_DEMO=true: 周南市 (seed 001) gets the indicator of its goal ⑤ 「ふるさと周南応援寄附金の増加」 bound to
 * the donation amount metric (no targets: the seed gives none), and invented uses, gifts, donors
 * and donations, each plainly marked （架空）/見本; the indicator's actuals are those donations'.
 */
@MachiTest
class PromotionDemoIT {

    static final String P = Municipalities.PATH + "/352152";

    @Test
    void shunansGoalFiveIsBoundToInventedDonationsMarkedAsSuch(@Demo MachiServer server) {
        Api api = server.api();
        List<JsonObject> uses = api.get(P + "/promotion/donation-uses").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(3, uses.size());
        assertTrue(uses.stream().allMatch(u -> u.getString("name").startsWith("（架空）")), uses::toString);
        List<JsonObject> gifts = api.get(P + "/promotion/return-gifts").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(2, gifts.size());
        assertTrue(gifts.stream().allMatch(g -> g.getString("name").startsWith("（架空）") && g.getString("supplier").startsWith("（架空）")),
                gifts::toString);
        JsonObject donations = api.get(P + "/promotion/donations?size=100").send().expect(200).object();
        assertEquals(5, donations.getInt("totalItems"));
        for (JsonValue v : donations.getJsonArray("items")) {
            String id = v.asJsonObject().getString("donorId");
            JsonObject donor = api.get(P + "/promotion/donors/" + id + "?reveal=personal-data").send().expect(200).object();
            assertTrue(donor.getString("name").startsWith("見本") && donor.getString("email").endsWith("@example.jp")
                    && donor.getString("address").contains("（架空）"), donor::toString);
        }
        JsonObject indicator = api.get(P + "/indicators?q=PROMO-5").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("ふるさと周南応援寄附金の寄附額", indicator.getString("nameJa"));
        assertEquals("promotion:donation-amount-per-fiscal-year", indicator.getString("metricSource"));
        JsonObject r5 = IndicatorIT.year(indicator, 2023);
        assertEquals(110000, r5.getJsonNumber("actual").intValue(), "10,000 + 20,000 + 30,000 + 50,000 invented");
        assertEquals("METRIC", r5.getString("actualSource"));
        assertTrue(!r5.containsKey("target") || r5.isNull("target"), "the seed gives no target");
        assertEquals(10000, IndicatorIT.year(indicator, 2024).getJsonNumber("actual").intValue());

        // The ministry's rules on those invented donations, all marked invented: the collection costs of designation year
        // 2023 near the limit, one-stop applications (two matched, one not checked), the published use report of 令和5年度.
        JsonObject cost = api.get(P + "/promotion/collection-costs").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals(2023, cost.getInt("designationYear"));
        assertTrue(cost.getString("note").startsWith("（架空）"), cost::toString);
        assertEquals(100000, cost.getJsonNumber("donationAmount").longValue(), "20,000 + 30,000 + 50,000 from October 2023 to September 2024");
        assertEquals("47.0", cost.getJsonNumber("sharePercent").bigDecimalValue().toPlainString());
        assertEquals("WARNING", cost.getString("standing"));
        JsonObject notices = api.get(P + "/promotion/one-stop-applications/notifications?year=2023").send().expect(200).object();
        assertEquals(2, notices.getInt("matched"));
        assertEquals(2, notices.getJsonArray("municipalities").size());
        assertTrue(notices.toString().contains("（架空の住所地）"), notices::toString);
        assertEquals(1, api.get(P + "/promotion/one-stop-applications?state=TO_MATCH").send().expect(200).object().getInt("totalItems"));
        JsonObject report = api.anonymous().get(P + "/promotion/public/use-reports").send().expect(200).object().getJsonArray("items")
                .getJsonObject(0);
        assertTrue(report.getString("summary").startsWith("（架空）") && report.toString().contains("（架空）放課後児童クラブ"), report::toString);
        assertFalse(report.toString().contains("見本"), "no donor on the portal");

        // 須坂市 (seed 002, 施策38): 38.O1 「行政のサポートによる移住者数の累計」 (186 in 2019 → 336 in 2025) bound to the
        // supported migrants; its baseline and final target as the seed gives them, its actuals 186 plus invented records.
        String s = Municipalities.PATH + "/202070";
        JsonObject migrants = api.get(s + "/indicators?q=38.O1").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("promotion:supported-migrants-per-fiscal-year", migrants.getString("metricSource"));
        assertEquals(186, migrants.getJsonObject("baseline").getJsonNumber("value").intValue());
        assertEquals(336, migrants.getJsonObject("finalTarget").getJsonNumber("value").intValue());
        assertEquals(191, IndicatorIT.year(migrants, 2023).getJsonNumber("actual").intValue(), "186 + 3 + 2 invented");
        assertEquals(192, IndicatorIT.year(migrants, 2024).getJsonNumber("actual").intValue(), "+ 1 invented");
        assertEquals("METRIC", IndicatorIT.year(migrants, 2024).getString("actualSource"));
        JsonObject moved = api.get(s + "/promotion/supported-migrations").send().expect(200).object();
        assertEquals(3, moved.getInt("totalItems"));
        moved.getJsonArray("items").forEach(m -> assertTrue(m.asJsonObject().getString("note").contains("架空"), m::toString));
        JsonObject consulted = api.get(s + "/promotion/migration-consultations").send().expect(200).object();
        assertEquals(3, consulted.getInt("totalItems"));
        for (JsonValue v : consulted.getJsonArray("items")) {
            JsonObject c = api.get(s + "/promotion/migration-consultations/" + v.asJsonObject().getString("id")
                    + "?reveal=personal-data").send().expect(200).object();
            assertTrue(c.getString("household").contains("架空") && (!c.containsKey("name") || c.isNull("name") || c.getString("name").startsWith("見本")),
                    c::toString);
        }

        // 須坂市 施策38: 38.O2 「結婚支援事業を通じた成婚数の累計」 (13 in 2019 → 15 by 2025) bound to the marriages of the
        // (invented) marriage-support activities: 13 + 1 in 令和5年度, + 1 in 令和6年度.
        JsonObject marriages = api.get(s + "/indicators?q=38.O2").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("promotion:marriages-through-support-per-fiscal-year", marriages.getString("metricSource"));
        assertEquals(13, marriages.getJsonObject("baseline").getJsonNumber("value").intValue());
        assertEquals(15, marriages.getJsonObject("finalTarget").getJsonNumber("value").intValue());
        assertEquals(14, IndicatorIT.year(marriages, 2023).getJsonNumber("actual").intValue(), "13 + 1 invented");
        assertEquals(15, IndicatorIT.year(marriages, 2024).getJsonNumber("actual").intValue(), "+ 1 invented");
        JsonObject activities = api.get(s + "/promotion/marriage-support").send().expect(200).object();
        assertEquals(3, activities.getInt("totalItems"));
        activities.getJsonArray("items").forEach(m -> assertTrue(m.asJsonObject().getString("title").contains("架空"), m::toString));

        // 須坂市 施策38: 38.P1 「空き家バンク掲載物件登録件数の累計」 (84 in 2019 → 160 by 2025) bound to the vacant-house
        // bank's first registrations: 84 + 2 invented in 令和5年度, + 1 in 令和6年度; the invented properties on the portal
        // say so and show no owner.
        JsonObject bank = api.get(s + "/indicators?q=38.P1").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("空き家バンク掲載物件登録件数の累計", bank.getString("nameJa"));
        assertEquals("promotion:vacant-house-registrations-per-fiscal-year", bank.getString("metricSource"));
        assertEquals(84, bank.getJsonObject("baseline").getJsonNumber("value").intValue());
        assertEquals(160, bank.getJsonObject("finalTarget").getJsonNumber("value").intValue());
        assertEquals(86, IndicatorIT.year(bank, 2023).getJsonNumber("actual").intValue(), "84 + 2 invented");
        assertEquals(87, IndicatorIT.year(bank, 2024).getJsonNumber("actual").intValue(), "+ 1 invented");
        assertEquals("METRIC", IndicatorIT.year(bank, 2024).getString("actualSource"));
        JsonObject houses = api.get(s + "/promotion/vacant-houses?state=PUBLISHED").send().expect(200).object();
        assertEquals(3, houses.getInt("totalItems"));
        for (JsonValue v : houses.getJsonArray("items")) {
            JsonObject h = api.get(s + "/promotion/vacant-houses/" + v.asJsonObject().getString("id") + "?reveal=personal-data")
                    .send().expect(200).object();
            assertTrue(h.getString("title").contains("架空") && h.getString("description").contains("架空")
                    && h.getString("ownerName").startsWith("見本"), h::toString);
        }
        JsonObject portal = api.anonymous().get(s + "/promotion/public/vacant-houses").send().expect(200).object();
        assertEquals(3, portal.getInt("totalItems"));
        assertFalse(portal.toString().contains("見本"), "no owner on the portal");
    }

    /**
     * 取手市 (seed 004, 改革項目17): 市ホームページの更新件数 (targets 6,000 → 6,200) is bound to the website's
     * pages-updated metric; its 令和2年度 actual is the invented monthly figures of the website channel,
     * which say they are invented and add up to the seed's 6,000.
     */
    @Test
    void toridesWebsiteUpdatesAreBoundToTheWebsiteChannelsInventedMonths(@Demo MachiServer server) {
        Api api = server.api();
        String t = Municipalities.PATH + "/082171";
        JsonObject indicator = api.get(t + "/indicators?q=" + java.net.URLEncoder.encode("市ホームページの更新件数", java.nio.charset.StandardCharsets.UTF_8))
                .send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("promotion:pr-website-pages-updated-per-fiscal-year", indicator.getString("metricSource"));
        JsonObject r2 = IndicatorIT.year(indicator, 2020);
        assertEquals(6000, r2.getJsonNumber("actual").intValue());
        assertEquals("METRIC", r2.getString("actualSource"));
        assertEquals(6000, r2.getJsonNumber("target").intValue(), "the seed's targets stay");
        assertEquals(6200, IndicatorIT.year(indicator, 2024).getJsonNumber("target").intValue());
        JsonObject channel = api.get(t + "/promotion/pr-channels?kind=WEBSITE").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertTrue(channel.getString("name").contains("架空") && channel.getString("note").contains("架空"), channel::toString);
        assertEquals(12, channel.getJsonArray("months").size());
    }
}
