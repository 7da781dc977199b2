package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium: a registered organisation applies from the portal on a 375 px phone (asks for
 * the link, opens it, fills the plan and budget lines, attaches a document), and staff find it in the
 * console with its document; a VIEWER sees the grant calls and the fund's ledger and is offered no
 * change; the partnership screens (連携協定・創業支援, ADR 0040): staff record an agreement, an activity and
 * a start-up year through the forms, and a VIEWER reads them without a form. No script error.
 */
@MachiTest
@BrowserTest
class GrantPortalBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String EMAIL = "mihon-npo@example.jp";
    private static final Pattern LINK = Pattern.compile("(/p/\\d{6}/collaboration-grants-portal\\?apply=[A-Za-z0-9_-]{43})");

    private final Api api;

    GrantPortalBrowserIT(Api api) {
        this.api = api;
    }

    private static int fiscalYear() {
        return TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1;
    }

    @Test
    void anOrganisationAppliesFromThePortalOnAPhone(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        Api approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
        String name = "見本子ども食堂の会";
        CollaborativeProjectIT.registeredPartner(api, base, approver, name);
        JsonObject call = api.as("STAFF", lg).post(base + "/collaboration/grants/calls").json(GrantIT.call(fiscalYear(),
                1_000_000, 300_000, 80, null, TODAY.minusDays(3), TODAY.plusDays(20))
                .add("requiredDocuments", Json.createArrayBuilder().add("企画書")).build()).send().expect(201).object();

        b.windowSize(375, 900);
        b.open("/p/" + lg + "/collaboration-grants-portal");
        b.waitFor(".machi-grant-apply summary");
        b.click(".machi-grant-apply summary");
        b.type(".grant-link-form [name=organisation]", name);
        b.type(".grant-link-form [name=email]", EMAIL);
        b.click(".grant-link-form button.send");
        b.waitForText(".grant-link-sent", "受付番号 GL-R");
        assertOnePhoneWide(b);

        List<JsonObject> links = api.get(base + "/outbox?size=20").send().expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(m -> m.getString("template").equals("grant-link")).toList();
        assertEquals(1, links.size());
        String body = api.get(base + "/outbox/" + links.get(0).getString("id") + "?reveal=personal-data").send().expect(200)
                .object().getString("body");
        Matcher m = LINK.matcher(body);
        assertTrue(m.find(), body);

        b.open(m.group(1));
        b.waitForText("#grant-apply-who", name);
        b.click("#grant-apply-send");
        b.waitFor("#grant-apply-form [aria-invalid=true]");
        b.type("#grant-apply-form textarea", "空き店舗で子ども食堂をひらく");
        b.script("const f = document.querySelectorAll('#grant-apply-form input[type=text]');"
                + "f[0].value = 'みんなの食卓'; f[1].value = '令和6年度';"
                + "document.querySelector('#grant-apply-form input[type=number]').value = '120000';"
                + "const items = document.querySelectorAll('.line-item'); const amounts = document.querySelectorAll('.line-amount');"
                + "items[0].value = '食材費'; amounts[0].value = '150000'; items[1].value = '懇親会費'; amounts[1].value = '20000';"
                + "document.querySelectorAll('.line-eligible')[1].checked = false;");
        b.click("#grant-apply-send");
        b.waitForText("#grant-apply-receipt", "受付番号 G-R");
        b.waitFor("#grant-upload-form");
        b.script("const dt = new DataTransfer(); dt.items.add(new File(['%PDF-1.4\\n1 0 obj<<>>endobj\\ntrailer<<>>\\n%%EOF\\n'],"
                + " 'kikakusho.pdf', {type: 'application/pdf'}));"
                + "document.querySelector('#grant-upload-form input[type=file]').files = dt.files;");
        b.click("#grant-upload-send");
        b.waitForText(".grant-uploaded", "企画書: kikakusho.pdf");
        assertOnePhoneWide(b);
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertFalse(page.contains(EMAIL) || page.contains("見本 花子"), page);
        b.screenshot("portal-grant-application");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream().filter(e -> !e.contains("status of 400")).toList(),
                "no script error, no CSP violation");

        JsonObject listed = approver.get(base + "/collaboration/grants/calls/" + call.getString("id") + "/applications").send()
                .expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("PORTAL", listed.getString("channel"));
        assertEquals(120_000, listed.getJsonNumber("requestedAmount").longValue());
        assertEquals(150_000, listed.getJsonNumber("eligibleCost").longValue());
        assertEquals(List.of(), listed.getJsonArray("missingDocuments"));
    }

    private static void assertOnePhoneWide(WebBrowser b) {
        Object width = b.script("return document.documentElement.scrollWidth;");
        assertTrue(((Number) width).intValue() <= 375, "no sideways scrolling at 375 px: " + width);
    }

    @Test
    void aViewerSeesTheGrantCallsAndTheFundAndIsOfferedNoChange(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        Api staff = api.as("STAFF", lg);
        String fund = staff.post(base + "/collaboration/grants/funds").json(FundIT.fund(fiscalYear(), 4_109_000, 50_000)
                .build()).send().expect(201).object().getString("id");
        staff.post(base + "/collaboration/grants/calls").json(GrantIT.call(fiscalYear(), 1_000_000, 300_000, 80, null,
                TODAY.minusDays(3), TODAY.plusDays(20)).add("fundId", fund).build()).send().expect(201);
        Api.Account viewer = api.newUser("VIEWER", lg);

        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, viewer);
        b.click("#nav a[data-nav='collaboration/collaboration-grants']");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        assertFalse(b.present("#new-grant-call"), "no creation for a viewer");
        b.click("a.grant-call-link");
        b.waitFor("#grant-call-form");
        assertFalse(b.present("#save-grant-call"), "no save for a viewer");
        assertFalse(b.present("#new-grant-application"), "no paper application for a viewer");
        b.open("/#/" + lg + "/collaboration/collaboration-grants/funds");
        b.waitForText(".grant-fund-ledger", "4,160,000");
        b.screenshot("collaboration-grant-fund");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b), "no script error, no CSP violation");
    }

    @Test
    void partnershipScreensRecordAnAgreementAnActivityAndAYearAndAViewerReadsThem(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        Api.Account staff = api.newUser("STAFF", lg);

        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, staff);
        b.click("#nav a[data-nav='collaboration/collaboration-partnerships']");
        b.waitFor("#new-partnership");
        b.click("#new-partnership");
        b.waitFor("#partnership-form");
        b.click("#save-partnership");
        b.waitFor("#partnership-form .form-summary");
        assertEquals("true", b.attribute("#partnership-form [name=title]", "aria-invalid"));
        b.type("#partnership-form [name=title]", "見本藝術大学との連携協定");
        b.type("#partnership-form [name=partnerName]", "見本藝術大学");
        b.script("document.querySelector('#partnership-form [name=concludedOn]').value = '2012-04-01';");
        b.type("#partnership-form [name=fields]", "芸術・文化");
        b.click("#save-partnership");
        b.waitForText("h1", "見本藝術大学との連携協定");
        b.waitFor("#activity-form");
        b.script("document.querySelector('#activity-form [name=heldOn]').value = arguments[0];", TODAY.toString());
        b.type("#activity-form [name=title]", "ファミリーコンサート");
        b.type("#activity-form [name=participants]", "320");
        b.click("#add-activity");
        b.waitForText(".partnership-activities", "ファミリーコンサート");
        b.open("/#/" + lg + "/collaboration/collaboration-partnerships");
        b.waitFor("#startup-year-form");
        b.select("#startup-year-form [name=fiscalYear]", String.valueOf(fiscalYear()));
        b.type("#startup-year-form [name=entrepreneursSupported]", "60");
        b.type("#startup-year-form [name=newBusinesses]", "27");
        b.click("#save-startup-year");
        b.waitForText(".startup-table", "27");
        b.screenshot("collaboration-partnerships");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream().filter(e -> !e.contains("status of 400")).toList(),
                "no script error, no CSP violation");
        Reply listed = api.get(base + "/collaboration/partnerships").send().expect(200);
        assertTrue(listed.text().contains("見本藝術大学との連携協定"), listed::toString);

        Api.Account viewer = api.newUser("VIEWER", lg);
        b.click("#sign-out");
        b.waitFor("#login");
        ConsoleIT.signIn(b, viewer);
        b.click("#nav a[data-nav='collaboration/collaboration-partnerships']");
        b.waitForText(".startup-table", "27");
        b.waitForText("a.partnership-link", "見本藝術大学との連携協定");
        assertFalse(b.present("#new-partnership") || b.present("#startup-year-form") || b.present("#new-grant"),
                "no forms for a viewer");
        b.click("a.partnership-link");
        b.waitForText(".partnership-activities", "ファミリーコンサート");
        assertFalse(b.present("#save-partnership") || b.present("#activity-form"), "no changes for a viewer");
    }
}
