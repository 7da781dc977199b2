package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The plan tree editor (総合計画 → 構成の編集) in headless Chromium: a STAFF member creates a plan with
 * its own level names, adds nodes at two levels, renames one and gives it a responsible division,
 * reorders by keyboard (Alt+↑ on the tree, Enter on ↓), moves a node under another parent,
 * renumbers the plan, links an indicator with a weight, sees a colleague's edit refuse the stale save
 * with a reload, sees a deletion refused with the programs named and deletes a node with the one
 * below it after a confirmation; a VIEWER then sees the same plan with no edit control. Screenshots
 * {@code planning-plan-editor-*.png}.
 */
@MachiTest
@BrowserTest
class PlanTreeEditorBrowserIT {

    static final String ALT = "\uE00A";
    static final String ARROW_UP = "\uE013";

    private final Api api;
    private String base;

    PlanTreeEditorBrowserIT(Api api) {
        this.api = api;
    }

    private JsonObject tree(String plan) {
        return api.get(base + "/planning/plans/" + plan + "/tree").send().expect(200).object();
    }

    /** "number title" of every node, depth first, as the API keeps them. */
    private static List<String> outline(JsonArray nodes) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : nodes) {
            JsonObject n = v.asJsonObject();
            out.add((n.containsKey("number") && !n.isNull("number") ? n.getString("number") + " " : "") + n.getString("title"));
            out.addAll(outline(n.getJsonArray("children")).stream().map(s -> "  " + s).toList());
        }
        return out;
    }

    private static JsonObject find(JsonArray nodes, String title) {
        for (JsonValue v : nodes) {
            JsonObject n = v.asJsonObject();
            if (n.getString("title").equals(title)) {
                return n;
            }
            JsonObject below = find(n.getJsonArray("children"), title);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private void chooseNode(WebBrowser b, String title) {
        b.clickText("#plan-edit-tree .node-select", title);
        b.waitForText("#node-heading", title);
    }

    private void addNode(WebBrowser b, String button, String number, String title) {
        b.click(button);
        b.waitFor("#new-node-form");
        b.type("#new-node-number", number).type("#new-node-title", title).click("#new-node-save");
        b.waitForText("#node-heading", title);
    }

    @Test
    void staffBuildAPlanTreeByKeyboardAndAViewerOnlyReadsIt(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        String unit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "10")
                .add("nameJa", "商工観光課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        String indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("code", "K1")
                .add("nameJa", "観光入込客数").add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER").build())
                .send().expect(201).object().getString("id");

        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/planning/planning-plans");
        b.click("#plan-new");
        b.waitFor("#plan-form");
        // A period that ends before it starts is refused next to its field, the years in wareki.
        b.type("#plan-name", "第3次総合計画").type("#plan-first", "R3").type("#plan-last", "H30").type("#plan-levels", "基本目標\n施策");
        b.click("#plan-create");
        b.waitFor("#plan-form .form-summary");
        assertEquals("true", b.attribute("#plan-last", "aria-invalid"));
        assertTrue(b.text("#plan-last-error", true).contains("計画期間の終了年度（平成30年度）が開始年度（令和3年度）より前です"),
                b.text("#plan-last-error", true));
        b.type("#plan-last", "令和7年度").click("#plan-create");
        b.waitFor("#node-add-top");
        assertTrue(b.text("#page", true).contains("令和3年度〜令和7年度"), "the period in wareki: " + b.text("#page", true));
        String plan = b.currentUrl().replaceAll(".*/planning-plans/([^/]+)/edit$", "$1");
        assertEquals(List.of("基本目標", "施策"), tree(plan).getJsonObject("plan").getJsonArray("levelNames").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());

        // Two goals, and two measures under the second.
        addNode(b, "#node-add-top", "1", "安心して暮らせるまち");
        addNode(b, "#node-add-top", "2", "活力あるまち");
        assertEquals("この下に施策を追加", b.text("#node-add-child", true));
        addNode(b, "#node-add-child", "2-1", "観光の振興");
        chooseNode(b, "活力あるまち");
        b.click("#node-add-child");
        b.waitFor("#new-node-form");
        b.click("#new-node-save");
        b.waitFor("#new-node-form .form-summary");
        assertEquals("true", b.attribute("#new-node-title", "aria-invalid"), "a title is required");
        b.type("#new-node-number", "2-2").type("#new-node-title", "産業の振興").click("#new-node-save");
        b.waitForText("#node-heading", "産業の振興");
        assertEquals(List.of("1 安心して暮らせるまち", "2 活力あるまち", "  2-1 観光の振興", "  2-2 産業の振興"),
                outline(tree(plan).getJsonArray("nodes")));
        assertFalse(b.present("#node-add-child"), "施策 is the last level");

        // Rename, in both languages, and the responsible division.
        chooseNode(b, "観光の振興");
        b.type("#node-title", "観光・交流の振興").type("#node-title-en", "Tourism and exchange");
        b.select("#node-unit-choice", unit);
        b.click("#node-unit-add");
        b.waitForText("#node-unit-list", "商工観光課");
        b.click("#node-save");
        b.waitForText("#plan-edit-tree", "観光・交流の振興");
        JsonObject renamed = find(tree(plan).getJsonArray("nodes"), "観光・交流の振興");
        assertEquals("Tourism and exchange", renamed.getString("titleEn"));
        assertEquals("商工観光課", renamed.getJsonArray("responsibleUnits").getJsonObject(0).getString("nameJa"));

        // Reorder by keyboard: Alt+↑ on the tree, then Enter on ↓ 下へ.
        chooseNode(b, "産業の振興");
        b.script("document.querySelector(arguments[0]).focus();", "#plan-edit-tree .node-select[aria-current=true]");
        b.keys(ALT + ARROW_UP + ALT);
        b.waitForScript("産業 first under 活力あるまち", "const t = [...document.querySelectorAll('#plan-edit-tree .node-select')]"
                + ".map((x) => x.textContent); return t.findIndex((x) => x.includes('産業')) < t.findIndex((x) => x.includes('観光'));");
        assertEquals(List.of("1 安心して暮らせるまち", "2 活力あるまち", "  2-2 産業の振興", "  2-1 観光・交流の振興"),
                outline(tree(plan).getJsonArray("nodes")));
        assertTrue(String.valueOf(b.script("return document.activeElement.textContent;")).contains("産業の振興"),
                "the moved node keeps the focus");
        b.script("document.getElementById('node-down').focus();");
        b.keys(WebBrowser.ENTER);
        b.waitForScript("産業 back below 観光", "const t = [...document.querySelectorAll('#plan-edit-tree .node-select')]"
                + ".map((x) => x.textContent); return t.findIndex((x) => x.includes('産業')) > t.findIndex((x) => x.includes('観光'));");
        assertEquals(List.of("1 安心して暮らせるまち", "2 活力あるまち", "  2-1 観光・交流の振興", "  2-2 産業の振興"),
                outline(tree(plan).getJsonArray("nodes")));

        // Move 観光 under the first goal, then renumber: goals 1, 2, measures after their goal's number.
        chooseNode(b, "観光・交流の振興");
        String first = find(tree(plan).getJsonArray("nodes"), "安心して暮らせるまち").getString("id");
        b.select("#node-parent", first);
        b.click("#node-move");
        b.waitForScript("観光 under 安心", "const li = [...document.querySelectorAll('#plan-edit-tree > ul > li')]"
                + ".find((x) => x.querySelector('.node-select').textContent.includes('安心'));"
                + " return li && li.textContent.includes('観光・交流の振興');");
        b.click("#renumber-open");
        b.waitFor("#renumber-form");
        b.select("#renumber-form select[name='levels[1].scheme']", "OUTLINE");
        b.click("#renumber-save");
        b.waitForText("#plan-edit-tree", "1-1 観光・交流の振興");
        b.waitForText("#plan-edit-messages", "番号を振り直しました");
        b.waitForText("#node-heading", "観光・交流の振興");
        b.script("window.scrollTo(0, 0);");
        b.screenshot("planning-plan-editor-tree");
        assertEquals(List.of("1 安心して暮らせるまち", "  1-1 観光・交流の振興", "2 活力あるまち", "  2-1 産業の振興"),
                outline(tree(plan).getJsonArray("nodes")));

        // An indicator linked with a weight, then the weight changed.
        chooseNode(b, "産業の振興");
        b.select("#link-indicator", indicator);
        b.type("#link-weight", "2").click("#link-add");
        b.waitFor("#link-form-0");
        JsonObject link = find(tree(plan).getJsonArray("nodes"), "産業の振興").getJsonArray("indicators").getJsonObject(0);
        assertEquals("観光入込客数", link.getString("nameJa"));
        assertEquals("OUTCOME", link.getString("role"));
        assertEquals(2, link.getJsonNumber("weight").intValue());
        b.type("#link-weight-0", "３").click("#link-save-0");
        b.waitForScript("the weight saved", "return document.getElementById('link-weight-0') && document.getElementById('link-weight-0').value === '3';");
        assertEquals(3, find(tree(plan).getJsonArray("nodes"), "産業の振興").getJsonArray("indicators").getJsonObject(0)
                .getJsonNumber("weight").intValue());
        assertEquals(ConsoleIT.AUDIT_PASSED, b.script(ConsoleIT.AUDIT), "the editor with a node open");

        // A colleague renames the node meanwhile: this save is refused and the page offers to reload.
        String nodeId = find(tree(plan).getJsonArray("nodes"), "産業の振興").getString("id");
        String nodePath = base + "/planning/plans/" + plan + "/nodes/" + nodeId;
        Reply now = api.get(nodePath).send().expect(200);
        api.put(nodePath).ifMatch(now.etag()).json(Json.createObjectBuilder().add("number", "2-1").add("title", "産業・雇用の振興").build())
                .send().expect(200);
        b.type("#node-title", "産業振興").click("#node-save");
        b.waitFor("#node-form .conflict");
        b.script("document.querySelector('#node-form .conflict').scrollIntoView({block: 'center'});");
        assertTrue(b.text("#node-form .conflict", true).contains("ほかの人が先に"), b.text("#node-form .conflict", true));
        b.screenshot("planning-plan-editor-stale");
        assertEquals("産業・雇用の振興", api.get(nodePath).send().expect(200).object().getString("title"), "nothing overwritten");
        b.click("#node-form .conflict button.reload");
        b.waitForText("#node-heading", "産業・雇用の振興");
        assertEquals("産業・雇用の振興", b.attribute("#node-title", "value"));

        // A node that a program is placed at cannot go: the reason names the program.
        api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", "R6").add("programNumber", "1001")
                .add("name", "企業誘致事業").add("planNodeId", nodeId).build()).send().expect(201);
        b.click("#node-delete");
        b.click("#node-delete-confirm");
        b.waitForText("#plan-edit-messages [role=alert]", "1001 企業誘致事業");
        api.get(nodePath).send().expect(200);

        // Deleting the first goal takes its measure too, after a confirmation that says so.
        chooseNode(b, "安心して暮らせるまち");
        b.click("#node-delete");
        b.waitForText("#node-delete-text", "その下の項目 1 件");
        b.click("#node-delete-cancel");
        b.waitForAbsent("#node-delete-box");
        b.click("#node-delete");
        b.click("#node-delete-confirm");
        b.waitForText("#plan-edit-messages", "を削除しました");
        assertEquals(List.of("2 活力あるまち", "  2-1 産業・雇用の振興"), outline(tree(plan).getJsonArray("nodes")));
        assertFalse(b.text("#plan-edit-tree", true).contains("安心して暮らせるまち"));
        // Chromium logs the API's deliberate refusals (412, 409, 400) and the session check before sign-in as failed loads.
        assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 412") && !e.contains(" 409") && !e.contains(" 400")).toList(), "no script error");

        // A viewer reads the same plan with no control to change it.
        b.click("#sign-out");
        ConsoleIT.signIn(b, api.newUser("VIEWER", lg));
        b.open("/#/" + lg + "/planning/planning-plans");
        b.waitForText("#page table tbody", "第3次総合計画");
        assertFalse(b.present("#plan-new"));
        b.clickText("#page table tbody a", "第3次総合計画");
        b.waitForText("#page", "計画の構成");
        assertFalse(b.present("#plan-tab-edit"));
        // The plan's views are tabs in one row, not a bulleted list; the current one is marked.
        assertEquals("none|flex", b.script("const t = getComputedStyle(document.querySelector('ul.tabs'));"
                + " return t.listStyleType + '|' + t.display;"));
        assertEquals("700", String.valueOf(b.script("return getComputedStyle(document.querySelector("
                + "'ul.tabs a[aria-current=page]')).fontWeight;")));
        b.open("/#/" + lg + "/planning/planning-plans/" + plan + "/edit");
        b.waitForText("#page", "活力あるまち");
        for (String control : List.of("#node-add-top", "#renumber-open", "#node-form", "#node-delete", ".node-select")) {
            assertFalse(b.present(control), control);
        }
        b.click("#plan-tab-settings");
        b.waitFor("#plan-settings");
        assertFalse(b.present("#save-plan-settings"));
        assertEquals("true", b.attribute("#plan-published", "disabled"));
    }
}
