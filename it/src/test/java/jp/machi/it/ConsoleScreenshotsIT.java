package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.Demo;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The console's main screens on a server of its own with the demo data ({@code MACHI_DEMO=true}),
 * signed in as the demo platform administrator, each checked for what it must show and saved as
 * a PNG in {@code it/target/screenshots-<db>/} ({@code scripts/screenshots.sh} copies the H2 run's
 * into {@code docs/screenshots/} for the README). The one change it makes is the README's own
 * example: 取手市 records the actual 5,238 of 市ホームページの更新件数 for 令和2年度, here through the
 * console's edit form.
 */
@MachiTest
@BrowserTest
class ConsoleScreenshotsIT {

    @Test
    void mainScreensWithTheDemoData(@Demo MachiServer server) {
        try (WebBrowser b = WebBrowser.start(server.baseUri())) {
            b.open("/");
            b.waitFor("#login");
            b.screenshot("sign-in");
            b.type("#login", "demo-admin").type("#password", "machi-demo-2025").click("#sign-in");
            b.waitFor("#lg-select");

            // 須坂市: the 24 indicators of its comprehensive plan, paged by 20.
            b.open("/#/202070/core/indicators");
            b.waitForText(".list-status", "24 件中 1〜20 件");
            b.waitForText("table.list tbody", "将来負担比率");
            b.screenshot("indicators");

            // 取手市: the chart with targets R2–R6 of a cumulative indicator whose actuals come from the collaboration
            // module's start-up figures (baseline plus the new entrepreneurs of each year), saved through the form.
            b.open("/#/082171/core/indicators");
            // (Every 取手市 indicator takes its actuals from a module: 市民と行政との協働事業件数 from the collaboration
            // projects, 新規起業家数（累計） and 空き店舗活用補助金交付件数 from its start-up support, 市ホームページの更新件数
            // from the promotion module's website figures: the form has no actual for them.)
            b.clickText("a.indicator-link", "創業支援等事業計画の推進による新規起業家数（累計）");
            b.waitForText("h1", "創業支援等事業計画の推進による新規起業家数（累計）");
            b.click("#edit-indicator");
            b.waitFor("#indicator-form");
            assertEquals("2020", b.attribute("#year-0-fy", "value"));
            assertEquals("127", b.attribute("#year-0-target", "value"));
            assertFalse(b.present("#year-0-actual"), "a bound indicator's actual is not typed in");
            b.click("#save-indicator");
            b.waitForText("h1", "創業支援等事業計画の推進による新規起業家数（累計）");
            b.waitForScript("the chart", "const c = window.Chart && Chart.getChart(document.getElementById('indicator-chart'));"
                    + " return c ? c.data.labels.join('|') : null;");
            assertEquals("令和2年度|令和3年度|令和4年度|令和5年度|令和6年度",
                    b.script("return Chart.getChart(document.getElementById('indicator-chart')).data.labels.join('|');"));
            List<String> rows = b.texts("#indicator-years tbody tr");
            // 107 + 18 = 125 new entrepreneurs in 令和2年度 (invented demo figures): 125 / 127 = 98.4 % → B with the default scale.
            assertTrue(rows.get(0).contains("98.4%") && rows.get(0).endsWith("B"), rows.toString());
            b.windowSize(1280, 1500);
            b.screenshot("indicator-detail");
            b.windowSize(1280, 900);
            b.click("#edit-indicator");
            b.waitFor("#indicator-form");
            b.type("#ind-code", "No 17");
            b.type("#ind-unit", "");
            b.click("#save-indicator");
            b.waitFor(".form-summary");
            b.waitFor("#ind-unit-error");
            b.waitFor("#ind-code-error");
            b.script("window.scrollTo(0, 0);");
            b.windowSize(1280, 1000);
            b.screenshot("indicator-form-errors");
            b.windowSize(1280, 900);

            // つくば市: the organisation, the planning module's programs, the modules.
            b.open("/#/082201/core/units");
            b.waitForText("#unit-tree", "広報戦略課");
            b.waitForText(".list-status", "件中");
            b.windowSize(1280, 1200);
            b.screenshot("units");
            b.windowSize(1280, 900);
            b.open("/#/082201/planning/planning-programs");
            b.waitForText("table.list tbody", "秘書業務");
            b.screenshot("programs");
            b.open("/#/082201/core/modules");
            b.waitFor("#toggle-planning");
            b.screenshot("modules");

            // In English: the settings of 須坂市 with the rating scale.
            b.click("#lang-switch");
            b.open("/#/202070/core/settings");
            b.waitForText("#names-h", "Names");
            b.waitFor("#scale-form");
            b.screenshot("settings-en");
            b.click("#lang-switch");
            b.waitForText("#names-h", "名称");
        }
    }
}
