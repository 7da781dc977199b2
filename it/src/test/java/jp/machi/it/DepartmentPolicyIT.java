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
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Department operating policies (部の運営方針, seed 001): one per department and fiscal year with
 * mission, goals, reform commitments, resources and prioritised mid-term goals tied to divisions
 * and plan measures; conditional updates, CSV, field errors, copying a year into the next, and no
 * way to reach another municipality's policies or units.
 */
@MachiTest
class DepartmentPolicyIT {

    private final Api api;
    private String lg;
    private String base;
    private String policies;
    private String dept;
    private String promotion;
    private String koho;

    DepartmentPolicyIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        policies = base + "/planning/department-policies";
        dept = unit(base, "10", "シティネットワーク推進部", "DEPARTMENT", null);
        promotion = unit(base, "1010", "シティプロモーション課", "DIVISION", dept);
        koho = unit(base, "1020", "広報戦略課", "DIVISION", dept);
    }

    private String unit(String municipality, String code, String name, String kind, String parent) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", code).add("nameJa", name).add("kind", kind)
                .add("validFrom", "2023-04-01");
        if (parent != null) {
            b.add("parentId", parent);
        }
        return api.post(municipality + "/organization-units").json(b.build()).send().expect(201).object().getString("id");
    }

    private JsonObjectBuilder policy(String fiscalYear) {
        return Json.createObjectBuilder().add("departmentId", dept).add("fiscalYear", fiscalYear)
                .add("title", "令和5年度 部の運営方針書")
                .add("mission", Json.createArrayBuilder().add("市民の声を活かしたまちづくりを推進します。").add("市政情報を積極的に発信します。"))
                .add("goals", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("title", "シティプロモーション事業の推進").add("description", "魅力を発信します。"))
                        .add(Json.createObjectBuilder().add("title", "市政情報の発信").add("description", "一段落目。\n二段落目。")))
                .add("reformCommitments", Json.createArrayBuilder().add("効率的な業務執行体制を確立していきます。"))
                .add("resources", Json.createObjectBuilder().add("regularStaff", 12).add("partTimeStaff", 0.25)
                        .add("personnelCostRegular", 85236).add("personnelCostPartTime", 274).add("revenueBudget", 14450)
                        .add("expenditureBudget", 122316).add("budgetProgramCount", 6).add("divisionCount", 3)
                        .add("notes", "※予算計上額"))
                .add("midTermGoalsBasis", "推進施策")
                .add("midTermGoals", Json.createArrayBuilder()
                        .add(goal("9 都市経営 1 まちの魅力の向上", promotion, "関係人口の拡大を図ります。"))
                        .add(goal("9 都市経営 2 適正かつ透明な行政運営の推進 4 広報広聴の充実", koho, "伝わる発信を行います。")));
    }

    private static JsonObjectBuilder goal(String measure, String division, String outcome) {
        return Json.createObjectBuilder().add("measure", measure).add("divisionId", division).add("outcome", outcome);
    }

    @Test
    void aPolicyKeepsItsResourcesAndPrioritisedGoals() {
        Reply created = api.post(policies).json(policy("R5").build()).send();
        created.expect(201);
        assertTrue(created.header("Location").orElse("").contains("/planning/department-policies/"));
        JsonObject p = created.object();
        String id = p.getString("id");
        assertEquals(2023, p.getJsonObject("fiscalYear").getInt("year"));
        assertEquals("シティネットワーク推進部", p.getJsonObject("department").getString("nameJa"));
        assertEquals(2, p.getJsonArray("mission").size());
        assertEquals("一段落目。\n二段落目。", p.getJsonArray("goals").getJsonObject(1).getString("description"));
        JsonObject r = p.getJsonObject("resources");
        assertEquals("12.25", r.getJsonNumber("totalStaff").bigDecimalValue().stripTrailingZeros().toPlainString());
        assertEquals("0.25", r.getJsonNumber("partTimeStaff").bigDecimalValue().stripTrailingZeros().toPlainString());
        assertEquals(85236, r.getInt("personnelCostRegular"));
        assertEquals(85510, r.getInt("personnelCostTotal"));
        assertEquals(14450, r.getInt("revenueBudget"));
        assertEquals(122316, r.getInt("expenditureBudget"));
        assertEquals(6, r.getInt("budgetProgramCount"));
        assertEquals(3, r.getInt("divisionCount"));
        List<JsonObject> goals = p.getJsonArray("midTermGoals").getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 2), goals.stream().map(g -> g.getInt("priority")).toList());
        assertEquals(List.of("シティプロモーション課", "広報戦略課"), goals.stream().map(g -> g.getString("divisionName")).toList());
        assertEquals(koho, goals.get(1).getString("divisionId"));

        // Reorder the goals (priority follows the list) with If-Match; a stale ETag is refused.
        String etag = created.etag();
        JsonObject reordered = policy("R5").add("midTermGoals", Json.createArrayBuilder()
                .add(goal("広報広聴の充実", koho, "伝わる発信")).add(goal("まちの魅力の向上", promotion, "関係人口"))).build();
        assertEquals(428, api.put(policies + "/" + id).json(reordered).send().status());
        Reply updated = api.put(policies + "/" + id).ifMatch(etag).json(reordered).send();
        updated.expect(200);
        assertNotEquals(etag, updated.etag());
        assertEquals("広報戦略課", updated.object().getJsonArray("midTermGoals").getJsonObject(0).getString("divisionName"));
        assertProblem(api.put(policies + "/" + id).ifMatch(etag).json(reordered).send(), 412, null);
        assertEquals(updated.etag(), api.get(policies + "/" + id).send().expect(200).etag());

        // One per department and year.
        assertProblem(api.post(policies).json(policy("令和5年度").build()).send(), 409, "duplicate");

        // CSV, localized headers.
        Reply csv = api.get(policies + "?format=csv").send().expect(200);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "BOM");
        assertTrue(text.contains("歳出予算額（千円）"), text);
        assertTrue(text.contains("122316"), text);
        assertTrue(text.contains("シティネットワーク推進部"), text);
        String en = new String(api.get(policies + "?format=csv").lang("en").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(en.contains("Expenditure budget (¥1,000)"), en);

        // Copy R5 into R6: the old year stays, the new one is a separate document.
        Reply copied = api.post(policies + "/copy?from=R5&to=R6").send();
        copied.expect(200);
        assertEquals(1, copied.array().size());
        assertEquals(2024, copied.array().getJsonObject(0).getJsonObject("fiscalYear").getInt("year"));
        assertEquals(2, api.get(policies).send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(policies + "?fiscalYear=2023").send().expect(200).object().getInt("totalItems"));
        assertEquals(id, api.get(policies + "?fiscalYear=2023&departmentId=" + dept).send().expect(200).object()
                .getJsonArray("items").getJsonObject(0).getString("id"));
        assertProblem(api.post(policies + "/copy?from=R5&to=R6").send(), 409, "duplicate");
        assertProblem(api.post(policies + "/copy?from=R5&to=R5").send(), 400, null);

        // Delete needs If-Match.
        String etag2 = api.get(policies + "/" + id).send().expect(200).etag();
        assertEquals(428, api.delete(policies + "/" + id).send().status());
        assertEquals(204, api.delete(policies + "/" + id).ifMatch(etag2).send().status());
        assertEquals(404, api.get(policies + "/" + id).send().status());
    }

    @Test
    void badFieldsAndUnitsAreFieldErrorsInJapaneseAndEnglish() {
        JsonObject noYear = policy("R5").add("fiscalYear", Json.createValue("not a year")).build();
        assertEquals(400, api.post(policies).json(noYear).send().status());
        JsonArrayBuilder badGoals = Json.createArrayBuilder().add(Json.createObjectBuilder().add("description", "x"));
        Reply missingTitle = api.post(policies).json(policy("R5").add("goals", badGoals).build()).send();
        String missing = Problems.fields(assertProblem(missingTitle, 400, null));
        assertTrue(missing.contains("goals") && missing.contains("title"), missingTitle::toString);

        // A division (not a department) as the department; an unknown division in a goal.
        Reply notDept = api.post(policies).json(policy("R5").add("departmentId", koho).build()).send();
        JsonObject p = assertJapanese(notDept, assertProblem(notDept, 400, "invalid-reference"));
        assertTrue(Problems.fields(p).contains("departmentId"), p::toString);
        String otherLg = Municipalities.register(api);
        String foreign = unit(Municipalities.PATH + "/" + otherLg, "10", "よその課", "DIVISION", null);
        JsonObjectBuilder withForeign = policy("R5").add("midTermGoals", Json.createArrayBuilder()
                .add(goal("施策", foreign, "成果")));
        Reply foreignUnit = api.post(policies).lang("en").json(withForeign.build()).send();
        JsonObject pe = assertEnglish(foreignUnit, assertProblem(foreignUnit, 400, "invalid-reference"));
        assertTrue(Problems.fields(pe).contains("midTermGoals[0].divisionId"), pe::toString);
        Reply unknownNode = api.post(policies).json(policy("R5").add("midTermGoals", Json.createArrayBuilder()
                .add(goal("施策", promotion, "成果").add("planNodeId", "00000000-0000-0000-0000-000000000001"))).build()).send();
        assertTrue(Problems.fields(assertProblem(unknownNode, 400, "invalid-reference")).contains("midTermGoals[0].planNodeId"));
        // Staff numbers beyond what the database column holds (DECIMAL(9,2)) are field errors, not 500s.
        for (String field : new String[] {"regularStaff", "partTimeStaff"}) {
            Reply huge = api.post(policies).json(policy("R5").add("resources", Json.createObjectBuilder()
                    .add(field, new java.math.BigDecimal("10000000"))).build()).send();
            assertTrue(Problems.fields(assertProblem(huge, 400, "validation")).contains("resources." + field),
                    huge::toString);
            Reply fine = api.post(policies).json(policy("R5").add("resources", Json.createObjectBuilder()
                    .add(field, new java.math.BigDecimal("0.001"))).build()).send();
            assertTrue(Problems.fields(assertProblem(fine, 400, "validation")).contains("resources." + field),
                    fine::toString);
        }
        assertEquals(0, api.get(policies).send().expect(200).object().getInt("totalItems"), "nothing written");

        // Another municipality cannot see or touch this one's policy.
        String id = api.post(policies).json(policy("R5").build()).send().expect(201).object().getString("id");
        String otherPolicies = Municipalities.PATH + "/" + otherLg + "/planning/department-policies";
        Municipalities.setModule(api, otherLg, "planning", true);
        assertEquals(404, api.get(otherPolicies + "/" + id).send().status());
        assertEquals(0, api.get(otherPolicies).send().expect(200).object().getInt("totalItems"));
        assertEquals(404, api.as("STAFF", otherLg).get(policies + "/" + id).send().status(), "as if the municipality did not exist");
        assertEquals(403, api.as("VIEWER", lg).post(policies).json(policy("R6").build()).send().status());
        assertFalse(api.as("VIEWER", lg).get(policies + "/" + id).send().expect(200).object().isEmpty());
    }
}
