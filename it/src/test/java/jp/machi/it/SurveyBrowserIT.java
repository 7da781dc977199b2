package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
 * アンケート through the screens, in headless Chromium: the 市民の声 section offers the open survey; a resident
 * answers it on the portal at a phone's width (a required question left out is pointed out, then a receipt
 * number); staff see the answer counted in the console's results and write a survey there; once the period
 * is over and an approver publishes the results, the portal shows them as bars, never the free text.
 * Screenshots: {@code portal-survey*.png}, {@code engagement-survey*.png}.
 */
@MachiTest
@BrowserTest
class SurveyBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final Api api;

    SurveyBrowserIT(Api api) {
        this.api = api;
    }

    private static void chooseFile(WebBrowser b, String css, String name, String content) {
        b.waitFor(css);
        b.script("const dt = new DataTransfer(); dt.items.add(new File([arguments[1]], arguments[2], {type: 'text/csv'}));"
                + " const i = document.querySelector(arguments[0]); i.files = dt.files;"
                + " i.dispatchEvent(new Event('change', {bubbles: true}));", css, content, name);
    }

    @Test
    void staffDeleteADraftSurveyFromTheConsole(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        String id = api.post(base + "/engagement/surveys").json(Json.createObjectBuilder()
                .add("fiscalYear", TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1)
                .add("title", "書きかけのアンケート").add("opensOn", TODAY.plusDays(10).toString())
                .add("closesOn", TODAY.plusDays(20).toString()).add("questions", SurveyIT.questions("読んでいる")).build())
                .send().expect(201).object().getString("id");
        ConsoleIT.signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/engagement/engagement-surveys-console/" + id);
        b.waitForText("h1", "書きかけのアンケート");
        assertFalse(b.present("#survey-import"), "a survey not open yet takes no paper answers");
        b.script("window.confirm = () => true;");
        b.click("#delete-survey");
        b.waitForScript("the list without the deleted survey",
                "return location.hash.endsWith('engagement-surveys-console') && document.body.innerText.includes('該当するものはありません。');");
        assertEquals(404, api.get(base + "/engagement/surveys/" + id).send().status());
    }

    private String text(WebBrowser b) {
        return String.valueOf(b.script("return document.body.innerText;"));
    }

    @Test
    void aResidentAnswersOnThePortalAndStaffSeeAndPublishTheResults(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        Reply created = api.post(base + "/engagement/surveys").json(Json.createObjectBuilder()
                .add("fiscalYear", TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1)
                .add("title", "広報についてのアンケート").add("opensOn", TODAY.minusDays(3).toString())
                .add("closesOn", TODAY.plusDays(3).toString()).add("population", 50)
                .add("attributes", Json.createArrayBuilder().add("AGE_GROUP"))
                .add("questions", SurveyIT.questions("読んでいる")).build()).send().expect(201);
        String id = created.object().getString("id");

        // ---- the resident, on a phone ------------------------------------------------------
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-hearing");
        b.waitForText("[data-offer=surveys-open] .hearing-count", "1 件受付中");
        b.open("/p/" + lg + "/engagement-surveys");
        b.waitForText(".survey-card h2 a", "広報についてのアンケート");
        b.clickText(".survey-card h2 a", "広報についてのアンケート");
        b.waitForText("h1", "広報についてのアンケート");
        b.click("#survey-send");
        b.waitForText(".survey-form .error", "問1");
        b.click("#q1-1");
        b.click("#q2-0");
        b.click("#q3-4");
        b.type("#q5-t", "もっとSNSで発信してほしい。");
        b.select("#survey-attr-AGE_GROUP", "AGE_40S");
        b.screenshot("portal-survey-form");
        b.click("#survey-send");
        b.waitForText(".voice-receipt .receipt-number", "S-");
        assertTrue(b.text(".voice-receipt .receipt-number", true).matches("S-R\\d+-\\d{6}"));
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-survey-receipt");

        // ---- staff: the answer counted; a survey written in the console ----------------------
        b.windowSize(1280, 900);
        Api.Account staff = api.newUser("STAFF", lg);
        ConsoleIT.signIn(b, staff);
        b.open("/#/" + lg + "/engagement/engagement-surveys-console");
        b.waitForText(".list-status", "1 件中");
        b.clickText("a.survey-link", "広報についてのアンケート");
        b.waitForText(".survey-responses", "1");
        b.waitForText("#survey-results", "時々読んでいる");
        assertTrue(b.text("#survey-results", true).contains("100.0%"), b.text("#survey-results", true));
        b.select("#survey-by", "AGE_GROUP");
        b.waitForText("#survey-results", "年代: 40代");
        b.screenshot("engagement-survey");
        // Paper answers from a CSV file in the survey's template (Shift_JIS is read the same; SurveyIT).
        b.waitFor("#survey-import");
        String header = new String(api.get(base + "/engagement/surveys/" + id + "/answers/template").send().expect(200).bytes(),
                java.nio.charset.StandardCharsets.UTF_8).substring(1).strip();
        chooseFile(b, "#survey-import-file", "paper.csv", header + "\nK-1,,20代,9,,,,\n");
        b.click("#survey-import-run");
        b.waitForText("#survey-import-errors", "2 行目");
        assertEquals("1", b.text(".survey-responses", true), "the refused file wrote nothing");
        chooseFile(b, "#survey-import-file", "paper.csv", header + "\nK-1,,20代,読んでいる,広報紙、SNS,5,3,\n");
        b.click("#survey-import-run");
        b.waitForText(".notice", "1 件の回答を取り込みました");
        b.waitForText(".survey-responses", "2");
        assertFalse(b.present("#delete-survey"), "an answered survey offers no delete");
        b.open("/#/" + lg + "/engagement/engagement-surveys-console");
        b.waitForText(".list-status", "1 件中");
        b.click(".survey-create-box summary");
        b.type("#survey-create [name=title]", "子育てアンケート");
        b.script("const f = document.querySelector('#survey-create'); f.elements.opensOn.value = arguments[0];"
                + " f.elements.closesOn.value = arguments[1];", TODAY.toString(), TODAY.plusDays(30).toString());
        b.type("#survey-create [name='questions[0].text']", "子育て支援に満足していますか。");
        b.type("#survey-create [name='questions[0].choices']", "満足\n不満");
        b.click("#create-survey");
        b.waitForText(".notice", "子育てアンケート");
        b.waitForText(".list-status", "2 件中");

        // ---- published after the period (an approver, API): the portal's bars, no free text ------
        Api approver = TaskListIT.user(api, base, "STAFF", null, "engagement.approver");
        String one = base + "/engagement/surveys/" + id;
        approver.put(one).ifMatch(api.get(one).send().etag()).json(Json.createObjectBuilder()
                .add("fiscalYear", created.object().getInt("fiscalYear")).add("title", "広報についてのアンケート")
                .add("opensOn", TODAY.minusDays(3).toString()).add("closesOn", TODAY.minusDays(1).toString())
                .add("population", 50).add("attributes", Json.createArrayBuilder().add("AGE_GROUP"))
                .add("resultsPublished", true).build()).send().expect(200);
        jp.machi.it.support.Problems.assertProblem(api.anonymous().get(base + "/engagement/surveys/published/" + id + "?by=SEX")
                .send(), 400, null);
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-surveys/results/" + id);
        b.waitForText(".survey-respondents", "2");
        // Breakdowns only by what the survey asked (年代), and no horizontal scrolling at a phone's width.
        assertEquals(java.util.List.of("全体", "年代"), b.texts(".survey-by a, .survey-by strong").stream().map(String::strip).toList());
        b.clickText(".survey-by a", "年代");
        b.waitForText(".survey-result", "年代: 40代");
        Number wide = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(wide.intValue() <= 375, "no horizontal scrolling on the results at a phone's width: " + wide);
        b.screenshot("portal-survey-results-by-age");
        b.clickText(".survey-by a", "全体");
        b.waitForText(".survey-by strong", "全体");
        String portal = text(b);
        assertTrue(portal.contains("時々読んでいる") && portal.contains("50.0%") && portal.contains("4.0%"), portal);
        assertFalse(portal.contains("もっとSNSで発信してほしい。"), "no free text on the portal");
        // Question 1's bars: 読んでいる 50 %, 時々読んでいる 50 % (drawn at 60 % of the cell, leaving room for the figure).
        assertEquals("30%", String.valueOf(b.script("return document.querySelectorAll('.survey-bar')[0].style.width;")));
        assertEquals("30%", String.valueOf(b.script("return document.querySelectorAll('.survey-bar')[1].style.width;")));
        Number scrolled = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scrolled.intValue() <= 375, "no horizontal scrolling on the results at a phone's width: " + scrolled);
        b.screenshot("portal-survey-results");
    }
}
