package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The hometown-tax screens of the ministry's rules in headless Chromium on the shared server: a
 * designation year's collection costs entered by category, its share of the year's donations and
 * the warning shown; a one-stop application recorded, checked and matched to the donor's donation,
 * and the notification file of the residence municipality downloaded; a donor's online application from
 * the portal form (no My Number field) and staff seeing it masked, then revealed. Screenshots
 * {@code promotion-collection-costs.png}, {@code promotion-one-stop.png}, {@code promotion-one-stop-notices.png},
 * {@code promotion-one-stop-portal.png}, {@code promotion-one-stop-online.png}.
 */
@MachiTest
@BrowserTest
class HometownTaxScreensIT {

    private final Api api;

    HometownTaxScreensIT(Api api) {
        this.api = api;
    }

    private String municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        return lg;
    }

    private static List<String> errors(WebBrowser b) {
        return b.consoleErrors().stream().filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 400") && !e.contains(" 404")).toList();
    }

    private String donor(String lg, String name) {
        return api.post(Municipalities.PATH + "/" + lg + "/promotion/donors").json(Json.createObjectBuilder().add("name", name)
                .add("nameKana", "シブヤハナコ").add("postalCode", "1500001").add("address", "東京都渋谷区神南1-1").build()).send().expect(201)
                .object().getString("id");
    }

    private void donate(String lg, String donor, String day, long amount) {
        api.post(Municipalities.PATH + "/" + lg + "/promotion/donations").json(Json.createObjectBuilder().add("donorId", donor)
                .add("receivedOn", day).add("amount", amount).add("paymentMethod", "CREDIT_CARD").build()).send().expect(201);
    }

    @Test
    void aYearsCollectionCostsAreEnteredByCategoryAndTheWarningIsShown(WebBrowser b) {
        String lg = municipality();
        donate(lg, donor(lg, "渋谷 花子"), "2024-10-15", 100_000);
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-collection-costs']");
        b.waitForText("h1", "ふるさと納税: 募集費用");
        b.click("#new-collection-cost");
        b.waitFor("#collection-cost-form");
        b.select("#cost-year", "2024");
        b.type("#cost-lines input[data-category='返礼品の調達']", "30000");
        b.type("#cost-lines input[data-category='ポータルサイト手数料']", "17,000");
        b.click("#save-collection-cost");
        b.waitFor("#delete-collection-cost");
        b.waitForText("#cost-share", "上限に近い");
        String share = b.text("#cost-share", true);
        assertTrue(share.contains("47.0 %") && share.contains("100,000") && share.contains("47,000"), share);
        assertEquals("30000", b.attribute("#cost-lines input[data-category='返礼品の調達']", "value"));
        b.screenshot("promotion-collection-costs");
        b.open("/#/" + lg + "/promotion/promotion-collection-costs");
        b.waitForText(".paged-list table tbody", "令和6年10月〜令和7年9月");
        assertTrue(b.text(".paged-list table tbody", true).contains("上限に近い"));
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    @Test
    void aOneStopApplicationIsRecordedCheckedMatchedAndNotified(WebBrowser b) {
        String lg = municipality();
        String hanako = donor(lg, "渋谷 花子");
        donate(lg, hanako, "2024-06-01", 10_000);
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-one-stop']");
        b.waitForText("h1", "ふるさと納税: ワンストップ特例");
        b.click("#new-one-stop");
        b.waitFor("#one-stop-form");
        b.type("#os-donor", hanako);
        b.type("#os-year", "2024");
        b.script("document.querySelector('#os-received').value = '2025-01-11';");
        b.type("#os-code", "131130");
        b.type("#os-name", "東京都渋谷区");
        b.click("#save-one-stop");
        b.waitForText("#one-stop-form", "期限");
        b.waitForText("#one-stop-form", "5団体以内");
        b.click("#os-declaresNoTaxReturn");
        b.click("#os-declaresAtMostFive");
        b.script("document.querySelector('#os-received').value = '2025-01-10';");
        b.script("document.querySelector('#os-checked').value = '2025-01-10';");
        b.click("#save-one-stop");
        b.waitFor("#delete-one-stop");
        b.waitForText("#one-stop-status", "確認済 (未照合)");
        b.waitFor("#one-stop-donations input[name=donation]");
        b.click("#one-stop-donations input[name=donation]");
        b.click("#save-one-stop");
        b.waitForText("#one-stop-status", "照合済");
        assertTrue(b.text("#one-stop-status", true).contains("10,000"), b.text("#one-stop-status", true));
        assertFalse(b.text("#one-stop-status", true).contains("渋谷 花子"), "masked on the screen");
        b.screenshot("promotion-one-stop");

        b.open("/#/" + lg + "/promotion/promotion-one-stop");
        b.select("#filter-year", "2024");
        b.waitForText("#one-stop-notices", "東京都渋谷区 (131130)");
        b.screenshot("promotion-one-stop-notices");
        b.click("#one-stop-notices button[data-code='131130']");
        String file = new String(uncheckedRead(b.waitForDownload("one-stop-notice-2024-131130.csv")), StandardCharsets.UTF_8);
        assertTrue(file.contains("渋谷 花子") && file.contains("東京都渋谷区神南1-1") && file.contains("10000"), file);
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    @Test
    void thePortalShowsWhatTheDonationsPaidForWithoutAnyDonor(WebBrowser b) {
        String lg = municipality();
        String base = Municipalities.PATH + "/" + lg;
        String use = api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", "子育て支援").build()).send().expect(201)
                .object().getString("id");
        String donor = donor(lg, "渋谷 花子");
        api.post(base + "/promotion/donations").json(Json.createObjectBuilder().add("donorId", donor).add("receivedOn", "2024-05-01")
                .add("amount", 30_000).add("paymentMethod", "CREDIT_CARD").add("useId", use).build()).send().expect(201);
        api.post(base + "/promotion/use-reports").json(Json.createObjectBuilder().add("fiscalYear", "R6").add("publishedOn", "2025-06-01")
                .add("summary", "寄附で放課後の学びを支えました。").add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("useId", use).add("spent", 25_000).add("text", "放課後学習室の教材")))
                .build()).send().expect(201);
        b.open("/p/" + lg + "/hometown-tax-uses");
        b.waitForText("h1", "ふるさと納税の活用報告");
        b.waitForText("#use-reports", "放課後学習室の教材");
        String page = b.text("#use-reports", true);
        assertTrue(page.contains("令和6年度の活用報告") && page.contains("30,000 円") && page.contains("25,000 円"), page);
        assertFalse(page.contains("渋谷"), "no donor on the portal: " + page);
        b.screenshot("promotion-use-report-portal");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    private static byte[] uncheckedRead(java.nio.file.Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDonorAppliesOnlineAndStaffSeeTheApplicationMaskedThenRevealed(WebBrowser b) {
        String lg = municipality();
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        b.open("/p/" + lg + "/one-stop");
        b.waitForText("h1", "ワンストップ特例の申請");
        assertTrue(b.text("#one-stop-my-number-note", true).contains("マイナンバー"));
        assertEquals(0L, ((Number) b.script("return document.querySelectorAll('input[name*=umber i]').length;")).longValue(),
                "no field for the individual number");
        b.click("#one-stop-send");
        b.waitFor("[data-field=declaresAtMostFive] .field-error:not([hidden])");
        b.type("[data-field=name] input", "渋谷花子").type("[data-field=kana] input", "シブヤハナコ")
                .type("[data-field=postalCode] input", "150-0041").type("[data-field=address] input", "東京都渋谷区神南1-19-11")
                .type("[data-field=residenceName] input", "東京都渋谷区").type("[data-field=residenceCode] input", "131130")
                .type("[data-field=phone] input", "03-0000-1234").type("[data-field='donations[0].amount'] input", "10000");
        b.script("document.querySelector('[data-field=birthDate] input').value = '1985-06-15';"
                + "document.querySelector(\"[data-field='donations[0].donatedOn'] input\").value = '" + today + "';");
        b.click("[data-field=declaresNoTaxReturn] input");
        b.click("[data-field=declaresAtMostFive] input");
        b.click("[data-field=consent] input");
        b.click("#one-stop-send");
        b.waitForText("#one-stop-receipt", "受付番号 W-");
        b.screenshot("promotion-one-stop-portal");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation on the portal");

        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-one-stop']");
        b.waitForText("h1", "ふるさと納税: ワンストップ特例");
        b.waitFor(".paged-list table tbody tr a");
        assertTrue(b.text(".paged-list table tbody", true).contains("オンライン"));
        b.click(".paged-list table tbody tr a");
        b.waitFor("#one-stop-online");
        assertTrue(b.text("#one-stop-status", true).contains("確定申告不要・5団体以内を申告済"), b.text("#one-stop-status", true));
        assertFalse(b.text("#one-stop-online", true).contains("渋谷花子"), "masked");
        assertTrue(b.text("#one-stop-online", true).contains("10,000"), b.text("#one-stop-online", true));
        b.click("#one-stop-reveal");
        b.waitForText("#one-stop-online", "渋谷花子");
        b.screenshot("promotion-one-stop-online");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

}
