package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
 * Division business plans (課の業務計画, seed 003): per division and fiscal year, the goals served,
 * the measure's aims, prioritised projects with direction, actor, budget (¥1,000) and open issues,
 * and a schedule per project given as bars over April–March that the API also lays out month by
 * month in fiscal order; conditional updates, CSV, field errors, copy, isolation.
 */
@MachiTest
class DivisionPlanIT {

    private final Api api;
    private String lg;
    private String base;
    private String plans;
    private String division;

    DivisionPlanIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        plans = base + "/planning/division-plans";
        division = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "1010")
                .add("nameJa", "市民自治推進課").add("kind", "DIVISION").add("validFrom", "2019-04-01").build())
                .send().expect(201).object().getString("id");
    }

    private static JsonObjectBuilder segment(String label, int start, int end) {
        return Json.createObjectBuilder().add("label", label).add("startMonth", start).add("endMonth", end);
    }

    private JsonObjectBuilder plan(String fiscalYear) {
        return Json.createObjectBuilder().add("divisionId", division).add("fiscalYear", fiscalYear)
                .add("title", "平成31年度 市民自治推進課 業務計画")
                .add("policyGoal", Json.createObjectBuilder().add("number", "17").add("text", "行政経営").add("unitName", "総務部"))
                .add("measureGoal", Json.createObjectBuilder().add("number", "64").add("text", "市民と行政が協力して自治の進展を図る"))
                .add("approach", Json.createArrayBuilder().add("方針一。").add("方針二。"))
                .add("aims", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("number", 1).add("text", "ねらい1"))
                        .add(Json.createObjectBuilder().add("number", 2).add("text", "ねらい2")))
                .add("projects", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "地域コミュニティ事業").add("aimNumbers", Json.createArrayBuilder().add(2))
                                .add("direction", "拡大").add("actor", "市民間").add("budget", 19954).add("nature", "政策的事業")
                                .add("work", "支援します。").add("issues", Json.createArrayBuilder().add("未設立地区への支援"))
                                .add("schedule", Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("segments", Json.createArrayBuilder()
                                                .add(segment("新採用職員研修", 4, 6)).add(segment("職員研修", 10, 3))))))
                        .add(Json.createObjectBuilder().add("name", "協働事業の推進").add("aimNumbers", Json.createArrayBuilder().add(1))
                                .add("direction", "現状維持").add("actor", "市").add("nature", "政策的事業")));
    }

    @Test
    void aPlanListsProjectsByPriorityWithAMonthByMonthSchedule() {
        Reply created = api.post(plans).json(plan("平成31年度").build()).send();
        created.expect(201);
        JsonObject p = created.object();
        String id = p.getString("id");
        assertEquals(2019, p.getJsonObject("fiscalYear").getInt("year"));
        assertEquals("市民自治推進課", p.getJsonObject("division").getString("nameJa"));
        assertEquals("64", p.getJsonObject("measureGoal").getString("number"));
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3), p.getJsonArray("months").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(n -> n.intValue()).toList());
        List<JsonObject> projects = p.getJsonArray("projects").getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 2), projects.stream().map(x -> x.getInt("priority")).toList());
        assertEquals(19954, projects.get(0).getInt("budget"));
        assertFalse(projects.get(1).containsKey("budget"), "no budget given (-)");
        assertEquals(19954, p.getInt("totalBudget"));
        JsonObject row = projects.get(0).getJsonArray("schedule").getJsonObject(0);
        List<JsonObject> months = row.getJsonArray("months").getValuesAs(JsonObject.class);
        assertEquals(12, months.size());
        assertEquals(List.of(true, true, true, false, false, false, true, true, true, true, true, true),
                months.stream().map(m -> m.getBoolean("active")).toList());
        assertEquals("新採用職員研修", months.get(0).getString("label"));
        assertEquals("職員研修", months.get(6).getString("label"));
        assertEquals(10, months.get(6).getInt("month"));
        assertFalse(months.get(1).containsKey("label"));

        // Swap the priorities with If-Match.
        JsonObjectBuilder swapped = plan("H31");
        JsonObject orig = plan("H31").build();
        swapped.add("projects", Json.createArrayBuilder().add(orig.getJsonArray("projects").get(1))
                .add(orig.getJsonArray("projects").get(0)));
        JsonObject swappedBody = swapped.build();
        assertEquals(428, api.put(plans + "/" + id).json(swappedBody).send().status());
        Reply updated = api.put(plans + "/" + id).ifMatch(created.etag()).json(swappedBody).send();
        updated.expect(200);
        assertEquals("協働事業の推進", updated.object().getJsonArray("projects").getJsonObject(0).getString("name"));
        assertProblem(api.put(plans + "/" + id).ifMatch(created.etag()).json(swappedBody).send(), 412, null);

        assertProblem(api.post(plans).json(plan("2019").build()).send(), 409, "duplicate");

        String csv = new String(api.get(plans + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("事業の方向性") && csv.contains("予算額（千円）") && csv.contains("地域コミュニティ事業"), csv);
        assertTrue(csv.contains("19954"), csv);

        Reply copied = api.post(plans + "/copy?from=H31&to=R2").send();
        copied.expect(200);
        assertEquals(2020, copied.array().getJsonObject(0).getJsonObject("fiscalYear").getInt("year"));
        assertEquals(1, api.get(plans + "?fiscalYear=2019").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(plans + "?fiscalYear=2020&divisionId=" + division).send().expect(200).object()
                .getInt("totalItems"));

        String etag = api.get(plans + "/" + id).send().expect(200).etag();
        assertEquals(204, api.delete(plans + "/" + id).ifMatch(etag).send().status());
        assertEquals(404, api.get(plans + "/" + id).send().status());
    }

    @Test
    void directionsActorsAimsAndMonthsAreChecked() {
        JsonObject good = plan("H31").build();
        JsonObject project = good.getJsonArray("projects").getJsonObject(0);
        JsonObjectBuilder badProject = Json.createObjectBuilder(project).add("direction", "爆増").add("actor", "宇宙")
                .add("aimNumbers", Json.createArrayBuilder().add(9))
                .add("schedule", Json.createArrayBuilder().add(Json.createObjectBuilder().add("segments",
                        Json.createArrayBuilder().add(segment("逆", 3, 4)).add(segment("重なり", 4, 5)))));
        JsonObject body = Json.createObjectBuilder(good).add("projects", Json.createArrayBuilder().add(badProject)).build();
        Reply ja = api.post(plans).json(body).send();
        JsonObject p = assertJapanese(ja, assertProblem(ja, 400, "invalid-reference"));
        String fields = Problems.fields(p);
        for (String f : List.of("projects[0].direction", "projects[0].actor", "projects[0].aimNumbers",
                "projects[0].schedule[0].segments[0].endMonth")) {
            assertTrue(fields.contains(f), f + " in " + fields);
        }
        assertTrue(fields.contains("拡大"), "the message lists the choices: " + fields);
        Reply en = api.post(plans).lang("en").json(body).send();
        assertEnglish(en, assertProblem(en, 400, "invalid-reference"));

        JsonObject month13 = Json.createObjectBuilder(good).add("projects", Json.createArrayBuilder().add(
                Json.createObjectBuilder(project).add("schedule", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("segments", Json.createArrayBuilder().add(segment("x", 13, 3))))))).build();
        assertTrue(Problems.fields(assertProblem(api.post(plans).json(month13).send(), 400, null)).contains("startMonth"));
        assertEquals(0, api.get(plans).send().expect(200).object().getInt("totalItems"), "nothing written");

        String id = api.post(plans).json(good).send().expect(201).object().getString("id");
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "planning", true);
        assertEquals(404, api.get(Municipalities.PATH + "/" + other + "/planning/division-plans/" + id).send().status());
        assertEquals(404, api.as("STAFF", other).get(plans + "/" + id).send().status(), "as if the municipality did not exist");
        assertEquals(403, api.as("VIEWER", lg).delete(plans + "/" + id).ifMatch("\"0\"").send().status());
    }
}
