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
 * The migration console screen and the vacant-house bank's portal page in headless Chromium: a
 * consultation recorded with a follow-up row is shown masked until revealed; a published property
 * is on the portal page with its rent and layout, its photo and caption, and without its owner; staff
 * add a photo with a caption on the property's console page and see it. Screenshots
 * {@code promotion-migration-consultation.png}, {@code promotion-vacant-house-bank.png},
 * {@code promotion-vacant-house-photos.png}.
 */
@MachiTest
@BrowserTest
class PromotionPeopleScreensIT {

    private final Api api;

    PromotionPeopleScreensIT(Api api) {
        this.api = api;
    }

    private String municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        return lg;
    }

    private static List<String> errors(WebBrowser b) {
        // Chromium logs the session check before sign-in (401) and the API's deliberate refusals (400) as failed loads.
        return b.consoleErrors().stream().filter(e -> !(e.contains("/api/v1/session ") && e.contains("401")))
                .filter(e -> !e.contains(" 400")).toList();
    }

    @Test
    void aConsultationWithAFollowUpIsShownMaskedUntilRevealed(WebBrowser b) {
        String lg = municipality();
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-migration-consultations']");
        b.waitForText("h1", "移住・定住: 移住相談");
        b.click("#new-consultation");
        b.waitFor("#consultation-form");
        assertEquals("相談日 (必須)", b.text("label[for=consultation-day]", true));
        b.select("#consultation-day", "2024-06-10");
        b.select("#consultation-channel", "ONLINE");
        b.type("#consultation-name", "須坂花子").type("#consultation-residence", "東京都世田谷区太子堂1丁目")
                .type("#consultation-email", "hanako@example.jp").type("#consultation-household-size", "3")
                .type("#consultation-household", "夫婦と子ども1人");
        b.click("#interest-housing");
        b.click("#add-follow-up");
        b.waitFor("#follow-up-rows fieldset.follow-up");
        b.select("#follow-up-rows fieldset.follow-up input[name=followedOn]", "2024-06-20");
        b.select("#follow-up-rows fieldset.follow-up select[name=followChannel]", "EMAIL");
        b.type("#follow-up-rows fieldset.follow-up textarea[name=note]", "空き家バンクの情報を送付");
        b.click("#save-consultation");
        b.waitFor("#consultation-person");
        String masked = b.text("#consultation-person", true);
        assertFalse(masked.contains("須坂花子") || masked.contains("太子堂"), masked);
        assertTrue(masked.contains("須＊＊＊"), masked);
        assertTrue(b.text("#follow-ups", true).contains("2024-06-20 メール: 空き家バンクの情報を送付"), b.text("#follow-ups", true));
        b.click("#reveal-consultation");
        b.waitForText("#consultation-person", "須坂花子");
        assertTrue(b.text("#consultation-person", true).contains("東京都世田谷区太子堂1丁目"));
        b.screenshot("promotion-migration-consultation");

        b.open("/#/" + lg + "/promotion/promotion-migration-consultations");
        b.waitFor(".paged-list table tbody tr th a");
        List<String> cells = b.texts(".paged-list table tbody tr td");
        assertTrue(cells.contains("令和6年度") && cells.contains("オンライン") && cells.contains("住まい"), cells::toString);
        assertFalse(String.join(" ", cells).contains("須坂花子"));
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    @Test
    void aPublishedPropertyIsOnThePortalPageWithoutItsOwner(WebBrowser b) {
        String lg = municipality();
        String base = Municipalities.PATH + "/" + lg;
        Api registrar = CollaborationPartnerIT.user(api, base, "STAFF", "promotion.vacant-house-registrar");
        String houses = base + "/promotion/vacant-houses";
        String id = registrar.post(houses).json(VacantHouseIT.house("豊丘の古民家").build()).send().expect(201).object().getString("id");
        for (String action : List.of("survey", "register", "publish")) {
            Reply now = api.get(houses + "/" + id).send().expect(200);
            registrar.post(houses + "/" + id + "/workflow/transitions").ifMatch(now.etag())
                    .json(Json.createObjectBuilder().add("action", action).build()).send().expect(200);
        }
        registrar.post(houses + "/" + id + "/attachments?fileName=gaikan.jpg&caption=" + VacantHousePhotoIT.q("南側の外観"))
                .ifMatch(api.get(houses + "/" + id).send().expect(200).etag())
                .body(VacantHousePhotoIT.jpegWithExif(), "image/jpeg").send().expect(201);
        JsonObject unpublished = registrar.post(houses).json(VacantHouseIT.house("まだ公開していない家").build()).send().expect(201).object();

        b.open("/p/" + lg + "/vacant-house-bank");
        b.waitForText("h1", "空き家バンク");
        b.waitForText("#vacant-houses", "豊丘の古民家");
        String page = b.text("#vacant-houses", true);
        assertTrue(page.contains("45,000 円") && page.contains("5DK") && page.contains("須坂市 豊丘地区") && page.contains("132.5 ㎡"), page);
        assertFalse(page.contains(VacantHouseIT.OWNER) || page.contains("空＊") || page.contains(VacantHouseIT.OWNER_EMAIL)
                || page.contains(unpublished.getString("title")), page);
        assertTrue(page.contains("南側の外観"), "the photo's caption: " + page);
        b.waitForScript("the photo shown", "const i = document.querySelector('#vacant-houses figure img');"
                + " return i && i.complete && i.naturalWidth === 16 && i.alt === '南側の外観';");
        b.screenshot("promotion-vacant-house-bank");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    @Test
    void staffAddAPhotoWithACaptionOnThePropertysPage(WebBrowser b) {
        String lg = municipality();
        String houses = Municipalities.PATH + "/" + lg + "/promotion/vacant-houses";
        Api.Account account = api.newUser("STAFF", lg);
        String id = api.post(houses).json(VacantHouseIT.house("写真を載せる家").build()).send().expect(201).object().getString("id");
        ConsoleIT.signIn(b, account);
        b.open("/#/" + lg + "/promotion/promotion-vacant-houses/" + id);
        b.waitForText("#vacant-house-photos", "写真はまだありません");
        b.script("const dt = new DataTransfer();"
                + " const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
                + " dt.items.add(new File([bytes], 'gaikan.jpg', {type: 'image/jpeg'}));"
                + " document.querySelector('#vh-photo-file').files = dt.files;",
                java.util.Base64.getEncoder().encodeToString(VacantHousePhotoIT.jpegWithExif()));
        b.type("#vh-photo-caption", "南側の外観");
        b.click("#vh-add-photo");
        b.waitForText("#vacant-house-photos", "写真を追加しました");
        assertEquals("南側の外観", b.attribute("#vh-photo-caption-0", "value"));
        b.waitForScript("the thumbnail shown", "const i = document.querySelector('#vh-photo-list img');"
                + " return i && i.complete && i.naturalWidth === 16;");
        JsonObject listed = api.get(houses + "/" + id + "/attachments").send().expect(200).object();
        assertEquals(1, listed.getJsonArray("photos").size());
        assertEquals(ConsoleIT.AUDIT_PASSED, b.script(ConsoleIT.AUDIT), "one heading, every control labelled");
        b.screenshot("promotion-vacant-house-photos");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }

    @Test
    void aSeekerRegistersOnThePortalAndStaffRegisterThemOnTheConsole(WebBrowser b) {
        String lg = municipality();
        b.open("/p/" + lg + "/vacant-house-seeker");
        b.waitForText("h1", "空き家バンク 利用登録");
        b.click("#house-seeker-send");
        b.waitFor("[data-field=consent] .field-error:not([hidden])");
        b.type("[data-field=name] input", "須坂花子").type("[data-field=kana] input", "すざかはなこ")
                .type("[data-field=email] input", "hanako@example.jp").type("[data-field=wishedArea] input", "豊丘地区")
                .type("[data-field=budget] input", "50000").type("[data-field=moveIn] input", "令和9年春");
        b.select("[data-field=dealType] select", "RENT");
        b.click("[data-field=consent] input");
        b.click("#house-seeker-send");
        b.waitForText("#house-seeker-receipt", "受付番号 H-");
        b.screenshot("promotion-vacant-house-seeker");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation on the portal");

        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.click("#nav a[data-nav='promotion/promotion-house-seekers']");
        b.waitForText("h1", "空き家バンク: 利用登録者");
        b.waitFor(".paged-list table tbody tr a");
        String row = b.text(".paged-list table tbody", true);
        assertTrue(row.contains("豊丘地区") && row.contains("申込受付") && row.contains("50,000 円"), row);
        assertFalse(row.contains("須坂花子"), row);
        b.click(".paged-list table tbody tr a");
        b.waitFor("#approve-seeker");
        assertEquals(ConsoleIT.AUDIT_PASSED, b.script(ConsoleIT.AUDIT), "one heading, every control labelled");
        assertFalse(b.text("#house-seeker-person", true).contains("須坂花子"));
        b.click("#reveal-seeker");
        b.waitForText("#house-seeker-person", "須坂花子");
        b.click("#approve-seeker");
        b.waitForText("#house-seeker-state", "登録済");
        // 登録の更新 from the registered seeker's page (If-Match from the page): announced with the new last day, still
        // registered.
        b.waitFor("#renew-seeker");
        b.click("#renew-seeker");
        b.waitForText("#status", "登録を更新しました");
        b.waitForText("#house-seeker-state", "登録済");
        b.waitFor("#renew-seeker");
        assertEquals(ConsoleIT.AUDIT_PASSED, b.script(ConsoleIT.AUDIT), "one heading, every control labelled");
        b.screenshot("promotion-house-seekers");
        assertEquals(List.of(), errors(b), "no script error, no CSP violation");
    }
}
