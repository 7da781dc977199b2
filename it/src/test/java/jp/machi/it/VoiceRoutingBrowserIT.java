package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * Citizen voices to the end through the console, in a real browser: a staff member registers a
 * petition that came by post (a day in the future is refused next to the field), routes it to a
 * lead unit shared with a co-unit, is told next to the field that reassigning needs a reason, gives
 * one and sees the history; once the answer is approved, the letter answer shows the resident's name
 * and address to print. Screenshots {@code engagement-voice-routing.png}, {@code engagement-voice-letter.png}.
 */
@MachiTest
@BrowserTest
class VoiceRoutingBrowserIT {

    private final Api api;

    VoiceRoutingBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void staffRegisterRouteAndPrintTheLetterAnswer(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        String roads = TaskListIT.unit(api, base, "01", "道路管理課");
        TaskListIT.unit(api, base, "02", "公園緑地課");
        String office = TaskListIT.unit(api, base, "03", "広聴室");
        Api.Account staff = TaskListIT.account(api, base, "STAFF", roads);
        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, staff);
        b.open("/#/" + lg + "/engagement/engagement-voices");
        b.waitFor("details.voice-register-box");
        b.click("details.voice-register-box summary");
        b.select("#voice-register [name=channel]", "PETITION");
        b.script("document.querySelector('#voice-register [name=receivedOn]').value = '2999-01-01';");
        b.type("#voice-register [name=subject]", "通学路の安全対策");
        b.type("#voice-register [name=body]", "通学路に横断歩道を設けてください。");
        b.type("#voice-register [name=name]", "要望 見本");
        b.type("#voice-register [name=address]", "茨城県つくば市（架空）1丁目");
        b.click("#register-voice");
        b.waitForText("[data-field=receivedOn] .field-error", "未来");
        assertEquals("true", b.attribute("#voice-register [name=receivedOn]", "aria-invalid"));
        String day = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(3).toString();
        b.script("document.querySelector('#voice-register [name=receivedOn]').value = arguments[0];", day);
        b.click("#voice-register [name=writtenAnswerRequired]");
        b.click("#register-voice");
        b.waitForText(".voice-register-box [aria-live]", "受付番号");
        JsonObject v = api.get(base + "/engagement/voices").send().expect(200).object().getJsonArray("items")
                .getJsonObject(0);
        assertEquals("PETITION", v.getString("channel"));
        assertTrue(v.getBoolean("writtenAnswerRequired"));
        assertEquals(day, v.getString("receivedAt").substring(0, 10));
        String id = v.getString("id");

        // Routing: lead unit and a co-unit, then a reassignment that needs a reason.
        b.open("/#/" + lg + "/engagement/engagement-voices/" + id);
        b.waitFor("#routing-form");
        assertTrue(b.text("#voice-routing", true).contains("割当の履歴はまだありません"));
        b.select("#routing-form [name=unitId]", roads);
        b.click("#routing-form input[name=coUnitIds][value='" + office + "']");
        b.click("#save-routing");
        b.waitFor("table.routing-history");
        assertTrue(b.text("table.routing-history", true).contains("道路管理課"));
        // Several units share the voice: the co-unit shows in the voice's facts, and in the API's answer.
        b.waitForText(".voice-co-units", "広聴室");
        JsonObject shared = api.get(base + "/engagement/voices/" + id).send().expect(200).object();
        assertEquals("広聴室", shared.getJsonArray("coUnits").getJsonObject(0).getString("name"), shared::toString);
        assertEquals(office, shared.getJsonArray("coUnits").getJsonObject(0).getString("id"));
        b.select("#routing-form [name=unitId]", office);
        b.click("#routing-form input[name=coUnitIds][value='" + office + "']");
        b.click("#save-routing");
        b.waitForText("[data-field=reason] .field-error", "理由");
        assertEquals("true", b.attribute("#routing-form [name=reason]", "aria-invalid"));
        b.type("#routing-form [name=reason]", "全庁的な調整が必要なため");
        b.click("#save-routing");
        b.waitForText("table.routing-history", "全庁的な調整が必要なため");
        String history = b.text("table.routing-history", true);
        assertTrue(history.contains("道路管理課 → 広聴室"), history);
        b.waitForText(".voice-co-units", "なし");
        b.screenshot("engagement-voice-routing");

        // The approved answer's letter.
        String voice = base + "/engagement/voices/" + id;
        Reply current = api.get(voice).send().expect(200);
        JsonObject c = current.object();
        api.put(voice).ifMatch(current.etag()).json(Json.createObjectBuilder().add("channel", "PETITION")
                .add("subject", c.getString("subject")).add("body", c.getString("body")).add("status", "IN_PROGRESS")
                .add("answerDue", c.getString("answerDue")).add("published", false).add("unitId", office)
                .add("answer", "来年度に横断歩道を設置するよう警察に要望します。").build()).send().expect(200);
        Api approver = TaskListIT.user(api, base, "STAFF", null, "engagement.approver");
        Api officeStaff = TaskListIT.user(api, base, "STAFF", office);
        officeStaff.post(voice + "/answer/transitions").ifMatch(api.get(voice).send().expect(200).etag())
                .json("{\"action\":\"submit\"}").send().expect(200);
        approver.post(voice + "/answer/transitions").ifMatch(api.get(voice).send().expect(200).etag())
                .json("{\"action\":\"approve\"}").send().expect(200);
        // Through the list (the same address again would not render the page anew).
        b.open("/#/" + lg + "/engagement/engagement-voices");
        b.waitFor("details.voice-register-box");
        b.open("/#/" + lg + "/engagement/engagement-voices/" + id);
        b.waitFor("#open-letter");
        b.click("#open-letter");
        b.waitFor("#voice-letter");
        String letter = b.text("#voice-letter", true);
        assertTrue(letter.contains("要望 見本 様") && letter.contains("茨城県つくば市（架空）1丁目"), letter);
        assertTrue(letter.contains("来年度に横断歩道を設置するよう警察に要望します。") && letter.contains("令和"), letter);
        assertTrue(letter.contains(c.getString("receiptNumber")), letter);
        assertTrue(b.present("#print-letter"));
        assertEquals(1, ((Number) b.script("return document.querySelectorAll('h1').length;")).intValue());
        b.screenshot("engagement-voice-letter");
    }
}
