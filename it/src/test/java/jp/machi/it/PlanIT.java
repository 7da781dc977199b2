package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comprehensive plans (総合計画) as a planning division keeps them: a plan with the municipality's
 * own level names (政策 → 施策 → 基本事業), its tree of nodes with their texts, responsible units and
 * linked indicators, conditional updates, moves, deletes, CSV, and no way to reach or refer to
 * another municipality's plans, nodes, indicators or units.
 */
@MachiTest
class PlanIT {

    private final Api api;
    private String lg;
    private String base;
    private String plans;
    private String unit;

    PlanIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipalityWithPlanning() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        plans = base + "/planning/plans";
        unit = unit(base, "01", "企画課");
    }

    private String unit(String municipality, String code, String name) {
        return api.post(municipality + "/organization-units").json(Json.createObjectBuilder().add("code", code)
                .add("nameJa", name).add("kind", "DIVISION").add("validFrom", "2021-04-01").build())
                .send().expect(201).object().getString("id");
    }

    private String indicator(String municipality, String code, String kind) {
        return api.post(municipality + "/indicators").json(Json.createObjectBuilder().add("code", code)
                .add("nameJa", "指標" + code).add("kind", kind).add("unit", "%").add("direction", "HIGHER_IS_BETTER")
                .add("baseline", Json.createObjectBuilder().add("value", 40).add("fiscalYear", 2019))
                .add("finalTarget", Json.createObjectBuilder().add("value", 50).add("fiscalYear", 2025)).build())
                .send().expect(201).object().getString("id");
    }

    static JsonObjectBuilder plan(String name) {
        return Json.createObjectBuilder().add("name", name).add("firstFiscalYear", "R3").add("lastFiscalYear", "令和7年度");
    }

    private Reply createPlan(JsonObjectBuilder body) {
        return api.post(plans).json(body.build()).send();
    }

    private JsonObject node(String plan, JsonObjectBuilder body) {
        return api.post(plans + "/" + plan + "/nodes").json(body.build()).send().expect(201).object();
    }

    static JsonObjectBuilder titled(String number, String title) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("title", title);
        return number == null ? b : b.add("number", number);
    }

    @Test
    void aPlanWithItsOwnLevelNamesHoldsATreeOfNodesWithUnitsAndIndicators() {
        Reply created = createPlan(plan("第2次総合計画").add("nameEn", "Second comprehensive plan")
                .add("levelNames", Json.createArrayBuilder().add("政策").add("施策").add("基本事業")));
        created.expect(201);
        assertTrue(created.header("Location").orElse("").contains("/planning/plans/"), created::toString);
        assertTrue(created.etag() != null, created::toString);
        JsonObject p = created.object();
        String id = p.getString("id");
        assertEquals(2021, p.getJsonObject("firstFiscalYear").getInt("year"));
        assertEquals("令和7年度", p.getJsonObject("lastFiscalYear").getString("label"));
        assertEquals(List.of("政策", "施策", "基本事業"), strings(p.getJsonArray("levelNames")));
        assertEquals("PLAN", p.getString("levelNamesSource"));
        assertEquals("100", p.getJsonObject("rollUp").getJsonNumber("scoreCapPercent").toString());
        assertEquals(List.of("OUTCOME"), strings(p.getJsonObject("rollUp").getJsonArray("countedRoles")));

        String other = unit(base, "02", "財政課");
        JsonObject policy = node(id, titled("1", "持続可能な行財政運営"));
        assertEquals(0, policy.getInt("level"));
        assertEquals("政策", policy.getString("levelName"));
        JsonObject measure = node(id, titled("1-1", "健全な財政運営").add("parentId", policy.getString("id"))
                .add("targetVision", "収支バランスの取れた財政運営がされているまち")
                .add("currentIssues", "公債費が増加傾向です。\n基金残高が減少傾向です。")
                .add("policyDirections", "中・長期の財政計画を策定します。")
                .add("responsibleUnitIds", Json.createArrayBuilder().add(unit).add(other))
                .add("responsibleUnitsNote", "及び全課")
                .add("expectedRoles", Json.createObjectBuilder().add("residents", "市の財政に関心を持ちます")
                        .add("companies", "納税意識の向上に努めます").add("activityGroups", "自助による活動に努めます")));
        assertEquals(1, measure.getInt("level"));
        assertEquals("施策", measure.getString("levelName"));
        assertEquals(policy.getString("id"), measure.getString("parentId"));
        assertEquals(List.of("企画課", "財政課"), measure.getJsonArray("responsibleUnits").stream()
                .map(v -> v.asJsonObject().getString("nameJa")).toList());
        assertEquals("公債費が増加傾向です。\n基金残高が減少傾向です。", measure.getString("currentIssues"));
        assertEquals("納税意識の向上に努めます", measure.getJsonObject("expectedRoles").getString("companies"));
        String mid = measure.getString("id");
        JsonObject project = node(id, titled(null, "財政状況の公表").add("parentId", mid).add("details", "わかりやすい公表"));
        assertEquals("基本事業", project.getString("levelName"));

        // Only three levels: a fourth is refused and names the levels.
        Reply tooDeep = api.post(plans + "/" + id + "/nodes").lang("en")
                .json(titled("x", "四段目").add("parentId", project.getString("id")).build()).send();
        JsonObject problem = assertEnglish(tooDeep, assertProblem(tooDeep, 400, "validation"));
        assertTrue(Problems.fields(problem).contains("政策 → 施策 → 基本事業"), tooDeep::toString);

        // Indicators: the role follows the kind unless given; once per node.
        String outcome = indicator(base, "A.O1", "OUTCOME");
        String process = indicator(base, "A.P1", "PROCESS");
        String links = plans + "/" + id + "/nodes/" + mid + "/indicators";
        Reply l1 = api.post(links).json(Json.createObjectBuilder().add("indicatorId", outcome).build()).send().expect(201);
        assertEquals("OUTCOME", l1.object().getString("role"));
        assertEquals("成果指標", l1.object().getString("roleLabel"));
        assertEquals("1", l1.object().getJsonNumber("weight").toString());
        JsonObject l2 = api.post(links).json(Json.createObjectBuilder().add("indicatorId", process).add("weight", 2.5).build())
                .send().expect(201).object();
        assertEquals("PROCESS", l2.getString("role"));
        assertEquals("A.P1", l2.getString("code"));
        assertEquals("50", l2.getJsonObject("finalTarget").getJsonNumber("value").toString());
        assertProblem(api.post(links).json(Json.createObjectBuilder().add("indicatorId", outcome).build()).send(), 409,
                "indicator-already-linked");
        // An indicator a plan uses cannot be deleted from under it.
        Reply used = api.get(base + "/indicators/" + outcome).send().expect(200);
        assertProblem(api.delete(base + "/indicators/" + outcome).ifMatch(used.etag()).send(), 409, "conflict");
        api.get(base + "/indicators/" + outcome).send().expect(200);

        // The tree: nested, in order, with level names and indicators.
        JsonObject tree = api.get(plans + "/" + id + "/tree").send().expect(200).object();
        assertEquals(3, tree.getJsonObject("plan").getInt("nodeCount"));
        JsonObject root = tree.getJsonArray("nodes").getJsonObject(0);
        assertEquals("持続可能な行財政運営", root.getString("title"));
        JsonObject child = root.getJsonArray("children").getJsonObject(0);
        assertEquals("健全な財政運営", child.getString("title"));
        assertEquals(List.of("A.O1", "A.P1"), child.getJsonArray("indicators").stream()
                .map(v -> v.asJsonObject().getString("code")).toList());
        assertEquals("財政状況の公表", child.getJsonArray("children").getJsonObject(0).getString("title"));

        // The flat list pages in document order.
        JsonObject page = api.get(plans + "/" + id + "/nodes?size=2&page=1").send().expect(200).object();
        assertEquals(3, page.getInt("totalItems"));
        assertEquals("財政状況の公表", page.getJsonArray("items").getJsonObject(0).getString("title"));
        assertProblem(api.get(plans + "/" + id + "/nodes?size=0").send(), 400, "validation");

        // A node read back and sent unchanged is accepted, and its units stay.
        Reply read = api.get(plans + "/" + id + "/nodes/" + mid).send().expect(200);
        Reply same = api.put(plans + "/" + id + "/nodes/" + mid).ifMatch(read.etag()).json(read.text()).send().expect(200);
        assertEquals(read.object().getJsonArray("responsibleUnitIds"), same.object().getJsonArray("responsibleUnitIds"));
    }

    @Test
    void withoutLevelNamesAPlanFollowsTheSettingAndCannotDropLevelsItsNodesUse() {
        Reply created = createPlan(plan("総合計画")).expect(201);
        JsonObject p = created.object();
        assertEquals(List.of("基本目標", "基本施策", "施策", "取組項目"), strings(p.getJsonArray("levelNames")));
        assertEquals("SETTING", p.getString("levelNamesSource"));
        String id = p.getString("id");
        String goal = node(id, titled("1", "目標")).getString("id");
        String basic = node(id, titled("1", "基本施策").add("parentId", goal)).getString("id");
        node(id, titled("1", "施策").add("parentId", basic));

        // Read back and sent as is, it still follows the setting.
        Reply again = api.put(plans + "/" + id).ifMatch(created.etag()).json(created.text()).send().expect(200);
        assertEquals("SETTING", again.object().getString("levelNamesSource"));

        Reply two = api.put(plans + "/" + id).ifMatch(again.etag()).json(plan("総合計画")
                .add("levelNames", Json.createArrayBuilder().add("政策").add("施策")).build()).send();
        assertJapanese(two, assertProblem(two, 409, "plan-levels-in-use"));
        assertEquals("使用中の階層があります", two.object().getString("title"), "the module's own title, not the generic one");
        Reply twoEn = api.put(plans + "/" + id).ifMatch(again.etag()).lang("en").json(plan("総合計画")
                .add("levelNames", Json.createArrayBuilder().add("政策").add("施策")).build()).send();
        assertEquals("Levels in use", assertProblem(twoEn, 409, "plan-levels-in-use").getString("title"));
        Reply three = api.put(plans + "/" + id).ifMatch(again.etag()).json(plan("総合計画")
                .add("levelNames", Json.createArrayBuilder().add("政策").add("施策").add("基本事業")).build()).send().expect(200);
        assertEquals("PLAN", three.object().getString("levelNamesSource"));
        assertEquals("基本事業", api.get(plans + "/" + id + "/tree").send().expect(200).object().getJsonArray("nodes")
                .getJsonObject(0).getJsonArray("children").getJsonObject(0).getJsonArray("children").getJsonObject(0)
                .getString("levelName"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        Reply created = createPlan(plan("A")).expect(201);
        String item = plans + "/" + created.object().getString("id");
        JsonObject change = plan("B").add("rollUp", Json.createObjectBuilder().add("scoreCapPercent", 120)
                .add("countedRoles", Json.createArrayBuilder().add("OUTCOME").add("PROCESS"))).build();

        assertProblem(api.put(item).json(change).send(), 428, "precondition-required");
        Reply updated = api.put(item).ifMatch(created.etag()).json(change).send().expect(200);
        assertEquals("B", updated.object().getString("name"));
        assertEquals("120", updated.object().getJsonObject("rollUp").getJsonNumber("scoreCapPercent").toString());
        assertEquals(List.of("OUTCOME", "PROCESS"), strings(updated.object().getJsonObject("rollUp").getJsonArray("countedRoles")));
        assertNotEquals(created.etag(), updated.etag());
        Reply stale = api.put(item).ifMatch(created.etag()).json(plan("C").build()).send();
        assertJapanese(stale, assertProblem(stale, 412, "stale-version"));
        assertEquals("B", api.get(item).send().expect(200).object().getString("name"));

        String id = created.object().getString("id");
        Reply node = api.post(item + "/nodes").json(titled("1", "目標").build()).send().expect(201);
        String nodeItem = item + "/nodes/" + node.object().getString("id");
        assertProblem(api.put(nodeItem).json(titled("1", "新").build()).send(), 428, "precondition-required");
        Reply renamed = api.put(nodeItem).ifMatch(node.etag()).json(titled("1", "新").add("responsibleUnitIds",
                Json.createArrayBuilder().add(unit)).build()).send().expect(200);
        assertNotEquals(node.etag(), renamed.etag());
        assertProblem(api.put(nodeItem).ifMatch(node.etag()).json(titled("1", "古").build()).send(), 412, "stale-version");
        // A change of units alone is a change too: the ETag moves.
        Reply unitsOnly = api.put(nodeItem).ifMatch(renamed.etag()).json(titled("1", "新").build()).send().expect(200);
        assertNotEquals(renamed.etag(), unitsOnly.etag());

        String ind = indicator(base, "X", "OUTCOME");
        Reply link = api.post(nodeItem + "/indicators").json(Json.createObjectBuilder().add("indicatorId", ind).build())
                .send().expect(201);
        String linkItem = nodeItem + "/indicators/" + link.object().getString("id");
        JsonObject revision = Json.createObjectBuilder().add("role", "PROCESS").add("weight", 3).build();
        assertProblem(api.put(linkItem).json(revision).send(), 428, "precondition-required");
        Reply revised = api.put(linkItem).ifMatch(link.etag()).json(revision).send().expect(200);
        assertEquals("PROCESS", revised.object().getString("role"));
        assertEquals("3", revised.object().getJsonNumber("weight").toString());
        assertProblem(api.delete(linkItem).ifMatch(link.etag()).send(), 412, "stale-version");
        api.delete(linkItem).ifMatch(revised.etag()).send().expect(204);
        assertEquals(0, api.get(nodeItem + "/indicators").send().expect(200).object().getInt("totalItems"));

        assertProblem(api.delete(item).send(), 428, "precondition-required");
        api.delete(item).ifMatch(updated.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, "not-found");
        assertProblem(api.get(plans + "/" + id + "/tree").send(), 404, "not-found");
        // The indicator outlives the plan that used it.
        api.get(base + "/indicators/" + ind).send().expect(200);
    }

    @Test
    void nodesMoveWithTheirSubtreeButNeverUnderThemselvesOrTooDeep() {
        String id = createPlan(plan("P").add("levelNames", Json.createArrayBuilder().add("政策").add("施策").add("基本事業")))
                .expect(201).object().getString("id");
        String nodes = plans + "/" + id + "/nodes";
        String p1 = node(id, titled("1", "政策1")).getString("id");
        String p2 = node(id, titled("2", "政策2")).getString("id");
        String m1 = node(id, titled("1-1", "施策1-1").add("parentId", p1)).getString("id");
        String b1 = node(id, titled("1-1-1", "事業").add("parentId", m1)).getString("id");
        String m2 = node(id, titled("2-1", "施策2-1").add("parentId", p2)).getString("id");
        String first = node(id, titled("2-0", "施策2-0").add("parentId", p2).add("position", 0)).getString("id");
        assertEquals(List.of("1-1", "2-0", "2-1"), childNumbers(id, 1));

        Reply m1Now = api.get(nodes + "/" + m1).send().expect(200);
        Reply moved = api.post(nodes + "/" + m1 + "/move").ifMatch(m1Now.etag())
                .json(Json.createObjectBuilder().add("parentId", p2).add("position", 1).build()).send().expect(200);
        assertEquals(p2, moved.object().getString("parentId"));
        assertEquals(List.of("2-0", "1-1", "2-1"), childNumbers(id, 1));
        assertEquals(2, api.get(nodes + "/" + b1).send().expect(200).object().getInt("level"), "the subtree came along");

        // Under its own descendant: refused.
        Reply p2Now = api.get(nodes + "/" + p2).send().expect(200);
        Reply cycle = api.post(nodes + "/" + p2 + "/move").ifMatch(p2Now.etag())
                .json(Json.createObjectBuilder().add("parentId", m1).build()).send();
        assertTrue(Problems.fields(assertProblem(cycle, 400, "validation")).contains("parentId"), cycle::toString);
        // A measure with a project below it cannot go under another measure: four levels.
        Reply m1Again = api.get(nodes + "/" + m1).send().expect(200);
        assertProblem(api.post(nodes + "/" + m1 + "/move").ifMatch(m1Again.etag())
                .json(Json.createObjectBuilder().add("parentId", m2).build()).send(), 400, "validation");
        // To the top level it becomes a policy, its project a measure.
        api.post(nodes + "/" + m1 + "/move").ifMatch(m1Again.etag()).json("{\"parentId\":null}").send().expect(200);
        JsonObject b1Now = api.get(nodes + "/" + b1).send().expect(200).object();
        assertEquals(1, b1Now.getInt("level"));
        assertEquals("施策", b1Now.getString("levelName"));
        assertEquals(List.of("2-0", "2-1", "1-1-1"), childNumbers(id, 1));

        // A node with children goes only together with them.
        Reply p2Etag = api.get(nodes + "/" + p2).send().expect(200);
        assertProblem(api.delete(nodes + "/" + p2).ifMatch(p2Etag.etag()).send(), 409, "node-has-children");
        assertProblem(api.delete(nodes + "/" + p2 + "?withDescendants=maybe").ifMatch(p2Etag.etag()).send(), 400,
                "validation");
        api.delete(nodes + "/" + p2 + "?withDescendants=true").ifMatch(p2Etag.etag()).send().expect(204);
        assertProblem(api.get(nodes + "/" + first).send(), 404, "not-found");
        assertEquals(3, api.get(nodes).send().expect(200).object().getInt("totalItems"));
    }

    /** Numbers of the nodes at a level, in document order. */
    private List<String> childNumbers(String plan, int level) {
        return api.get(plans + "/" + plan + "/nodes").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getInt("level") == level).map(o -> o.getString("number")).toList();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        Reply missing = createPlan(Json.createObjectBuilder().add("name", ""));
        String fields = Problems.fields(assertProblem(missing, 400, "validation"));
        for (String f : List.of("name", "firstFiscalYear", "lastFiscalYear")) {
            assertTrue(fields.contains("\"" + f + "\""), () -> f + " not named: " + missing);
        }
        Reply backwards = api.post(plans).lang("en").json(Json.createObjectBuilder().add("name", "x")
                .add("firstFiscalYear", 2025).add("lastFiscalYear", 2021).build()).send();
        assertTrue(Problems.fields(assertProblem(backwards, 400, "validation")).contains("lastFiscalYear"), backwards::toString);
        assertProblem(createPlan(plan("x").add("rollUp", Json.createObjectBuilder().add("scoreCapPercent", 80))), 400,
                "validation");
        assertProblem(createPlan(plan("x").add("rollUp", Json.createObjectBuilder().add("countedRoles",
                Json.createArrayBuilder()))), 400, "validation");
        assertProblem(createPlan(plan("x").add("rollUp", Json.createObjectBuilder().add("countedRoles",
                Json.createArrayBuilder().add("ACTIVITY")))), 400, null);
        assertProblem(createPlan(plan("x").add("levelNames", Json.createArrayBuilder())), 400, "validation");
        assertProblem(createPlan(plan("x").add("firstFiscalYear", "令和0年度")), 400, "invalid-fiscal-year");
        assertEquals(0, api.get(plans).send().expect(200).object().getInt("totalItems"));

        String id = createPlan(plan("x")).expect(201).object().getString("id");
        String nodes = plans + "/" + id + "/nodes";
        Reply noTitle = api.post(nodes).json("{\"number\":\"1\"}").send();
        assertTrue(Problems.fields(assertProblem(noTitle, 400, "validation")).contains("title"), noTitle::toString);
        assertProblem(api.post(nodes).json("").send(), 400, null);
        Reply unknownUnit = api.post(nodes).json(titled("1", "x").add("responsibleUnitIds",
                Json.createArrayBuilder().add("7f1e7c3a-0000-4000-8000-000000000000")).build()).send();
        assertTrue(Problems.fields(assertProblem(unknownUnit, 400, "invalid-reference")).contains("responsibleUnitIds[0]"),
                unknownUnit::toString);
        assertProblem(api.post(nodes).json(titled("1", "x").add("responsibleUnitIds",
                Json.createArrayBuilder().add(unit).add(unit)).build()).send(), 400, "validation");
        assertProblem(api.post(nodes).json(titled("1", "x").add("parentId", "7f1e7c3a-0000-4000-8000-000000000000").build())
                .send(), 400, "invalid-reference");
        assertProblem(api.post(nodes).json(titled("1", "x").add("weight", -1).build()).send(), 400, "validation");
        assertEquals(0, api.get(nodes).send().expect(200).object().getInt("totalItems"));

        String node = node(id, titled("1", "x")).getString("id");
        Reply unknownIndicator = api.post(nodes + "/" + node + "/indicators").json(Json.createObjectBuilder()
                .add("indicatorId", "7f1e7c3a-0000-4000-8000-000000000000").build()).send();
        assertTrue(Problems.fields(assertProblem(unknownIndicator, 400, "invalid-reference")).contains("indicatorId"),
                unknownIndicator::toString);
        Reply unknownPlan = api.get(plans + "/7f1e7c3a-0000-4000-8000-000000000000").lang("en").send();
        assertEnglish(unknownPlan, assertProblem(unknownPlan, 404, "not-found"));
        assertProblem(api.get(plans + "?page=x").send(), 400, "validation");
    }

    @Test
    void anotherMunicipalitysPlansNodesIndicatorsAndUnitsAreOutOfReach() {
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "planning", true);
        String otherBase = Municipalities.PATH + "/" + other;
        String theirUnit = unit(otherBase, "09", "他市の課");
        String theirIndicator = indicator(otherBase, "T.O1", "OUTCOME");
        String theirPlans = otherBase + "/planning/plans";
        Reply theirPlan = api.post(theirPlans).json(plan("他市の計画").build()).send().expect(201);
        String theirPlanId = theirPlan.object().getString("id");
        Reply theirNode = api.post(theirPlans + "/" + theirPlanId + "/nodes").json(titled("1", "他市の項目").build())
                .send().expect(201);
        String theirNodeId = theirNode.object().getString("id");

        // Their ids under our code: as if they did not exist.
        String under = plans + "/" + theirPlanId;
        assertProblem(api.get(under).send(), 404, "not-found");
        assertProblem(api.get(under + "/tree").send(), 404, "not-found");
        assertProblem(api.get(under + "/progress?fiscalYear=R5").send(), 404, "not-found");
        assertProblem(api.get(under + "/nodes?format=csv").send(), 404, "not-found");
        assertProblem(api.put(under).ifMatch(theirPlan.etag()).json(theirPlan.text()).send(), 404, "not-found");
        assertProblem(api.delete(under).ifMatch(theirPlan.etag()).send(), 404, "not-found");
        assertProblem(api.post(under + "/nodes").json(titled("1", "x").build()).send(), 404, "not-found");

        // Their node under our plan: not found either.
        String ours = createPlan(plan("自市の計画")).expect(201).object().getString("id");
        String ourNodes = plans + "/" + ours + "/nodes";
        assertProblem(api.get(ourNodes + "/" + theirNodeId).send(), 404, "not-found");
        assertProblem(api.put(ourNodes + "/" + theirNodeId).ifMatch(theirNode.etag()).json(theirNode.text()).send(), 404,
                "not-found");
        assertProblem(api.post(ourNodes + "/" + theirNodeId + "/indicators").json(Json.createObjectBuilder()
                .add("indicatorId", theirIndicator).build()).send(), 404, "not-found");
        // Nor as a parent, nor their indicator or unit as a reference.
        assertProblem(api.post(ourNodes).json(titled("1", "x").add("parentId", theirNodeId).build()).send(), 400,
                "invalid-reference");
        assertProblem(api.post(ourNodes).json(titled("1", "x").add("responsibleUnitIds",
                Json.createArrayBuilder().add(theirUnit)).build()).send(), 400, "invalid-reference");
        String ourNode = node(ours, titled("1", "自市の項目")).getString("id");
        assertProblem(api.post(ourNodes + "/" + ourNode + "/indicators").json(Json.createObjectBuilder()
                .add("indicatorId", theirIndicator).build()).send(), 400, "invalid-reference");
        // A node of another plan of ours is not a node of this plan.
        String second = createPlan(plan("別の計画")).expect(201).object().getString("id");
        assertProblem(api.get(plans + "/" + second + "/nodes/" + ourNode).send(), 404, "not-found");

        // Their data is untouched and ours shows none of it.
        assertEquals(theirPlan.object().getString("name"), api.get(theirPlans + "/" + theirPlanId).send().expect(200)
                .object().getString("name"));
        assertEquals(1, api.get(theirPlans + "/" + theirPlanId + "/nodes").send().expect(200).object().getInt("totalItems"));
        String list = api.get(plans).send().expect(200).text();
        assertFalse(list.contains(theirPlanId) || list.contains("他市"), list);
    }

    @Test
    void theNodesExportAsCsvWithOneRowPerIndicatorAndABom() {
        String id = createPlan(plan("計画")).expect(201).object().getString("id");
        String goal = node(id, titled("7", "市民とともにつくる持続可能なまち")).getString("id");
        String measure = node(id, titled("35", "広聴・広報の充実").add("parentId", goal)
                .add("responsibleUnitIds", Json.createArrayBuilder().add(unit))
                .add("targetVision", "行政情報を分かりやすく提供できるまち")).getString("id");
        String links = plans + "/" + id + "/nodes/" + measure + "/indicators";
        api.post(links).json(Json.createObjectBuilder().add("indicatorId", indicator(base, "35.O1", "OUTCOME")).build())
                .send().expect(201);
        api.post(links).json(Json.createObjectBuilder().add("indicatorId", indicator(base, "35.P1", "PROCESS")).build())
                .send().expect(201);

        Reply csv = api.get(plans + "/" + id + "/nodes?format=csv").send().expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        byte[] bytes = csv.bytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("階層,番号,名称,上位項目"), text);
        String[] lines = text.split("\r\n");
        assertEquals(4, lines.length, text);
        assertTrue(lines[1].startsWith("基本目標,7,市民とともにつくる持続可能なまち,"), text);
        assertTrue(lines[2].startsWith("基本施策,35,広聴・広報の充実,7 市民とともにつくる持続可能なまち,,企画課,"), text);
        assertTrue(lines[2].contains("35.O1,指標35.O1,成果指標,1,%,40,令和元年度,50,令和7年度"), text);
        assertTrue(lines[3].contains("35.P1,指標35.P1,プロセス指標,1,%"), text);

        String english = new String(api.get(plans + "/" + id + "/nodes").accept("text/csv").lang("en").send().expect(200)
                .bytes(), StandardCharsets.UTF_8);
        assertTrue(english.substring(1).startsWith("Level,No.,Title,Parent"), english);
        assertTrue(english.contains(",Outcome,1,%,40,FY2019,50,FY2025"), english);

        String plansCsv = new String(api.get(plans + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(plansCsv.substring(1).startsWith("計画名,"), plansCsv);
        assertTrue(plansCsv.contains("計画,,令和3年度,令和7年度,基本目標 → 基本施策 → 施策 → 取組項目,2"), plansCsv);
    }

    private static List<String> strings(JsonArray a) {
        return a.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
