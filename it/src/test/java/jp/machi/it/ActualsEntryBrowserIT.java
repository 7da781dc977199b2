package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * 実績入力 in headless Chromium, as a STAFF member using only the keyboard: the year and the unit
 * chosen, the actuals and notes typed and saved together, a wrong number refused next to its field,
 * a colleague's edit meanwhile refusing the save with the indicator named, and the filled-in CSV
 * uploaded, previewed (before → after) and applied. Screenshots {@code core-actuals-*.png}.
 */
@MachiTest
@BrowserTest
class ActualsEntryBrowserIT {

    private final Api api;
    private String base;

    ActualsEntryBrowserIT(Api api) {
        this.api = api;
    }

    private String indicator(String code, String name, String unit, jakarta.json.JsonObjectBuilder extra) {
        return api.post(base + "/indicators").json(extra.add("code", code).add("nameJa", name).add("kind", "OUTCOME")
                .add("unit", "人").add("direction", "HIGHER_IS_BETTER").add("ownerUnitId", unit).build()).send().expect(201)
                .object().getString("id");
    }

    private BigDecimal actual(String id, int fy) {
        for (JsonValue v : api.get(base + "/indicators/" + id).send().expect(200).object().getJsonArray("years")) {
            JsonObject y = v.asJsonObject();
            if (y.getJsonObject("fiscalYear").getInt("year") == fy && !none(y, "actual")) {
                return y.getJsonNumber("actual").bigDecimalValue();
            }
        }
        return null;
    }

    @Test
    void aDivisionEntersItsActualsByKeyboardSavesThemTogetherAndUploadsTheSheet(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        String unit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "10")
                .add("nameJa", "観光課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        String visitors = indicator("K1", "観光入込客数", unit, Json.createObjectBuilder().add("years", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 1000).add("actual", 900))
                .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 1100))));
        String events = indicator("K2", "観光イベント数", unit, Json.createObjectBuilder()
                .add("baseline", Json.createObjectBuilder().add("value", 6).add("fiscalYear", 2022))
                .add("finalTarget", Json.createObjectBuilder().add("value", 12).add("fiscalYear", 2027)));
        // The municipality measures the years before a final target on the line from the baseline.
        Reply scale = api.get(base + "/rating-scale").send().expect(200);
        api.put(base + "/rating-scale").ifMatch(scale.etag()).json(Json.createObjectBuilder()
                .add("grades", scale.object().getJsonArray("grades")).add("interimYears", "INTERPOLATE").build()).send().expect(200);
        indicator("K3", "観光関連事業数", unit, Json.createObjectBuilder().add("metricSource", "planning:programs-per-fiscal-year"));
        api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", 2024).add("programNumber", "T1")
                .add("name", "観光事業").build()).send().expect(201);

        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='core/actuals']");
        b.waitForText("h1", "実績入力");
        b.select("#actuals-choose select[name=fiscalYear]", "2024");
        b.select("#actuals-choose select[name=unitId]", unit);
        b.click("#actuals-show");
        b.waitFor("#actuals-table");
        b.waitForText("h1", "実績入力 令和6年度 観光課");
        String table = b.text("#actuals-table", true);
        assertTrue(table.contains("目標値 (令和6年度)") && table.contains("前年度の実績値 (令和5年度)"), table);
        assertTrue(table.contains("1,100") && table.contains("900 人"), table);
        assertTrue(table.contains("8.4 (按分)"), "6 (R4) → 12 (R9): 8.4 in R6: " + table);
        assertTrue(table.contains("1 人") && table.contains("指標ソースに連動: 入力不要"), "the bound one's live value: " + table);
        assertEquals(2, b.texts("#actuals-table input.actual-input").size(), "no field for the bound indicator");
        assertEquals("K1 観光入込客数 の実績値 (人)", b.attribute("#actual-0", "aria-label"));

        // Keyboard only: a wrong number first.
        b.click("#actual-0");
        b.keys("千百").keys(WebBrowser.TAB).keys("説明").keys(WebBrowser.ENTER);
        b.waitFor("#actuals-form .form-summary");
        assertEquals("true", b.attribute("#actual-0", "aria-invalid"));
        assertTrue(b.text("#actual-0-error", true).contains("数値を入力してください"));
        assertEquals(null, actual(visitors, 2024), "nothing saved");

        b.type("#actual-0", "1,180");
        b.click("#actual-0");
        b.keys(WebBrowser.TAB);
        assertEquals("input#note-0", b.focused());
        b.keys(WebBrowser.TAB);
        assertEquals("input#actual-1", b.focused());
        b.keys("9").keys(WebBrowser.ENTER);
        b.waitForText("#actuals-saved", "2 件の実績を保存しました。");
        b.screenshot("core-actuals-saved");
        assertEquals(0, new BigDecimal("1180").compareTo(actual(visitors, 2024)));
        assertEquals(0, new BigDecimal("9").compareTo(actual(events, 2024)));
        assertEquals("1180", b.attribute("#actual-0", "value"));

        // A colleague changes 観光入込客数 meanwhile: the save is refused, the indicator named, nothing written.
        String etag = api.get(base + "/indicators/" + visitors).send().expect(200).etag();
        api.put(base + "/indicators/" + visitors).ifMatch(etag).json(Json.createObjectBuilder().add("code", "K1")
                .add("nameJa", "観光入込客数").add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .add("ownerUnitId", unit).add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 1100).add("actual", 1190))).build())
                .send().expect(200);
        b.type("#actual-1", "10");
        b.click("#actual-1");
        b.keys(WebBrowser.ENTER);
        b.waitFor("#actuals-form .conflict");
        assertTrue(b.text("#actuals-form .conflict", true).contains("K1 観光入込客数"), b.text("#actuals-form .conflict", true));
        b.screenshot("core-actuals-stale");
        assertEquals(0, new BigDecimal("9").compareTo(actual(events, 2024)), "the fresh indicator was not written either");
        b.click("#actuals-form .conflict button.reload");
        b.waitForAbsent("#actuals-form .conflict");
        b.waitFor("#actual-0");
        assertEquals("1190", b.attribute("#actual-0", "value"));

        // The same as a file: the filled-in CSV previewed, then applied.
        String csv = "コード,実績値 (令和6年度),実績の説明\r\nK1,1200,修正\r\nK2,9,\r\n";
        b.waitFor("#actuals-file");
        b.script("const dt = new DataTransfer(); dt.items.add(new File([arguments[1]], 'actuals.csv', {type: 'text/csv'}));"
                + " const i = document.querySelector(arguments[0]); i.files = dt.files;"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", "#actuals-file", csv);
        b.click("#actuals-preview-button");
        b.waitForText("#actuals-preview-heading", "1 件が変わります");
        List<String> cells = b.texts("#actuals-preview-table tbody td");
        assertTrue(cells.contains("1,190 → 1,200") && cells.contains("説明 → 修正"), cells::toString);
        b.screenshot("core-actuals-preview");
        assertEquals(0, new BigDecimal("1190").compareTo(actual(visitors, 2024)), "a preview writes nothing");
        b.click("#actuals-apply");
        b.waitForText("#actuals-saved", "ファイルから 1 件の実績を反映しました。");
        assertEquals(0, new BigDecimal("1200").compareTo(actual(visitors, 2024)));
        assertFalse(b.present("#actuals-preview-table"));
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusal (412) as failed loads.
        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 412")).toList(), "no script error, no CSP violation");
    }

    /** A member the API left out (JSON-B omits nulls) or sent as null. */
    static boolean none(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }
}
