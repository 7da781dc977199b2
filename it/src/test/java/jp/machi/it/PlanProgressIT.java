package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plan's progress in a fiscal year, through the server: each measure's indicators with their
 * achievement and rating (core's), the capped weighted roll-up to the levels above, indicators
 * without an actual left out rather than counted as 0, and every number explained term by term.
 *
 * <p>The plan: 基本目標 G → 基本施策 B → 施策 A and 施策 C (and a 取組項目 without indicators under A).
 * <ul>
 *   <li>A: 読者の割合 78.6 of a final target 90.0 → 87.3; 経常収支比率 88.0, ceiling 90.0 未満 → met, 100;
 *       待機時間 91.7 against 90, lower is better → 98.1; フォロワー数 without an actual in R5 → left out;
 *       a process indicator at 50 % → not counted. Score (87.3 + 100.0 + 98.1) ÷ 3 = 95.1.</li>
 *   <li>C: 120 of 100 (weight 2) → capped at 100; 30 of 50 (weight 1) → 60.0.
 *       Score (100.0 × 2 + 60.0 × 1) ÷ 3 = 86.7.</li>
 *   <li>B = G = plan: (95.1 + 86.7) ÷ 2 = 90.9.</li>
 * </ul>
 */
@MachiTest
class PlanProgressIT {

    private final Api api;
    private String base;
    private String plans;

    PlanProgressIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        plans = base + "/planning/plans";
    }

    private String indicator(String code, String kind, String direction, JsonObjectBuilder extra) {
        JsonObjectBuilder b = extra.add("code", code).add("nameJa", "指標" + code).add("kind", kind).add("unit", "%")
                .add("direction", direction);
        return api.post(base + "/indicators").json(b.build()).send().expect(201).object().getString("id");
    }

    private static JsonObjectBuilder finalTarget(double target, Double actualR5) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("finalTarget", Json.createObjectBuilder().add("value", target).add("fiscalYear", 2025));
        if (actualR5 != null) {
            b.add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", "R5").add("actual", actualR5)));
        }
        return b;
    }

    private static JsonObjectBuilder yearly(double target, double actual) {
        return Json.createObjectBuilder().add("years", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", target).add("actual", actual)));
    }

    private String node(String plan, String parent, String number) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("number", number).add("title", "項目" + number);
        if (parent != null) {
            b.add("parentId", parent);
        }
        return api.post(plans + "/" + plan + "/nodes").json(b.build()).send().expect(201).object().getString("id");
    }

    private void link(String plan, String node, String indicator, Integer weight) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("indicatorId", indicator);
        if (weight != null) {
            b.add("weight", weight);
        }
        api.post(plans + "/" + plan + "/nodes/" + node + "/indicators").json(b.build()).send().expect(201);
    }

    /** The plan of the class comment; returns its id, and the ids of A and C in {@code ids}. */
    private String smallPlan(String[] ids) {
        String plan = api.post(plans).json(Json.createObjectBuilder().add("name", "進捗確認用").add("firstFiscalYear", 2021)
                .add("lastFiscalYear", 2025).build()).send().expect(201).object().getString("id");
        String g = node(plan, null, "7");
        String b = node(plan, g, "13");
        String a = node(plan, b, "35");
        String c = node(plan, b, "37");
        node(plan, a, "35-1");
        link(plan, a, indicator("35.O1", "OUTCOME", "HIGHER_IS_BETTER", finalTarget(90.0, 78.6)), null);
        link(plan, a, indicator("37.O2", "OUTCOME", "CEILING", finalTarget(90.0, 88.0)), null);
        link(plan, a, indicator("W.O1", "OUTCOME", "LOWER_IS_BETTER", yearly(90, 91.7)), null);
        link(plan, a, indicator("35.O2", "OUTCOME", "HIGHER_IS_BETTER", finalTarget(10000, null)), null);
        link(plan, a, indicator("35.P1", "PROCESS", "HIGHER_IS_BETTER", yearly(100, 50)), null);
        link(plan, c, indicator("C.O1", "OUTCOME", "HIGHER_IS_BETTER", yearly(100, 120)), 2);
        link(plan, c, indicator("C.O2", "OUTCOME", "HIGHER_IS_BETTER", yearly(50, 30)), 1);
        ids[0] = a;
        ids[1] = c;
        return plan;
    }

    private JsonObject progress(String plan, String year) {
        return api.get(plans + "/" + plan + "/progress?fiscalYear=" + year).send().expect(200).object();
    }

    static JsonObject find(JsonArray nodes, String id) {
        for (JsonValue v : nodes) {
            JsonObject n = v.asJsonObject();
            if (n.getString("id").equals(id)) {
                return n;
            }
            JsonObject below = find(n.getJsonArray("children"), id);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    static JsonObject term(JsonObject node, String label) {
        for (JsonValue v : node.getJsonArray("terms")) {
            JsonObject t = v.asJsonObject();
            if (t.getJsonObject("label").getString("ja").startsWith(label)) {
                return t;
            }
        }
        throw new AssertionError("no term " + label + " in " + node);
    }

    static JsonObject indicator(JsonObject node, String code) {
        for (JsonValue v : node.getJsonArray("indicators")) {
            if (v.asJsonObject().getString("code").equals(code)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + node);
    }

    static String num(JsonObject o, String key) {
        JsonNumber n = o.getJsonNumber(key);
        return n == null ? null : n.bigDecimalValue().stripTrailingZeros().toPlainString();
    }

    /** The municipality measures years before a final target against it (what the figures below assume). */
    private void interimYears(String rule) {
        Reply scale = api.get(base + "/rating-scale").send().expect(200);
        api.put(base + "/rating-scale").ifMatch(scale.etag()).json(Json.createObjectBuilder()
                .add("grades", scale.object().getJsonArray("grades")).add("interimYears", rule).build()).send().expect(200);
    }

    @Test
    void anInterimYearIsLeftOutUnlessTheMunicipalityRatesItAgainstTheFinalTarget() {
        String[] ids = new String[2];
        String plan = smallPlan(ids);
        // By default 令和5年度 has no target for the indicators with only a final target (令和7年度).
        JsonObject a = find(progress(plan, "R5").getJsonArray("nodes"), ids[0]);
        assertEquals("NONE", indicator(a, "35.O1").getString("targetSource"));
        assertFalse(indicator(a, "35.O1").containsKey("rating"));
        JsonObject reading = term(a, "35.O1");
        assertFalse(reading.getBoolean("included"));
        assertEquals("NO_TARGET", reading.getString("exclusion"));
        assertEquals("NO_TARGET", term(a, "37.O2").getString("exclusion"));
        // Only W.O1 (a yearly target of its own) counts: 98.1.
        assertEquals("98.1", num(a, "score"));
        // The final target year is measured against the final target whatever the rule.
        assertEquals("FINAL", indicator(find(progress(plan, "R7").getJsonArray("nodes"), ids[0]), "35.O1")
                .getString("targetSource"));

        // On the line from the baseline without a baseline: still no target.
        interimYears("INTERPOLATE");
        a = find(progress(plan, "R5").getJsonArray("nodes"), ids[0]);
        assertEquals("NONE", indicator(a, "35.O1").getString("targetSource"));
        interimYears("FINAL_TARGET");
        a = find(progress(plan, "R5").getJsonArray("nodes"), ids[0]);
        assertEquals("FINAL", indicator(a, "35.O1").getString("targetSource"));
        assertEquals("95.1", num(a, "score"));
    }

    @Test
    void measuresRollUpByTheCappedWeightedMeanAndEveryTermIsExplained() {
        String[] ids = new String[2];
        String plan = smallPlan(ids);
        interimYears("FINAL_TARGET");
        JsonObject p = progress(plan, "R5");
        assertEquals(2023, p.getJsonObject("fiscalYear").getInt("year"));
        assertTrue(p.getBoolean("withinPeriod"));
        assertEquals("100", num(p.getJsonObject("rule"), "scoreCapPercent"));
        assertTrue(p.getJsonObject("rule").getJsonObject("text").getString("ja").contains("0 とせず除外"), p::toString);

        JsonObject a = find(p.getJsonArray("nodes"), ids[0]);
        assertEquals("施策", a.getString("levelName"));
        assertEquals("95.1", num(a, "score"));
        assertEquals("B", a.getString("rating"));
        assertTrue(a.getJsonObject("formula").getString("ja").startsWith("得点 = (87.3 + 100.0 + 98.1) ÷ 3 = 95.1"),
                a::toString);
        assertTrue(a.getJsonObject("formula").getString("en").startsWith("Score = (87.3 + 100.0 + 98.1) ÷ 3 = 95.1. Left out:"),
                a::toString);

        // Each indicator as core evaluates it.
        JsonObject reading = indicator(a, "35.O1");
        assertEquals("90", num(reading, "target"));
        assertEquals("FINAL", reading.getString("targetSource"));
        assertEquals("78.6", num(reading, "actual"));
        assertEquals("87.3", num(reading, "achievementRate"));
        assertEquals("B", reading.getString("rating"));
        JsonObject ceiling = indicator(a, "37.O2");
        assertTrue(ceiling.getBoolean("met"));
        assertEquals("A", ceiling.getString("rating"));
        assertFalse(ceiling.containsKey("achievementRate"));
        assertEquals("98.1", num(indicator(a, "W.O1"), "achievementRate"));
        assertFalse(indicator(a, "35.O2").containsKey("actual"));

        // The terms: what counted, what did not and why.
        JsonObject rate = term(a, "35.O1");
        assertTrue(rate.getBoolean("included"));
        assertEquals("RATE", rate.getString("basis"));
        assertEquals("達成率 87.3%（実績値 78.6 ÷ 目標値 90）", rate.getJsonObject("explanation").getString("ja"));
        JsonObject met = term(a, "37.O2");
        assertEquals("MET", met.getString("basis"));
        assertEquals("100", num(met, "score"));
        JsonObject lower = term(a, "W.O1");
        assertTrue(lower.getJsonObject("explanation").getString("en").contains("target 90 ÷ actual 91.7; lower is better"),
                lower::toString);
        JsonObject missing = term(a, "35.O2");
        assertFalse(missing.getBoolean("included"));
        assertEquals("NO_ACTUAL", missing.getString("exclusion"));
        assertFalse(missing.containsKey("score"));
        assertTrue(missing.getJsonObject("explanation").getString("ja").contains("令和5年度の実績値がなく、0 とはしない"),
                missing::toString);
        JsonObject process = term(a, "35.P1");
        assertFalse(process.getBoolean("included"));
        assertEquals("ROLE_NOT_COUNTED", process.getString("exclusion"));
        assertEquals("50", num(process, "score"), "its score is shown though it does not count");
        JsonObject initiative = term(a, "35-1");
        assertEquals("NODE", initiative.getString("kind"));
        assertEquals("NO_SCORE", initiative.getString("exclusion"));
        assertEquals(6, a.getJsonArray("terms").size(), "five indicators and one child, and nothing else");

        JsonObject c = find(p.getJsonArray("nodes"), ids[1]);
        assertEquals("86.7", num(c, "score"));
        assertEquals("Score = (100.0 × 2 + 60.0 × 1) ÷ (2 + 1) = 86.7", c.getJsonObject("formula").getString("en"));
        JsonObject capped = term(c, "C.O1");
        assertEquals("CAPPED", capped.getString("basis"));
        assertEquals("120", num(capped, "achievementRate"));
        assertEquals("100", num(capped, "score"));
        assertEquals("2", num(capped, "weight"));

        JsonObject goal = p.getJsonArray("nodes").getJsonObject(0);
        JsonObject basic = goal.getJsonArray("children").getJsonObject(0);
        assertEquals("90.9", num(basic, "score"));
        assertEquals("得点 = (95.1 + 86.7) ÷ 2 = 90.9", basic.getJsonObject("formula").getString("ja"));
        assertEquals("90.9", num(goal, "score"));
        assertEquals("90.9", num(p, "score"));
        assertEquals("B", p.getString("rating"));
        assertEquals("NODE", p.getJsonArray("terms").getJsonObject(0).getString("kind"));
    }

    @Test
    void thePortalsOverviewIsTheTreeAndEveryYearsProgressInOneAnswer() {
        String[] ids = new String[2];
        String plan = smallPlan(ids);
        String published = base + "/planning/public/plans/" + plan;
        // Unpublished: like a plan that does not exist.
        assertProblem(api.anonymous().get(published + "/overview").send(), 404, "not-found");
        String etag = api.get(plans + "/" + plan).send().expect(200).etag();
        api.method("PATCH", plans + "/" + plan).ifMatch(etag).body("{\"published\":true}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), Api.MERGE_PATCH).send().expect(200);

        JsonObject overview = api.anonymous().get(published + "/overview").send().expect(200).object();
        assertEquals(api.anonymous().get(published + "/tree").send().expect(200).object(), overview.getJsonObject("tree"));
        assertEquals(api.anonymous().get(published + "/progress").send().expect(200).object().getJsonObject("fiscalYear"),
                overview.getJsonObject("defaultFiscalYear"));
        JsonArray years = overview.getJsonArray("years");
        assertEquals(5, years.size(), "令和3〜7年度");
        for (int i = 0; i < years.size(); i++) {
            int year = 2021 + i;
            assertEquals(api.anonymous().get(published + "/progress?fiscalYear=" + year).send().expect(200).object(),
                    years.getJsonObject(i), "the progress of " + year);
        }
    }

    @Test
    void theRuleIsDataCapRolesAndWeightsChangeTheNumbers() {
        String[] ids = new String[2];
        String plan = smallPlan(ids);
        interimYears("FINAL_TARGET");
        Reply current = api.get(plans + "/" + plan).send().expect(200);
        api.put(plans + "/" + plan).ifMatch(current.etag()).json(Json.createObjectBuilder().add("name", "進捗確認用")
                .add("firstFiscalYear", 2021).add("lastFiscalYear", 2025)
                .add("rollUp", Json.createObjectBuilder().add("scoreCapPercent", 120)
                        .add("countedRoles", Json.createArrayBuilder().add("OUTCOME").add("PROCESS"))).build())
                .send().expect(200);
        JsonObject p = progress(plan, "R5");
        assertTrue(p.getJsonObject("rule").getJsonObject("text").getString("en")
                .contains("outcome and process indicators"), p::toString);
        // A: (87.3 + 100.0 + 98.1 + 50.0) ÷ 4 = 83.85 → 83.9; C: (120.0 × 2 + 60.0) ÷ 3 = 100.0
        assertEquals("83.9", num(find(p.getJsonArray("nodes"), ids[0]), "score"));
        assertEquals("100", num(find(p.getJsonArray("nodes"), ids[1]), "score"));
        assertEquals("92", num(p, "score"), "(83.9 + 100.0) ÷ 2 = 91.95 → 92.0");

        // C weighs three times as much as A in its parent.
        Reply cNow = api.get(plans + "/" + plan + "/nodes/" + ids[1]).send().expect(200);
        api.put(plans + "/" + plan + "/nodes/" + ids[1]).ifMatch(cNow.etag())
                .json(Json.createObjectBuilder().add("number", "37").add("title", "項目37").add("weight", 3).build())
                .send().expect(200);
        JsonObject weighted = progress(plan, "R5");
        // (83.9 × 1 + 100.0 × 3) ÷ 4 = 95.975 → 96.0
        assertEquals("96", num(weighted, "score"));
        JsonObject basic = weighted.getJsonArray("nodes").getJsonObject(0).getJsonArray("children").getJsonObject(0);
        assertEquals("得点 = (83.9 × 1 + 100.0 × 3) ÷ (1 + 3) = 96.0", basic.getJsonObject("formula").getString("ja"));
    }

    @Test
    void aYearWithoutActualsHasNoScoreAndSaysWhy() {
        String[] ids = new String[2];
        String plan = smallPlan(ids);
        JsonObject p = progress(plan, "2022");
        assertNull(p.get("score"));
        assertFalse(p.containsKey("rating"));
        JsonObject a = find(p.getJsonArray("nodes"), ids[0]);
        assertFalse(a.containsKey("score"));
        assertTrue(a.getJsonObject("formula").getString("en").startsWith("No score (nothing to roll up). Left out:"),
                a::toString);
        assertEquals("NO_ACTUAL", term(a, "35.O1").getString("exclusion"));
        // The yearly target of 2023 does not apply to 2022, and there is no final target: no target either.
        assertEquals("NONE", indicator(a, "W.O1").getString("targetSource"));

        JsonObject later = progress(plan, "FY2030");
        assertFalse(later.getBoolean("withinPeriod"));
        assertEquals("NO_ACTUAL", term(find(later.getJsonArray("nodes"), ids[0]), "35.O1").getString("exclusion"));

        assertProblem(api.get(plans + "/" + plan + "/progress?fiscalYear=令和0年度").send(), 400, "invalid-fiscal-year");
        // Without a year: the current one, within the plan's period.
        int year = api.get(plans + "/" + plan + "/progress").send().expect(200).object().getJsonObject("fiscalYear").getInt("year");
        assertTrue(year >= 2021 && year <= 2025, () -> "year " + year);
    }
}
