package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    }
}
