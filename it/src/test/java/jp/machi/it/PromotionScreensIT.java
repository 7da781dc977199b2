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
 * The promotion module's console screens in headless Chromium, as a STAFF member: a return gift
 * over 30 % shows the API's figures next to 調達費用 and nothing is saved, then exactly 30 % is;
 * a donor is registered, shown masked, revealed on request; a donation is recorded from the donor's
 * page and its receipt is linked; the donations list shows the donor masked. Screenshots
 * {@code promotion-*.png}.
 */
@MachiTest
@BrowserTest
class PromotionScreensIT {

    private final Api api;

    PromotionScreensIT(Api api) {
        this.api = api;
    }

    private String municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        return lg;
    }

    @Test
    void aGiftOverThirtyPercentIsRefusedNextToItsCost(WebBrowser b) {
        String lg = municipality();
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-return-gifts']");
        b.waitForText("h1", "ふるさと納税: 返礼品");
        b.click("#new-gift");
        b.waitFor("#gift-form");
        assertEquals("返礼品 (必須)", b.text("label[for=gift-name]", true));
        b.type("#gift-name", "ふぐ刺身セット").type("#gift-supplier", "周南地域地場産業振興センター");
        b.select("#gift-ground", "PROCESSED_LOCALLY");
        b.type("#gift-amount", "10,000").type("#gift-cost", "3001").type("#gift-shipping", "1200");
        b.waitForText("#gift-ratio", "30.1%");
        b.click("#save-gift");
        b.waitFor("#gift-cost[aria-invalid='true']");
        String error = b.text("#gift-cost-error", true);
        assertTrue(error.contains("3,001 円") && error.contains("10,000 円") && error.contains("30.1%") && error.contains("3,000 円"), error);
        assertFalse(b.present("#gift-amount[aria-invalid]"), "a correct field shows no error");
        b.screenshot("promotion-return-gift-ratio");
        assertEquals(0, api.get(Municipalities.PATH + "/" + lg + "/promotion/return-gifts").send().expect(200).object()
                .getInt("totalItems"), "nothing was saved");

        b.type("#gift-cost", "3000");
        b.click("#save-gift");
        b.waitFor(".paged-list table tbody tr th a");
        List<String> row = b.texts(".paged-list table tbody tr td");
        assertTrue(row.contains("30.0%") && row.stream().anyMatch(t -> t.startsWith("第3号")), row::toString);
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusals (400) as failed loads.
        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 400")).toList(), "no script error, no CSP violation");
    }

    @Test
    void aDonorIsMaskedUntilRevealedAndADonationIsRecordedWithItsReceipt(WebBrowser b) {
        String lg = municipality();
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/promotion/promotion-donors/new");
        b.waitFor("#donor-form");
        b.type("#donor-name", "周南花子").type("#donor-kana", "シュウナンハナコ").type("#donor-postal", "74-58655")
                .type("#donor-address", "山口県周南市岐山通1丁目1番地").type("#donor-email", "hanako@example.jp");
        b.click("#save-donor");
        b.waitFor("#donor-postal[aria-invalid='true']");
        assertTrue(b.text("#donor-postal-error", true).contains("7 桁"), b.text("#donor-postal-error", true));
        b.type("#donor-postal", "745-8655");
        b.click("#save-donor");
        b.waitFor("#donor-facts");
        String masked = b.text("#donor-facts", true);
        assertFalse(masked.contains("周南花子") || masked.contains("岐山通"), masked);
        assertTrue(masked.contains("周＊＊＊"), masked);
        b.click("#reveal-donor");
        b.waitForText("#donor-facts", "周南花子");
        assertTrue(b.text("#donor-facts", true).contains("山口県周南市岐山通1丁目1番地"));

        b.click("#new-donation");
        b.waitFor("#donation-form");
        // A date input's typing depends on the browser's locale; set it as a date picker would.
        b.select("#donation-day", "2024-12-01");
        b.type("#donation-amount", "３０，０００").select("#donation-payment", "CREDIT_CARD").type("#donation-channel", "ふるさとチョイス");
        b.click("#save-donation");
        b.waitFor("#print-receipt");
        String href = b.attribute("#print-receipt", "href");
        assertTrue(href.contains("/promotion/donations/") && href.endsWith("/receipt"), href);
        assertTrue(b.text("dl.facts", true).contains("30,000 円"), b.text("dl.facts", true));
        b.screenshot("promotion-donation");

        b.open("/#/" + lg + "/promotion/promotion-donations");
        b.waitFor(".paged-list table tbody tr th a");
        List<String> cells = b.texts(".paged-list table tbody tr td");
        assertTrue(cells.contains("周＊＊＊") && cells.contains("令和6年度") && cells.contains("ふるさとチョイス"), cells::toString);
        assertFalse(String.join(" ", cells).contains("周南花子"));
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertFalse(page.contains("null") || page.contains("undefined"), page);
        b.screenshot("promotion-donations");
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusals (400) as failed loads.
        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 400")).toList(), "no script error, no CSP violation");
    }
}
