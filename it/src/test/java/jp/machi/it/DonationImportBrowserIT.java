package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The donation import screen in headless Chromium, as a STAFF member: a portal site's column
 * mapping is added on the screen, a file with an error is refused naming its row and column and
 * nothing is written, the corrected file is checked (dry run: counts, the donor masked) and then
 * imported. Screenshots {@code promotion-donation-import-*.png}.
 */
@MachiTest
@BrowserTest
class DonationImportBrowserIT {

    private final Api api;

    DonationImportBrowserIT(Api api) {
        this.api = api;
    }

    private static void chooseFile(WebBrowser b, String css, String name, String content) {
        b.waitFor(css);
        b.script("const dt = new DataTransfer(); dt.items.add(new File([arguments[1]], arguments[2], {type: 'text/csv'}));"
                + " const i = document.querySelector(arguments[0]); i.files = dt.files;"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", css, content, name);
    }

    @Test
    void aSiteIsMappedAFileWithAnErrorIsRefusedAndTheCorrectedOneCheckedAndImported(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        String base = Municipalities.PATH + "/" + lg;
        api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", "子育て支援").build()).send()
                .expect(201);
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-donation-import']");
        b.waitForText("h1", "ふるさと納税: 寄附の取込");
        b.click("#new-site");
        b.waitFor("#site-form");
        b.type("#site-name", "ふるさとチョイス").type("#site-col-orderId", "受付番号").type("#site-col-receivedOn", "入金日")
                .type("#site-col-amount", "寄附金額").type("#site-col-name", "寄附者氏名").type("#site-col-use", "寄附金の使い道");
        b.click("#save-site");
        b.waitFor("#import-form");
        b.waitForText("#import-site", "ふるさとチョイス");

        String header = "受付番号,入金日,寄附金額,寄附者氏名,寄附金の使い道\n";
        chooseFile(b, "#import-file", "choice.csv", header + "C-1,2024/10/01,10000,周南一郎,子育て支援\nC-2,2024/10/02,十円,徳山花子,\n");
        b.click("#import-run");
        b.waitFor("#import-errors");
        List<String> errors = b.texts("#import-errors tbody tr td");
        assertTrue(errors.stream().anyMatch(t -> t.startsWith("3 行目「寄附金額」列: 「十円」")), errors::toString);
        b.screenshot("promotion-donation-import-rejected");
        assertEquals(0, api.get(base + "/promotion/donations").send().expect(200).object().getInt("totalItems"), "nothing written");

        chooseFile(b, "#import-file", "choice.csv", header + "C-1,2024/10/01,10000,周南一郎,子育て支援\nC-2,2024/10/02,20000,徳山花子,\n");
        b.click("#import-dry-run");
        b.waitForText("#import-report-heading", "確認の結果");
        String facts = b.text("#import-result dl", true);
        assertTrue(facts.contains("30,000 円"), facts);
        List<String> cells = b.texts("#import-rows tbody tr td");
        assertTrue(cells.contains("周＊＊＊") && cells.contains("新規") && cells.contains("新しい寄附者"), cells::toString);
        assertFalse(String.join(" ", cells).contains("周南一郎"), "the donor's name is masked");
        b.screenshot("promotion-donation-import-dry-run");
        assertEquals(0, api.get(base + "/promotion/donations").send().expect(200).object().getInt("totalItems"));

        b.click("#import-run");
        b.waitForText("#import-report-heading", "取り込みました");
        assertTrue(b.text("#import-result", true).contains("2 件の寄附を取り込みました。"));
        assertEquals(2, api.get(base + "/promotion/donations").send().expect(200).object().getInt("totalItems"));
        b.click("#import-donations-link");
        b.waitFor(".paged-list table tbody tr th a");
        assertTrue(b.texts(".paged-list table tbody tr td").contains("ふるさとチョイス"));
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusals (422) as failed loads.
        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 422")).toList(), "no script error, no CSP violation");
    }
}
