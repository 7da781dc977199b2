package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
 * Administrative programs (事務事業) with everything an evaluation sheet holds: position in the plan,
 * legal basis, period (open-ended allowed), method, purpose as 対象・意図・結果, activity and outcome
 * indicators, and yearly costs in ¥1,000 whose funding must add up to the program cost, with the
 * personnel cost from staff FTE × the municipality's personnel unit cost setting.
 */
@MachiTest
class ProgramIT {

    private final Api api;
    private String lg;
    private String base;
    private String programs;

    ProgramIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipalityWithPlanning() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        programs = base + "/planning/programs";
    }

    String indicator(String code, String kind) {
        return api.post(base + "/indicators").json(Json.createObjectBuilder().add("code", code).add("nameJa", "指標" + code)
                .add("kind", kind).add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2020)
                        .add("target", 12).add("actual", 10))).build())
                .send().expect(201).object().getString("id");
    }

    String planNode() {
        String plan = api.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", "第2次総合計画")
                .add("firstFiscalYear", 2018).add("lastFiscalYear", 2027).build()).send().expect(201).object().getString("id");
        return api.post(base + "/planning/plans/" + plan + "/nodes").json(Json.createObjectBuilder().add("title", "情報発信の充実")
                .add("number", "1-2").build()).send().expect(201).object().getString("id");
    }

    static JsonObjectBuilder cost(int fy, long programCost) {
        return Json.createObjectBuilder().add("fiscalYear", fy).add("programCost", programCost);
    }

    static JsonObjectBuilder program(String number) {
        return Json.createObjectBuilder().add("fiscalYear", "R2").add("programNumber", number).add("name", "広報紙発行事業")
                .add("unitName", "市長公室広報戦略課");
    }

    @Test
    void aProgramKeepsItsSheetAndComputesPersonnelAndTotalCostFromTheSetting() {
        String activity = indicator("A1", "ACTIVITY");
        String outcome = indicator("O1", "OUTCOME");
        String node = planNode();
        JsonArrayBuilder costs = Json.createArrayBuilder()
                .add(cost(2019, 12000).add("nationalSubsidy", 1000).add("prefecturalSubsidy", 500).add("bonds", 0)
                        .add("otherRevenue", 1500).add("generalRevenue", 9000).add("regularStaffFte", 1.5)
                        .add("otherStaffFte", 0.5))
                // General revenue left out: what the rest leaves (12,500 − 2,500 = 10,000).
                .add(cost(2020, 12500).add("nationalSubsidy", 2000).add("otherRevenue", 500).add("regularStaffFte", 1.25));
        JsonObject body = program("1-2-01").add("planNodeId", node).add("legalBasis", "地方自治法")
                .add("firstFiscalYear", "H30").add("method", "PARTLY_OUTSOURCED").add("purposeTarget", "市民")
                .add("purposeIntent", "市政情報を知ることができる").add("purposeResult", "市政への関心が高まる")
                .add("activityIndicatorIds", Json.createArrayBuilder().add(activity))
                .add("outcomeIndicatorIds", Json.createArrayBuilder().add(outcome)).add("costs", costs).build();
        Reply created = api.as("STAFF", lg).post(programs).json(body).send().expect(201);
        JsonObject p = created.object();
        assertEquals(node, p.getString("planNodeId"));
        assertEquals("地方自治法", p.getString("legalBasis"));
        assertEquals(2018, p.getJsonObject("firstFiscalYear").getInt("year"));
        assertEquals(JsonValue.NULL, p.get("lastFiscalYear"), "open-ended");
        assertEquals("PARTLY_OUTSOURCED", p.getString("method"));
        assertEquals("一部委託", p.getString("methodLabel"));
        assertEquals("市政情報を知ることができる", p.getString("purposeIntent"));
        assertEquals(List.of(activity), p.getJsonArray("activityIndicatorIds").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of(outcome), p.getJsonArray("outcomeIndicatorIds").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(8000, p.getInt("personnelUnitCost"));
        JsonObject y2019 = p.getJsonArray("costs").getJsonObject(0);
        assertEquals(2019, y2019.getJsonObject("fiscalYear").getInt("year"));
        assertEquals(0, new java.math.BigDecimal("2").compareTo(y2019.getJsonNumber("staffFte").bigDecimalValue()));
        assertEquals(16000, y2019.getInt("personnelCost"));
        assertEquals(28000, y2019.getInt("totalCost"));
        JsonObject y2020 = p.getJsonArray("costs").getJsonObject(1);
        assertEquals(10000, y2020.getInt("generalRevenue"));
        assertEquals(0, y2020.getInt("prefecturalSubsidy"));
        assertEquals(10000, y2020.getInt("personnelCost"));
        assertEquals(22500, y2020.getInt("totalCost"));

        // The municipality's own unit cost applies as soon as it is set.
        String settings = base + "/modules/planning/settings";
        api.put(settings).ifMatch(api.get(settings).send().expect(200).etag())
                .json("{\"values\":{\"personnelUnitCost\":7000}}").send().expect(200);
        JsonObject again = api.get(programs + "/" + p.getString("id")).send().expect(200).object();
        assertEquals(7000, again.getInt("personnelUnitCost"));
        assertEquals(14000, again.getJsonArray("costs").getJsonObject(0).getInt("personnelCost"));
        assertEquals(26000, again.getJsonArray("costs").getJsonObject(0).getInt("totalCost"));
        assertEquals(8750, again.getJsonArray("costs").getJsonObject(1).getInt("personnelCost"));

        // A revision replaces the sheet: a period with an end, one cost year, no indicators.
        JsonObject revised = api.put(programs + "/" + p.getString("id")).ifMatch(created.etag()).json(program("1-2-01")
                .add("firstFiscalYear", 2018).add("lastFiscalYear", "令和4年度").add("method", "DIRECT")
                .add("costs", Json.createArrayBuilder().add(cost(2020, 300))).build()).send().expect(200).object();
        assertEquals(2022, revised.getJsonObject("lastFiscalYear").getInt("year"));
        assertEquals(1, revised.getJsonArray("costs").size());
        assertEquals(300, revised.getJsonArray("costs").getJsonObject(0).getInt("generalRevenue"));
        assertEquals(0, revised.getJsonArray("activityIndicatorIds").size());
        assertEquals(JsonValue.NULL, revised.get("planNodeId"));

        // The CSV carries the new columns, costs of the program's own year.
        String csv = new String(api.get(programs + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("根拠法令等") && csv.contains("実施手法") && csv.contains("トータルコスト（千円）"), csv);
        assertTrue(csv.contains("直営"), csv);
    }

    @Test
    void aProgramWithTheListsFieldsOnlyStillWorksAsBefore() {
        Reply created = api.post(programs).json(Json.createObjectBuilder().add("fiscalYear", 2020).add("programNumber", "1")
                .add("name", "秘書業務").add("purpose", "特別職の公務等を円滑に遂行する").build()).send().expect(201);
        JsonObject p = created.object();
        assertEquals("特別職の公務等を円滑に遂行する", p.getString("purpose"));
        assertEquals(0, p.getJsonArray("costs").size());
        assertEquals(JsonValue.NULL, p.get("method"));
        api.delete(programs + "/" + p.getString("id")).ifMatch(created.etag()).send().expect(204);
        api.get(programs + "/" + p.getString("id")).send().expect(404);
    }

    @Test
    void costsThatDoNotAddUpAndBadReferencesAreRefusedFieldByFieldAndNothingIsWritten() {
        int before = api.get(programs).send().expect(200).object().getInt("totalItems");
        JsonObject bad = program("9").add("firstFiscalYear", 2021).add("lastFiscalYear", 2020)
                .add("planNodeId", "00000000-0000-0000-0000-000000000001")
                .add("activityIndicatorIds", Json.createArrayBuilder().add("00000000-0000-0000-0000-000000000002"))
                .add("costs", Json.createArrayBuilder()
                        .add(cost(2019, 1000).add("nationalSubsidy", 500).add("generalRevenue", 400))
                        .add(cost(2020, 1000).add("nationalSubsidy", 800).add("bonds", 300))
                        .add(cost(2020, 5))).build();
        Reply r = api.post(programs).json(bad).send();
        JsonObject p = assertJapanese(r, assertProblem(r, 400, "validation"));
        String fields = Problems.fields(p);
        for (String f : List.of("lastFiscalYear", "planNodeId", "activityIndicatorIds[0]", "costs[0].generalRevenue",
                "costs[1].programCost", "costs[2].fiscalYear")) {
            assertTrue(fields.contains("\"" + f + "\""), () -> f + " in " + fields);
        }
        assertTrue(fields.contains("財源の合計（900千円）が事業費（1,000千円）と一致しません"), fields);
        Reply en = api.post(programs).lang("en").json(bad).send();
        assertTrue(Problems.fields(assertEnglish(en, assertProblem(en, 400, "validation")))
                .contains("The funding adds up to 900 thousand yen, not to the program cost of 1,000 thousand yen."));

        for (String body : List.of(
                program("9").add("method", "BY_MAGIC").build().toString(),
                program("9").add("costs", Json.createArrayBuilder().add(cost(2020, -1))).build().toString(),
                program("9").add("costs", Json.createArrayBuilder().add(cost(2020, 10).add("regularStaffFte", 0.125)))
                        .build().toString(),
                program("9").add("costs", Json.createArrayBuilder().add(Json.createObjectBuilder().add("programCost", 1)))
                        .build().toString())) {
            Reply refused = api.post(programs).json(body).send();
            assertProblem(refused, 400, null);
        }
        assertEquals(before, api.get(programs).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void anotherMunicipalitysPlanNodeAndIndicatorsCannotBeReferredTo() {
        String mine = base;
        base = Municipalities.PATH + "/" + Municipalities.register(api);
        String[] other = base.split("/");
        Municipalities.setModule(api, other[other.length - 1], "planning", true);
        String theirIndicator = indicator("X1", "OUTCOME");
        String theirNode = planNode();
        base = mine;
        Reply r = api.post(programs).json(program("7").add("planNodeId", theirNode)
                .add("outcomeIndicatorIds", Json.createArrayBuilder().add(theirIndicator)).build()).send();
        String fields = Problems.fields(assertProblem(r, 400, "validation"));
        assertTrue(fields.contains("\"planNodeId\"") && fields.contains("\"outcomeIndicatorIds[0]\""), fields);
        assertEquals(0, api.get(programs).send().expect(200).object().getInt("totalItems"));
    }
}
