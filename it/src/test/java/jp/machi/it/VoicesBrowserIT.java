package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * Citizen voices (市民の声) through the screens, in a real browser (headless Chromium): a resident
 * sends a voice on the portal at a phone's width (the form's hints, then the API's field errors next
 * to the fields) and gets a receipt number and answer deadline, never an echo of their data; staff
 * see it masked in the console's list, reveal it on purpose (a viewer is refused with the API's
 * message), assign a unit and answer it (the API's field errors next to the fields, a lost race's
 * 412 with its reload offer), submit the answer for approval; an approver is told a return needs a
 * reason and approves it (回答の決裁, with its history); the division publishes it; the portal's published list shows the answer and no personal
 * data anywhere in the rendered text or in any response the page loaded; the engagement entry of
 * the console's navigation goes away when the module is disabled. The municipality administrator
 * sets the retention period, exports a resident's data (table and CSV) and anonymises now on the
 * personal-data page. Screenshots: {@code it/target/screenshots-<db>/engagement-*.png},
 * {@code portal-voices*.png}, {@code personal-data.png} (copied to {@code docs/screenshots/}).
 */
@MachiTest
@BrowserTest
class VoicesBrowserIT {

    static final AtomicInteger SEQ = new AtomicInteger();

    private final Api api;

    VoicesBrowserIT(Api api) {
        this.api = api;
    }

    /** Values unique to this run, so finding one anywhere is a leak. */
    record Resident(String name, String address, String phone, String phoneDigits, String email) {
        static Resident fresh() {
            int n = SEQ.incrementAndGet();
            String tail = String.format("%04d", (System.nanoTime() / 1000 + n) % 10000);
            String mid = String.format("%04d", (System.nanoTime() / 7 + n * 31L) % 10000);
            return new Resident("画面山田" + (char) ('一' + n % 20) + "子", "茨城県つくば市研究学園" + n + "丁目" + tail + "番",
                    "090-" + mid + "-" + tail, "090" + mid + tail, "voice-ui-" + System.nanoTime() + "@example.jp");
        }

        List<String> values() {
            return List.of(name, address, phone, phoneDigits, email);
        }
    }

    private static void assertNoneOf(Resident r, String text, String where) {
        for (String v : r.values()) {
            assertFalse(text.contains(v), () -> where + " shows " + v + ": " + text);
        }
    }

    private static String voicesPath(String lg) {
        return Municipalities.PATH + "/" + lg + "/engagement/voices";
    }

    private String unit(String lg, String code, String name) {
        return api.post(Municipalities.PATH + "/" + lg + "/organization-units").json(Json.createObjectBuilder()
                .add("code", code).add("nameJa", name).add("kind", "DIVISION").add("validFrom", "2024-04-01").build())
                .send().expect(201).object().getString("id");
    }

    /** Puts the account in the unit (staff of the unit drafts its voices' answers). */
    private void inUnit(String lg, Api.Account account, String unitId) {
        String url = Municipalities.PATH + "/" + lg + "/users/" + account.id();
        Reply u = api.get(url).send().expect(200);
        api.put(url).ifMatch(u.etag()).json(Json.createObjectBuilder().add("displayName", u.object().getString("displayName"))
                .add("role", account.role()).add("unitId", unitId).add("active", true).build()).send().expect(200);
    }

    private static void field(WebBrowser b, String name, String value) {
        b.type("form.voice-form [name=" + name + "]", value);
    }

