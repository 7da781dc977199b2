package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
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
 * The console screen 広報: 記事・番組 in headless Chromium, as a STAFF member: reached from the nav, a
 * new item with a date too far ahead and a non-web address is refused next to those fields and
 * nothing is saved; corrected, it is listed with its channel, unit and wareki fiscal year; the
 * filters and the CSV; the channel's screen shows it among its latest items; deleted after
 * confirmation. Screenshot {@code promotion-pr-contents.png}.
 */
@MachiTest
@BrowserTest
class PrContentScreensIT {

    private final Api api;

    PrContentScreensIT(Api api) {
        this.api = api;
    }

    @Test
    void staffRecordFindExportAndDeleteAnItem(WebBrowser b) throws Exception {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        String base = Municipalities.PATH + "/" + lg;
        String channel = api.post(base + "/promotion/pr-channels").json(Json.createObjectBuilder().add("name", "広報とりで")
                .add("kind", "BULLETIN").add("months", Json.createArrayBuilder()).build()).send().expect(201).object().getString("id");
        api.post(base + "/promotion/pr-channels").json(Json.createObjectBuilder().add("name", "公式X")
                .add("kind", "SNS").add("months", Json.createArrayBuilder()).build()).send().expect(201);
        String unit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "PR01").add("nameJa", "広報戦略課")
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");

        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-pr-contents']");
        b.waitForText("h1", "広報: 記事・番組");
        b.click("#new-pr-content");
        b.waitFor("#pr-content-form");
        assertEquals("タイトル (必須)", b.text("label[for=content-title]", true));
        b.select("#content-channel", channel);
        b.select("#content-published", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(90).toString());
        b.type("#content-title", "特集 市民まつり");
        b.select("#content-unit", unit);
        b.type("#content-url", "javascript:alert(1)");
        b.click("#save-pr-content");
        b.waitFor("#content-url[aria-invalid='true']");
        assertTrue(b.present("#content-published[aria-invalid='true']"), "the date too far ahead is shown at its field");
        assertTrue(b.text("#content-published-error", true).contains("60 日後"), b.text("#content-published-error", true));
        assertFalse(b.present("#content-title[aria-invalid]"), "a correct field shows no error");
        assertEquals(0, api.get(base + "/promotion/pr-contents").send().expect(200).object().getInt("totalItems"), "nothing was saved");

        b.select("#content-published", "2024-06-01");
        b.type("#content-url", "https://www.city.example.jp/kouhou/2024-06.html");
        b.click("#save-pr-content");
        b.waitFor(".paged-list table tbody tr th a, .paged-list table tbody tr td a");
        List<String> row = b.texts(".paged-list table tbody tr td");
        String page = String.valueOf(b.script("return document.querySelector('.paged-list').innerText;"));
        assertTrue(page.contains("特集 市民まつり") && page.contains("広報とりで (広報紙)") && page.contains("広報戦略課")
                && page.contains("令和6年度") && page.contains("2024-06-01"), page + " / " + row);
        b.screenshot("promotion-pr-contents");

        b.select("#filter-kind", "SNS");
        b.waitForScript("the list filtered to SNS", "return !document.querySelector('.paged-list').innerText.includes('特集 市民まつり');");
        b.select("#filter-kind", "");
        b.waitForText(".paged-list", "特集 市民まつり");
        b.click(".paged-list .csv");
        String csv = new String(java.nio.file.Files.readAllBytes(b.waitForDownload("pr-contents-" + lg + ".csv")), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF発信日,年度,タイトル") && csv.contains("2024-06-01,令和6年度,特集 市民まつり,広報とりで,広報紙,広報戦略課"), csv);

        // The channel's screen lists its latest items.
        b.open("/#/" + lg + "/promotion/promotion-pr-channels/" + channel);
        b.waitForText("#pr-latest-items li", "特集 市民まつり");
        assertTrue(b.text("#pr-latest-items", true).contains("広報戦略課"), b.text("#pr-latest-items", true));
        b.click("#pr-latest-items li a");
        b.waitFor("#delete-pr-content");
        assertEquals("特集 市民まつり", b.attribute("#content-title", "value"));
        b.script("window.confirm = () => true;");
        b.click("#delete-pr-content");
        b.waitFor(".paged-list table");
        b.waitForScript("the item gone", "return !document.querySelector('.paged-list').innerText.includes('特集 市民まつり');");
        assertEquals(0, api.get(base + "/promotion/pr-contents").send().expect(200).object().getInt("totalItems"));
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusals (400) as failed loads.
        assertEquals(List.of(), b.consoleErrors().stream()
                .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 400")).toList(), "no script error, no CSP violation");
    }
}
