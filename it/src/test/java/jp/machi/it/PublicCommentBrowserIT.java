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
 * パブリックコメント through the screens in headless Chromium: at a phone's width a resident finds the
 * 市民の声 section (ご意見・意見募集), follows 意見募集中のパブリックコメント to an open procedure with
 * its days remaining, is told the required name, submits and gets a C-… receipt without any echo; the
 * published results of another procedure show the counts and the city's consideration and none of
 * the submitter's data. Staff then find both in the console's パブリックコメント, the submitter masked.
 */
@MachiTest
@BrowserTest
class PublicCommentBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final Api api;

    PublicCommentBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void aResidentCommentsOnThePortalAndStaffSeeItInTheConsole(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        String comments = base + "/engagement/public-comments";
        Api staff = api.as("STAFF", lg);
        Reply open = staff.post(comments).json(Json.createObjectBuilder().add("title", "画面テストの総合計画（案）")
                .add("kind", "PLAN").add("summary", "総合計画の案です。").add("periodStart", TODAY.minusDays(3).toString())
                .add("periodEnd", TODAY.plusDays(26).toString()).build()).send().expect(201);
        staff.post(comments + "/" + open.object().getString("id") + "/announce").ifMatch(open.etag()).send().expect(200);
        Reply past = staff.post(comments).json(Json.createObjectBuilder().add("title", "画面テストの条例（案）")
                .add("kind", "ORDINANCE").add("periodStart", TODAY.minusDays(40).toString())
                .add("periodEnd", TODAY.minusDays(5).toString()).build()).send().expect(201);
        String pastPath = comments + "/" + past.object().getString("id");
        Reply announced = staff.post(pastPath + "/announce").ifMatch(past.etag()).send().expect(200);
        staff.post(pastPath + "/submissions").json(Json.createObjectBuilder().add("opinion", "手紙で届いた秘匿の意見")
                .add("name", "見本 秘匿花子").add("address", "秘匿町9-9").add("channel", "POST")
                .add("receivedOn", TODAY.minusDays(10).toString()).build()).send().expect(201);
        Reply prepared = staff.put(pastPath + "/results").ifMatch(staff.get(pastPath).send().expect(200).etag())
                .json(Json.createObjectBuilder().add("responses", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("opinion", "条例の対象を広げてほしいとの意見").add("consideration", "対象を広げました。")
                        .add("draftChanged", true))).build()).send().expect(200);
        Api.Account approver = api.newUser("STAFF", lg);
        Reply user = api.get(base + "/users/" + approver.id()).send().expect(200);
        api.put(base + "/users/" + approver.id() + "/module-roles").ifMatch(user.etag()).json(Json.createObjectBuilder()
                .add("moduleRoles", Json.createArrayBuilder().add("engagement.approver")).build()).send().expect(200);
        api.signIn(approver).post(pastPath + "/publish-results").ifMatch(prepared.etag()).send().expect(200);
        assertTrue(announced.status() == 200);

        // ---- a resident, on a phone -------------------------------------------------------------
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-hearing");
        b.waitForText("h1", "ご意見・意見募集");
        b.waitForText("[data-offer=public-comments-open] .hearing-count", "1 件募集中");
        assertTrue(b.text("[data-offer=voice-form]", true).contains("市へのご意見"));
        b.click("[data-offer=public-comments-open] a");
        b.waitForText(".comment-card h2", "画面テストの総合計画（案）");
        assertTrue(b.text(".comment-card", true).contains("あと27日"), b.text(".comment-card", true));
        b.click(".comment-card h2 a");
        b.waitFor("form.comment-form");
        b.type("form.comment-form [name=opinion]", "駅前の再開発を計画に入れてください。");
        b.click("form.comment-form button.send");
        b.waitForText("[data-field=name] .field-error", "入力してください");
        assertEquals("true", b.attribute("form.comment-form [name=name]", "aria-invalid"));
        b.type("form.comment-form [name=name]", "見本 画面太郎");
        b.type("form.comment-form [name=address]", "見本町1-1");
        b.click("form.comment-form button.send");
        b.waitForText(".voice-receipt .receipt-number", "C-");
        assertFalse(String.valueOf(b.script("return document.body.innerText;")).contains("見本 画面太郎"));
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-public-comment");

        b.open("/p/" + lg + "/engagement-public-comments/results");
        b.waitForText(".comment-card h2", "画面テストの条例（案）");
        b.click(".comment-card h2 a");
        b.waitForText(".comment-counts", "提出者数 1人");
        assertTrue(b.text("table.comment-responses", true).contains("対象を広げました。"));
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertFalse(page.contains("秘匿"), page);
        b.screenshot("portal-public-comment-results");

        // ---- staff, in the console ----------------------------------------------------------------
        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='engagement/engagement-comments']");
        b.waitForText("table.list tbody", "画面テストの総合計画（案）");
        assertTrue(b.text("table.list tbody", true).contains("意見募集中"));
        b.clickText("a.comment-link", "画面テストの総合計画（案）");
        b.waitForText(".comment-submissions table.list tbody", "駅前の再開発");
        assertFalse(b.text(".comment-submissions table.list tbody", true).contains("見本 画面太郎"), "masked");
        b.screenshot("console-public-comment");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b).stream().filter(e -> !e.contains("status of 400")).toList(),
                "no script error, no CSP violation");
    }
}
