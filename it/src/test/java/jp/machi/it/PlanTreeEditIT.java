package jp.machi.it;

import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console's plan tree editor needs of the API beyond single-node edits: renumbering the
 * plan level by level in one request (all or nothing, If-Match of the plan, whose version it
 * raises), for the whole plan or below one node; and a node that administrative programs are
 * placed at (施策体系上の位置) refused deletion with the programs named, as is its plan.
 */
@MachiTest
class PlanTreeEditIT {

    private final Api api;
    private String base;
    private String plan;

    PlanTreeEditIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aPlanWithTwoGoalsAndTheirMeasures() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        plan = api.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", "第6次総合計画")
                .add("firstFiscalYear", "R3").add("lastFiscalYear", "R7")
                .add("levelNames", Json.createArrayBuilder().add("基本目標").add("施策").add("取組項目")).build())
                .send().expect(201).header("Location").orElseThrow();
        plan = plan.substring(plan.indexOf("/api/v1/"));
    }

    private String node(String parent, String number, String title) {
        var b = Json.createObjectBuilder().add("title", title);
        if (number != null) {
            b.add("number", number);
        }
        if (parent != null) {
            b.add("parentId", parent);
        }
        return api.post(plan + "/nodes").json(b.build()).send().expect(201).object().getString("id");
    }

    private static JsonObject levels(String underNodeId, String... schemes) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (String s : schemes) {
            String[] parts = s.split(":", -1);
            var l = Json.createObjectBuilder().add("scheme", parts[0]);
            if (parts.length > 1) {
                l.add("start", Integer.parseInt(parts[1]));
            }
            if (parts.length > 2) {
                l.add("separator", parts[2]);
            }
            a.add(l);
        }
        var b = Json.createObjectBuilder().add("levels", a);
        if (underNodeId != null) {
            b.add("underNodeId", underNodeId);
        }
        return b.build();
    }

    /** "number title" of every node in document order, as the tree says. */
    private static List<String> numbered(JsonObject tree) {
        List<String> out = new ArrayList<>();
        collect(tree.getJsonArray("nodes"), out);
        return out;
    }

    private static void collect(jakarta.json.JsonArray nodes, List<String> out) {
        for (JsonValue v : nodes) {
            JsonObject n = v.asJsonObject();
            out.add((n.containsKey("number") && !n.isNull("number") ? n.getString("number") + " " : "") + n.getString("title"));
            collect(n.getJsonArray("children"), out);
        }
    }

    @Test
    void renumbersLevelByLevelInOneRequestGuardedByThePlansVersion() {
        String goal1 = node(null, "7", "市民とともにつくるまち");
        String m1 = node(goal1, null, "広聴の充実");
        node(goal1, "x", "広報の充実");
        String goal2 = node(null, null, "安心して暮らせるまち");
        node(goal2, "99", "防災の推進");
        node(m1, "a", "市長への手紙");

        Reply tree = api.get(plan + "/tree").send().expect(200);
        String etag = tree.etag();
        Reply done = api.post(plan + "/renumber").ifMatch(etag)
                .json(levels(null, "SEQUENCE:1", "SEQUENCE:35", "OUTLINE:1:-")).send().expect(200);
        assertEquals(List.of("1 市民とともにつくるまち", "35 広聴の充実", "35-1 市長への手紙", "36 広報の充実",
                "2 安心して暮らせるまち", "37 防災の推進"), numbered(done.object()), "施策 counted through the plan");
        assertNotEquals(etag, done.etag(), "the plan's version is raised");
        assertEquals(done.etag(), api.get(plan).send().expect(200).etag());
        assertEquals(numbered(done.object()), numbered(api.get(plan + "/tree").send().expect(200).object()));

        // The same ETag again: someone (this request) changed the plan since.
        assertProblem(api.post(plan + "/renumber").ifMatch(etag).json(levels(null, "CLEAR")).send(), 412, null);
        assertProblem(api.post(plan + "/renumber").json(levels(null, "CLEAR")).send(), 428, null);

        // Within each parent, below one goal only; the other goal's numbers stay.
        Reply under = api.post(plan + "/renumber").ifMatch(done.etag())
                .json(levels(goal1, "KEEP", "SIBLINGS:1", "CLEAR")).send().expect(200);
        assertEquals(List.of("1 市民とともにつくるまち", "1 広聴の充実", "市長への手紙", "2 広報の充実",
                "2 安心して暮らせるまち", "37 防災の推進"), numbered(under.object()));

        // OUTLINE from the top: 1, 1-1, 1-1-1 …
        Reply outline = api.post(plan + "/renumber").ifMatch(under.etag())
                .json(levels(null, "SEQUENCE", "OUTLINE:1:-", "OUTLINE:1:.")).send().expect(200);
        assertEquals(List.of("1 市民とともにつくるまち", "1-1 広聴の充実", "1-1.1 市長への手紙", "1-2 広報の充実",
                "2 安心して暮らせるまち", "2-1 防災の推進"), numbered(outline.object()));
    }

    @Test
    void aNumberTooLongRefusesTheWholeRenumberingAndChangesNothing() {
        String goal = node(null, "1", "基本目標");
        String measure = node(goal, "1", "施策");
        node(measure, "1", "取組");
        String etag = api.get(plan + "/tree").send().expect(200).etag();
        JsonObject before = api.get(plan + "/tree").send().expect(200).object();

        Reply refused = api.post(plan + "/renumber").ifMatch(etag)
                .json(levels(null, "SEQUENCE:99999", "OUTLINE:99999:---", "OUTLINE:99999:---")).send();
        JsonObject p = assertJapanese(refused, assertProblem(refused, 400, "validation"));
        assertTrue(p.toString().contains("levels[2]") && p.toString().contains("20 文字を超えます"), p::toString);
        assertEquals(numbered(before), numbered(api.get(plan + "/tree").send().expect(200).object()), "nothing written");
        assertEquals(etag, api.get(plan).send().expect(200).etag(), "the version stays");

        Reply en = api.post(plan + "/renumber").ifMatch(etag).lang("en")
                .json(levels(null, "SEQUENCE:99999", "OUTLINE:99999:---", "OUTLINE:99999:---")).send();
        assertTrue(assertProblem(en, 400, "validation").toString().contains("longer than 20 characters"), en::toString);

        // Bounds and shapes: each refused by field.
        for (JsonObject bad : List.of(levels(null, "SEQUENCE:-1"), levels(null, "SEQUENCE:100000"),
                levels(null, "OUTLINE:1:"), levels(null, "OUTLINE:1:1"), Json.createObjectBuilder().build(),
                Json.createObjectBuilder().add("levels", Json.createArrayBuilder()).build())) {
            assertProblem(api.post(plan + "/renumber").ifMatch(etag).json(bad).send(), 400, null);
        }
        assertProblem(api.post(plan + "/renumber").ifMatch(etag).json("{\"levels\":[{\"scheme\":\"ROMAN\"}]}").send(), 400, null);
        Reply unknownNode = api.post(plan + "/renumber").ifMatch(etag)
                .json(levels("00000000-0000-0000-0000-000000000001", "SEQUENCE")).send();
        assertTrue(assertProblem(unknownNode, 400, null).toString().contains("underNodeId"), unknownNode::toString);
    }

    @Test
    void anotherMunicipalitysPlanIsNotFoundWhateverTheBody() {
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "planning", true);
        String path = plan.replace(base, Municipalities.PATH + "/" + other);
        assertProblem(api.post(path + "/renumber").ifMatch("\"0\"").json("{\"levels\":[]}").send(), 404, null);
        assertProblem(api.post(path + "/renumber").json(levels(null, "CLEAR")).send(), 404, null);
    }

    @Test
    void aNodeThatProgramsArePlacedAtIsNotDeletedAndSaysWhichPrograms() {
        String goal = node(null, "1", "基本目標");
        String measure = node(goal, "35", "広聴・広報の充実");
        api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", "R6")
                .add("programNumber", "1001").add("name", "広報紙発行事業").add("planNodeId", measure).build())
                .send().expect(201);

        Reply measureNow = api.get(plan + "/nodes/" + measure).send().expect(200);
        Reply refused = api.delete(plan + "/nodes/" + measure).ifMatch(measureNow.etag()).send();
        JsonObject p = assertJapanese(refused, assertProblem(refused, 409, "node-has-programs"));
        assertTrue(p.getString("detail").contains("1001 広報紙発行事業"), p::toString);
        Reply goalNow = api.get(plan + "/nodes/" + goal).send().expect(200);
        Reply below = api.delete(plan + "/nodes/" + goal + "?withDescendants=true").ifMatch(goalNow.etag()).lang("en").send();
        JsonObject en = assertProblem(below, 409, "node-has-programs");
        assertEquals("en", below.header("Content-Language").orElse(""));
        assertTrue(en.getString("detail").contains("Move those programs first"), en::toString);
        api.get(plan + "/nodes/" + measure).send().expect(200);

        Reply planNow = api.get(plan).send().expect(200);
        assertProblem(api.delete(plan).ifMatch(planNow.etag()).send(), 409, "plan-has-programs");
        api.get(plan + "/tree").send().expect(200);
    }
}
