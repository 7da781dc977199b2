package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Optional;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * タウンミーティング through the screens, in headless Chromium: a staff member records a held meeting (つくば市's
 * online student dialogue of 2021-02-19, as the seed has it) and an opinion raised there, assigns it to a unit
 * (whose task list then holds it as an opinion to close), closes it with the city's response and publishes the
 * report; the portal's report, at a phone's width, shows the opinion and the response and nothing about the
 * people involved. Screenshots {@code engagement-meeting.png}, {@code portal-meeting-report.png}.
 */
@MachiTest
@BrowserTest
class MeetingBrowserIT {

    private final Api api;

    MeetingBrowserIT(Api api) {
        this.api = api;
    }

    private static Optional<JsonObject> group(Api who, String base, String kind) {
        return who.get(base + "/tasks").send().expect(200).object().getJsonArray("groups").getValuesAs(JsonObject.class)
                .stream().filter(g -> g.getString("module").equals("engagement") && g.getString("kind").equals(kind))
                .findFirst();
    }

    @Test
    void staffRecordAMeetingAndAnOpinionCloseItAndThePortalShowsTheReport(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        String kocho = TaskListIT.unit(api, base, "1030", "広聴室");
        String roads = TaskListIT.unit(api, base, "2010", "道路管理課");
        Api.Account staff = TaskListIT.account(api, base, "STAFF", kocho);
        Api roadsStaff = TaskListIT.user(api, base, "STAFF", roads);

        // ---- the console: the meeting, held online ------------------------------------------
        b.windowSize(1280, 900);
        ConsoleIT.signIn(b, staff);
        b.open("/#/" + lg + "/engagement/engagement-meetings");
        b.waitFor("details.meeting-create-box");
        b.click("details.meeting-create-box summary");
        b.type("#meeting-create [name=title]", "学生懇談会（オンライン・試行）");
        b.select("#meeting-create [name=kind]", "STUDENT");
        b.select("#meeting-create [name=status]", "HELD");
        b.script("document.querySelector('#meeting-create [name=meetingDate]').value = '2021-02-19';");
        b.click("#meeting-create [name=online]");
        b.type("#meeting-create [name=participants]", "12");
        b.type("#meeting-create [name=reportSummary]", "オンライン開催の課題点を検出しました。");
        b.click("#create-meeting");
        b.waitForText(".meeting-create-box [aria-live]", "学生懇談会（オンライン・試行）");
        b.clickText("a.meeting-link", "学生懇談会（オンライン・試行）");
        b.waitForText("h1", "学生懇談会（オンライン・試行）");
        assertTrue(b.text(".meeting-status", true).contains("開催済"));

        // An opinion raised, recorded without names and assigned to the roads unit: its task list holds it.
        b.type("#meeting-opinion-new [name=opinion]", "通学路の街灯を増やしてほしい。");
        b.select("#meeting-opinion-new [name=unitId]", roads);
        b.click("#add-opinion");
        b.waitForText(".meeting-opinion h3", "意見 1");
        JsonObject toClose = group(roadsStaff, base, "meeting-opinion-to-close").orElseThrow();
        assertEquals(1, toClose.getInt("total"), toClose::toString);
        assertEquals("対応を完了していないタウンミーティングの意見", toClose.getString("label"));

        // Closed with the city's response; the report published.
        b.select(".meeting-opinion[data-seq='1'] [name=status]", "CLOSED");
        b.type(".meeting-opinion[data-seq='1'] [name=response]", "令和3年度に街灯を3基増設します。");
        b.click(".meeting-opinion[data-seq='1'] button[type=submit]");
        b.waitForText(".meeting-opinion h3", "完了");
        assertTrue(group(roadsStaff, base, "meeting-opinion-to-close").map(g -> g.getInt("total") == 0).orElse(true),
                "a closed opinion leaves the task list");
        b.click("#meeting-form [name=reportPublished]");
        b.click("#save-meeting");
        b.waitForText(".notice", "保存しました");
        b.screenshot("engagement-meeting");

        // ---- the portal, on a phone: the report with the opinion and the response, no personal data --
        b.windowSize(375, 900);
        b.open("/p/" + lg + "/engagement-published-meetings");
        b.waitForText(".machi-meeting", "通学路の街灯を増やしてほしい。");
        String report = b.text(".machi-meeting", true);
        assertTrue(report.contains("学生懇談会（オンライン・試行）") && report.contains("令和3年度に街灯を3基増設します。")
                && report.contains("オンライン開催の課題点を検出しました。") && report.contains("道路管理課"), report);
        String page = String.valueOf(b.script("return document.body.innerText;"));
        assertFalse(page.contains(staff.login()), "no staff member named on the portal");
        String published = api.anonymous().get(base + "/engagement/meetings/published").send().expect(200).text();
        assertFalse(published.contains(staff.login()) || published.contains(staff.id()), published);
        Number scroll = (Number) b.script("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= 375, "no horizontal scrolling at a phone's width: " + scroll);
        b.screenshot("portal-meeting-report");
    }
}
