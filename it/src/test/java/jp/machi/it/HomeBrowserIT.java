package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.Demo;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * ホーム, where sign-in lands, in headless Chromium: on the demo data a staff member of 須坂市 sees the
 * plan's progress per measure (rated, with a chart), the indicators still without last fiscal year's
 * actual with a link to 実績入力, and what waits for them; the platform administrator sees every
 * municipality with its enabled modules and the latest changes in words. A municipality without the
 * planning module has no progress card. Japanese and English.
 */
@MachiTest
@BrowserTest
class HomeBrowserIT {

    private final Api api;

    HomeBrowserIT(Api api) {
        this.api = api;
    }

    static int lastFiscalYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        return (today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1) - 1;
    }

    @Test
    void staffAndThePlatformAdministratorLandOnTheirHomeWithTheDemoData(@Demo MachiServer server) {
        Api admin = server.api();
        String suzaka = Municipalities.PATH + "/202070";
        JsonObject plan = admin.get(suzaka + "/planning/plans?size=100").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        JsonObject progress = admin.get(suzaka + "/planning/plans/" + plan.getString("id") + "/progress").send().expect(200).object();
        int missing = admin.get(suzaka + "/indicators?withoutActual=" + lastFiscalYear() + "&size=1").send().expect(200).object()
                .getInt("totalItems");
        try (WebBrowser b = WebBrowser.start(server.baseUri())) {
            b.windowSize(1280, 1000);
            b.open("/");
            b.type("#login", "suzaka-staff").type("#password", "machi-demo-2025").click("#sign-in");
            b.waitForText("h1", "ホーム");
            assertTrue(b.currentUrl().endsWith("#/202070/core/home"), b.currentUrl());
            assertEquals("page", b.attribute("#nav a[data-nav='core/home']", "aria-current"));
            // The plan's progress: one row per measure, each rated in words, and the chart of the same.
            b.waitFor("#home-progress-table");
            assertTrue(b.text("#home-progress-plan", true).contains(plan.getString("name")), b.text("#home-progress-plan", true));
            int rows = b.texts("#home-progress-table tbody tr").size();
            assertEquals(count(progress), rows);
            assertTrue(rows > 0);
            b.waitForScript("the chart drawn", "const c = window.Chart && Chart.getChart(document.getElementById('home-progress-chart'));"
                    + " return c ? c.data.labels.length : null;");
            assertEquals((long) rows, ((Number) b.script("return Chart.getChart(document.getElementById('home-progress-chart')).data.labels.length;")).longValue());
            String year = b.text("#home-progress-plan", true);
            assertTrue(year.contains("令和"), "wareki: " + year);
            // Indicators without last year's actual, linked to 実績入力 of that year.
            assertEquals(missing + " 件", b.text("#home-actuals-count", true));
            assertTrue(b.text("#home-actuals-h", true).contains("令和"), b.text("#home-actuals-h", true));
            b.waitFor("#home-tasks-total");
            assertFalse(b.present("#home-changes") || b.present("#home-platform"), "staff see neither the audit trail nor the platform");
            b.screenshot("home-staff");
            b.click("#home-actuals-link");
            b.waitFor("#actuals-choose");
            assertTrue(b.currentUrl().endsWith("#/202070/core/actuals/" + lastFiscalYear()), b.currentUrl());

            // In English.
            b.open("/#/202070/core/home");
            b.waitFor("#home-progress-table");
            b.click("#lang-switch");
            b.waitForText("h1", "Home");
            b.waitForText("#home-progress-h", "Progress of the comprehensive plan");
            b.waitForText("#home-actuals-count", missing == 1 ? "indicator" : "indicators");
            b.click("#lang-switch");
            b.waitForText("h1", "ホーム");
            assertEquals(List.of(), ConsoleIT.unexpectedErrors(b));
            b.click("#sign-out");

            // The platform administrator: every municipality with its modules, and the latest changes in words.
            b.open("/");
            b.type("#login", "demo-admin").type("#password", "machi-demo-2025").click("#sign-in");
            b.waitForText("h1", "ホーム");
            b.waitFor("#home-platform-table");
            String tsukuba = b.text("#home-platform-table tr[data-lg='082201']", true);
            assertTrue(tsukuba.contains("つくば市") && tsukuba.contains("行政計画・評価"), tsukuba);
            int municipalities = admin.get("/api/v1/municipalities?size=100").send().expect(200).object().getInt("totalItems");
            assertEquals(municipalities, b.texts("#home-platform-table tbody tr").size());
            b.waitFor("#home-changes");
            String changes = b.text("#home-changes", true);
            assertFalse(changes.matches("(?s).*\\b(CREATE|UPDATE|DELETE|OrganizationUnit|Indicator)\\b.*"), "no internal codes: " + changes);
            b.screenshot("home-platform-admin");
            assertEquals(List.of(), ConsoleIT.unexpectedErrors(b));
        }
    }

    @Test
    void aMunicipalityWithoutPlanningHasNoProgressCard(WebBrowser b) {
        String lg = Municipalities.register(api);
        Api.Account staff = api.newUser("STAFF", lg);
        String base = Municipalities.PATH + "/" + lg;
        api.post(base + "/indicators").json("{\"nameJa\":\"相談件数\",\"kind\":\"ACTIVITY\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\","
                + "\"years\":[{\"fiscalYear\":" + lastFiscalYear() + ",\"target\":100}]}").send().expect(201);
        ConsoleIT.signIn(b, staff);
        b.waitForText("h1", "ホーム");
        b.waitFor("#home-actuals-count");
        assertEquals("1 件", b.text("#home-actuals-count", true));
        b.waitForText("#home-tasks-total", "対応を待っている項目はありません");
        assertFalse(b.present("#home-progress"), "planning is off: no progress card");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b));
    }

    /** The measures of a progress: nodes with indicators, at any depth. */
    static int count(JsonObject progress) {
        int n = 0;
        for (JsonValue v : progress.getJsonArray("nodes")) {
            n += countNode(v.asJsonObject());
        }
        return n;
    }

    private static int countNode(JsonObject node) {
        int n = node.getJsonArray("indicators").isEmpty() ? 0 : 1;
        for (JsonValue c : node.getJsonArray("children")) {
            n += countNode(c.asJsonObject());
        }
        return n;
    }
}
