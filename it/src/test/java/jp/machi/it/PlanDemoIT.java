package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.machi.it.support.Api;
import jp.machi.it.support.Demo;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import org.junit.jupiter.api.Test;

/**
 * With {@code MACHI_DEMO=true} 須坂市 (202070) has its comprehensive plan as seed 002 gives it:
 * FY2021–FY2025, 基本目標 → 基本施策 → 施策 → 取組項目, 基本施策13 with measures 35–39, each with its
 * texts, responsible divisions, expected roles, 取組項目, and outcome and process indicators in the
 * numbers the document gives (35: 2 + 2, 36: 1 + 4, 37: 2 + 3, 38: 2 + 4, 39: 2 + 2).
 */
@MachiTest
class PlanDemoIT {

    @Test
    void suzakasPlanHasMeasures35To39WithTheSeedsIndicators(@Demo MachiServer server) {
        Api api = server.api();
        String plans = "/api/v1/municipalities/202070/planning/plans";
        JsonObject list = api.get(plans).send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"), list::toString);
        JsonObject plan = list.getJsonArray("items").getJsonObject(0);
        assertEquals(2021, plan.getJsonObject("firstFiscalYear").getInt("year"));
        assertEquals(2025, plan.getJsonObject("lastFiscalYear").getInt("year"));
        assertEquals(List.of("基本目標", "基本施策", "施策", "取組項目"), strings(plan.getJsonArray("levelNames")));
        assertEquals(43, plan.getInt("nodeCount"));
        String id = plan.getString("id");

        JsonArray roots = api.get(plans + "/" + id + "/tree").send().expect(200).object().getJsonArray("nodes");
        assertEquals(1, roots.size());
        JsonObject goal = roots.getJsonObject(0);
        assertEquals("市民とともにつくる持続可能なまち", goal.getString("title"));
        assertEquals("基本目標", goal.getString("levelName"));
        JsonObject basic = goal.getJsonArray("children").getJsonObject(0);
        assertEquals("13", basic.getString("number"));
        assertEquals("未来志向型の行政経営を行うまちづくり", basic.getString("title"));
        JsonArray measures = basic.getJsonArray("children");
        assertEquals(List.of("35", "36", "37", "38", "39"),
                measures.stream().map(m -> m.asJsonObject().getString("number")).toList());
        assertEquals(List.of("広聴・広報の充実", "ICT 等による利便性の向上と業務効率化の促進", "長期的展望に立った財政運営",
                "移住定住の促進及び若者の結婚支援", "協働・市民参画の推進"),
                measures.stream().map(m -> m.asJsonObject().getString("title")).toList());
        int[][] expected = {{2, 2}, {1, 4}, {2, 3}, {2, 4}, {2, 2}};
        int[] initiatives = {2, 17, 9, 4, 4};
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonObject m = measures.getJsonObject(i);
            assertEquals("施策", m.getString("levelName"));
            JsonArray indicators = m.getJsonArray("indicators");
            long outcome = indicators.stream().filter(l -> l.asJsonObject().getString("role").equals("OUTCOME")).count();
            long process = indicators.stream().filter(l -> l.asJsonObject().getString("role").equals("PROCESS")).count();
            assertEquals(expected[i][0], outcome, m.getString("number"));
            assertEquals(expected[i][1], process, m.getString("number"));
            indicators.forEach(l -> codes.add(l.asJsonObject().getString("code")));
            assertEquals(initiatives[i], m.getJsonArray("children").size(), m.getString("number"));
            for (JsonValue c : m.getJsonArray("children")) {
                assertEquals("取組項目", c.asJsonObject().getString("levelName"));
                assertFalse(c.asJsonObject().getString("details").isBlank());
            }
            assertFalse(m.getString("targetVision").isBlank());
            assertFalse(m.getString("currentIssues").isBlank());
            assertFalse(m.getString("policyDirections").isBlank());
            JsonObject roles = m.getJsonObject("expectedRoles");
            for (String who : List.of("residents", "companies", "activityGroups")) {
                assertFalse(roles.getString(who).isBlank(), () -> m.getString("number") + " " + who);
            }
        }
        assertEquals(24, codes.size(), codes::toString);
        assertTrue(codes.contains("35.O1") && codes.contains("39.P2"), codes::toString);

