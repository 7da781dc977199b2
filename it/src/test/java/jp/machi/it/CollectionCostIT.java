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
import java.util.Optional;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 募集に要した費用: the costs of collecting hometown-tax donations per designation year (October–
 * September) and category, as child rows under the year's ETag; the share against that year's
 * donations computed live (a donation on September 30 belongs to the year before, one on October 1
 * to the new one; a later donation lowers the share); the warning line below the 50 % limit
 * (settings), said in ja/en and as a task-list item, never refused; bad input 400 with nothing
 * written; the yearly CSV with one column per category.
 */
@MachiTest
class CollectionCostIT {

    private final Api api;
    private String lg;
    private String base;
    private String costs;
    private String donor;

    CollectionCostIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        costs = base + "/promotion/collection-costs";
        donor = api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", "試験 花子").add("nameKana", "シケンハナコ")
                .add("postalCode", "7458655").add("address", "試験県試験市本町1").add("phone", "0834-22-8211")
                .add("email", "hanako@example.jp").build()).send().expect(201).object().getString("id");
    }

    private void donate(String day, long amount) {
        api.post(base + "/promotion/donations").json(Json.createObjectBuilder().add("donorId", donor).add("receivedOn", day)
                .add("amount", amount).add("paymentMethod", "CREDIT_CARD").add("channel", "ふるさとチョイス").build()).send().expect(201);
    }

    private static JsonObjectBuilder line(String category, long amount) {
        return Json.createObjectBuilder().add("category", category).add("amount", amount);
    }

    private static JsonObject year(int designationYear, JsonArrayBuilder lines) {
        return Json.createObjectBuilder().add("designationYear", designationYear).add("lines", lines).build();
    }

    private static JsonArrayBuilder lines(long procurement, long portal, long publicity) {
        JsonArrayBuilder b = Json.createArrayBuilder().add(line("返礼品の調達", procurement)).add(line("ポータルサイト手数料", portal));
        if (publicity > 0) {
            b.add(line("広報", publicity));
        }
        return b;
    }

    private Optional<JsonObject> costTasks() {
        return api.as("STAFF", lg).get(base + "/tasks").send().expect(200).object().getJsonArray("groups").getValuesAs(JsonObject.class)
                .stream().filter(g -> g.getString("module").equals("promotion") && g.getString("kind").equals("collection-cost-share")).findFirst();
    }

    private void settings(JsonObjectBuilder values) {
        String path = base + "/modules/promotion/settings";
        Reply now = api.get(path).send().expect(200);
        api.as("MUNICIPALITY_ADMIN", lg).put(path).ifMatch(now.etag()).json(Json.createObjectBuilder().add("values", values).build()).send()
                .expect(200);
    }

    @Test
    void theShareIsComputedLiveAgainstTheDesignationYearsDonationsAndTheWarningLineIsSaidNotEnforced() {
        donate("2024-09-30", 900_000); // designation year 2023
        donate("2024-10-01", 60_000); // 2024
        donate("2025-09-30", 40_000); // 2024
        donate("2025-10-01", 5_000); // 2025
        Reply created = api.post(costs).json(year(2024, lines(30_000, 10_000, 0))).send();
        created.expect(201);
        JsonObject c = created.object();
        assertEquals(100_000, c.getJsonNumber("donationAmount").longValue(), "only October 2024 to September 2025");
        assertEquals(2, c.getInt("donationCount"));
        assertEquals(40_000, c.getJsonNumber("costTotal").longValue());
        assertEquals("40.0", c.getJsonNumber("sharePercent").bigDecimalValue().toPlainString());
        assertEquals(50, c.getInt("limitPercent"));
        assertEquals(45, c.getInt("warningPercent"));
        assertEquals("OK", c.getString("standing"));
        assertEquals("上限内", c.getString("standingLabel"));
        assertEquals("令和6年10月〜令和7年9月", c.getJsonObject("period").getString("label"));
        assertEquals("2024-10-01", c.getJsonObject("period").getString("from"));
        assertEquals("2025-09-30", c.getJsonObject("period").getString("to"));
        assertTrue(costTasks().isEmpty(), "nothing to warn about at 40 %");
        String item = costs + "/" + c.getString("id");

        // Exactly at the warning line (45 %): a warning, in ja/en.
        Reply at = api.put(item).ifMatch(created.etag()).json(year(2024, lines(30_000, 10_000, 5_000))).send().expect(200);
        assertNotEquals(created.etag(), at.etag(), "a category added raises the year's version");
        assertEquals("WARNING", at.object().getString("standing"));
        assertTrue(at.object().getString("message").contains("45.0%") && at.object().getString("message").contains("上限 50%"),
                at.object().getString("message"));
        JsonObject en = api.get(item).lang("en").send().expect(200).object();
        assertEquals("Near the limit", en.getString("standingLabel"));
        assertEquals("Oct 2024 – Sep 2025", en.getJsonObject("period").getString("label"));
        JsonObject task = costTasks().orElseThrow();
        assertEquals(1, task.getInt("total"));
        assertEquals(0, task.getInt("overdue"));
        JsonObject t = task.getJsonArray("items").getJsonObject(0);
        assertEquals(c.getString("id"), t.getString("recordId"));
        assertEquals("2024-10〜2025-09: 45.0 % / 50 %", t.getString("title"));
        assertEquals("promotion/promotion-collection-costs/" + c.getString("id"), t.getString("route"));

        // Exactly 50 % is within the limit (the law: not more than half); one yen more is over: said, not refused.
        Reply fifty = api.put(item).ifMatch(at.etag()).json(year(2024, lines(30_000, 10_000, 10_000))).send().expect(200);
        assertEquals("WARNING", fifty.object().getString("standing"));
        assertEquals("50.0", fifty.object().getJsonNumber("sharePercent").bigDecimalValue().toPlainString());
        Reply over = api.put(item).ifMatch(fifty.etag()).json(year(2024, lines(30_000, 10_000, 10_001))).send().expect(200);
        JsonObject o = over.object();
        assertEquals("OVER", o.getString("standing"));
        assertEquals("50.1", o.getJsonNumber("sharePercent").bigDecimalValue().toPlainString(), "rounded up: never shown under a line it is over");
        assertTrue(o.getString("message").contains("超えています"), o.getString("message"));
        assertEquals(1, costTasks().orElseThrow().getInt("overdue"), "over the limit counts as overdue");

        // A donation recorded later in the period lowers the share at once.
        donate("2025-03-01", 10_000);
        JsonObject live = api.get(item).send().expect(200).object();
        assertEquals(110_000, live.getJsonNumber("donationAmount").longValue());
        assertEquals("45.5", live.getJsonNumber("sharePercent").bigDecimalValue().toPlainString());
        assertEquals("WARNING", live.getString("standing"));

        // The municipality's own lines: no margin (warn only over 50 %), then a stricter limit of 40 %.
        settings(Json.createObjectBuilder().add("collectionCostWarningMarginPercent", 0));
        assertEquals("OK", api.get(item).send().expect(200).object().getString("standing"));
        assertTrue(costTasks().isEmpty());
        settings(Json.createObjectBuilder().add("collectionCostLimitPercent", 40));
        JsonObject strict = api.get(item).send().expect(200).object();
        assertEquals("OVER", strict.getString("standing"));
        assertEquals(40, strict.getInt("limitPercent"));
        assertEquals(35, strict.getInt("warningPercent"));
        String path = base + "/modules/promotion/settings";
        assertProblem(api.as("MUNICIPALITY_ADMIN", lg).put(path).ifMatch(api.get(path).send().expect(200).etag())
                .json(Json.createObjectBuilder().add("values", Json.createObjectBuilder().add("collectionCostLimitPercent", 51)).build())
                .send(), 400, null);

        // A year with costs and no donations yet: no share, said so.
        JsonObject empty = api.post(costs).json(year(2022, lines(1_000, 0, 0))).send().expect(201).object();
        assertEquals("NO_DONATIONS", empty.getString("standing"));
        assertTrue(!empty.containsKey("sharePercent") || empty.isNull("sharePercent"), empty::toString);
    }

    @Test
    void badInputIsRefusedInTheUsersLanguageAndNothingIsWritten() {
        Reply none = api.post(costs).json("{}").send();
        assertTrue(assertJapanese(none, assertProblem(none, 400, "validation")).toString().contains("designationYear"));
        Reply wrong = api.post(costs).lang("en").json(year(2024, Json.createArrayBuilder().add(line("宴会費", 1))
                .add(line("広報", 1)).add(line("広報", 2)).add(Json.createObjectBuilder().add("category", "事務")))).send();
        JsonObject w = assertEnglish(wrong, assertProblem(wrong, 400, "validation"));
        for (String f : new String[] {"lines[0].category", "lines[2].category", "lines[3].amount"}) {
            assertTrue(w.toString().contains(f), f + " in " + w);
        }
        assertTrue(w.toString().contains("返礼品の調達"), "the categories on offer are named: " + w);
        assertProblem(api.post(costs).json(year(2024, Json.createArrayBuilder().add(line("広報", -1)))).send(), 400, null);
        assertProblem(api.post(costs).json(year(2024, Json.createArrayBuilder().add(line("広報", 1_000_000_000_001L)))).send(), 400, null);
        assertProblem(api.post(costs).json(year(2007, Json.createArrayBuilder())).send(), 400, null);
        assertProblem(api.post(costs).json(year(2999, Json.createArrayBuilder())).send(), 400, null);
        assertProblem(api.post(costs).json("{\"designationYear\":\"R6\"}").send(), 400, null);
        assertProblem(api.post(costs).json("{\"designationYear\":").send(), 400, null);
        assertProblem(api.get(costs + "?from=R6").send(), 400, "validation");
        assertProblem(api.get(costs + "?sort=secret").send(), 400, null);
        assertProblem(api.as("VIEWER", lg).post(costs).json(year(2024, Json.createArrayBuilder())).send(), 403, null);
        assertEquals(0, api.get(costs).send().expect(200).object().getInt("totalItems"), "nothing half-written");
        Reply first = api.post(costs).json(year(2024, lines(1, 1, 0))).send().expect(201);
        assertProblem(api.post(costs).json(year(2024, lines(2, 2, 0))).send(), 409, null);
        String item = costs + "/" + first.object().getString("id");
        assertProblem(api.put(item).json(year(2024, lines(3, 3, 0))).send(), 428, null);
        Reply bad = api.put(item).ifMatch(first.etag()).json(year(2024, Json.createArrayBuilder().add(line("宴会費", 1)))).send();
        assertProblem(bad, 400, "validation");
        JsonObject kept = api.get(item).send().expect(200).object();
        assertEquals(2, kept.getInt("costTotal"), "a refused revision changes nothing");
        assertProblem(api.delete(item).send(), 428, null);
        assertProblem(api.delete(item).ifMatch("\"999\"").send(), 412, null);
        api.delete(item).ifMatch(first.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void theYearlyCsvHasTheShareAndOneColumnPerCategory() {
        donate("2023-11-15", 200_000);
        api.post(costs).json(year(2023, lines(60_000, 20_000, 3_000))).send().expect(201);
        api.post(costs).json(year(2024, lines(1, 0, 0))).send().expect(201);
        JsonObject list = api.get(costs + "?from=2023&to=2023").send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"));
        assertEquals("41.5", list.getJsonArray("items").getJsonObject(0).getJsonNumber("sharePercent").bigDecimalValue().toPlainString());
        String csv = new String(api.get(costs + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF指定対象期間,寄附件数,寄附額（円）,募集費用計（円）,寄附額に占める割合（%）,上限（%）,状況,"
                + "返礼品の調達,返礼品の送付,広報,決済,ポータルサイト手数料,事務,その他,設定にない区分（円）"), csv);
        assertTrue(csv.contains("令和5年10月〜令和6年9月,1,200000,83000,41.5,50,上限内,60000,0,3000,0,20000,0,0,0"), csv);
        String[] rows = csv.strip().split("\r?\n");
        assertEquals(3, rows.length, csv);
        assertTrue(rows[1].startsWith("令和6年10月"), "newest first: " + csv);
        String en = new String(api.get(costs).header("Accept", "text/csv").lang("en").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFDesignation year,Donations,") && en.contains("Oct 2023 – Sep 2024"), en);
        assertFalse(csv.contains("試験 花子"), "no donor in the figures");
    }
}
