package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The planning module's program screens and the core console's module settings and module roles,
 * in a real browser, as the people of a municipality use them: a division's staff member creates a
 * program with its yearly cost (first with funding that exceeds the cost: the API's error next to
 * its field; then the personnel cost and total the API computes), does the self-evaluation; staff of
 * another division is refused the secondary evaluation in Japanese; the municipality administrator
 * grants the evaluator role through the users screen and changes the personnel unit cost through the
 * settings screen (the program's personnel cost follows); the evaluator does the secondary
 * evaluation, returns it to themselves for revision (差し戻し), does it again and the external
 * evaluation; the administrator decides. Every account and municipality is fresh.
 */
@MachiTest
@BrowserTest
class ProgramScreensIT {

    private final Api api;

    ProgramScreensIT(Api api) {
        this.api = api;
    }

    private String unit(String base, String code, String name) {
        return api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", code).add("nameJa", name)
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");
    }

    private Api.Account user(String base, String role, String unitId) {
        String login = "it-ps-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        var b = Json.createObjectBuilder().add("login", login).add("displayName", "画面 " + login).add("role", role)
                .add("password", password);
        if (unitId != null) {
            b.add("unitId", unitId);
        }
        JsonObject created = api.post(base + "/users").json(b.build()).send().expect(201).object();
        return new Api.Account(created.getString("id"), login, password, role, base.substring(base.lastIndexOf('/') + 1));
    }

    private static void signIn(WebBrowser b, Api.Account a) {
        b.open("/");
        b.waitForScript("the sign-in form or the console",
                "return document.getElementById('login') || document.getElementById('sign-out') ? true : null;");
        if (b.present("#sign-out")) {
            b.click("#sign-out");
        }
        b.waitFor("#login");
        b.type("#login", a.login()).type("#password", a.password()).click("#sign-in");
        b.waitFor("#nav a[data-nav='core/indicators']");
    }

    private static void go(WebBrowser b, String hash) {
        b.open("/#" + hash);
        b.waitForScript("the screen " + hash, "const p = document.getElementById('page');"
                + " return p && p.dataset.route === arguments[0] ? true : null;", "#" + hash);
    }

    @Test
    void programWithCostsThroughTheEvaluationWorkflowAndASettingThatChangesThePersonnelCost(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        String base = Municipalities.PATH + "/" + lg;
        String division = unit(base, "01", "広報戦略課");
        String other = unit(base, "02", "財政課");
        api.post(base + "/indicators").json(IndicatorIT.indicator("広報紙の発行回数", "ACTIVITY", "HIGHER_IS_BETTER")
                .add("code", "A-1").build()).send().expect(201);
        Api.Account staff = user(base, "STAFF", division);
        Api.Account stranger = user(base, "STAFF", other);
        Api.Account evaluator = user(base, "STAFF", other);
        Api.Account admin = user(base, "MUNICIPALITY_ADMIN", null);
        String programs = "/" + lg + "/planning/planning-programs";
        b.windowSize(1280, 1000);

        // 1. The division's staff member creates the program; funding above the cost is refused next to its field.
        signIn(b, staff);
        go(b, programs);
        b.waitForText(".list-status", "0 件中");
        b.click("#new-program");
        b.waitFor("#program-form");
        b.type("#prog-fiscalYear", "R7").type("#prog-programNumber", "8").type("#prog-name", "広報紙発行事業");
        b.select("#prog-unitId", division);
        b.type("#prog-unitName", "市長公室広報戦略課").type("#prog-legalBasis", "なし");
        b.select("#prog-method", "OUTSOURCED");
        b.type("#prog-purposeTarget", "市民").type("#prog-purposeIntent", "市政情報を得られる")
                .type("#prog-purposeResult", "市政への参画が進む");
        b.script("const s = document.getElementById('prog-activityIndicatorIds'); s.options[0].selected = true;");
        b.type("#cost-0-fiscalYear", "2025").type("#cost-0-programCost", "1000").type("#cost-0-nationalSubsidy", "2000")
                .type("#cost-0-regularStaffFte", "0.5");
        b.click("#save-program");
        b.waitForText("#cost-0-programCost-error", "超えています");
        assertTrue(b.text("#cost-0-programCost-error", true).contains("2000") || b.text("#cost-0-programCost-error", true).contains("2,000"),
                b.text("#cost-0-programCost-error", true));
        assertEquals("true", b.attribute("#cost-0-programCost", "aria-invalid"));
        assertTrue(b.text(".form-summary", true).contains("事業費"), b.text(".form-summary", true));
        b.script("document.getElementById('cost-0-programCost').scrollIntoView({block: 'center'});");
        b.screenshot("planning-program-form-errors");
        assertEquals(0, api.get(base + "/planning/programs").send().expect(200).object().getInt("totalItems"),
                "a refused program is not written");

        b.type("#cost-0-nationalSubsidy", "200");
        b.click("#save-program");
        b.waitForText("h1", "広報紙発行事業");
        // 0.5 FTE × 8,000 (the default personnel unit cost) = 4,000; total 1,000 + 4,000.
        assertEquals("4,000", b.text("#program-costs .personnel-cost", true));
        assertEquals("5,000", b.text("#program-costs .total-cost", true));
        String facts = b.text("dl.facts", true);
        assertTrue(facts.contains("委託") && facts.contains("市政情報を得られる") && facts.contains("A-1 広報紙の発行回数")
                && facts.contains("令和7年度"), facts);
        b.windowSize(1280, 1500);
        b.screenshot("planning-program");
        b.windowSize(1280, 1000);
        JsonObject saved = api.get(base + "/planning/programs").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        String programId = saved.getString("id");
        JsonObject cost = api.get(base + "/planning/programs/" + programId).send().expect(200).object()
                .getJsonArray("costs").getJsonObject(0);
        assertEquals(800, cost.getInt("generalRevenue"), "general revenue left empty is what the rest leaves");
        assertEquals(5000, cost.getInt("totalCost"));

        // 2. Self-evaluation by the division's staff member.
        b.clickText("#program-evaluations a", "令和7年度の評価");
        b.waitFor("#step-form[data-step='SELF']");
        assertFalse(b.present("#return-form"), "nothing to return before the self-evaluation");
        b.select("#eval-necessity", "A").select("#eval-effectiveness", "B").select("#eval-efficiency", "A")
                .select("#eval-direction", "改善");
        b.type("#eval-comment", "配布方法を見直す。");
        b.click("#submit-step");
        b.waitForText("#evaluation-message", "自己評価を提出しました");
        b.waitFor("#step-form[data-step='SECONDARY']");
        assertTrue(b.text("#evaluation-steps tr[data-step='SELF']", true).contains("完了"));
        assertTrue(b.text("#evaluation-steps tr[data-step='SELF']", true).contains(staff.login()));
        String evaluation = "/" + lg + "/planning/planning-programs/" + programId + "/evaluation/2025";

        // 3. Staff of another division without the evaluator role: the form says it may not be theirs; the API refuses.
        signIn(b, stranger);
        go(b, evaluation);
        b.waitFor("#step-form[data-step='SECONDARY'] .notice");
        b.select("#eval-necessity", "B").select("#eval-effectiveness", "B").select("#eval-efficiency", "B")
                .select("#eval-direction", "現状維持");
        b.click("#submit-step");
        b.waitForText("#step-form .form-summary", "二次評価は、「事務事業の評価」の役割を持つ職員だけが行えます。");
        assertEquals("SECONDARY", api.get(base + "/planning/programs/" + programId + "/evaluations/2025").send().expect(200)
                .object().getString("stage"), "a refused step writes nothing");

        // 4. The administrator grants the evaluator role through the users screen …
        signIn(b, admin);
        go(b, "/" + lg + "/core/users/" + evaluator.id());
        b.waitFor("#module-roles-form");
        assertTrue(b.text("#module-roles", true).contains("事務事業の評価"), b.text("#module-roles", true));
        b.click("#module-role-planning-evaluator");
        b.click("#save-module-roles");
        b.waitForText("#module-roles-form .notice", "モジュールの役割を保存しました");
        assertEquals(List.of("planning.evaluator"), api.get(base + "/users/" + evaluator.id()).send().expect(200).object()
                .getJsonArray("moduleRoles").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());

        // … and changes the personnel unit cost through the settings screen (a bad value first).
        go(b, "/" + lg + "/core/modules");
        b.waitFor("#settings-planning");
        String unitCost = "#set-planning-personnelUnitCost";
        assertEquals("8000", b.attribute(unitCost, "value"));
        assertTrue(b.text("#settings-planning", true).contains("既定値: 8000"), b.text("#settings-planning", true));
        b.type(unitCost, "たくさん");
        b.click("#save-settings-planning");
        b.waitForText(unitCost + "-error", "整数で指定してください");
        b.type(unitCost, "9000");
        b.click("#save-settings-planning");
        b.waitForText("#settings-planning .notice", "設定を保存しました");
        assertEquals("9000", b.attribute(unitCost, "value"));
        b.windowSize(1280, 1600);
        b.script("document.getElementById('module-settings').scrollIntoView();");
        b.screenshot("module-settings");
        b.windowSize(1280, 1000);
        go(b, programs + "/" + programId);
        // 0.5 FTE × 9,000 = 4,500; total 5,500.
        b.waitForText("#program-costs .personnel-cost", "4,500");
        assertEquals("5,500", b.text("#program-costs .total-cost", true));

        // 5. The evaluator: secondary evaluation, returned for revision (差し戻し), done again; external evaluation.
        signIn(b, evaluator);
        go(b, evaluation);
        b.waitFor("#step-form[data-step='SECONDARY']");
        assertFalse(b.present("#step-form .notice"), "the evaluator's form has no warning");
        b.select("#eval-necessity", "B").select("#eval-effectiveness", "B").select("#eval-efficiency", "C")
                .select("#eval-direction", "現状維持");
        b.click("#submit-step");
        b.waitFor("#step-form[data-step='EXTERNAL']");
        b.type("#return-comment", "");
        b.click("#return-step");
        b.waitForText("#return-form .form-summary", "");
        assertEquals("true", b.attribute("#return-comment", "aria-invalid"), "a return needs a reason");
        b.type("#return-comment", "効率性の根拠を補ってください。");
        b.click("#return-step");
        b.waitForText("#evaluation-message", "差し戻しました");
        b.waitFor("#step-form[data-step='SECONDARY']");
        b.select("#eval-necessity", "B").select("#eval-effectiveness", "B").select("#eval-efficiency", "B")
                .select("#eval-direction", "現状維持");
        b.type("#eval-comment", "委託先の見直しで効率化の余地あり。");
        b.click("#submit-step");
        b.waitFor("#step-form[data-step='EXTERNAL']");
        b.type("#eval-comment", "");
        b.click("#submit-step");
        b.waitFor("#eval-comment[aria-invalid='true']");
        b.type("#eval-comment", "紙とウェブの役割分担を明確に。");
        b.click("#submit-step");
        b.waitFor("#step-form[data-step='FINAL']");

        // 6. The administrator decides.
        signIn(b, admin);
        go(b, evaluation);
        b.waitFor("#step-form[data-step='FINAL']");
        b.select("#eval-necessity", "A").select("#eval-effectiveness", "B").select("#eval-efficiency", "B")
                .select("#eval-direction", "改善");
        b.type("#eval-comment", "ウェブ版を拡充し、配布部数を見直す。");
        b.click("#submit-step");
        b.waitForText("#evaluation-message", "最終決定を提出しました");
        b.waitForAbsent("#step-form");
        assertTrue(b.text("dl.facts", true).contains("決定済み") && b.text("dl.facts", true).contains("改善"), b.text("dl.facts", true));
        List<String> steps = b.texts("#evaluation-steps tbody tr");
        assertEquals(4, steps.size());
        assertTrue(steps.stream().allMatch(s -> s.contains("完了")), steps::toString);
        assertTrue(steps.get(1).contains(evaluator.login()) && steps.get(1).contains("B (中程度)"), steps.get(1));
        assertTrue(steps.get(3).contains(admin.login()) && steps.get(3).contains("改善"), steps.get(3));
        List<String> history = b.texts("#evaluation-history tbody tr");
        assertEquals(6, history.size(), history::toString);
        assertTrue(history.get(2).contains("差し戻し") && history.get(2).contains("効率性の根拠を補ってください。"), history.get(2));
        b.windowSize(1280, 1400);
        b.script("window.scrollTo(0, 0);");
        b.screenshot("planning-evaluation");
        JsonObject decided = api.get(base + "/planning/programs/" + programId + "/evaluations/2025").send().expect(200).object();
        assertEquals("DECIDED", decided.getString("stage"));
        assertEquals("改善", decided.getString("finalDirection"));

        // The Excel evaluation sheet from the program's screen.
        go(b, programs + "/" + programId);
        b.click("#download-sheet");
        java.nio.file.Path sheet = b.waitForDownload("evaluation-sheet-8-2025.xlsx");
        assertTrue(sheet.toFile().length() > 1000, "an Excel workbook");

        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !(e.contains("/steps/") && e.contains("403")) && !(e.contains(" 400")))
                .toList());
    }
}
