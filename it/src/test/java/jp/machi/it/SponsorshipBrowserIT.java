package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * Sponsorship name use through its screens in headless Chromium: an organiser applies on the portal
 * at a phone's width (the form's hints, the API's field error next to the date, then a receipt
 * number and no echo of the contact); in the console an approver finds it masked, ticks the
 * checklist, approves it and sees the print link and the report form. No script error.
 */
@MachiTest
@BrowserTest
class SponsorshipBrowserIT {

    private final Api api;

    SponsorshipBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void anOrganiserAppliesOnThePortalAndAnApproverApprovesAfterTheChecklist(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        String contact = "画面連絡" + System.nanoTime() % 1000 + "子";
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(1);

        b.windowSize(375, 900);
        b.open("/p/" + lg + "/collaboration-sponsorship-application");
        b.waitFor("form.sponsorship-form");
        b.click("form.sponsorship-form button.send");
        b.waitForText("[data-field=eventName] .field-error", "入力してください");
        assertEquals("true", b.attribute("form.sponsorship-form [name=eventName]", "aria-invalid"));
        b.type("form.sponsorship-form [name=eventName]", "見本ふれあいコンサート");
        b.script("document.querySelector('form.sponsorship-form [name=startsOn]').value = '2001-01-01';");
        b.type("form.sponsorship-form [name=venue]", "見本市民ホール");
        b.type("form.sponsorship-form [name=organiserName]", "見本音楽の会");
        b.type("form.sponsorship-form [name=purpose]", "市民が音楽に親しむ機会をつくる");
        b.type("form.sponsorship-form [name=expectedAttendance]", "200");
        b.type("form.sponsorship-form [name=contactName]", contact);
        b.type("form.sponsorship-form [name=contactEmail]", "ongaku@example.jp");
        b.click("form.sponsorship-form button.send");
        b.waitForText("[data-field=startsOn] .field-error", "過去");
        b.script("document.querySelector('form.sponsorship-form [name=startsOn]').value = '" + day + "';");
        b.click("form.sponsorship-form button.send");
        b.waitForText(".sponsorship-receipt .receipt-number", "S-");
        String receipt = b.text(".sponsorship-receipt .receipt-number", true);
        assertFalse(String.valueOf(b.script("return document.body.innerText;")).contains(contact));
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-sponsorship-application");

        b.windowSize(1280, 900);
        Api.Account staff = api.newUser("STAFF", lg);
        Reply user = api.get(base + "/users/" + staff.id()).send().expect(200);
        api.put(base + "/users/" + staff.id() + "/module-roles").ifMatch(user.etag()).json(Json.createObjectBuilder()
                .add("moduleRoles", Json.createArrayBuilder().add("collaboration.approver")).build()).send().expect(200);
        ConsoleIT.signIn(b, staff);
        b.click("#nav a[data-nav='collaboration/collaboration-sponsorships']");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        String row = b.text("table.list tbody tr", true);
        assertTrue(row.contains("見本ふれあいコンサート") && row.contains(receipt) && !row.contains(contact), row);
        b.clickText("a.sponsorship-link", "見本ふれあいコンサート");
        b.waitForText("h1", "見本ふれあいコンサート");
        assertTrue(b.text("#sponsorship-contact", true).contains("マスク済み"));
        b.waitForText("#sponsorship-decision", "審査");
        // Approving before the checklist: the API's 409 is shown.
        b.click("#decision-approve");
        b.waitForScript("the refusal", "return document.querySelector('#sponsorship-decision .form-summary, .notice-error') !== null || null;");
        b.script("document.querySelectorAll('#sponsorship-checklist input[type=checkbox]').forEach(c => { c.checked = true; });");
        b.click("#save-checklist");
        b.waitForText(".notice", "確認結果を保存しました");
        b.click("#decision-approve");
        b.waitForText(".sponsorship-state", "承認");
        b.waitFor("#print-notice");
        b.waitFor("#sponsorship-report");
        assertTrue(b.text("table.decision-history", true).contains("申請中 → 承認"));
        b.screenshot("collaboration-sponsorship");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream()
                .filter(e -> !e.contains("status of 400") && !e.contains("status of 409")).toList(),
                "no script error, no CSP violation");
    }
}
