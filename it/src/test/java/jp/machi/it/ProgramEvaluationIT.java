package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The yearly evaluation of an administrative program (事務事業評価) as the people of a municipality
 * do it: the responsible division's self-evaluation, the secondary evaluation and the external
 * evaluation by holders of planning.evaluator, the final decision by a municipality administrator
 * — in that order, each once, each only by those allowed, nothing written when refused; returning
 * for revision (差し戻し); the history; ratings and directions from the municipality's settings
 * only; the count by final direction as an indicator's actual; and the evaluation sheet as Excel.
 */
@MachiTest
class ProgramEvaluationIT {

    private final Api api;
    private String lg;
    private String base;
    private String program;
    private String evaluation;
    private Api divisionStaff;
    private Api otherStaff;
    private Api evaluator;
    private Api admin;
    private Api viewer;
    private String divisionLogin;
    private String evaluatorLogin;
    private String adminLogin;

    ProgramEvaluationIT(Api api) {
        this.api = api;
    }

    private String unit(String code, String name) {
        return api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", code).add("nameJa", name)
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");
    }

    /** A user of {@code role} in {@code unit} (null: none), holding {@code moduleRoles}, signed in. */
    private Api user(String role, String unit, String[] login, String... moduleRoles) {
        String name = "it-eval-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        JsonObjectBuilder b = Json.createObjectBuilder().add("login", name).add("displayName", "評価 " + name)
                .add("role", role).add("password", password);
        if (unit != null) {
            b.add("unitId", unit);
        }
        Reply created = api.post(base + "/users").json(b.build()).send().expect(201);
        api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        if (login != null) {
            login[0] = name;
        }
        return api.signIn(name, password);
    }

