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
 * Administrative reform items (改革項目, seed 004): number, theme, title, responsible divisions,
 * current state and issues, direction, examples, a schedule over fiscal years, and core
 * indicators linked by id whose yearly targets and actuals the item shows (an actual entered in
 * core shows at once: linked, not copied); conditional updates, CSV, field errors, isolation.
 */
@MachiTest
class ReformItemIT {

    private final Api api;
    private String lg;
    private String base;
    private String items;
    private String kyodo;
    private String indicator;

    ReformItemIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        items = base + "/planning/reform-items";
        kyodo = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01")
                .add("nameJa", "市民協働課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build())
                .send().expect(201).object().getString("id");
        JsonArrayBuilder years = Json.createArrayBuilder();
        int[] targets = {55, 100, 105, 110, 115};
        for (int i = 0; i < 5; i++) {
            years.add(Json.createObjectBuilder().add("fiscalYear", 2020 + i).add("target", targets[i]));
        }
        indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("code", "14")
                .add("nameJa", "市民と行政との協働事業件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("years", years).build()).send().expect(201).object().getString("id");
    }

    private JsonObjectBuilder item(int number) {
        return Json.createObjectBuilder().add("itemNumber", number).add("firstFiscalYear", "R2").add("lastFiscalYear", "R6")
                .add("theme", "協働のまちづくり").add("title", "市民協働による事業の推進")
                .add("responsibleUnits", Json.createArrayBuilder().add(Json.createObjectBuilder().add("unitId", kyodo)))
                .add("currentState", "地域社会を取り巻く環境は変化しており…")
                .add("direction", "■市民協働推進員の指定\n市民協働推進員を全課に1名づつ任命。")
                .add("examples", Json.createArrayBuilder().add("公共施設の里親制度").add("壁画によるまちづくり事業"))
                .add("schedule", Json.createArrayBuilder().add(Json.createObjectBuilder().add("activity", "市民協働による事業の推進")
                        .add("fromFiscalYear", "R2").add("toFiscalYear", "R6")))
                .add("indicatorIds", Json.createArrayBuilder().add(indicator));
    }

    @Test
    void anItemShowsItsLinkedIndicatorsTargetsAndActuals() {
        Reply created = api.post(items).json(item(14).build()).send();
        created.expect(201);
        JsonObject r = created.object();
        String id = r.getString("id");
        assertEquals(14, r.getInt("itemNumber"));
        assertEquals("令和2年度", r.getJsonObject("firstFiscalYear").getString("label"));
        assertEquals("市民協働課", r.getJsonArray("responsibleUnits").getJsonObject(0).getString("name"));
        JsonObject schedule = r.getJsonArray("schedule").getJsonObject(0);
        assertEquals(2020, schedule.getJsonObject("fromFiscalYear").getInt("year"));
        assertEquals(2024, schedule.getJsonObject("toFiscalYear").getInt("year"));
        JsonObject ind = r.getJsonArray("indicators").getJsonObject(0);
        assertEquals("市民と行政との協働事業件数", ind.getString("nameJa"));
        assertEquals(List.of(55, 100, 105, 110, 115), ind.getJsonArray("years").getValuesAs(JsonObject.class).stream()
                .map(y -> y.getJsonNumber("target").intValue()).toList());

        // An actual entered in core shows on the item: the indicator is linked, not copied.
        Reply core = api.get(base + "/indicators/" + indicator).send().expect(200);
        JsonObject def = core.object();
        JsonArrayBuilder years = Json.createArrayBuilder();
        int[] targets = {55, 100, 105, 110, 115};
        for (int i = 0; i < 5; i++) {
            JsonObjectBuilder y = Json.createObjectBuilder().add("fiscalYear", 2020 + i).add("target", targets[i]);
            if (i == 0) {
                y.add("actual", 31);
            }
            years.add(y);
        }
        api.put(base + "/indicators/" + indicator).ifMatch(core.etag()).json(Json.createObjectBuilder()
                .add("code", "14").add("nameJa", def.getString("nameJa")).add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("years", years).build()).send().expect(200);
        JsonObject again = api.get(items + "/" + id).send().expect(200).object();
        assertEquals(31, again.getJsonArray("indicators").getJsonObject(0).getJsonArray("years").getJsonObject(0)
                .getJsonNumber("actual").intValue());

        Reply updated = api.put(items + "/" + id).ifMatch(created.etag()).json(item(14).add("title", "改題").build()).send();
        updated.expect(200);
        assertEquals("改題", updated.object().getString("title"));
        assertProblem(api.put(items + "/" + id).ifMatch(created.etag()).json(item(14).build()).send(), 412, null);
        assertEquals(428, api.put(items + "/" + id).json(item(14).build()).send().status());
        assertProblem(api.post(items).json(item(14).build()).send(), 409, "duplicate");

        api.post(items).json(item(15).add("indicatorIds", Json.createArrayBuilder()).build()).send().expect(201);
        assertEquals(List.of(14, 15), api.get(items).send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(x -> x.getInt("itemNumber")).toList());
        assertEquals(2, api.get(items + "?fiscalYear=R4").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(items + "?fiscalYear=R7").send().expect(200).object().getInt("totalItems"));

        String csv = new String(api.get(items + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("取組の概要と方向性") && csv.contains("市民と行政との協働事業件数") && csv.contains("令和6年度 115"), csv);

        String etag = api.get(items + "/" + id).send().expect(200).etag();
        assertEquals(204, api.delete(items + "/" + id).ifMatch(etag).send().status());
        assertEquals(200, api.get(base + "/indicators/" + indicator).send().status(), "the indicator stays in core");
    }

    @Test
    void badReferencesAndSchedulesAreFieldErrors() {
        JsonObject outside = item(14).add("schedule", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("activity", "x").add("fromFiscalYear", "R1").add("toFiscalYear", "R3"))).build();
        Reply ja = api.post(items).json(outside).send();
        assertTrue(Problems.fields(assertJapanese(ja, assertProblem(ja, 400, "invalid-reference"))).contains("schedule[0]"));
        String other = Municipalities.register(api);
        String foreignIndicator = api.post(Municipalities.PATH + "/" + other + "/indicators").json(Json.createObjectBuilder()
                .add("code", "X").add("nameJa", "よその指標").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").build()).send().expect(201).object().getString("id");
        Reply en = api.post(items).lang("en").json(item(14).add("indicatorIds", Json.createArrayBuilder()
                .add(foreignIndicator)).build()).send();
        assertTrue(Problems.fields(assertEnglish(en, assertProblem(en, 400, "invalid-reference"))).contains("indicatorIds[0]"));
        Reply noTitle = api.post(items).json(item(14).add("title", " ").build()).send();
        assertTrue(Problems.fields(assertProblem(noTitle, 400, null)).contains("title"));
        assertEquals(0, api.get(items).send().expect(200).object().getInt("totalItems"), "nothing written");

        String id = api.post(items).json(item(14).build()).send().expect(201).object().getString("id");
        Municipalities.setModule(api, other, "planning", true);
        assertEquals(404, api.get(Municipalities.PATH + "/" + other + "/planning/reform-items/" + id).send().status());
        assertEquals(404, api.as("STAFF", other).get(items + "/" + id).send().status(), "as if the municipality did not exist");
    }
}
