package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's two screens in headless Chromium: a resident reads the published evaluation results of
 * 見本市 on a phone (375 px) — the chart of programs by final direction, the table of results, in
 * Japanese and English, no personal data, no browser error — and a member of staff starts the next
 * fiscal year from the console page 年度更新: preview, then the copy after confirmation.
 * Screenshots {@code portal-evaluations-*.png}, {@code console-fiscal-year.png}.
 */
@MachiTest
@BrowserTest
class EvaluationBrowserIT {

    private final Api api;

    EvaluationBrowserIT(Api api) {
        this.api = api;
    }

    private record Person(Api api, String login, String password, String name, String email) {
    }

    private Person person(String base, String role, String unit, String... moduleRoles) {
        String login = "eval-browser-" + Long.toString(System.nanoTime(), 36);
        String name = "個人情報 次郎" + System.nanoTime();
        String email = login + "@example.jp";
        String password = Api.newPassword();
        JsonObjectBuilder b = Json.createObjectBuilder().add("login", login).add("displayName", name).add("email", email)
                .add("role", role).add("password", password);
        if (unit != null) {
            b.add("unitId", unit);
        }
        Reply created = api.post(base + "/users").json(b.build()).send().expect(201);
        if (moduleRoles.length > 0) {
            api.put(base + "/users/" + created.object().getString("id") + "/module-roles").ifMatch(created.etag())
                    .json(Json.createObjectBuilder().add("moduleRoles", Json.createArrayBuilder().add(moduleRoles[0])).build())
                    .send().expect(200);
        }
        return new Person(api.signIn(login, password), login, password, name, email);
    }

    private static JsonObject judgement(String direction, String comment) {
        return Json.createObjectBuilder().add("necessity", "A").add("effectiveness", "B").add("efficiency", "B")
                .add("direction", direction).add("comment", comment).build();
    }

    @Test
    void aResidentReadsThePublishedResultsAndStaffStartTheNextYear(WebBrowser b) {
        String lg = LgCodes.fresh();
        api.post(Municipalities.PATH).json(Json.createObjectBuilder().add("code", lg).add("nameJa", "見本市")
                .add("nameKana", "みほんし").add("nameEn", "Sample City").build()).send().expect(201);
        Municipalities.setModule(api, lg, "planning", true);
        String base = Municipalities.PATH + "/" + lg;
        String division = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01")
                .add("nameJa", "広報戦略課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        Person staff = person(base, "STAFF", division);
        Person evaluator = person(base, "STAFF", null, "planning.evaluator");
        Person admin = person(base, "MUNICIPALITY_ADMIN", null);
        String[][] programs = {{"8", "広報紙発行事業", "改善"}, {"9", "ホームページ運営事業", "現状維持"}};
        for (String[] p : programs) {
            String id = api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", 2024)
                    .add("serialNumber", Integer.parseInt(p[0])).add("programNumber", p[0]).add("name", p[1])
                    .add("unitId", division).add("unitName", "市長公室広報戦略課").build()).send().expect(201).object().getString("id");
            String e = base + "/planning/programs/" + id + "/evaluations/2024";
            staff.api().post(e + "/steps/self").json(judgement("改善", "自己評価")).send().expect(200);
            evaluator.api().post(e + "/steps/secondary").json(judgement("改善", "二次評価")).send().expect(200);
            evaluator.api().post(e + "/steps/external").json(Json.createObjectBuilder().add("comment", "委員会の意見").build())
                    .send().expect(200);
            admin.api().post(e + "/steps/final").json(judgement(p[2], "最終決定 " + p[1])).send().expect(200);
        }
        admin.api().post(base + "/planning/evaluation-results/2024/publication").send().expect(200);

        b.windowSize(375, 900);
        b.open("/p/" + lg + "/");
        b.waitForText("h1", "見本市の公開ポータル");
        b.clickText("main a", "事務事業評価の結果");
        b.waitForText("h1", "事務事業評価の結果");
        String labels = "const c = window.Chart && Chart.getChart(document.getElementById('evaluation-direction-chart'));"
                + " return c ? c.data.labels.join('|') + ' ' + c.data.datasets[0].data.join('|') : null;";
        b.waitForScript("the chart by direction", labels);
        assertEquals("拡充|現状維持|改善|縮小|統合|休止|廃止|終了 0|1|1|0|0|0|0|0", b.script(labels));
        assertEquals("/p/" + lg + "/planning-evaluations", b.script("return location.pathname;"));
        List<String> rows = b.texts("table.evaluation-results tbody tr");
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("広報紙発行事業") && rows.get(0).contains("改善") && rows.get(0).contains("A/B/B")
                && rows.get(0).contains("最終決定 広報紙発行事業"), rows.toString());
        assertTrue(rows.get(1).contains("ホームページ運営事業") && rows.get(1).contains("現状維持"), rows.toString());
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        Number width = (Number) b.script("return document.documentElement.clientWidth;");
        assertTrue(scroll.intValue() <= width.intValue(), () -> "the page is " + scroll + " px wide in " + width);
        b.script("window.scrollTo(0, 0);");
        b.screenshot("portal-evaluations-ja");
        String japanese = (String) b.script("return document.body.innerText;");

        b.click("#lang-switch");
        b.waitForText("h1", "Program evaluation results");
        b.waitForText("main h2", "Future directions, FY2024");
        b.waitForScript("the chart in English", "const c = window.Chart && Chart.getChart(document.getElementById('evaluation-direction-chart'));"
                + " return c && c.options.plugins.title.text.includes('FY2024');");
        b.screenshot("portal-evaluations-en");
        String english = (String) b.script("return document.body.innerText;");
        b.click("#lang-switch");
        b.waitForText("h1", "事務事業評価の結果");
        for (String page : List.of(japanese, english)) {
            for (Person p : List.of(staff, evaluator, admin)) {
                for (String personal : List.of(p.login(), p.name(), p.email())) {
                    assertFalse(page.contains(personal), () -> "the portal shows " + personal + ": " + page);
                }
            }
        }
        assertEquals(List.of(), b.consoleErrors(), "no script error, no CSP violation");

        // The division's staff member starts 令和7年度 from the console.
        b.windowSize(1280, 900);
        b.open("/");
        b.type("#login", staff.login()).type("#password", staff.password()).click("#sign-in");
        b.waitFor("#who");
        b.open("/#/" + lg + "/planning/planning-fiscal-year");
        b.waitForText("#page", "前年度の事務事業・部の運営方針・課の業務計画を新しい年度にまとめてコピーします");
        b.waitFor("#fy-copy-preview");
        b.script("document.getElementById('fy-copy-from').value = '2024'; document.getElementById('fy-copy-to').value = '2025';"
                + " document.getElementById('fy-copy-from').dispatchEvent(new Event('input'));");
        b.click("#fy-copy-preview");
        b.waitForText("#page h2", "確認：令和6年度 → 令和7年度");
        assertTrue(b.text("#page", true).contains("コピー予定 2件"), b.text("#page", true));
        assertEquals(0, api.get(base + "/planning/programs?fiscalYear=2025").send().expect(200).object().getInt("totalItems"));
        b.script("window.confirm = () => true;");
        b.click("#fy-copy-run");
        b.waitForText("#page h2", "令和6年度 → 令和7年度 をコピーしました");
        assertTrue(b.text("#page", true).contains("コピー 2件、スキップ 0件"), b.text("#page", true));
        b.screenshot("console-fiscal-year");
        assertEquals(2, api.get(base + "/planning/programs?fiscalYear=2025").send().expect(200).object().getInt("totalItems"));
    }
}
