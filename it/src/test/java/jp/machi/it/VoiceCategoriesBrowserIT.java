package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * 市民の声の分類・Open311 in headless Chromium: a municipality administrator adds a category (a bad
 * code gets the API's error next to the field, `aria-invalid`, nothing written), opens it to
 * Open311, changes it and loses a race (412 notice, reload); issues an Open311 key whose secret is
 * shown once and works for a POST, then revokes it (the next POST 403). The portal's form, on a
 * phone, offers the active category, and the voice sent with it carries it for staff, whose list
 * filters by it. In English the screen's heading and buttons are English. One h1, labelled controls.
 * Screenshot {@code engagement-voice-categories.png}.
 */
@MachiTest
@BrowserTest
class VoiceCategoriesBrowserIT {

    private final Api api;

    VoiceCategoriesBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void administratorsKeepCategoriesAndKeysResidentsChooseOne(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Api.Account admin = api.newUser("MUNICIPALITY_ADMIN", lg);
        String screen = "/#/" + lg + "/engagement/engagement-voice-categories";

        ConsoleIT.signIn(b, admin);
        b.open(screen);
        b.waitForText("h1", "市民の声の分類・Open311");
        b.waitFor("#open311-keys table");
        b.click("#new-category");
        b.type("#category-form [name=code]", "道路 公園");
        b.type("#category-form [name=nameJa]", "道路・公園");
        b.type("#category-form [name=nameEn]", "Roads and parks");
        b.click("#save-category");
        b.waitFor("[data-field=code] .field-error:not([hidden])");
        assertEquals("true", b.attribute("#category-form [name=code]", "aria-invalid"));
        assertEquals(0, api.get(VoiceCategoryIT.categories(lg)).send().expect(200).object().getInt("totalItems"));
        b.type("#category-form [name=code]", "road-park");
        b.click("#category-form [name=open311]");
        b.click("#save-category");
        b.waitForText(".category-result", "道路・公園");
        b.waitForText("table.list td", "道路・公園");
        JsonObject saved = api.get(VoiceCategoryIT.categories(lg)).send().expect(200).object().getJsonArray("items")
                .getJsonObject(0);
        assertEquals("road-park", saved.getString("code"));
        assertTrue(saved.getBoolean("open311"));

        // A race lost: someone saved first; the notice and the reload.
        b.click("button.edit-category");
        b.waitFor("#category-form");
        String path = VoiceCategoryIT.categories(lg) + "/" + saved.getString("id");
        Reply current = api.get(path).send().expect(200);
        api.put(path).ifMatch(current.etag()).json(VoiceCategoryIT.category("road-park", "道路・橋", 10)
                .add("open311", true).build()).send().expect(200);
        b.type("#category-form [name=nameJa]", "道路・河川");
        b.click("#save-category");
        b.waitFor("#category-form .conflict");
        b.click("#category-form .conflict button.reload");
        b.waitForText("#category-form h2", "道路・橋");
        b.screenshot("engagement-voice-categories");
        assertEquals(1L, ((Number) b.script("return document.querySelectorAll('h1').length;")).longValue());
        assertEquals(0L, ((Number) b.script("return [...document.querySelectorAll('main input, main select, main textarea')]"
                + ".filter((e) => e.type !== 'hidden' && !(e.id && document.querySelector('label[for=\"' + e.id + '\"]'))"
                + " && !e.getAttribute('aria-label')).length;")).longValue(), "every control labelled");

        // An Open311 key: shown once, works, revoked.
        b.type("#open311-key-form [name=name]", "道路通報アプリ");
        b.click("#issue-key");
        b.waitForText(".open311-api-key", "o311_");
        String secret = String.valueOf(b.script("return document.querySelector('.open311-api-key').textContent;"));
        assertTrue(secret.startsWith("o311_"), secret);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("jurisdiction_id", lg);
        f.put("api_key", secret);
        f.put("service_code", "road-park");
        f.put("address_string", "駅前");
        f.put("description", "街路樹の枝が歩道にはみ出しています。");
        api.anonymous().post(Open311IT.BASE + "requests.json").body(Open311IT.form(f),
                "application/x-www-form-urlencoded").send().expect(201);
        b.waitForText("#open311-keys button.revoke-key", "道路通報アプリ");
        b.click("#open311-keys button.revoke-key");
        b.waitForText("#open311-keys td", "失効");
        assertEquals(403, api.anonymous().post(Open311IT.BASE + "requests.json").body(Open311IT.form(f),
                "application/x-www-form-urlencoded").send().status());
        b.reload();
        assertFalse(String.valueOf(b.script("return document.body.innerText;")).contains(secret),
                "the secret is never shown again");

        // English.
        b.click("#lang-switch");
        b.waitForText("h1", "Voice categories and Open311");
        b.waitForText("#open311-keys h2", "Open311 API keys");

        // The portal's form offers the active category; the voice carries it.
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-published-voices");
        b.waitFor("form.voice-form [name=categoryId]");
        String options = String.valueOf(b.script("return [...document.querySelectorAll("
                + "'form.voice-form [name=categoryId] option')].map((o) => o.textContent).join('|');"));
        // The language chosen in the console is remembered: the English name the category has now.
        assertEquals("Not chosen|road-park (en)", options);
        b.select("form.voice-form [name=categoryId]", saved.getString("id"));
        b.type("form.voice-form [name=subject]", "歩道の段差");
        b.type("form.voice-form [name=body]", "駅前の歩道に段差があります。");
        b.click("form.voice-form button.send");
        b.waitFor(".voice-receipt .receipt-number");
        List<JsonObject> voices = api.get(Municipalities.PATH + "/" + lg + "/engagement/voices?categoryId="
                + saved.getString("id")).send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("OPEN311", "WEB_FORM"), voices.stream().map(v -> v.getString("channel")).sorted().toList());
    }
}