    @BeforeEach
    void programOfADivisionAndItsPeople() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        String division = unit("01", "広報戦略課");
        String other = unit("02", "財政課");
        program = base + "/planning/programs/" + api.post(base + "/planning/programs").json(Json.createObjectBuilder()
                .add("fiscalYear", 2020).add("programNumber", "8").add("name", "広報紙発行事業").add("unitId", division)
                .add("unitName", "市長公室広報戦略課").add("legalBasis", "なし").add("method", "OUTSOURCED")
                .add("purposeTarget", "市民").add("purposeIntent", "市政情報を得られる").add("purposeResult", "市政への参画が進む")
                .add("costs", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2019).add("programCost", 30000)
                                .add("otherRevenue", 2000).add("regularStaffFte", 2))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2020).add("programCost", 31000)
                                .add("otherRevenue", 2500).add("regularStaffFte", 1.5).add("otherStaffFte", 0.5)))
                .build()).send().expect(201).object().getString("id");
        evaluation = program + "/evaluations/2020";
        String[] login = new String[1];
        divisionStaff = user("STAFF", division, login);
        divisionLogin = login[0];
        otherStaff = user("STAFF", other, null);
        evaluator = user("STAFF", other, login, "planning.evaluator");
        evaluatorLogin = login[0];
        admin = user("MUNICIPALITY_ADMIN", null, login);
        adminLogin = login[0];
        viewer = user("VIEWER", division, null, "planning.evaluator");
    }

    static JsonObject judgement(String n, String e, String f, String direction, String comment) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (n != null) {
            b.add("necessity", n).add("effectiveness", e).add("efficiency", f);
        }
        if (direction != null) {
            b.add("direction", direction);
        }
        if (comment != null) {
            b.add("comment", comment);
        }
        return b.build();
    }

    private Reply step(Api who, String step, JsonObject body) {
        return who.post(evaluation + "/steps/" + step).json(body).send();
    }

    private JsonArray history() {
        return api.get(evaluation + "/history").send().expect(200).array();
    }

    /** Refused with {@code status} and {@code type}, and nothing changed. */
    private void refused(Reply r, int status, String type) {
        JsonObject before = api.get(evaluation).send().expect(200).object();
        int entries = history().size();
        assertJapanese(r, assertProblem(r, status, type));
        assertEquals(before, api.get(evaluation).send().expect(200).object());
        assertEquals(entries, history().size());
    }

    @Test
    void theFourStepsInOrderEachByThePeopleAllowedWithHistory() {
        JsonObject fresh = divisionStaff.get(evaluation).send().expect(200).object();
        assertEquals("SELF", fresh.getString("stage"));
        assertEquals("自己評価", fresh.getString("stageLabel"));
        assertTrue(fresh.getBoolean("callerMayAct"));
        assertFalse(otherStaff.get(evaluation).send().expect(200).object().getBoolean("callerMayAct"));
        assertEquals(0, fresh.getJsonArray("steps").size());
        assertEquals(List.of("A", "B", "C"), fresh.getJsonArray("scale").stream()
                .map(v -> v.asJsonObject().getString("code")).toList());
        assertTrue(fresh.getJsonArray("directions").contains(Json.createValue("改善")));

        JsonObject self = judgement("A", "B", "B", "改善", "紙面の見直しが必要");
        // Wrong people for the self-evaluation: another division's staff, an evaluator of another
        // division, a viewer (even one holding planning.evaluator).
        refused(step(otherStaff, "self", self), 403, "evaluation-step-forbidden");
        refused(step(evaluator, "self", self), 403, "evaluation-step-forbidden");
        refused(step(viewer, "self", self), 403, null);
        // No skipping: the secondary evaluation before the self-evaluation.
        Reply early = step(evaluator, "secondary", self);
        refused(early, 409, "evaluation-step-out-of-order");
        // The steps in words, not their codes (issue 13).
        assertEquals("二次評価はまだ行えません。現在は自己評価待ちです。段階は飛ばせません。", early.object().getString("detail"));
        refused(step(admin, "final", self), 409, "evaluation-step-out-of-order");

        JsonObject afterSelf = step(divisionStaff, "self", self).expect(200).object();
        assertEquals("SECONDARY", afterSelf.getString("stage"));
        JsonObject selfShown = afterSelf.getJsonArray("steps").getJsonObject(0);
        assertEquals("SELF", selfShown.getString("step"));
        assertEquals("A", selfShown.getString("necessity"));
        assertEquals("改善", selfShown.getString("direction"));
        assertEquals("評価 " + divisionLogin, selfShown.getString("by"), "people by their display name");
        assertFalse(afterSelf.getBoolean("callerMayAct"), "the division does not do the secondary evaluation");

        // Done once only; the secondary step not by the division, nor by an administrator without the role.
        refused(step(divisionStaff, "self", self), 409, "evaluation-step-done");
        refused(step(divisionStaff, "secondary", self), 403, "evaluation-step-forbidden");
        refused(step(admin, "secondary", self), 403, "evaluation-step-forbidden");
        Reply en = otherStaff.post(evaluation + "/steps/secondary").lang("en").json(self).send();
        assertEnglish(en, assertProblem(en, 403, "evaluation-step-forbidden"));

        // 差し戻し: the evaluator sends the self-evaluation back; the division does it again.
        refused(divisionStaff.post(evaluation + "/return").json("{\"comment\":\"やり直し\"}").send(), 403,
                "evaluation-step-forbidden");
        Reply badReturn = evaluator.post(evaluation + "/return").json("{}").send();
        assertTrue(Problems.fields(assertProblem(badReturn, 400, "validation")).contains("comment"));
        JsonObject returned = evaluator.post(evaluation + "/return").json("{\"comment\":\"成果指標の記載が不足\"}").send()
                .expect(200).object();
        assertEquals("SELF", returned.getString("stage"));
        assertEquals(0, returned.getJsonArray("steps").size());
        step(divisionStaff, "self", judgement("A", "B", "C", "改善", "成果指標を追記")).expect(200);

        JsonObject secondary = step(evaluator, "secondary", judgement("A", "C", "B", "縮小", "配布方法を見直す")).expect(200).object();
        assertEquals("EXTERNAL", secondary.getString("stage"));
        refused(step(evaluator, "final", judgement("A", "A", "A", "拡充", null)), 403, "evaluation-step-forbidden");
        refused(step(admin, "final", judgement("A", "A", "A", "拡充", null)), 409, "evaluation-step-out-of-order");
        // The external evaluation needs the committee's comment; ratings and direction are optional.
        Reply noComment = step(evaluator, "external", judgement(null, null, null, null, null));
        assertTrue(Problems.fields(assertProblem(noComment, 400, "validation")).contains("comment"));
        JsonObject external = step(evaluator, "external", judgement(null, null, null, null, "電子版への移行を検討されたい"))
                .expect(200).object();
        assertEquals("FINAL", external.getString("stage"));
        assertTrue(admin.get(evaluation).send().expect(200).object().getBoolean("callerMayAct"));

        JsonObject decided = step(admin, "final", judgement("A", "B", "B", "改善", "電子版を併用する")).expect(200).object();
        assertEquals("DECIDED", decided.getString("stage"));
        assertEquals("改善", decided.getString("finalDirection"));
        assertEquals(List.of("SELF", "SECONDARY", "EXTERNAL", "FINAL"), decided.getJsonArray("steps").stream()
                .map(v -> v.asJsonObject().getString("step")).toList());
        assertEquals("C", decided.getJsonArray("steps").getJsonObject(0).getString("efficiency"),
                "the self-evaluation shown is the one done again");
        refused(step(admin, "final", judgement("A", "A", "A", "拡充", null)), 409, "evaluation-decided");
        refused(evaluator.post(evaluation + "/return").json("{\"comment\":\"x\"}").send(), 409, "evaluation-decided");

        JsonArray h = history();
        List<String> lines = new ArrayList<>();
        for (JsonValue v : h) {
            JsonObject e = v.asJsonObject();
            lines.add(e.getInt("seq") + " " + e.getString("step") + " " + e.getString("action") + " " + e.getString("by"));
            assertFalse(e.getString("at").isBlank());
        }
        assertEquals(List.of("1 SELF SUBMITTED 評価 " + divisionLogin, "2 SELF RETURNED 評価 " + evaluatorLogin,
                "3 SELF SUBMITTED 評価 " + divisionLogin, "4 SECONDARY SUBMITTED 評価 " + evaluatorLogin,
                "5 EXTERNAL SUBMITTED 評価 " + evaluatorLogin, "6 FINAL SUBMITTED 評価 " + adminLogin), lines);
        assertEquals("成果指標の記載が不足", h.getJsonObject(1).getString("comment"));

        JsonArray all = api.get(program + "/evaluations").send().expect(200).array();
        assertEquals(1, all.size());
        assertEquals("改善", all.getJsonObject(0).getString("finalDirection"));

        // An evaluated program stays: its evaluation is a record of decisions.
        Reply p = api.get(program).send().expect(200);
        assertProblem(api.delete(program).ifMatch(p.etag()).send(), 409, "program-evaluated");
    }

    @Test
    void ratingsAndDirectionsComeFromTheMunicipalitysSettingsOnly() {
        Reply bad = step(divisionStaff, "self", judgement("D", "B", "B", "拡大", null));
        String fields = Problems.fields(assertProblem(bad, 400, "validation"));
        assertTrue(fields.contains("necessity") && fields.contains("direction"), fields);
        Reply missing = step(divisionStaff, "self", judgement(null, null, null, null, "コメントだけ"));
        String missingFields = Problems.fields(assertProblem(missing, 400, "validation"));
        for (String f : List.of("necessity", "effectiveness", "efficiency", "direction")) {
            assertTrue(missingFields.contains("\"" + f + "\""), missingFields);
        }
        assertEquals(0, history().size());

        // The municipality's own scale and list.
        String settings = base + "/modules/planning/settings";
        api.put(settings).ifMatch(api.get(settings).send().expect(200).etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder()
                        .add("futureDirections", Json.createArrayBuilder().add("継続").add("見直し").add("廃止"))
                        .add("evaluationScale", Json.createArrayBuilder().add("1:十分").add("2:概ね十分").add("3:不十分")
                                .add("4:不要")))
                .build()).send().expect(200);
        JsonObject view = api.get(evaluation).send().expect(200).object();
        assertEquals(List.of("継続", "見直し", "廃止"), view.getJsonArray("directions").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("概ね十分", view.getJsonArray("scale").getJsonObject(1).getString("label"));
        Reply oldList = step(divisionStaff, "self", judgement("1", "2", "4", "改善", null));
        String oldFields = Problems.fields(assertProblem(oldList, 400, "validation"));
        assertTrue(oldFields.contains("direction") && !oldFields.contains("necessity"), oldFields);
        assertEquals("見直し", step(divisionStaff, "self", judgement("1", "2", "4", "見直し", null)).expect(200).object()
                .getJsonArray("steps").getJsonObject(0).getString("direction"));
    }

    private void decide(String path, String direction) {
        String ev = path + "/evaluations/2020";
        for (String[] s : new String[][] {{"self", "A"}, {"secondary", "B"}}) {
            (s[0].equals("self") ? admin : evaluator).post(ev + "/steps/" + s[0])
                    .json(judgement(s[1], s[1], s[1], direction, null)).send().expect(200);
        }
        evaluator.post(ev + "/steps/external").json(judgement(null, null, null, null, "外部評価委員会の意見")).send().expect(200);
        admin.post(ev + "/steps/final").json(judgement("A", "A", "A", direction, null)).send().expect(200);
    }

    @Test
    void theCountOfProgramsByFinalDirectionIsAnIndicatorsActual() {
        String programs = base + "/planning/programs";
        String second = programs + "/" + api.post(programs).json(Json.createObjectBuilder().add("fiscalYear", 2020)
                .add("programNumber", "9").add("name", "ホームページ運営事業").build()).send().expect(201).object().getString("id");
        String third = programs + "/" + api.post(programs).json(Json.createObjectBuilder().add("fiscalYear", 2020)
                .add("programNumber", "10").add("name", "シティプロモーション").build()).send().expect(201).object().getString("id");
        assertTrue(api.get(base + "/metric-sources").send().expect(200).array().toString()
                .contains("planning:programs-by-direction-improve"));
        decide(program, "改善");
        decide(second, "改善");
        decide(third, "現状維持");

        Map<String, Integer> actual = new HashMap<>();
        for (String[] m : new String[][] {{"improve", "2"}, {"maintain", "1"}, {"abolish", "0"}}) {
            JsonObject created = api.post(base + "/indicators").json(Json.createObjectBuilder()
                    .add("nameJa", "方向性別事務事業数 " + m[0]).add("kind", "ACTIVITY").add("unit", "件")
                    .add("direction", "HIGHER_IS_BETTER").add("metricSource", "planning:programs-by-direction-" + m[0])
                    .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2020).add("target", 2)))
                    .build()).send().expect(201).object();
            JsonObject fy = IndicatorIT.year(created, 2020);
            assertEquals("METRIC", fy.getString("actualSource"));
            actual.put(m[0], fy.getJsonNumber("actual").intValue());
            assertEquals(Integer.parseInt(m[1]), actual.get(m[0]), m[0]);
        }
        // Before any decision of a year there is no figure at all.
        JsonObject created = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "方向性別 2021")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "planning:programs-by-direction-improve")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 1)))
                .build()).send().expect(201).object();
        assertFalse(IndicatorIT.year(created, 2021).containsKey("actual")
                && IndicatorIT.year(created, 2021).get("actual") != JsonValue.NULL);
    }

    @Test
    void theEvaluationSheetIsAWorkbookLaidOutLikeThePrintedSheet() throws Exception {
        decide(program, "改善");
        Reply r = viewer.get(program + "/evaluation-sheet?fiscalYear=R2").send().expect(200);
        assertTrue(r.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                r::contentType);
        assertTrue(r.header("Content-Disposition").orElse("").contains(".xlsx"));
        // The same data give the same bytes (no download time inside).
        assertTrue(java.util.Arrays.equals(r.bytes(),
                api.get(program + "/evaluation-sheet?fiscalYear=2020").send().expect(200).bytes()));
        Map<String, List<String>> rows = new HashMap<>();
        List<List<String>> all = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet sheet = wb.getFirstSheet();
            assertEquals("事務事業評価シート", sheet.getName());
            for (Row row : sheet.read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                all.add(cells);
                if (!cells.isEmpty() && !cells.get(0).isBlank()) {
                    rows.putIfAbsent(cells.get(0), cells);
                }
            }
        }
        assertEquals("令和2年度 事務事業評価シート", all.get(0).get(0));
        assertEquals(List.of("事業番号", "8", "事務事業名", "広報紙発行事業"), rows.get("事業番号").subList(0, 4));
        assertEquals("市長公室広報戦略課", rows.get("担当課").get(1));
        assertEquals("委託", rows.get("事業期間").get(4));
        assertEquals("市民", rows.get("対象（誰・何を）").get(1));
        assertEquals("市政情報を得られる", rows.get("意図（どのような状態にしたいか）").get(1));
        // Costs: 令和元年度 and 令和2年度 side by side, in ¥1,000, personnel cost at the default 8,000.
        assertEquals(List.of("令和元年度", "令和2年度"), rows.get("区分").subList(4, 6));
        assertEquals(List.of("30000", "31000"), rows.get("事業費").subList(4, 6));
        assertEquals(List.of("28000", "28500"), rows.get("　　　　　　一般財源").subList(4, 6));
        assertEquals(List.of("16000", "16000"), rows.get("人件費（人工 × 8000千円）").subList(4, 6));
        assertEquals(List.of("46000", "47000"), rows.get("トータルコスト").subList(4, 6));
        // The steps.
        assertEquals(List.of("自己評価", "A", "A", "A", "改善"), rows.get("自己評価").subList(0, 5));
        assertEquals(List.of("二次評価", "B", "B", "B", "改善"), rows.get("二次評価").subList(0, 5));
        assertEquals("外部評価委員会の意見", rows.get("外部評価").get(5));
        assertEquals("改善", rows.get("最終決定").get(4));
        assertTrue(rows.get("進捗").get(1).contains("改善"));

        assertProblem(api.get(base + "/planning/programs/" + java.util.UUID.randomUUID() + "/evaluation-sheet").send(), 404,
                "not-found");
    }
}
