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
 * Proposal-based grants through their screens in headless Chromium: staff create a call in the console
 * (the API's field errors next to the fields, the criteria rows), a paper application is checked,
 * scored, adopted and settled there (the amount returned shown); the portal page lists the open call
 * and the funded project. No script error.
 */
@MachiTest
@BrowserTest
class GrantBrowserIT {

    private final Api api;

    GrantBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void staffRunACallFromCreationToSettlementAndThePortalShowsIt(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Api.Account staff = api.newUser("STAFF", lg);
        Reply user = api.get(base + "/users/" + staff.id()).send().expect(200);
        api.put(base + "/users/" + staff.id() + "/module-roles").ifMatch(user.etag()).json(Json.createObjectBuilder()
                .add("moduleRoles", Json.createArrayBuilder().add("collaboration.approver")).build()).send().expect(200);
        Api approver = api.signIn(staff.login(), staff.password());
        String partner = CollaborativeProjectIT.registeredPartner(api, base, approver, "見本こども食堂の会");

        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, staff);
        b.click("#nav a[data-nav='collaboration/collaboration-grants']");
        b.waitFor("#new-grant-call");
        b.click("#new-grant-call");
        b.waitFor("#grant-call-form");
        b.click("#save-grant-call");
        b.waitFor("#grant-call-form .form-summary");
        assertEquals("true", b.attribute("#grant-call-form [name=title]", "aria-invalid"));
        b.type("#grant-call-form [name=title]", "見本げんき基金補助金");
        b.type("#grant-call-form [name=purpose]", "市民活動の推進");
        b.type("#grant-call-form [name=eligibility]", "登録団体");
        b.type("#grant-call-form [name=budget]", "500000");
        b.type("#grant-call-form [name=maxPerGrant]", "300000");
        b.type("#grant-call-form [name=subsidyRate]", "90");
        b.script("document.querySelector('#grant-call-form [name=\"schedule.submissionOpensOn\"]').value = arguments[0];"
                + "document.querySelector('#grant-call-form [name=\"schedule.submissionClosesOn\"]').value = arguments[1];",
                today.minusDays(1).toString(), today.plusDays(20).toString());
        b.type("#grant-call-form [name='criteria[0].name']", "公益性");
        b.type("#grant-call-form [name='criteria[0].weight']", "3");
        b.click("#add-criteria");
        b.type("#grant-call-form [name='criteria[1].name']", "実現性");
        b.type("#grant-call-form [name='criteria[1].weight']", "2");
        b.click("#save-grant-call");
        b.waitForText("h1", "見本げんき基金補助金");
        b.waitFor("#new-grant-application");
        String callId = String.valueOf(b.script("return location.hash.split('/').pop();"));
        assertEquals(6, api.get(base + "/collaboration/grants/calls/" + callId).send().expect(200).object().getInt("maxYears"));

        String appId = approver.post(base + "/collaboration/grants/calls/" + callId + "/applications")
                .json(GrantIT.application(partner, "みんなの食卓", 2024, 200_000, 250_000, 30_000).build()).send().expect(201)
                .object().getString("id");
        b.reload();
        b.waitForText(".list-status", "1 件中 1〜1 件");
        b.clickText("a.grant-application-link", "みんなの食卓");
        b.waitForText("h1", "みんなの食卓");
        b.waitFor("#grant-completeness");
        b.click("#grant-complete");
        b.waitForText(".grant-state", "審査中");
        b.type("#grant-scores [name='scores[0].score']", "5");
        b.type("#grant-scores [name='scores[1].score']", "4");
        b.click("#save-scores");
        b.waitForText(".notice", "評点を保存しました");
        assertTrue(b.text("dl.facts", true).contains("23"), "the weighted total 5×3 + 4×2");
        b.click("#grant-adopt");
        b.waitForText(".grant-state", "採択");
        b.waitFor("#print-grant-notice");
        b.type("#grant-settlement [name=spent]", "185000");
        b.click("#save-settlement");
        b.waitForText(".grant-returned", "15,000");
        b.screenshot("collaboration-grant");
        assertEquals("ADOPTED", approver.get(base + "/collaboration/grants/applications/" + appId).send().expect(200)
                .object().getString("state"));
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream()
                .filter(e -> !e.contains("status of 400") && !e.contains("status of 409")).toList(),
                "no script error, no CSP violation");

        b.windowSize(375, 900);
        b.open("/p/" + lg + "/collaboration-grants-portal");
        b.waitForText(".machi-grant-call h3", "見本げんき基金補助金");
        b.waitForText(".machi-grants-funded tbody", "みんなの食卓");
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertTrue(page.contains("見本こども食堂の会") && page.contains("200,000円"), page);
        assertFalse(page.contains("見本 太郎") || page.contains("@example"), page);
        b.screenshot("portal-grants");
    }
}