    /** Every response the page loaded (document, scripts, styles, API), fetched again without cookies. */
    private List<String> pageResponses(WebBrowser b) {
        String joined = String.valueOf(b.script("return [location.href].concat("
                + "performance.getEntriesByType('resource').map(e => e.name)).join('\\n');"));
        List<String> urls = List.of(joined.split("\n"));
        Api anonymous = api.anonymous();
        List<String> bodies = new ArrayList<>();
        for (String u : urls) {
            URI uri = URI.create(u);
            if (!uri.getHost().equals(b.base().getHost()) || uri.getPort() != b.base().getPort()) {
                continue;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Reply r = anonymous.get(path).send();
            bodies.add(path + " → " + r.status() + "\n" + r.text());
        }
        return bodies;
    }

    @Test
    void aResidentSendsAVoiceOnThePortalAndStaffAnswerAndPublishIt(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String road = unit(lg, "R1", "道路管理課");
        Resident r = Resident.fresh();

        // ---- the resident, on a phone ------------------------------------------------------
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-published-voices");
        b.waitForText("h1", "市民の声");
        b.waitForText(".portal-page p[role=status]", "まだありません");
        b.waitFor("form.voice-form");
        assertEquals("件名（必須）", b.text("label[for=" + b.attribute("form.voice-form [name=subject]", "id") + "]", true));
        // Hints before sending: the empty required fields, next to them.
        b.click("form.voice-form button.send");
        b.waitForText("[data-field=subject] .field-error", "入力してください");
        assertEquals("true", b.attribute("form.voice-form [name=body]", "aria-invalid"));
        field(b, "subject", "通学路の歩道の段差");
        field(b, "body", "通学路の歩道に大きな段差があり、車いすやベビーカーで通れません。");
        b.select("form.voice-form [name=category]", "道路・交通");
        field(b, "name", r.name());
        field(b, "address", r.address());
        field(b, "phone", "12");
        field(b, "email", r.email());
        b.click("form.voice-form [name=wantsReply]");
        // The API's field error (a phone number too short), next to the phone field.
        b.click("form.voice-form button.send");
        b.waitForText("[data-field=phone] .field-error", "電話番号");
        assertEquals("true", b.attribute("form.voice-form [name=phone]", "aria-invalid"));
        assertFalse(b.present("[data-field=subject] .field-error:not([hidden])"), "only the phone is wrong");
        assertEquals(0, api.get(voicesPath(lg)).send().expect(200).object().getInt("totalItems"), "a refusal writes nothing");
        b.script("document.querySelector('form.voice-form [name=phone]').value = '';");
        field(b, "phone", r.phone());
        b.screenshot("portal-voices-form");
        // Public intake: a honeypot people never see or reach, and a form token sent as Idempotency-Key.
        assertEquals("-1", b.attribute("form.voice-form [name=website]", "tabindex"));
        assertEquals("off", b.attribute("form.voice-form [name=website]", "autocomplete"));
        // Out of the accessibility tree (an aria-hidden wrapper) and of sight: the wrapper is a clipped 1 px box.
        assertEquals(Boolean.TRUE, b.script("const w = document.querySelector('form.voice-form [name=website]')"
                + ".closest('[aria-hidden=true]'); return w !== null && w.getBoundingClientRect().width <= 1"
                + " && w.getBoundingClientRect().height <= 1 && getComputedStyle(w).overflow === 'hidden';"),
                "the honeypot is out of sight and of the accessibility tree");
        String token = String.valueOf(b.script("return document.querySelector('form.voice-form [name=formToken]').value;"));
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        b.click("form.voice-form button.send");
        b.waitForText(".voice-receipt .receipt-number", "V-");
        String receipt = b.text(".voice-receipt .receipt-number", true);
        assertTrue(receipt.matches("V-R\\d+-\\d{6}"), receipt);
        String shown = b.text(".voice-receipt", true);
        assertTrue(shown.contains("回答期限"), shown);
        assertNoneOf(r, String.valueOf(b.script("return document.body.innerText;")), "the page after sending");
        assertEquals("", b.script("return document.querySelector('form.voice-form [name=name]').value;"), "the form is emptied");
        assertNotEquals(token, b.script("return document.querySelector('form.voice-form [name=formToken]').value;"),
                "the next voice gets a new form token");
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-voices-receipt");
        JsonObject listed = api.get(voicesPath(lg)).send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals(receipt, listed.getString("receiptNumber"));
        String id = listed.getString("id");
        String maskedName = listed.getString("senderName");
        assertFalse(maskedName.equals(r.name()), maskedName);
        assertEquals(b.text(".voice-receipt .answer-due", true).replaceAll("[年月]", "-").replace("日", ""),
                dayWithoutPadding(listed.getString("answerDue")));

        // ---- staff: the list, masked; the voice; reveal on purpose ------------------------
        b.windowSize(1280, 900);
        Api.Account staff = api.newUser("STAFF", lg);
        inUnit(lg, staff, road);
        ConsoleIT.signIn(b, staff);
        // A letter staff registered 60 days ago: past its 40-day deadline.
        Api staffApi = api.signIn(staff.login(), staff.password());
        String letter = staffApi.post(voicesPath(lg)).json(Json.createObjectBuilder().add("channel", "LETTER")
                .add("receivedOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(60).toString())
                .add("category", "環境・ごみ").add("subject", "ごみ集積所の場所").add("body", "集積所を移してほしい。").build())
                .send().expect(201).object().getString("receiptNumber");
        b.click("#nav a[data-nav='engagement/engagement-voices']");
        b.waitForText(".list-status", "2 件中 1〜2 件");
        b.select("select[name=overdue]", "true");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        String overdueRow = b.text("table.list tbody tr", true);
        assertTrue(overdueRow.contains(letter) && overdueRow.contains("期限超過"), overdueRow);
        assertEquals("rgb(179, 38, 30)", b.script("return getComputedStyle(document.querySelector("
                + "'table.list .voice-overdue .rating')).backgroundColor;"), "overdue: red, and said in words");
        b.select("select[name=overdue]", "false");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        String table = b.text("table.list tbody", true);
        assertTrue(table.contains(receipt) && table.contains(maskedName) && table.contains("未割当"), table);
        assertNoneOf(r, String.valueOf(b.script("return document.body.innerText;")), "the console's list");
        b.select("select[name=status]", "CLOSED");
        b.waitForText(".list-status", "0 件中");
        b.select("select[name=status]", "");
        b.select("select[name=overdue]", "");
        b.waitForText(".list-status", "2 件中");
        b.screenshot("engagement-voices");
        b.clickText("a.voice-link", receipt);
        b.waitForText("h1", receipt);
        assertTrue(b.text("#voice-sender", true).contains("マスク済み"), b.text("#voice-sender", true));
        assertNoneOf(r, String.valueOf(b.script("return document.body.innerText;")), "the voice before revealing");
        b.click("#reveal-personal-data");
        b.waitForText("#voice-sender", r.name());
        String sender = b.text("#voice-sender", true);
        assertTrue(sender.contains(r.email()) && sender.contains(r.phone()) && sender.contains(r.address()), sender);
        b.waitForText(".reveal-result", "監査記録");

        // Answer and publish at once: the API refuses publishing without a summary and marking it answered
        // before its approval (回答の決裁), next to the fields.
        b.select("#voice-form select[name=unitId]", unitIdByName(lg, "道路管理課"));
        b.select("#voice-form select[name=status]", "ANSWERED");
        b.type("#voice-form [name=answer]", "段差を解消する工事を来年度に行います。");
        b.click("#voice-form [name=published]");
        b.click("#save-voice");
        b.waitForText("[data-field=published] .field-error", "要旨");
        b.waitForText("[data-field=status] .field-error", "決裁");
        b.type("#voice-form [name=publishedSummary]", "通学路の歩道の段差を解消してほしいというご意見");
        // Someone else saves first: 412, the reload offer.
        Reply current = api.get(voicesPath(lg) + "/" + id).send().expect(200);
        JsonObject v = current.object();
        api.put(voicesPath(lg) + "/" + id).ifMatch(current.etag()).json(Json.createObjectBuilder()
                .add("channel", v.getString("channel")).add("category", v.getString("category"))
                .add("subject", v.getString("subject")).add("body", v.getString("body")).add("status", "IN_PROGRESS")
                .add("answerDue", v.getString("answerDue")).add("published", false).build()).send().expect(200);
        b.click("#save-voice");
        b.waitForText(".conflict", "ほかの人が先に");
        b.click(".conflict button.reload");
        b.waitForText("#voice-form", "対応");
        b.waitForScript("the reloaded status", "return document.querySelector('#voice-form select[name=status]').value === 'IN_PROGRESS';");
        // The division drafts the answer and submits it for approval.
        b.select("#voice-form select[name=unitId]", unitIdByName(lg, "道路管理課"));
        b.type("#voice-form [name=answer]", "段差を解消する工事を来年度に行います。");
        b.click("#save-voice");
        b.waitForText(".notice", "保存しました");
        b.waitForText("#answer-approval .answer-state", "起案中");
        assertFalse(b.present("#answer-approve"), "the division does not approve its own answer");
        b.click("#answer-submit");
        b.waitForText(".notice", "決裁に回す");
        b.waitForText("#answer-approval .answer-state", "決裁待ち");
        assertEquals(Boolean.TRUE, b.script("return document.querySelector('#voice-form [name=answer]').readOnly;"),
                "the submitted answer is not edited");

        // The approver: returning needs a reason (the API's message next to the comment), then approves.
        b.click("#sign-out");
        b.waitFor("#login");
        Api.Account approver = api.newUser("STAFF", lg);
        String approverUrl = Municipalities.PATH + "/" + lg + "/users/" + approver.id();
        api.put(approverUrl + "/module-roles").ifMatch(api.get(approverUrl).send().expect(200).etag())
                .json("{\"moduleRoles\":[\"engagement.approver\"]}").send().expect(200);
        ConsoleIT.signIn(b, approver);
        b.open("/#/" + lg + "/engagement/engagement-voices/" + id);
        b.waitForText("#answer-approval .answer-state", "決裁待ち");
        assertFalse(b.present("#answer-submit"), "nothing to submit now");
        b.click("#answer-return");
        b.waitForText("#answer-approval [data-field=comment] .field-error", "理由");
        assertEquals("決裁待ち", b.text("#answer-approval .answer-state", true), "a refusal changes nothing");
        b.click("#answer-approve");
        b.waitForText(".notice", "承認する");
        b.waitForText("#answer-approval .answer-state", "決裁済み");
        String history = b.text("table.answer-history", true);
        assertTrue(history.contains("決裁に回す") && history.contains("承認する") && history.contains(staff.login())
                && history.contains(approver.login()) && history.contains("起案中 → 決裁待ち"), history);
        assertTrue(b.text("dl.facts", true).contains("回答済"), "approved: answered");
        b.script("document.querySelector('#answer-approval').scrollIntoView();");
        b.screenshot("engagement-voice-approval");
        b.click("#sign-out");
        b.waitFor("#login");

        // The division publishes the approved answer with its summary.
        ConsoleIT.signIn(b, staff);
        b.open("/#/" + lg + "/engagement/engagement-voices/" + id);
        b.waitForText("#answer-approval .answer-state", "決裁済み");
        b.click("#voice-form [name=published]");
        b.type("#voice-form [name=publishedSummary]", "通学路の歩道の段差を解消してほしいというご意見");
        b.click("#save-voice");
        b.waitForText(".notice", "保存しました");
        String facts = b.text("dl.facts", true);
        assertTrue(facts.contains("回答済") && facts.contains("道路管理課") && facts.contains("公開中"), facts);
        assertTrue(b.text("#voice-sender", true).contains("マスク済み"), "after saving, masked again");
        b.script("window.scrollTo(0, 0);");
        b.screenshot("engagement-voice");
        JsonObject saved = api.get(voicesPath(lg) + "/" + id).send().expect(200).object();
        assertEquals("ANSWERED", saved.getString("status"));
        assertTrue(saved.getBoolean("published"));

        // ---- a viewer is refused the reveal, with the API's message -------------------------
        b.click("#sign-out");
        b.waitFor("#login");
        Api.Account viewer = api.newUser("VIEWER", lg);
        ConsoleIT.signIn(b, viewer);
        b.open("/#/" + lg + "/engagement/engagement-voices/" + id);
        b.waitForText("h1", receipt);
        assertFalse(b.present("#voice-form"), "a viewer does not handle voices");
        b.click("#reveal-personal-data");
        Reply refused = api.signIn(viewer.login(), viewer.password()).get(voicesPath(lg) + "/" + id + "?reveal=personal-data")
                .send();
        assertEquals(403, refused.status(), refused::toString);
        b.waitForText(".reveal-result .notice-error", refused.object().getString("detail"));
        assertNoneOf(r, String.valueOf(b.script("return document.body.innerText;")), "the viewer's page");
        b.click("#sign-out");
        b.waitFor("#login");

        // ---- the portal: the answer, and no personal data anywhere ----------------------------
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-published-voices");
        b.waitForText(".machi-voices", "段差を解消する工事を来年度に行います。");
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertTrue(page.contains("通学路の歩道の段差を解消してほしいというご意見") && page.contains("道路管理課"), page);
        assertNoneOf(r, page, "the portal's rendered text");
        assertNoneOf(r, String.valueOf(b.script("return document.documentElement.outerHTML;")), "the portal's DOM");
        List<String> responses = pageResponses(b);
        assertTrue(responses.stream().anyMatch(x -> x.contains("/engagement/voices/published")), responses::toString);
        for (String resp : responses) {
            assertNoneOf(r, resp, "a response the portal page loaded");
        }
        b.script("document.querySelector('.machi-voice').scrollIntoView();");
        b.screenshot("portal-voices");

        // ---- engagement disabled: its navigation entries go ----------------------------------
        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, staff);
        assertTrue(b.present("#nav a[data-nav='engagement/engagement-voices']"));
        Municipalities.setModule(api, lg, "engagement", false);
        b.reload();
        b.waitFor("#nav a[data-nav='core/indicators']");
        b.waitForAbsent("#nav a[data-nav='engagement/engagement-voices']");
        b.open("/p/" + lg + "/");
        b.waitForText("h1", "公開ポータル");
        assertFalse(b.text("nav", true).contains("市民の声"), b.text("nav", true));
    }

    @Test
    void theAdministratorExportsAResidentsDataAndAnonymisesOnThePersonalDataPage(WebBrowser b) throws IOException {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Resident r = Resident.fresh();
        Resident other = Resident.fresh();
        Api anonymous = api.anonymous();
        String receipt = anonymous.post(voicesPath(lg)).json(submission(r, "公園の遊具").build()).send().expect(201)
                .object().getString("receiptNumber");
        anonymous.post(voicesPath(lg)).json(submission(other, "公園の遊具").build()).send().expect(201);
        String id = api.get(voicesPath(lg)).send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow().getString("id");

        // Staff have no personal-data page.
        Api.Account staff = api.newUser("STAFF", lg);
        ConsoleIT.signIn(b, staff);
        assertFalse(b.present("#nav a[data-nav='core/personal-data']"));
        b.click("#sign-out");
        b.waitFor("#login");

        Api.Account admin = api.newUser("MUNICIPALITY_ADMIN", lg);
        ConsoleIT.signIn(b, admin);
        b.click("#nav a[data-nav='core/personal-data']");
        b.waitForText("h1", "個人情報");
        b.waitFor("#retention-form");
        assertEquals("5", b.script("return document.querySelector('#retention-form [name=retentionYears]').value;"));
        // A wrong value: the API's error next to the field.
        b.script("document.querySelector('#retention-form [name=retentionYears]').value = '';");
        b.type("#retention-form [name=retentionYears]", "101");
        b.click("#save-retention");
        b.waitFor("#retention-form [aria-invalid=true]");
        b.script("document.querySelector('#retention-form [name=retentionYears]').value = '';");
        b.type("#retention-form [name=retentionYears]", "3");
        b.click("#save-retention");
        b.waitForText("#retention-form .notice", "3 年");
        String settings = Municipalities.PATH + "/" + lg + "/personal-data/settings";
        assertEquals(3, api.get(settings).send().expect(200).object().getInt("retentionYears"));
        // Someone else changes it first: 412 and the reload offer.
        Reply s = api.get(settings).send().expect(200);
        api.put(settings).ifMatch(s.etag()).json("{\"retentionYears\":4}").send().expect(200);
        b.script("document.querySelector('#retention-form [name=retentionYears]').value = '';");
        b.type("#retention-form [name=retentionYears]", "2");
        b.click("#save-retention");
        b.waitForText(".conflict", "ほかの人が先に");
        b.click(".conflict button.reload");
        b.waitForScript("the reloaded value", "const i = document.querySelector('#retention-form [name=retentionYears]');"
                + " return i && i.value === '4';");

        // The resident's export: the table, then the CSV.
        b.type("#export-form [name=email]", r.email().toUpperCase());
        b.click("#export-search");
        b.waitForText("#export-result", "1 件の記録");
        String table = b.text("#export-table", true);
        assertTrue(table.contains(r.name()) && table.contains(r.phone()) && table.contains("公園の遊具"), table);
        assertNoneOf(other, table, "the export of another resident");
        b.script("document.getElementById('pd-export-h').scrollIntoView();");
        b.screenshot("personal-data");
        b.click("#export-csv");
        Path csv = b.waitForDownload("resident-data-" + lg + ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains(r.name()) && text.contains(r.email()), text);
        assertFalse(text.contains(other.name()), text);

        // Anonymise now: the voice closed, retention 0; a confirmation first, then the count.
        Reply cur = api.get(voicesPath(lg) + "/" + id).send().expect(200);
        JsonObject v = cur.object();
        api.put(voicesPath(lg) + "/" + id).ifMatch(cur.etag()).json(Json.createObjectBuilder()
                .add("channel", v.getString("channel")).add("category", v.getString("category"))
                .add("subject", v.getString("subject")).add("body", v.getString("body")).add("status", "CLOSED")
                .add("answerDue", v.getString("answerDue")).add("answer", "修繕しました。").add("published", false).build())
                .send().expect(200);
        Reply s2 = api.get(settings).send().expect(200);
        api.put(settings).ifMatch(s2.etag()).json("{\"retentionYears\":0}").send().expect(200);
        b.click("#anonymise-now");
        b.waitFor("#anonymise-confirm:not([hidden])");
        assertEquals("button#anonymise-no", b.focused(), "the safe choice has the focus");
        b.click("#anonymise-no");
        b.waitForAbsent("#anonymise-confirm:not([hidden])");
        assertFalse(api.get(voicesPath(lg) + "/" + id).send().expect(200).object().containsKey("anonymisedAt"),
                "cancelled: nothing done");
        b.click("#anonymise-now");
        b.click("#anonymise-yes");
        b.waitForText("#anonymise-result", "1 件の記録を匿名化しました");
        assertTrue(api.get(voicesPath(lg) + "/" + id).send().expect(200).object().containsKey("anonymisedAt"));
        b.click("#export-search");
        b.waitForText("#export-result", "0 件の記録");
    }

    private JsonObjectBuilder submission(Resident r, String subject) {
        return Json.createObjectBuilder().add("category", "公園").add("subject", subject)
                .add("body", "遊具が壊れています。").add("name", r.name()).add("address", r.address()).add("phone", r.phone())
                .add("email", r.email()).add("wantsReply", true);
    }

    private String unitIdByName(String lg, String name) {
        return api.get(Municipalities.PATH + "/" + lg + "/organization-units?size=100").send().expect(200).object()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject).filter(u -> u.getString("nameJa").equals(name))
                .findFirst().orElseThrow().getString("id");
    }

    /** 2026-01-05 → 2026-1-5 (the portal writes 2026年1月5日). */
    private static String dayWithoutPadding(String iso) {
        String[] p = iso.split("-");
        return Integer.parseInt(p[0]) + "-" + Integer.parseInt(p[1]) + "-" + Integer.parseInt(p[2]);
    }
}