        JsonObject m35 = measures.getJsonObject(0);
        assertTrue(m35.getString("targetVision").startsWith("市民との対話や、市民アンケート"), m35::toString);
        assertEquals(List.of("政策推進課"), m35.getJsonArray("responsibleUnits").stream()
                .map(u -> u.asJsonObject().getString("nameJa")).toList());
        JsonObject m37 = measures.getJsonObject(2);
        assertEquals(List.of("総務課", "財政課", "税務課"), m37.getJsonArray("responsibleUnits").stream()
                .map(u -> u.asJsonObject().getString("nameJa")).toList());
        JsonObject ceiling = m37.getJsonArray("indicators").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("code").equals("37.O2")).findFirst().orElseThrow();
        assertEquals("CEILING", ceiling.getString("direction"));
        assertEquals("経常収支比率", ceiling.getString("nameJa"));
        JsonObject m39 = measures.getJsonObject(4);
        assertEquals("（1）多様な活動主体の参画による地域社会づくり",
                m39.getJsonArray("children").getJsonObject(0).getString("groupLabel"));
        assertEquals("生涯学習推進課及び全課", m39.getJsonArray("children").getJsonObject(0).getString("responsibleUnitsNote"));

        // The seed gives no actuals. The actuals of R5 are 38.O1's, 38.O2's and 38.P1's, which the demo binds to the
        // promotion module's supported migrants (186 as the seed gives it, plus invented records), marriages through
        // marriage support (13 as the seed gives it, plus an invented one) and the vacant-house bank's registrations
        // (84 as the seed gives it, plus two invented properties): the progress is scored on the two outcomes
        // (38.P1 is a process indicator, not counted by the plan's rule).
        JsonObject progress = api.get(plans + "/" + id + "/progress?fiscalYear=R5").send().expect(200).object();
        List<JsonObject> withActual = new java.util.ArrayList<>();
        collectActuals(progress.getJsonArray("nodes"), withActual);
        assertEquals(List.of("38.O1", "38.O2", "38.P1"), withActual.stream().map(i -> i.getString("code")).toList(),
                progress::toString);
        assertEquals("METRIC", withActual.get(0).getString("actualSource"));
        assertEquals(191, withActual.get(0).getJsonNumber("actual").intValue());
        assertEquals("METRIC", withActual.get(1).getString("actualSource"));
        assertEquals(14, withActual.get(1).getJsonNumber("actual").intValue());
        assertEquals("METRIC", withActual.get(2).getString("actualSource"));
        assertEquals(86, withActual.get(2).getJsonNumber("actual").intValue(), "84 + 2 invented registrations");
        assertTrue(progress.containsKey("score"), progress::toString);

        // The demo plan is published: anybody reads the same progress on the public endpoints and the portal.
        assertTrue(plan.getBoolean("published"), plan::toString);
        Api anonymous = api.anonymous();
        String publicPlans = "/api/v1/municipalities/202070/planning/public/plans";
        JsonObject published = anonymous.get(publicPlans).send().expect(200).object();
        assertEquals(id, published.getJsonArray("items").getJsonObject(0).getString("id"), published::toString);
        assertEquals(progress, anonymous.get(publicPlans + "/" + id + "/progress?fiscalYear=R5").send().expect(200).object());
        JsonObject publicTree = anonymous.get(publicPlans + "/" + id + "/tree").send().expect(200).object();
        assertEquals(roots, publicTree.getJsonArray("nodes"));
        JsonObject portal = anonymous.get("/api/v1/municipalities/202070/portal").send().expect(200).object();
        assertEquals("須坂市", portal.getString("name"));
        assertEquals("/ui/planning/progress.js", portal.getJsonArray("pages").getJsonObject(0).getString("script"), portal::toString);
        assertTrue(anonymous.get("/p/202070/").send().expect(200).header("Content-Security-Policy").isPresent());

        // The flat list, paged by the database in document order: its pages of 5, one after the other, are
        // the tree read depth first, each node with the same indicators.
        List<String> walked = new java.util.ArrayList<>();
        depthFirst(roots, walked);
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 9; page++) {
            JsonObject p = api.get(plans + "/" + id + "/nodes?size=5&page=" + page).send().expect(200).object();
            assertEquals(43, p.getInt("totalItems"), p::toString);
            assertEquals(9, p.getInt("totalPages"), p::toString);
            p.getJsonArray("items").getValuesAs(JsonObject.class).forEach(n -> paged.add(nodeLine(n)));
        }
        assertEquals(walked, paged);
        assertEquals(0, api.get(plans + "/" + id + "/nodes?size=5&page=9").send().expect(200).object()
                .getJsonArray("items").size());

        String csv = new String(api.get(plans + "/" + id + "/nodes?format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        // One row per node without indicators and one per link: 43 nodes, 5 of them with 24 links.
        assertEquals(1 + 38 + 24, records(csv.substring(1)), () -> csv.substring(0, 500));
    }

    /** Each node of the tree, depth first, as "level number title [indicator codes]". */
    static void depthFirst(JsonArray nodes, List<String> into) {
        for (JsonObject n : nodes.getValuesAs(JsonObject.class)) {
            into.add(nodeLine(n));
            if (n.containsKey("children") && !n.isNull("children")) {
                depthFirst(n.getJsonArray("children"), into);
            }
        }
    }

    static String nodeLine(JsonObject n) {
        List<String> codes = n.containsKey("indicators") && !n.isNull("indicators")
                ? n.getJsonArray("indicators").getValuesAs(JsonObject.class).stream().map(i -> i.getString("code")).toList()
                : List.of();
        return n.getInt("level") + " " + n.getString("number", "") + " " + n.getString("title") + " " + codes;
    }

    /** Every linked indicator of the progress tree that has an actual in the year. */
    static void collectActuals(JsonArray nodes, List<JsonObject> into) {
        for (JsonObject n : nodes.getValuesAs(JsonObject.class)) {
            if (n.containsKey("indicators")) {
                n.getJsonArray("indicators").getValuesAs(JsonObject.class).stream()
                        .filter(i -> i.containsKey("actual") && !i.isNull("actual")).forEach(into::add);
            }
            if (n.containsKey("children")) {
                collectActuals(n.getJsonArray("children"), into);
            }
        }
    }

    /** CSV records (RFC 4180: line breaks inside quoted fields belong to the field). */
    static int records(String csv) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                n++;
            }
        }
        return n;
    }

    private static List<String> strings(JsonArray a) {
        return a.stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
