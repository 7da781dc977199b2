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
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The collaboration module through its screens in headless Chromium: an organisation applies on the
 * portal at a phone's width (the form's hints, then the API's field error next to the phone field,
 * then a receipt number and no echo of the representative); in the console, staff holding
 * {@code collaboration.approver} and {@code collaboration.editor} find the application masked,
 * reveal the contacts on purpose, approve it (団体登録の審査 with its history), and register a
 * collaborative project with it (the API's errors next to the fields first). No script error.
 */
@MachiTest
@BrowserTest
class CollaborationBrowserIT {

    private final Api api;

    CollaborationBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void anOrganisationAppliesOnThePortalAndStaffRegisterItAndAProject(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01").add("nameJa", "市民協働課")
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201);
        String representative = "画面代表" + System.nanoTime() % 1000 + "郎";

        // ---- the organisation, on a phone -----------------------------------------------------
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/collaboration-partner-application");
        b.waitFor("form.partner-form");
        b.click("form.partner-form button.send");
        b.waitForText("[data-field=name] .field-error", "入力してください");
        assertEquals("true", b.attribute("form.partner-form [name=name]", "aria-invalid"));
        b.type("form.partner-form [name=name]", "見本こども食堂ネット");
        b.select("form.partner-form [name=kind]", "CIVIC_GROUP");
        b.type("form.partner-form [name=fieldsOfActivity]", "子育て支援、食育");
        b.type("form.partner-form [name=representativeName]", representative);
        b.type("form.partner-form [name=contactPhone]", "12");
        b.click("form.partner-form button.send");
        b.waitForText("[data-field=contactPhone] .field-error", "電話番号");
        assertEquals("true", b.attribute("form.partner-form [name=contactPhone]", "aria-invalid"));
        b.script("document.querySelector('form.partner-form [name=contactPhone]').value = '';");
        b.type("form.partner-form [name=contactPhone]", "0297-00-1234");
        b.click("form.partner-form button.send");
        b.waitForText(".partner-receipt .receipt-number", "P-");
        String receipt = b.text(".partner-receipt .receipt-number", true);
        assertFalse(String.valueOf(b.script("return document.body.innerText;")).contains(representative));
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-partner-application");

        // ---- staff: approve, then a project ---------------------------------------------------
        b.windowSize(1280, 900);
        Api.Account staff = api.newUser("STAFF", lg);
        Reply user = api.get(base + "/users/" + staff.id()).send().expect(200);
        api.put(base + "/users/" + staff.id() + "/module-roles").ifMatch(user.etag()).json(Json.createObjectBuilder()
                .add("moduleRoles", Json.createArrayBuilder().add("collaboration.approver").add("collaboration.editor"))
                .build()).send().expect(200);
        ConsoleIT.signIn(b, staff);
        b.click("#nav a[data-nav='collaboration/collaboration-partners']");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        String row = b.text("table.list tbody tr", true);
        assertTrue(row.contains("見本こども食堂ネット") && row.contains(receipt) && !row.contains(representative), row);
        b.clickText("a.partner-link", "見本こども食堂ネット");
        b.waitForText("h1", "見本こども食堂ネット");
        assertTrue(b.text("#partner-contacts", true).contains("マスク済み"));
        b.click("#reveal-personal-data");
        b.waitForText("#partner-contacts", representative);
        b.waitForText("#partner-registration .registration-state", "申請中");
        b.click("#registration-refuse");
        b.waitForScript("the reason's error", "return document.querySelector('#partner-registration .form-summary') !== null || null;");
        b.click("#registration-approve");
        b.waitForText(".notice", "登録を承認する");
        b.waitForText("#partner-registration .registration-state", "登録済");
        assertTrue(b.text("table.registration-history", true).contains("申請中 → 登録済"));
        b.screenshot("collaboration-partner");

        b.click("#nav a[data-nav='collaboration/collaboration-projects']");
        b.waitForText(".list-status", "0 件中");
        b.click("#new-project");
        b.waitFor("#project-form");
        b.click("#save-project");
        b.waitFor("#project-form .form-summary");
        b.type("#project-form [name=title]", "こども食堂の協働運営");
        b.select("#project-form select[name=form]", "事業協力");
        b.select("#project-form select[name=unitId]", String.valueOf(b.script(
                "return [...document.querySelectorAll('#project-form select[name=unitId] option')].find(o => o.text === '市民協働課').value;")));
        b.click("#project-form .field-partners input[type=checkbox]");
        b.type("#project-form [name=budget]", "-5");
        b.click("#save-project");
        b.waitForScript("the budget's error", "return document.querySelector('#project-form [name=budget]')"
                + ".getAttribute('aria-invalid') === 'true' || null;");
        assertFalse(b.text("[data-field=budget] .field-error", true).isBlank(), "the API's message next to the budget");
        b.type("#project-form [name=budget]", "250000");
        b.click("#save-project");
        b.waitForText("h1", "こども食堂の協働運営");
        JsonObject project = api.get(base + "/collaboration/projects").send().expect(200).object().getJsonArray("items")
                .getJsonObject(0);
        assertEquals("見本こども食堂ネット", project.getJsonArray("partners").getJsonObject(0).getString("name"));
        assertEquals(250000, project.getJsonNumber("budget").intValue());
        b.click("#nav a[data-nav='collaboration/collaboration-projects']");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        b.screenshot("collaboration-projects");
        // The refusals this test provokes on purpose (400s) are logged by the browser; nothing else may be.
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream().filter(e -> !e.contains("status of 400")).toList(),
                "no script error, no CSP violation");
    }
}
