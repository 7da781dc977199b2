package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting the yearly cycle in one action (issue 5): {@code POST …/planning/fiscal-years/{from}/copy?to=}
 * copies the programs, department policies and division plans of a year into the next with new ids
 * — programs with what carries over, without results, costs or evaluations — leaves the old year as it
 * was, skips with the reason what the new year already has or what ended, writes nothing in a dry
 * run or when refused, and is the caller's municipality's only.
 */
@MachiTest
class FiscalYearCopyIT {

    /** The program fields that carry over into the next year. */
    static final List<String> CARRIED = List.of("serialNumber", "programNumber", "name", "unitId", "unitName", "purpose",
            "overview", "planNodeId", "legalBasis", "firstFiscalYear", "lastFiscalYear", "method", "purposeTarget",
            "purposeIntent", "purposeResult", "activityIndicatorIds", "outcomeIndicatorIds");

    private final Api api;
    private String lg;
    private String base;
    private String division;
    private String dept;
    private String activity;
    private String outcome;

    FiscalYearCopyIT(Api api) {
        this.api = api;
    }

    private String unit(String code, String name, String kind, String parent) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", code).add("nameJa", name).add("kind", kind)
                .add("validFrom", "2019-04-01");
        if (parent != null) {
            b.add("parentId", parent);
        }
        return api.post(base + "/organization-units").json(b.build()).send().expect(201).object().getString("id");
    }

    private String indicator(String code, String kind) {
        return api.post(base + "/indicators").json(Json.createObjectBuilder().add("code", code).add("nameJa", "指標" + code)
                .add("kind", kind).add("unit", "件").add("direction", "HIGHER_IS_BETTER").build())
                .send().expect(201).object().getString("id");
    }

    private String program(int year, String number, String name, Integer lastYear) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fiscalYear", year).add("serialNumber", Integer.parseInt(number))
                .add("programNumber", number).add("name", name).add("unitId", division).add("unitName", "市長公室広報戦略課")
                .add("purpose", "市政情報を届ける").add("overview", "広報紙を毎月発行する").add("results", "12回発行")
                .add("legalBasis", "なし").add("firstFiscalYear", 2015).add("method", "OUTSOURCED")
                .add("purposeTarget", "市民").add("purposeIntent", "市政情報を得られる").add("purposeResult", "参画が進む")
                .add("activityIndicatorIds", Json.createArrayBuilder().add(activity))
                .add("outcomeIndicatorIds", Json.createArrayBuilder().add(outcome))
                .add("costs", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", year)
                        .add("programCost", 31000).add("otherRevenue", 2500).add("regularStaffFte", 1.5)));
        if (lastYear != null) {
            b.add("lastFiscalYear", lastYear);
        }
        return api.post(base + "/planning/programs").json(b.build()).send().expect(201).object().getString("id");
    }

    @BeforeEach
    void aYearOfProgramsPoliciesAndPlans() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        dept = unit("10", "市長公室", "DEPARTMENT", null);
        division = unit("1010", "広報戦略課", "DIVISION", dept);
        activity = indicator("A1", "ACTIVITY");
        outcome = indicator("O1", "OUTCOME");
    }

    /** Everything the municipality has in planning of {@code year}, by id. */
    private Map<String, JsonObject> snapshot(int year) {
        Map<String, JsonObject> all = new HashMap<>();
        for (String kind : List.of("programs", "department-policies", "division-plans")) {
            JsonValue list = api.get(base + "/planning/" + kind + "?fiscalYear=" + year + "&size=100").send().expect(200).json();
            JsonArray items = list instanceof JsonArray a ? a : list.asJsonObject().getJsonArray("items");
            for (JsonValue v : items) {
                String id = v.asJsonObject().getString("id");
                all.put(id, api.get(base + "/planning/" + kind + "/" + id).send().expect(200).object());
            }
        }
        return all;
    }

    private int auditCount(String entityType) {
        return api.get(base + "/audit-events?size=1&entityType=" + entityType).send().expect(200).object().getInt("totalItems");
    }

    private String copyPath(String from, String to) {
        return base + "/planning/fiscal-years/" + from + "/copy?to=" + to;
    }

    @Test
    void oneActionCopiesTheYearKeepingHistory() {
        String paper = program(2024, "8", "広報紙発行事業", null);
        String ended = program(2024, "9", "記念誌発行事業", 2024);
        String site = program(2024, "10", "ホームページ運営事業", 2030);
        String policy = api.post(base + "/planning/department-policies").json(Json.createObjectBuilder()
                .add("departmentId", dept).add("fiscalYear", 2024).add("title", "令和6年度 市長公室の運営方針")
                .add("mission", Json.createArrayBuilder().add("市政情報を発信します。"))
                .add("midTermGoals", Json.createArrayBuilder().add(Json.createObjectBuilder().add("measure", "広報広聴の充実")
                        .add("divisionId", division).add("outcome", "伝わる発信")))
                .build()).send().expect(201).object().getString("id");
        String plan = api.post(base + "/planning/division-plans").json(Json.createObjectBuilder()
                .add("divisionId", division).add("fiscalYear", 2024).add("title", "令和6年度 広報戦略課 業務計画")
                .add("approach", Json.createArrayBuilder().add("伝わる広報。"))
                .add("projects", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "広報紙")
                        .add("direction", "現状維持").add("actor", "市").add("nature", "経常的事業")))
                .build()).send().expect(201).object().getString("id");
        // The paper program was evaluated in its year (self-evaluation submitted).
        JsonObject self = Json.createObjectBuilder().add("necessity", "A").add("effectiveness", "B").add("efficiency", "B")
                .add("direction", "改善").add("comment", "見直す").build();
        String evaluation = base + "/planning/programs/" + paper + "/evaluations/2024";
        // The division's own staff (a STAFF user of the program's unit) do the self-evaluation and the copy.
        String login = "it-fy-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        api.post(base + "/users").json(Json.createObjectBuilder().add("login", login).add("displayName", "年度 " + login)
                .add("role", "STAFF").add("unitId", division).add("password", password).build()).send().expect(201);
        Api divisionStaff = api.signIn(login, password);
        divisionStaff.post(evaluation + "/steps/self").json(self).send().expect(200);
        assertEquals(1, api.get(evaluation + "/history").send().expect(200).array().size());

        Map<String, JsonObject> before = snapshot(2024);
        assertEquals(5, before.size());
        int programEvents = auditCount("planning.AdministrativeProgram");
        int policyEvents = auditCount("planning.DepartmentPolicy");
        int planEvents = auditCount("planning.DivisionPlan");

        // A dry run reports and writes nothing.
        JsonObject dry = divisionStaff.post(copyPath("R6", "R7") + "&dryRun=true").send().expect(200).object();
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals(2024, dry.getJsonObject("from").getInt("year"));
        assertEquals("令和7年度", dry.getString("toLabel"));
        assertEquals(4, dry.getInt("copied"));
        assertEquals(1, dry.getInt("skipped"));
        for (JsonValue v : dry.getJsonArray("kinds")) {
            for (JsonValue i : v.asJsonObject().getJsonArray("items")) {
                assertTrue(i.asJsonObject().isNull("copyId"), i::toString);
            }
        }
        assertEquals(Map.of(), snapshot(2025));
        assertEquals(before, snapshot(2024));
        assertEquals(programEvents, auditCount("planning.AdministrativeProgram"));

        // The copy itself, by a member of staff.
        JsonObject r = divisionStaff.post(copyPath("令和6年度", "2025")).lang("ja").send().expect(200).object();
        assertFalse(r.getBoolean("dryRun"));
        assertEquals(4, r.getInt("copied"));
        assertEquals(1, r.getInt("skipped"));
        Map<String, JsonObject> kinds = new HashMap<>();
        r.getJsonArray("kinds").forEach(v -> kinds.put(v.asJsonObject().getString("kind"), v.asJsonObject()));
        JsonObject programs = kinds.get("programs");
        assertEquals("事務事業", programs.getString("label"));
        assertEquals(2, programs.getInt("copied"));
        assertEquals(1, programs.getInt("skipped"));
        JsonObject skipped = programs.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> !i.getBoolean("copied")).findFirst().orElseThrow();
        assertEquals(ended, skipped.getString("sourceId"));
        assertEquals("PERIOD_ENDED", skipped.getString("reason"));
        assertTrue(skipped.getString("reasonText").contains("事業期間"), skipped::toString);
        assertEquals(1, kinds.get("departmentPolicies").getInt("copied"));
        assertEquals(1, kinds.get("divisionPlans").getInt("copied"));
        assertEquals(List.of("comprehensivePlans", "evaluations", "costs"), r.getJsonArray("notCopied").stream()
                .map(v -> v.asJsonObject().getString("kind")).toList());
        assertTrue(r.getJsonArray("notCopied").getJsonObject(0).getString("reason").contains("複数年度"));

        // The old year is unchanged, field by field (versions included).
        assertEquals(before, snapshot(2024));
        assertEquals(1, api.get(evaluation + "/history").send().expect(200).array().size());

        // The new year: copies with new ids and what carries over; no results, costs or evaluations.
        Map<String, JsonObject> after = snapshot(2025);
        assertEquals(4, after.size());
        Map<String, String> copyOf = new HashMap<>();
        kinds.values().forEach(k -> k.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getBoolean("copied")).forEach(i -> copyOf.put(i.getString("sourceId"), i.getString("copyId"))));
        for (String source : List.of(paper, site, policy, plan)) {
            String copy = copyOf.get(source);
            assertNotEquals(source, copy);
            assertTrue(after.containsKey(copy), source);
            assertFalse(before.containsKey(copy));
        }
        for (String source : List.of(paper, site)) {
            JsonObject old = before.get(source);
            JsonObject neu = after.get(copyOf.get(source));
            assertEquals(2025, neu.getJsonObject("fiscalYear").getInt("year"));
            for (String f : CARRIED) {
                assertEquals(old.get(f), neu.get(f), f);
            }
            assertTrue(neu.isNull("results") || !neu.containsKey("results"), neu::toString);
            assertEquals(0, neu.getJsonArray("costs").size());
            assertEquals(0, api.get(base + "/planning/programs/" + copyOf.get(source) + "/evaluations").send().expect(200)
                    .array().size());
        }
        assertEquals(1, api.get(base + "/planning/programs/" + paper + "/evaluations").send().expect(200).array().size());
        JsonObject newPolicy = after.get(copyOf.get(policy));
        assertEquals(before.get(policy).get("title"), newPolicy.get("title"));
        assertEquals(before.get(policy).get("midTermGoals"), newPolicy.get("midTermGoals"));
        JsonObject newPlan = after.get(copyOf.get(plan));
        assertEquals(before.get(plan).get("projects"), newPlan.get("projects"));
        assertEquals(2025, newPlan.getJsonObject("fiscalYear").getInt("year"));

        // Audit trail: each copy is a recorded creation.
        assertEquals(programEvents + 2, auditCount("planning.AdministrativeProgram"));
        assertEquals(policyEvents + 1, auditCount("planning.DepartmentPolicy"));
        assertEquals(planEvents + 1, auditCount("planning.DivisionPlan"));
        for (String source : List.of(paper, policy, plan)) {
            JsonArray events = api.get(base + "/audit-events?entityId=" + copyOf.get(source)).send().expect(200).object()
                    .getJsonArray("items");
            assertEquals("CREATE", events.getJsonObject(events.size() - 1).getString("action"), events::toString);
        }

        // Copying again: everything is already there and is skipped with the reason; nothing written.
        JsonObject again = api.post(copyPath("R6", "R7")).lang("en").send().expect(200).object();
        assertEquals(0, again.getInt("copied"));
        assertEquals(5, again.getInt("skipped"));
        assertEquals("Administrative programs", again.getJsonArray("kinds").getJsonObject(0).getString("label"));
        long exists = again.getJsonArray("kinds").stream().flatMap(k -> k.asJsonObject().getJsonArray("items").stream())
                .filter(i -> "EXISTS".equals(i.asJsonObject().getString("reason", null))).count();
        assertEquals(4, exists);
        assertEquals(after, snapshot(2025));
    }

    @Test
    void refusedCallsWriteNothing() {
        program(2024, "8", "広報紙発行事業", null);
        // Bad years: 400 with field errors, in Japanese and English.
        for (String[] bad : List.of(new String[] {"R6", "", "to"}, new String[] {"R6", "R6", "to"},
                new String[] {"R6", "R5", "to"}, new String[] {"xyz", "R7", "from"}, new String[] {"R6", "令和百年度", "to"})) {
            Reply ja = api.post(copyPath(bad[0], bad[1])).send();
            assertTrue(Problems.fields(assertJapanese(ja, assertProblem(ja, 400, null))).contains(bad[2]), ja::toString);
            Reply en = api.post(copyPath(bad[0], bad[1])).lang("en").send();
            assertEnglish(en, assertProblem(en, 400, null));
        }
        Reply badDry = api.post(copyPath("R6", "R7") + "&dryRun=maybe").send();
        assertTrue(Problems.fields(assertProblem(badDry, 400, null)).contains("dryRun"));
        // Wrong role: a viewer may not start a year.
        assertProblem(api.as("VIEWER", lg).post(copyPath("R6", "R7")).send(), 403, null);
        // Another municipality: its staff see nothing of this one.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "planning", true);
        assertProblem(api.as("STAFF", other).post(copyPath("R6", "R7")).send(), 404, null);
        // Nothing was written by any of them.
        assertEquals(0, api.get(base + "/planning/programs?fiscalYear=2025").send().expect(200).object().getInt("totalItems"));
        // The planning module switched off: 404 like all its endpoints.
        Municipalities.setModule(api, lg, "planning", false);
        assertProblem(api.post(copyPath("R6", "R7")).send(), 404, null);
    }
}
