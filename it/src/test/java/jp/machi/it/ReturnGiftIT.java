package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 返礼品 (hometown-tax return gifts): supplier, 地場産品基準 (the 号 of article 5 of the ministry's
 * notice, labelled in Japanese and English), costs in whole yen and the 30 % rule — exactly 30 %
 * is allowed, one yen more is a field error on 調達費用 naming the figures, in ja/en, with nothing
 * written; the municipality may hold itself to less but never to more; If-Match and the race of
 * two writers; filters, sort, paging and CSV; the audit trail; isolation.
 */
@MachiTest
class ReturnGiftIT {

    private final Api api;
    private String lg;
    private String base;
    private String gifts;

    ReturnGiftIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        gifts = base + "/promotion/return-gifts";
    }

    private static JsonObjectBuilder gift(String name, long amount, long cost) {
        return Json.createObjectBuilder().add("name", name).add("supplier", "周南地域地場産業振興センター")
                .add("ground", "PROCESSED_LOCALLY").add("procurementCost", cost).add("shippingCost", 1200)
                .add("donationAmount", amount);
    }

    @Test
    void exactlyThirtyPercentIsAcceptedAndOneYenMoreIsRefusedNamingTheFigures() {
        Reply ok = api.post(gifts).json(gift("ふぐ刺身セット", 10000, 3000).build()).send();
        ok.expect(201);
        JsonObject g = ok.object();
        assertEquals("PROCESSED_LOCALLY", g.getString("ground"));
        assertEquals(3, g.getInt("groundItem"));
        assertTrue(g.getString("groundLabel").startsWith("第3号"), g::toString);
        assertEquals("30.0", g.getString("ratioPercent"));
        assertEquals(3000, g.getJsonNumber("procurementCost").longValue());
        assertEquals(1200, g.getJsonNumber("shippingCost").longValue());
        assertTrue(g.getBoolean("active"));
        assertTrue(ok.header("Location").orElse("").endsWith("/return-gifts/" + g.getString("id")));

        Reply ja = api.post(gifts).json(gift("ふぐ刺身セット (大)", 10000, 3001).build()).send();
        JsonObject p = assertJapanese(ja, assertProblem(ja, 400, "return-gift-ratio"));
        JsonObject e = p.getJsonArray("errors").getJsonObject(0);
        assertEquals("procurementCost", e.getString("field"));
        assertEquals("調達費用 3,001 円は寄附金額 10,000 円の 30.1% にあたり、上限の 30% (3,000 円) を超えています。",
                e.getString("message"));

        Reply en = api.post(gifts).lang("en").json(gift("Fugu", 10000, 3001).build()).send();
        JsonObject pe = assertEnglish(en, assertProblem(en, 400, "return-gift-ratio"));
        assertEquals("A procurement cost of ¥3,001 is 30.1% of the donation amount of ¥10,000, above the limit of 30% (¥3,000).",
                pe.getJsonArray("errors").getJsonObject(0).getString("message"));

        // Amounts that do not divide evenly: 30 % of 10,001 yen is 3,000.3 yen.
        api.post(gifts).json(gift("周南のお米 5kg", 10001, 3000).build()).send().expect(201);
        Reply over = api.post(gifts).json(gift("周南のお米 10kg", 10001, 3001).build()).send();
        assertTrue(Problems.fields(assertProblem(over, 400, "return-gift-ratio")).contains("30.1%"), over::toString);

        assertEquals(2, api.get(gifts).send().expect(200).object().getInt("totalItems"), "refused gifts were not written");
    }

    @Test
    void anUpdateIsCheckedTooAndNeedsIfMatch() {
        Reply created = api.post(gifts).json(gift("萩焼の湯呑み", 20000, 5000).build()).send().expect(201);
        String item = gifts + "/" + created.object().getString("id");
        assertProblem(api.put(item).json(gift("萩焼の湯呑み", 20000, 6000).build()).send(), 428, null);
        Reply over = api.put(item).ifMatch(created.etag()).json(gift("萩焼の湯呑み", 20000, 6001).build()).send();
        assertTrue(Problems.fields(assertProblem(over, 400, "return-gift-ratio")).contains("procurementCost"));
        JsonObject unchanged = api.get(item).send().expect(200).object();
        assertEquals(5000, unchanged.getJsonNumber("procurementCost").longValue(), "nothing half-written");
        Reply changed = api.put(item).ifMatch(created.etag()).json(gift("萩焼の湯呑み", 20000, 6000).add("active", false)
                .add("ground", "5").build()).send().expect(200);
        assertNotEquals(created.etag(), changed.etag());
        assertEquals("PROMOTIONAL_GOODS", changed.object().getString("ground"));
        assertFalse(changed.object().getBoolean("active"));
        assertProblem(api.put(item).ifMatch(created.etag()).json(gift("萩焼の湯呑み", 20000, 100).build()).send(), 412, null);
        assertProblem(api.delete(item).ifMatch(created.etag()).send(), 412, null);
        assertProblem(api.delete(item).send(), 428, null);
        assertEquals(204, api.delete(item).ifMatch(changed.etag()).send().status());
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void badInputIsAFieldErrorInJapaneseAndEnglishAndWritesNothing() {
        JsonObject empty = Json.createObjectBuilder().add("name", " ").add("supplier", "").add("ground", "第10号")
                .add("procurementCost", -1).add("shippingCost", 1_000_000_000L).add("donationAmount", 0).build();
        Reply ja = api.post(gifts).json(empty).send();
        String fields = Problems.fields(assertJapanese(ja, assertProblem(ja, 400, null)));
        for (String f : List.of("name", "supplier", "procurementCost", "shippingCost", "donationAmount")) {
            assertTrue(fields.contains("\"" + f + "\""), f + " in " + fields);
        }
        Reply ground = api.post(gifts).lang("en").json(gift("x", 10000, 100).add("ground", "NOT_LOCAL").build()).send();
        JsonObject p = assertEnglish(ground, assertProblem(ground, 400, null));
        assertTrue(Problems.fields(p).contains("\"ground\"") && Problems.fields(p).contains("items 1 to 9"), p::toString);
        Reply missing = api.post(gifts).json(Json.createObjectBuilder().add("name", "x").build()).send();
        String m = Problems.fields(assertProblem(missing, 400, null));
        assertTrue(m.contains("ground") && m.contains("donationAmount") && m.contains("procurementCost"), m);
        Reply decimal = api.post(gifts).json(gift("x", 10000, 100).add("shippingCost", 10.5).build()).send();
        assertTrue(Problems.fields(assertProblem(decimal, 400, null)).contains("\"shippingCost\""), decimal::toString);
        Reply long201 = api.post(gifts).json(gift("あ".repeat(201), 10000, 100).build()).send();
        assertTrue(Problems.fields(assertProblem(long201, 400, null)).contains("name"));
        assertProblem(api.get(gifts + "?active=maybe").send(), 400, null);
        assertProblem(api.get(gifts + "?ground=10").send(), 400, null);
        assertProblem(api.get(gifts + "?sort=secret").send(), 400, null);
        assertEquals(0, api.get(gifts).send().expect(200).object().getInt("totalItems"), "nothing written");
    }

    @Test
    void theMunicipalityMayHoldItselfToALowerLimitButNotAHigherOne() {
        String settings = base + "/modules/promotion/settings";
        Reply s = api.get(settings).send().expect(200);
        Reply higher = api.put(settings).ifMatch(s.etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().add("returnGiftRatioLimitPercent", 40)).build()).send();
        assertTrue(Problems.fields(assertProblem(higher, 400, null)).contains("returnGiftRatioLimitPercent"), higher::toString);
        api.put(settings).ifMatch(s.etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().add("returnGiftRatioLimitPercent", 25)).build())
                .send().expect(200);
        assertEquals(25, api.get(gifts + "/rules").send().expect(200).object().getInt("ratioLimitPercent"));
        Reply refused = api.post(gifts).json(gift("地酒", 10000, 2501).build()).send();
        assertTrue(Problems.fields(assertProblem(refused, 400, "return-gift-ratio")).contains("上限の 25% (2,500 円)"), refused::toString);
        api.post(gifts).json(gift("地酒", 10000, 2500).build()).send().expect(201);
    }

    @Test
    void giftsOverALoweredLimitWaitInTheTaskListUntilTheyAreWithinIt() {
        Api staff = api.as("STAFF", lg);
        Reply atThirty = api.post(gifts).json(gift("特産の干物", 10000, 3000).build()).send().expect(201);
        api.post(gifts).json(gift("地元の果物", 10000, 2000).build()).send().expect(201);
        api.post(gifts).json(gift("終了した地酒", 10000, 3000).add("active", false).build()).send().expect(201);
        assertFalse(giftTasks(staff).isPresent(), "within 30 %: nothing waits");

        // The administrator lowers the municipality's limit to 25 %: the gift still offered at 30 % waits, with its ratio.
        String settings = base + "/modules/promotion/settings";
        api.put(settings).ifMatch(api.get(settings).send().expect(200).etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().add("returnGiftRatioLimitPercent", 25)).build()).send().expect(200);
        JsonObject group = giftTasks(staff).orElseThrow(() -> new AssertionError("the gift over 25 % waits"));
        assertEquals(1, group.getInt("total"), group::toString);
        JsonObject item = group.getJsonArray("items").getJsonObject(0);
        String id = atThirty.object().getString("id");
        assertEquals(id, item.getString("recordId"));
        assertEquals("特産の干物: 30.0 % / 25 %", item.getString("title"));
        assertEquals("promotion/promotion-return-gifts/" + id, item.getString("route"));
        assertFalse(giftTasks(api.as("VIEWER", lg)).isPresent(), "for staff, not viewers");

        // Within the limit again (its cost lowered under If-Match): nothing waits.
        staff.put(gifts + "/" + id).ifMatch(atThirty.etag()).json(gift("特産の干物", 10000, 2500).build()).send().expect(200);
        assertFalse(giftTasks(staff).isPresent());
    }

    private java.util.Optional<JsonObject> giftTasks(Api who) {
        return who.get(base + "/tasks").send().expect(200).object().getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("module").equals("promotion") && g.getString("kind").equals("return-gift-over-limit"))
                .findFirst();
    }

    @Test
    void theRulesListTheNineGroundsInJapaneseAndEnglish() {
        JsonObject ja = api.get(gifts + "/rules").send().expect(200).object();
        assertEquals(30, ja.getInt("ratioLimitPercent"));
        List<JsonObject> grounds = ja.getJsonArray("grounds").getValuesAs(JsonObject.class);
        assertEquals(9, grounds.size());
        assertEquals("第1号 区域内で生産されたもの", grounds.get(0).getString("label"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), grounds.stream().map(g -> g.getInt("item")).toList());
        JsonObject en = api.get(gifts + "/rules").lang("en").send().expect(200).object();
        assertEquals("Item 1: produced in the municipality", en.getJsonArray("grounds").getJsonObject(0).getString("label"));
    }

    @Test
    void listsFilterSortPageInTheDatabaseAndExportCsv() {
        api.post(gifts).json(gift("ふぐ刺身セット", 20000, 6000).add("ground", "PROCESSED_LOCALLY").build()).send().expect(201);
        api.post(gifts).json(gift("周南のお米", 10000, 2800).add("ground", "PRODUCED_LOCALLY").build()).send().expect(201);
        api.post(gifts).json(gift("しゅうニャンのぬいぐるみ", 5000, 1000).add("ground", "PROMOTIONAL_GOODS")
                .add("supplier", "周南観光コンベンション協会").add("active", false).build()).send().expect(201);
        JsonObject all = api.get(gifts + "?sort=donationAmount").send().expect(200).object();
        assertEquals(List.of("しゅうニャンのぬいぐるみ", "周南のお米", "ふぐ刺身セット"), names(all));
        assertEquals(List.of("ふぐ刺身セット", "周南のお米", "しゅうニャンのぬいぐるみ"),
                names(api.get(gifts + "?sort=-donationAmount").send().expect(200).object()));
        assertEquals(List.of("周南のお米"), names(api.get(gifts + "?ground=1").send().expect(200).object()));
        assertEquals(List.of("周南のお米"), names(api.get(gifts + "?ground=PRODUCED_LOCALLY").send().expect(200).object()));
        assertEquals(List.of("しゅうニャンのぬいぐるみ"), names(api.get(gifts + "?active=false").send().expect(200).object()));
        assertEquals(List.of("しゅうニャンのぬいぐるみ"), names(api.get(gifts + "?q=コンベンション").send().expect(200).object()));
        JsonObject page = api.get(gifts + "?sort=donationAmount&page=1&size=2").send().expect(200).object();
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(List.of("ふぐ刺身セット"), names(page));

        Reply csv = api.get(gifts + "?format=csv&sort=donationAmount").send().expect(200);
        byte[] bytes = csv.bytes();
        assertEquals((byte) 0xEF, bytes[0]);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF返礼品,提供事業者,地場産品基準,寄附金額（円）,調達費用（円）,返礼割合（%）,送料（円）,提供中"), text);
        assertTrue(text.contains("周南のお米,周南地域地場産業振興センター,第1号 区域内で生産されたもの,10000,2800,28.0,1200,はい"), text);
        String en = new String(api.get(gifts + "?active=false").header("Accept", "text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFReturn gift,Supplier,Local-product ground,Donation amount (yen)"), en);
        assertTrue(en.contains("Item 5: original goods made to promote the municipality") && !en.contains("周南のお米"), en);
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(x -> x.getString("name")).toList();
    }

    @Test
    void everyChangeIsInTheAuditTrailAndAViewerCannotWrite() {
        Reply created = api.post(gifts).json(gift("周南のお米", 10000, 2800).build()).send().expect(201);
        String id = created.object().getString("id");
        api.put(gifts + "/" + id).ifMatch(created.etag()).json(gift("周南のお米", 10000, 2900).build()).send().expect(200);
        List<JsonObject> events = api.get(base + "/audit-events?entityId=" + id).send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of("UPDATE", "CREATE"), events.stream().map(e -> e.getString("action")).toList());
        assertEquals(2900, events.get(0).getJsonObject("changes").getJsonObject("after").getJsonNumber("procurementCost").longValue(),
                events::toString);

        assertEquals(403, api.as("VIEWER", lg).post(gifts).json(gift("x", 10000, 100).build()).send().status());
        assertEquals(200, api.as("VIEWER", lg).get(gifts).send().status());
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/promotion/return-gifts/" + id).send(), 404, null);
        Municipalities.setModule(api, lg, "promotion", false);
        assertProblem(api.get(gifts).send(), 404, "module-not-enabled");
    }

    @Test
    void twoWritersWithOneETagGetOne200AndOne412() throws Exception {
        Reply created = api.post(gifts).json(gift("周南のお米", 10000, 2000).build()).send().expect(201);
        String item = gifts + "/" + created.object().getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 5; trial++) {
                String etag = api.get(item).send().expect(200).etag();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    JsonObject change = gift("周南のお米", 10000, 2000 + trial * 10 + w + 1).build();
                    writers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return api.put(item).ifMatch(etag).json(change).send().status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : writers) {
                    statuses.add(f.get(120, TimeUnit.SECONDS));
                }
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses, "trial " + trial);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
