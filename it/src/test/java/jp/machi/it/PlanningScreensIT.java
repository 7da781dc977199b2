package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The planning module's console screens in a real browser (headless Chromium), as a STAFF member
 * of a fresh municipality with planning enabled uses them: importing a program list (dry run,
 * then import) and seeing the programs; a refused file's rows with line and reason; a division
 * plan with a month-by-month schedule entered through the form and shown as a chart (April to
 * March) with its table; a department policy whose bad input shows the API's error next to its
 * field, then saved with its mid-term goals reordered, and the copy into the next fiscal year;
 * a reform item with a linked indicator and its chart of targets against actuals. Screenshots:
 * {@code it/target/screenshots-<db>/planning-*.png}.
 */
@MachiTest
@BrowserTest
class PlanningScreensIT {

    private final Api api;

    PlanningScreensIT(Api api) {
        this.api = api;
    }

    private String municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        return lg;
    }

    private String unit(String lg, String code, String name, String kind, String parentId) {
        var b = Json.createObjectBuilder().add("code", code).add("nameJa", name).add("kind", kind).add("validFrom", "2019-04-01");
        if (parentId != null) {
            b.add("parentId", parentId);
        }
        return api.post(Municipalities.PATH + "/" + lg + "/organization-units").json(b.build()).send().expect(201).object().getString("id");
    }

    /** Puts a file into the file input as the file chooser would (headless: through DataTransfer). */
    private static void chooseFile(WebBrowser b, String css, String name, String content) {
        b.waitFor(css);
        b.script("const dt = new DataTransfer(); dt.items.add(new File([arguments[1]], arguments[2], {type: 'text/plain'}));"
                + " const i = document.querySelector(arguments[0]); i.files = dt.files;"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", css, content, name);
    }

    private static final String PROGRAMS = "令和2年度事務事業一覧\n"
            + "通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n"
            + "1\t1\t秘書業務\t市長公室秘書課\t特別職の公務等を円滑に遂行する。\t日程を調整する。\t効率的に管理できた。\n"
            + "2\t2\t市長車等特別職運転・管理業務\t市長公室秘書課\t安全な移動を行う。\t運転・管理を行う。\t安全に移動できた。\n"
            + "3\t3\t広報紙の発行\t政策イノベーション部広報戦略課\t市政情報を届ける。\t広報紙を発行する。\t全戸に配布した。\n";

    @Test
    void importAProgramListThroughTheScreenDryRunFirst(WebBrowser b) {
        String lg = municipality();
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='planning/planning-import']");
        b.waitForText("h1", "事務事業一覧の取込");
        assertEquals("事務事業一覧のファイル (必須)", b.text("label[for=import-file]", true));

        // A bad file: every failing row with its line and reason, nothing written.
        chooseFile(b, "#import-file", "bad.txt", "令和2年度事務事業一覧\n"
                + "通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n"
                + "1\t\t名前だけ\t市長公室秘書課\t\t\t\n");
        b.click("#import-dry-run");
        b.waitFor("#import-errors");
        List<String> errors = b.texts("#import-errors tbody tr");
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("3") && errors.get(0).contains("事業番号がありません"), errors.get(0));
        b.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", "#import-rejected-heading");
        b.screenshot("planning-import-rejected");

        // The dry run: the per-row report and the proposed units, nothing imported yet.
        chooseFile(b, "#import-file", "programs.txt", PROGRAMS);
        b.click("#import-dry-run");
        b.waitForText("#import-report-heading", "まだ取り込んでいません");
        assertEquals(3, b.texts("#import-rows tbody tr").size());
        assertTrue(b.text("#import-rows tbody tr:nth-child(1)", true).contains("秘書業務"));
        assertTrue(b.texts("#import-proposed tbody tr").size() >= 1, "division names not in the tree are proposed");
        assertEquals(0, api.get(Municipalities.PATH + "/" + lg + "/planning/programs").send().expect(200).object()
                .getInt("totalItems"), "a dry run writes nothing");
        b.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", "#import-report-heading");
        b.screenshot("planning-import-dry-run");

        // The import, creating the proposed units; then the programs list.
        b.click("#import-create-units");
        b.click("#import-run");
        b.waitForText("#import-report-heading", "取り込みました");
        assertTrue(b.text("#import-result", true).contains("3 件の事務事業を取り込みました"), b.text("#import-result", true));
        b.screenshot("planning-import-done");
        b.click("#import-programs-link");
        b.waitForText("h1", "事務事業");
        b.waitForText(".list-status", "3 件中 1〜3 件");
        String table = b.text("table.list tbody", true);
        assertTrue(table.contains("秘書業務") && table.contains("広報紙の発行") && table.contains("令和2年度"), table);
        assertTrue(table.contains("広報戦略課"), table);
        // The one refusal the browser logs is the 422 of the bad file above.
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream()
                .filter(e -> !(e.contains("/planning/programs/bulk-imports?") && e.contains("422"))).toList());
    }

    @Test
    void aDivisionPlanWithASchedulePlottedAprilToMarch(WebBrowser b) {
        String lg = municipality();
        unit(lg, "1010", "市民自治推進課", "DIVISION", null);
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/planning/planning-division-plans");
        b.waitForText(".list-status", "0 件中");
        b.click("#new-plan");
        b.waitFor("#plan-form");
        b.waitForText("h1", "課の業務計画の登録");
        b.script("const s = document.getElementById('plan-division'); const o = [...s.options].find((x) => x.text.includes('市民自治推進課'));"
                + " s.value = o.value;");
        b.type("#plan-year", "R7");
        b.type("#measureGoal-number", "2-1").type("#measureGoal-text", "市民主体のまちづくりを進めます");
        b.click("#aims-add");
        b.type("#aims-0-number", "1").type("#aims-0-text", "地域の担い手を増やす");
        b.click("#projects-add");
        assertEquals("input#projects-0-name", b.focused(), "a new project takes the focus");
        b.type("#projects-0-name", "市民活動サポートセンターの運営").type("#projects-0-aimNumbers", "1")
                .type("#projects-0-budget", "12,500");
        b.select("#projects-0-direction", "拡充").select("#projects-0-actor", "市");
        // Its schedule: two periods (April–June, October–March).
        b.click("#projects fieldset.repeater button.add");
        b.click("#projects fieldset.repeater button.add");
        String bars = "#projects fieldset.repeater";
        b.script("const sel = document.querySelectorAll(arguments[0] + ' select');"
                + " sel[0].value = '4'; sel[1].value = '6'; sel[2].value = '10'; sel[3].value = '3';", bars);
        b.script("const t = document.querySelectorAll(arguments[0] + ' input');"
                + " t[0].value = '準備'; t[1].value = '講座の開催';", bars);
        b.click("#projects-add");
        b.type("#projects-1-name", "地域活動の表彰");
        b.click("#projects > ol > li[data-row='1'] > .row-head button.up");
        b.screenshot("planning-division-plan-form");
        b.click("#save-plan");

        b.waitFor("#schedule-chart, .form-summary");
        assertFalse(b.present(".form-summary"), () -> b.text(".form-summary", false));
        b.waitForScript("a Chart.js chart on the canvas",
                "const c = window.Chart && Chart.getChart(document.getElementById('schedule-chart')); return c ? c.data.labels.length : null;");
        // The second project moved up: it is priority 1 now.
        assertEquals("1. 地域活動の表彰", b.text("#proj-1", true));
        assertEquals("2. 市民活動サポートセンターの運営", b.text("#proj-2", true));
        Object labels = b.script("return Chart.getChart(document.getElementById('schedule-chart')).data.labels.join('|');");
        assertEquals("2. 市民活動サポートセンターの運営 — 準備・講座の開催", labels, "one line with two bars");
        assertEquals("[0,3]|[6,12]", b.script("return Chart.getChart(document.getElementById('schedule-chart')).data.datasets"
                + ".map((d) => JSON.stringify(d.data[0])).join('|');"), "April–June and October–March on the fiscal axis");
        assertEquals("4月|5月|6月|7月|8月|9月|10月|11月|12月|1月|2月|3月", String.join("|",
                b.texts("#schedule-table thead th").subList(1, 13)));
        String row = b.text("#schedule-table tbody tr", true);
        assertTrue(row.contains("準備") && row.contains("講座の開催"), row);
        assertEquals(9, ((Number) b.script("return document.querySelectorAll('#schedule-table tbody tr td.active').length;"))
                .intValue(), "3 months + 6 months active");
        assertFalse(b.attribute("#schedule-chart", "aria-label").isBlank());
        b.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", "#schedule-heading");
        b.screenshot("planning-division-plan");

        JsonObject plan = api.get(Municipalities.PATH + "/" + lg + "/planning/division-plans").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(2025, plan.getJsonObject("fiscalYear").getInt("year"));
        assertEquals(12500, plan.getJsonArray("projects").getJsonObject(1).getInt("budget"));
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b));
    }

    @Test
    void aDepartmentPolicyShowsTheApisErrorNextToItsFieldThenSavesAndCopies(WebBrowser b) {
        String lg = municipality();
        String dept = unit(lg, "100", "市民生活部", "DEPARTMENT", null);
        String div = unit(lg, "110", "地域づくり推進課", "DIVISION", dept);
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/planning/planning-department-policies/new");
        b.waitFor("#policy-form");
        b.select("#pol-department", dept);
        b.type("#pol-year", "2025");
        b.type("#res-regularStaff", "-3").type("#res-partTimeStaff", "4.5").type("#res-expenditureBudget", "1200000");
        b.click("#save-policy");
        b.waitFor("#res-regularStaff[aria-invalid='true']");
        String error = b.text("#res-regularStaff-error", true);
        assertFalse(error.isBlank(), "the API's error is next to 正規職員");
        assertFalse(b.present("#res-partTimeStaff[aria-invalid]"), "a correct field shows no error");
        assertTrue(b.text(".form-summary", true).contains("正規職員"), b.text(".form-summary", true));
        b.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", "#res-regularStaff");
        b.screenshot("planning-department-policy-errors");
        assertEquals(0, api.get(Municipalities.PATH + "/" + lg + "/planning/department-policies").send().expect(200).object()
                .getInt("totalItems"), "nothing was saved");

        b.type("#res-regularStaff", "42");
        b.type("textarea[name=mission]", "市民の暮らしを守る\n地域のつながりを育む");
        b.click("#midterm-add");
        b.type("#midterm-0-measure", "地域コミュニティの活性化");
        b.select("#midterm-0-divisionId", div);
        b.click("#midterm-add");
        b.type("#midterm-1-measure", "防災力の向上");
        b.click("#midterm li[data-row='1'] button.up");
        b.click("#save-policy");
        b.waitFor("#policy-midterm");
        List<String> goals = b.texts("#policy-midterm tbody tr");
        assertTrue(goals.get(0).startsWith("1") && goals.get(0).contains("防災力の向上"), goals.toString());
        assertTrue(goals.get(1).contains("地域コミュニティの活性化") && goals.get(1).contains("地域づくり推進課"), goals.toString());
        assertTrue(b.text("main", true).contains("46.5"), "total staff 42 + 4.5");
        b.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", "#policy-midterm");
        b.screenshot("planning-department-policy");

        // Copy 2025 into 2026, with the confirmation in the page.
        b.click("#back-to-list");
        b.waitForText(".list-status", "1 件中");
        b.type("#copy-from", "2025").type("#copy-to", "R8");
        b.click("#copy-start");
        b.waitForText("#copy-confirm", "令和7年度の部の運営方針をすべて");
        b.click("#copy-confirm-yes");
        b.waitForText(".copy-result", "1 件を");
        b.waitForText(".list-status", "1 件中");
        assertTrue(b.text("table.list tbody", true).contains("令和8年度"), b.text("table.list tbody", true));
        assertEquals(2, api.get(Municipalities.PATH + "/" + lg + "/planning/department-policies").send().expect(200).object()
                .getInt("totalItems"));
        // The one refusal the browser logs is the 400 of the bad input above.
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream()
                .filter(e -> !(e.contains("/planning/department-policies ") && e.contains("400"))).toList());
    }

    @Test
    void aReformItemWithItsLinkedIndicatorsChart(WebBrowser b) {
        String lg = municipality();
        String base = Municipalities.PATH + "/" + lg;
        String kyodo = unit(lg, "300", "市民協働課", "DIVISION", null);
        JsonArrayBuilder years = Json.createArrayBuilder();
        int[] targets = {55, 100, 105};
        for (int i = 0; i < targets.length; i++) {
            var y = Json.createObjectBuilder().add("fiscalYear", 2020 + i).add("target", targets[i]);
            if (i < 2) {
                y.add("actual", 60 + i * 30);
            }
            years.add(y);
        }
        String indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("code", "14")
                .add("nameJa", "市民と行政との協働事業件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("years", years).build()).send().expect(201).object().getString("id");
        String id = api.post(base + "/planning/reform-items").json(Json.createObjectBuilder().add("itemNumber", 14)
                .add("firstFiscalYear", "R2").add("lastFiscalYear", "R6").add("theme", "協働のまちづくり")
                .add("title", "市民協働による事業の推進")
                .add("responsibleUnits", Json.createArrayBuilder().add(Json.createObjectBuilder().add("unitId", kyodo)))
                .add("currentState", "地域社会を取り巻く環境は変化しており…")
                .add("examples", Json.createArrayBuilder().add("公共施設の里親制度"))
                .add("schedule", Json.createArrayBuilder().add(Json.createObjectBuilder().add("activity", "市民協働による事業の推進")
                        .add("fromFiscalYear", "R2").add("toFiscalYear", "R6")))
                .add("indicatorIds", Json.createArrayBuilder().add(indicator)).build()).send().expect(201).object().getString("id");
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='planning/planning-reform-items']");
        b.waitForText(".list-status", "1 件中");
        b.clickText("table.list a", "市民協働による事業の推進");
        b.waitForText("h1", "14. 市民協働による事業の推進");
        b.waitForScript("a Chart.js chart on the canvas",
                "const c = window.Chart && Chart.getChart(document.getElementById('reform-indicator-chart-0')); return c ? c.data.labels.join('|') : null;");
        String chart = "Chart.getChart(document.getElementById('reform-indicator-chart-0'))";
        assertEquals("令和2年度|令和3年度|令和4年度", b.script("return " + chart + ".data.labels.join('|');"));
        assertEquals("55|100|105", b.script("return " + chart + ".data.datasets[0].data.join('|');"));
        assertEquals("60|90|", b.script("return " + chart + ".data.datasets[1].data.join('|');"));
        assertTrue(b.text("#reform-schedule tbody", true).contains("令和2年度〜令和6年度"), b.text("#reform-schedule tbody", true));
        assertTrue(b.text("main", true).contains("市民協働課"));
        b.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", "#indicators-heading");
        b.screenshot("planning-reform-item");
        assertTrue(b.currentUrl().endsWith("/planning/planning-reform-items/" + id), b.currentUrl());

        // The form keeps the link; a change is saved.
        b.click("#edit-item");
        b.waitFor("#reform-form");
        assertEquals(true, b.script("return document.getElementById('ind-" + indicator + "').checked;"));
        b.type("#ref-theme", "協働と参画のまちづくり");
        b.click("#save-item");
        b.waitForText("main", "協働と参画のまちづくり");
        b.waitFor("#reform-indicator-chart-0");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b));
    }
}
