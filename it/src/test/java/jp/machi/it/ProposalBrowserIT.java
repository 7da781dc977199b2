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
 * まちづくり提言 through the screens, in headless Chromium: a resident sends a proposal on the portal at a
 * phone's width (the form's hints, the API's field error next to the field, a receipt number and
 * 令和N年度, never an echo of their data); staff see it masked in the console's list, open it, route it
 * to a unit with a unit that considers it, draft the answer and submit it for approval (決裁); once
 * approved and published, the portal shows its status and answer and nothing of the proposer.
 * Screenshots: {@code portal-proposals*.png}, {@code engagement-proposal*.png}.
 */
@MachiTest
@BrowserTest
class ProposalBrowserIT {

    private static final String NAME = "画面提言太郎";
    private static final String EMAIL = "proposal-ui@example.jp";

    private final Api api;

    ProposalBrowserIT(Api api) {
        this.api = api;
    }

    private static void type(WebBrowser b, String name, String value) {
        b.type("form.proposal-form [name=" + name + "]", value);
    }

    private String text(WebBrowser b) {
        return String.valueOf(b.script("return document.body.innerText;"));
    }

    @Test
    void aResidentProposesOnThePortalAndStaffRouteAnswerAndPublishIt(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        String lead = TaskListIT.unit(api, base, "11", "都市政策課");
        TaskListIT.unit(api, base, "12", "公園花とみどり課");

        // ---- the resident, on a phone ------------------------------------------------------
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-published-proposals");
        b.waitForText("h1", "まちづくり提言");
        b.waitForText(".portal-page p[role=status]", "まだありません");
        b.click("form.proposal-form button.send");
        b.waitForText("[data-field=title] .field-error", "入力してください");
        assertEquals("true", b.attribute("form.proposal-form [name=body]", "aria-invalid"));
        type(b, "title", "駅前に子どもの居場所を");
        type(b, "body", "駅前の空き店舗を子どもの居場所に使えるようにしてはどうでしょうか。");
        b.select("form.proposal-form [name=field]", "子育て・教育");
        type(b, "name", NAME);
        type(b, "phone", "12");
        type(b, "email", EMAIL);
        b.click("form.proposal-form button.send");
        b.waitForText("[data-field=phone] .field-error", "電話番号");
        assertEquals(0, api.get(base + "/engagement/proposals").send().expect(200).object().getInt("totalItems"),
                "a refusal writes nothing");
        b.script("document.querySelector('form.proposal-form [name=phone]').value = '';");
        b.screenshot("portal-proposals-form");
        b.click("form.proposal-form button.send");
        b.waitForText(".proposal-receipt .receipt-number", "P-");
        String receipt = b.text(".proposal-receipt .receipt-number", true);
        assertTrue(receipt.matches("P-R\\d+-\\d{6}"), receipt);
        assertTrue(b.text(".proposal-receipt", true).matches("(?s).*令和\\d+年度.*"), b.text(".proposal-receipt", true));
        assertFalse(text(b).contains(NAME) || text(b).contains(EMAIL), "no echo of the proposer");
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-proposals-receipt");

        // ---- staff: the list masked; route, draft, submit -----------------------------------
        b.windowSize(1280, 900);
        Api.Account staff = api.newUser("STAFF", lg);
        String url = base + "/users/" + staff.id();
        Reply u = api.get(url).send().expect(200);
        api.put(url).ifMatch(u.etag()).json(Json.createObjectBuilder().add("displayName", u.object().getString("displayName"))
                .add("role", "STAFF").add("unitId", lead).add("active", true).build()).send().expect(200);
        ConsoleIT.signIn(b, staff);
        b.open("/#/" + lg + "/engagement/engagement-proposals");
        b.waitForText(".list-status", "1 件中");
        String table = b.text("table.list tbody", true);
        assertTrue(table.contains(receipt) && table.contains("画＊＊＊＊＊") && table.contains("受付"), table);
        assertFalse(text(b).contains(NAME), "masked in the list");
        b.screenshot("engagement-proposals");
        b.clickText("a.proposal-link", receipt);
        b.waitForText("h1", receipt);
        b.select("#proposal-form select[name=unitId]", lead);
        String park = String.valueOf(b.script("return [...document.querySelectorAll('#proposal-form .proposal-co-units label')]"
                + ".find(l => l.textContent === '公園花とみどり課').htmlFor;"));
        b.click("#" + park);
        b.select("#proposal-form select[name=status]", "CONSIDERING");
        b.type("#proposal-form [name=answer]", "空き店舗を活用した子どもの居場所づくりを試行します。");
        b.click("#save-proposal");
        b.waitForText(".notice", "保存しました");
        b.waitForText(".proposal-status", "検討中");
        assertTrue(b.text("main", true).contains("公園花とみどり課"), "the unit considering it is shown");
        b.click("#answer-submit");
        b.waitForText("#answer-approval .answer-state", "決裁待ち");
        b.screenshot("engagement-proposal");

        // The approver approves (API), staff publish it as 実現 (API), the portal shows it without personal data.
        String id = api.get(base + "/engagement/proposals").send().expect(200).object().getJsonArray("items")
                .getJsonObject(0).getString("id");
        Api approver = TaskListIT.user(api, base, "STAFF", null, "engagement.approver");
        String one = base + "/engagement/proposals/" + id;
        approver.post(one + "/answer/transitions").ifMatch(api.get(one).send().etag()).json("{\"action\":\"approve\"}")
                .send().expect(200);
        Reply current = api.get(one).send().expect(200);
        JsonObject p = current.object();
        api.put(one).ifMatch(current.etag()).json(Json.createObjectBuilder().add("title", p.getString("title"))
                .add("body", p.getString("body")).add("field", p.getString("field")).add("unitId", lead)
                .add("status", "REALISED").add("answer", p.getString("answer")).add("published", true)
                .add("publishedSummary", "駅前の空き店舗を子どもの居場所に活用する提言").build()).send().expect(200);
        b.open("/p/" + lg + "/engagement-published-proposals");
        b.waitForText(".machi-proposal .proposal-status", "実現");
        String portal = text(b);
        assertTrue(portal.contains("空き店舗を活用した子どもの居場所づくりを試行します。") && portal.matches("(?s).*令和\\d+年度.*"),
                portal);
        for (String s : List.of(NAME, EMAIL, "画＊")) {
            assertFalse(portal.contains(s), () -> s + " on the portal");
        }
        b.screenshot("portal-proposals");
    }
}
