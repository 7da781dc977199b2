package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The fan club's portal page and console screen, and the PR channels' screen, in headless Chromium
 * on the shared server: a person signs up on the portal and sees only a receipt number; a link with
 * an unknown token says so; a member asks for the link to change their details; staff see the
 * pending sign-up masked and the counts, and queue a newsletter whose progress the list shows; a PR channel is
 * registered with a month's figures and its year's totals shown. Screenshots
 * {@code promotion-fan-club-sign-up.png}, {@code promotion-fan-club-members.png}, {@code promotion-pr-channel.png}.
 */
@MachiTest
@BrowserTest
class FanClubScreensIT {

    private final Api api;

    FanClubScreensIT(Api api) {
        this.api = api;
    }

    private String municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        return lg;
    }

    private static List<String> errors(WebBrowser b) {
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusals (400, 404) as failed loads.
        return b.consoleErrors().stream().filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 400") && !e.contains(" 404")).toList();
    }

    @Test
    void aPersonSignsUpOnThePortalAndStaffSeeTheSignUpMasked(WebBrowser b) {
        String lg = municipality();
        b.open("/p/" + lg + "/fan-club");
        b.waitForText("h1", "ファンクラブ");
        b.waitFor("#fan-club-form select[name=prefecture] option[value='13']");
        b.click("#fan-club-send");
        b.waitFor("#fan-club-form [aria-invalid=true]");
        b.type("#fan-club-form input[name=name]", "関係 花子").type("#fan-club-form input[name=email]", "kankei.hanako@example.jp");
        b.select("#fan-club-form select[name=prefecture]", "13");
        b.type("#fan-club-form input[name=municipality]", "世田谷区");
        b.clickText("#fan-club-form .fan-club-interests label", "観光");
        b.click("#fan-club-send");
        b.waitForText("#fan-club-receipt", "受付番号 F-R");
        b.screenshot("promotion-fan-club-sign-up");
        assertFalse(b.text(".fan-club-result", true).contains("関係 花子"));

        b.open("/p/" + lg + "/fan-club?confirm=" + "A".repeat(43));
        b.waitForText(".fan-club-result", "リンクは無効");
        b.open("/p/" + lg + "/fan-club?leave=" + "B".repeat(43));
        b.click("#fan-club-leave");
        b.waitForText(".fan-club-result", "リンクは無効");
        b.open("/p/" + lg + "/fan-club?edit=" + "C".repeat(43));
        b.waitForText(".fan-club-result", "リンクは無効");
        assertFalse(b.present("#fan-club-edit-form"));

        // A member asks for the link to change their details: the page answers the same for any address.
        b.open("/p/" + lg + "/fan-club");
        b.waitFor("#fan-club-edit-link-form");
        b.type("#fan-club-edit-link-form input[name=email]", "kankei.hanako@example.jp");
        b.click("#fan-club-edit-link-send");
        b.waitForText("#fan-club-edit-link-sent", "ご登録のアドレスであれば");

        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-fan-club']");
        b.waitForText("h1", "ファンクラブ: 会員");
        b.waitForText("#fan-club-counts", "確認待ち");
        assertTrue(b.text("#fan-club-counts", true).replaceAll("\\s+", " ").contains("確認待ち 1"), b.text("#fan-club-counts", true));
        b.select("#filter-status", "PENDING");
        b.waitForText(".paged-list table tbody", "確認待ち");
        String row = b.text(".paged-list table tbody", true);
        assertTrue(row.contains("東京都") && row.contains("県外 (関係人口)") && row.contains("観光") && row.contains("関＊"), row);
        assertFalse(row.contains("関係 花子"), row);
        b.screenshot("promotion-fan-club-members");

        // A newsletter is queued, not sent in the request; the list shows its progress.
        b.script("window.confirm = () => true;");
        b.type("#newsletter-subject", "秋の物産展").type("#newsletter-body", "駅前広場で開催します。");
        b.click("#send-newsletter");
        b.waitForText("#newsletter-form", "送信を受け付けました");
        b.waitForText("section[aria-labelledby='newsletter-heading'] .paged-list", "秋の物産展");
        String news = b.text("section[aria-labelledby='newsletter-heading'] .paged-list", true);
        assertTrue(news.contains("送信待ち") || news.contains("送信中") || news.contains("送信済み"), news);
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    @Test
    void aPrChannelIsRegisteredWithAMonthsFiguresAndItsYearsTotals(WebBrowser b) {
        String lg = municipality();
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-pr-channels']");
        b.waitForText("h1", "広報: 媒体と実績");
        b.click("#new-pr-channel");
        b.waitFor("#pr-channel-form");
        b.type("#pr-name", "市ホームページ");
        b.select("#pr-kind", "WEBSITE");
        String first = b.attribute("#pr-months tbody tr:first-child th", "textContent");
        b.type("#pr-months tbody tr:first-child input[name$=':pagesUpdated']", "512");
        b.click("#save-pr-channel");
        b.waitFor("#delete-pr-channel");
        b.waitForText("#pr-totals", "512");
        assertEquals("512", b.attribute("#pr-months input[name='" + first + ":pagesUpdated']", "value"));
        b.screenshot("promotion-pr-channel");
        b.open("/#/" + lg + "/promotion/promotion-pr-channels");
        b.waitForText(".paged-list table tbody", "市ホームページ");
        assertTrue(b.text(".paged-list table tbody", true).contains("ホームページ"));
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }
}
