package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * 組織 edited in headless Chromium by a STAFF member: a unit added (a missing code refused next to its
 * field first), a unit's name corrected, a colleague's edit meanwhile refusing the save with a reload,
 * a renaming from next April previewed (the tree before and after, nothing saved) and then applied, and
 * a unit abolished from a date. A VIEWER sees the chart without any edit control.
 */
@MachiTest
@BrowserTest
class UnitsEditorBrowserIT {

    private final Api api;
    private String base;

    UnitsEditorBrowserIT(Api api) {
        this.api = api;
    }

    private String unit(String code, String nameJa, String kind, String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return api.post(base + "/organization-units").json("{\"code\":\"" + code + "\",\"nameJa\":\"" + nameJa + "\",\"kind\":\""
                + kind + "\",\"validFrom\":\"2020-04-01\"" + parent + "}").send().expect(201).object().getString("id");
    }

    private JsonObject get(String id) {
        return api.get(base + "/organization-units/" + id).send().expect(200).object();
    }

    @Test
    void staffAddCorrectReorganiseAndAbolishUnits(WebBrowser b) {
        String lg = Municipalities.register(api);
        base = Municipalities.PATH + "/" + lg;
        String department = unit("01", "市民協働部", "DEPARTMENT", null);
        String pr = unit("0101", "広報課", "DIVISION", department);
        String hearing = unit("0102", "広聴課", "DIVISION", department);
        Api.Account staff = api.newUser("STAFF", lg);

        b.windowSize(1280, 1000);
        ConsoleIT.signIn(b, staff);
        b.open("/#/" + lg + "/core/units");
        b.waitFor("#unit-add-form");
        b.waitForText("#unit-tree", "広聴課");

        // Add: the code left out is refused next to its field, then the unit is added under the department.
        b.select("#unit-add-form [name=parentId]", department);
        b.type("#unit-add-form [name=nameJa]", "協働推進課");
        b.click("#unit-add");
        b.waitFor("#unit-add-form .form-summary");
        String codeError = b.script("const i = document.querySelector('#unit-add-form [name=code]');"
                + " return i.getAttribute('aria-invalid') + ' ' + document.getElementById(i.id + '-error').textContent;").toString();
        assertTrue(codeError.startsWith("true ") && codeError.length() > 6, codeError);
        b.type("#unit-add-form [name=code]", "0103");
        b.click("#unit-add");
        b.waitForText("#unit-editors .notice", "協働推進課");
        b.waitForText("#unit-tree", "協働推進課");
        JsonObject list = api.get(base + "/organization-units").send().expect(200).object();
        assertEquals(4, list.getInt("totalItems"));

        // Correct a name on the unit's page.
        b.clickText("#unit-tree a", "広聴課");
        b.waitFor("#unit-edit-form");
        b.type("#unit-edit-form [name=nameJa]", "広聴相談課");
        b.click("#unit-save");
        b.waitForText("h1", "広聴相談課");
        assertEquals("広聴相談課", get(hearing).getString("nameJa"));

        // A colleague saves first: the save is refused and the reload shows their edit.
        b.waitFor("#unit-edit-form");
        Reply now = api.get(base + "/organization-units/" + hearing).send().expect(200);
        api.put(base + "/organization-units/" + hearing).ifMatch(now.etag())
                .json("{\"code\":\"0102\",\"nameJa\":\"広聴課\",\"nameEn\":\"Public Hearing Division\",\"kind\":\"DIVISION\"}").send().expect(200);
        b.type("#unit-edit-form [name=nameJa]", "広聴室");
        b.click("#unit-save");
        b.waitForText("#unit-edit-form .conflict", "ほかの人が先に");
        assertEquals("広聴課", get(hearing).getString("nameJa"), "the stale edit wrote nothing");
        b.click("#unit-edit-form .conflict .reload");
        b.waitForScript("the colleague's name in the form", "const i = document.querySelector('#unit-edit-form [name=nameEn]');"
                + " return i && i.value === 'Public Hearing Division';");

        // Rename 広報課 from next April: previewed first (nothing saved), then applied.
        b.open("/#/" + lg + "/core/units");
        b.waitFor("#reorg-form");
        b.select("#reorg-form [name=reorgKind]", "RENAME");
        b.select("#reorg-form [name=predecessorIds]", pr);
        b.waitForScript("the successor filled in from 広報課", "return document.querySelector('#reorg-form [name=\"successor.code\"]').value === '0101';");
        b.type("#reorg-form [name='successor.nameJa']", "広報戦略課");
        b.click("#reorg-preview-button");
        b.waitFor("#reorg-before");
        String before = b.text("#reorg-before", true);
        String after = b.text("#reorg-after", true);
        assertTrue(before.contains("広報課") && before.contains("【終了】"), before);
        assertTrue(after.contains("広報戦略課") && after.contains("【新設】") && !after.contains("【終了】"), after);
        assertTrue(get(pr).isNull("validTo"), "a preview saves nothing");
        b.click("#reorg-apply");
        b.waitForText("#unit-editors .notice", "組織改正を記録しました");
        JsonObject prNow = get(pr);
        assertFalse(prNow.isNull("validTo"), prNow::toString);
        assertEquals("広報戦略課", prNow.getJsonArray("successors").getJsonObject(0).getString("nameJa"));

        // Abolish 広聴課 from 1 April 2025 on its page.
        b.open("/#/" + lg + "/core/units/" + hearing);
        b.waitFor("#unit-close-form");
        b.script("document.querySelector('#unit-close-form [name=effectiveDate]').value = '2025-04-01';");
        b.click("#unit-close");
        b.waitForText(".facts", "2025-03-31");
        assertEquals("2025-03-31", get(hearing).getString("validTo"));
        assertFalse(b.present("#unit-close-form"), "an ended unit has no edit forms");
        // The browser logs the two refusals the test provoked (the missing code, the stale save); nothing else.
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream()
                .filter(e -> !(e.contains("/organization-units - ") && e.contains("status of 400"))
                        && !(e.contains("/organization-units/" + hearing + " - ") && e.contains("status of 412")))
                .toList(), "no script error");

        // A viewer reads the chart and has no edit control.
        b.click("#sign-out");
        Api.Account viewer = api.newUser("VIEWER", lg);
        ConsoleIT.signIn(b, viewer);
        b.open("/#/" + lg + "/core/units");
        b.waitForText("#unit-tree", "市民協働部");
        b.waitFor(".list-status");
        assertFalse(b.present("#unit-add-form") || b.present("#reorg-form"), "no editor for a viewer");
        b.open("/#/" + lg + "/core/units/" + department);
        b.waitForText("h1", "市民協働部");
        assertFalse(b.present("#unit-edit-form") || b.present("#unit-close-form"), "no edit form for a viewer");
    }
}
