package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An indicator bound to a module's metric source takes its actuals from that module's live data:
 * here the planning module's number of administrative programs per fiscal year. Switching the
 * module off for the municipality hides the metric without touching any data.
 */
@MachiTest
class MetricBindingIT {

    static final String METRIC = "planning:programs-per-fiscal-year";

    private final Api api;
    private String lg;
    private String base;

    MetricBindingIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipalityWithPlanning() {
        lg = Municipalities.register(api);
        base = Municipalities.PATH + "/" + lg;
        Municipalities.setModule(api, lg, "planning", true);
    }

    private void program(int fiscalYear, String number, String name) {
        api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", fiscalYear)
                .add("programNumber", number).add("name", name).build()).send().expect(201);
    }

    private JsonObject boundIndicator(boolean cumulative) {
        var body = Json.createObjectBuilder().add("nameJa", "事務事業数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", METRIC).add("cumulative", cumulative)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 4)));
        if (cumulative) {
            body.add("baseline", Json.createObjectBuilder().add("value", 10).add("fiscalYear", 2022));
        }
        return api.post(base + "/indicators").json(body.build()).send().expect(201).object();
    }

    @Test
    void aBoundIndicatorsActualsAreTheModulesLiveFigures() {
        JsonArray offered = api.get(base + "/metric-sources").send().expect(200).array();
        assertTrue(offered.toString().contains(METRIC), offered::toString);

        program(2023, "1", "秘書業務");
        program(2023, "2", "市長車等特別職運転・管理業務");
        program(2023, "3", "渉外業務");
        program(2024, "1", "秘書業務");
        JsonObject created = boundIndicator(false);
        assertEquals(METRIC, created.getString("metricSource"));
        JsonObject fy2023 = IndicatorIT.year(created, 2023);
        assertEquals(3, fy2023.getJsonNumber("actual").intValue());
        assertEquals("METRIC", fy2023.getString("actualSource"));
        assertEquals("75.0", fy2023.getJsonNumber("achievementRate").toString());
        assertEquals("C", fy2023.getString("rating"));
        assertEquals(1, IndicatorIT.year(created, 2024).getJsonNumber("actual").intValue());

        // Live: a program registered afterwards counts at once.
        program(2023, "4", "シティプロモーション");
        JsonObject again = api.get(base + "/indicators/" + created.getString("id")).send().expect(200).object();
        assertEquals(4, IndicatorIT.year(again, 2023).getJsonNumber("actual").intValue());
        assertEquals("A", IndicatorIT.year(again, 2023).getString("rating"));
    }

    @Test
    void aCumulativeBoundIndicatorAddsTheYearlyFiguresToItsBaseline() {
        program(2023, "1", "a");
        program(2023, "2", "b");
        program(2023, "3", "c");
        program(2024, "1", "a");
        JsonObject created = boundIndicator(true);
        assertEquals(13, IndicatorIT.year(created, 2023).getJsonNumber("actual").intValue());
        assertEquals(14, IndicatorIT.year(created, 2024).getJsonNumber("actual").intValue());
    }

    @Test
    void actualsOfABoundIndicatorCannotBeTypedIn() {
        Reply r = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "事務事業数")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("metricSource", METRIC)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("actual", 9)))
                .build()).send();
        assertTrue(Problems.fields(assertProblem(r, 400, "validation")).contains("years"), r::toString);
    }

    @Test
    void switchingTheModuleOffHidesItsMetricAndKeepsItsData() {
        program(2023, "1", "秘書業務");
        JsonObject created = boundIndicator(false);
        String item = base + "/indicators/" + created.getString("id");

        Municipalities.setModule(api, lg, "planning", false);
        assertEquals(0, api.get(base + "/metric-sources").send().expect(200).array().size());
        JsonObject off = api.get(item).send().expect(200).object();
        JsonObject fy2023 = IndicatorIT.year(off, 2023);
        assertEquals("METRIC_UNAVAILABLE", fy2023.getString("actualSource"));
        assertFalse(fy2023.containsKey("actual"));
        assertProblem(api.get(base + "/planning/programs").send(), 404, "module-not-enabled");

        Reply refused = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "x")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("metricSource", METRIC)
                .build()).send();
        assertTrue(Problems.fields(assertProblem(refused, 400, "invalid-reference")).contains("metricSource"),
                refused::toString);

        Municipalities.setModule(api, lg, "planning", true);
        assertEquals(1, api.get(base + "/planning/programs").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, IndicatorIT.year(api.get(item).send().expect(200).object(), 2023).getJsonNumber("actual").intValue());
    }
}
