package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * 「あなたの対応待ち」 in a real browser (headless Chromium): a division's staff member signs in and
 * lands on it; the voices routed to their unit come grouped with their count, the overdue one first
 * and marked 期限超過 in words as well as colour, with its due date in Japanese; the self-evaluation
 * of their program shows its fiscal year in wareki; following the voice's link with the keyboard
 * opens the voice's screen; the English switch turns the page into English; somebody with nothing
 * waiting is told so. Screenshots {@code it/target/screenshots-<db>/tasks.png}, {@code tasks-en.png}.
 */
@MachiTest
@BrowserTest
class TaskListBrowserIT {

    private final Api api;

    TaskListBrowserIT(Api api) {
        this.api = api;
    }

    /** 令和8年度 for 2026, as the console writes a fiscal year (this test runs in 令和). */
    static String wareki(int fiscalYear) {
        int n = fiscalYear - 2018;
        return "令和" + (n == 1 ? "元" : String.valueOf(n)) + "年度";
    }

    @Test
    void staffLandOnTheirTaskListAndFollowTheOverdueVoice(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        String hearing = TaskListIT.unit(api, base, "01", "広聴課");
        String finance = TaskListIT.unit(api, base, "02", "財政課");
        Api.Account staff = TaskListIT.account(api, base, "STAFF", hearing);
        Api.Account other = TaskListIT.account(api, base, "STAFF", finance);
        String overdue = TaskListIT.voice(api, base, "道路の穴を直してほしい", 60, hearing, null);
        TaskListIT.voice(api, base, "公園のベンチについて", 1, hearing, "IN_PROGRESS");
        int fy = TaskListIT.currentFiscalYear();
        TaskListIT.program(api, base, "A-1", "広聴事業", fy, hearing);
        String receipt = api.get(base + "/engagement/voices/" + overdue).send().expect(200).object().getString("receiptNumber");
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(60).plusDays(40);

        ConsoleIT.signIn(b, staff);
        // Sign-in lands on the home, which counts what waits; the task list is one click away.
        b.waitForText("h1", "ホーム");
        assertTrue(b.currentUrl().endsWith("#/" + lg + "/core/home"), b.currentUrl());
        b.waitForText("#home-tasks-total", "全 3件");
        b.click("#home-tasks-link");
        b.waitForText("h1", "あなたの対応待ち");
        assertTrue(b.currentUrl().endsWith("#/" + lg + "/core/tasks"), b.currentUrl());
        b.waitFor(".task-group");
        assertEquals("page", b.attribute("#nav a[data-nav='core/tasks']", "aria-current"));
        assertEquals(List.of("engagement/voice-to-answer", "planning/evaluation-self"),
                b.texts(".task-group").isEmpty() ? List.of() : List.of(
                        b.attribute(".task-group:nth-of-type(1)", "data-kind"),
                        b.attribute(".task-group:nth-of-type(2)", "data-kind")));
        assertTrue(b.text("#tasks-summary", true).contains("全 3件"), b.text("#tasks-summary", true));
        assertTrue(b.text("#tasks-summary", true).contains("期限超過 1件"), b.text("#tasks-summary", true));
        String heading = b.text(".task-group[data-kind='engagement/voice-to-answer'] h2", true);
        assertTrue(heading.contains("回答待ちの市民の声") && heading.contains("(2件)") && heading.contains("期限超過 1件"), heading);

        List<String> rows = b.texts(".task-group[data-kind='engagement/voice-to-answer'] tbody tr");
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("道路の穴を直してほしい") && rows.get(0).contains(receipt), rows.toString());
        assertTrue(rows.get(0).contains("期限 " + due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日"),
                rows.toString());
        assertTrue(rows.get(0).contains("期限超過"), "overdue in words: " + rows);
        assertTrue(rows.get(0).contains("広聴課"), rows.toString());
        assertFalse(rows.get(1).contains("期限超過"), rows.toString());
        assertTrue(b.attribute(".task-group[data-kind='engagement/voice-to-answer'] tbody tr:nth-child(1)", "class")
                .contains("task-overdue"));
        assertEquals("rgb(179, 38, 30)", b.script("return getComputedStyle(document.querySelector('.task-overdue .task-overdue-badge'))"
                + ".backgroundColor;"), "and in colour");
        String evaluation = b.text(".task-group[data-kind='planning/evaluation-self'] tbody tr", true);
        assertTrue(evaluation.contains("広聴事業") && evaluation.contains(wareki(fy)), evaluation);
        assertEquals("1", b.script("return String(document.querySelectorAll('h1').length);"), "one h1");
        assertEquals(Boolean.TRUE, b.script("return [...document.querySelectorAll('.task-group table')]"
                + ".every((t) => document.getElementById(t.getAttribute('aria-labelledby')));"), "tables are labelled by their heading");
        b.screenshot("tasks");

        // The keyboard follows the overdue voice's link to its screen.
        b.script("document.querySelector('.task-overdue a.task-link').focus();");
        b.keys(WebBrowser.ENTER);
        b.waitForText("h1", receipt);
        assertTrue(b.currentUrl().endsWith("#/" + lg + "/engagement/engagement-voices/" + overdue), b.currentUrl());

        // English by the switch.
        b.click("#nav a[data-nav='core/tasks']");
        b.waitFor(".task-group");
        b.click("#lang-switch");
        b.waitForText("h1", "Waiting for you");
        b.waitForText(".task-group[data-kind='engagement/voice-to-answer'] h2", "Citizen voices to answer");
        String en = b.text(".task-group[data-kind='engagement/voice-to-answer'] tbody tr", true);
        assertTrue(en.contains("Overdue") && en.contains("Due " + due.getDayOfMonth() + " "), en);
        b.waitForText(".task-group[data-kind='planning/evaluation-self'] tbody tr", "FY" + fy);
        b.waitForText(".task-group[data-kind='planning/evaluation-self'] h2", "Programs awaiting self-evaluation");
        b.screenshot("tasks-en");
        b.click("#lang-switch");
        b.waitForText("h1", "あなたの対応待ち");

        // Somebody with nothing waiting is told so.
        b.click("#sign-out");
        b.waitFor("#login");
        ConsoleIT.signIn(b, other);
        b.waitForText("#home-tasks-total", "対応を待っている項目はありません");
        b.click("#nav a[data-nav='core/tasks']");
        b.waitForText("#tasks-empty", "対応を待っている項目はありません");
        assertEquals(List.of(), ConsoleIT.unexpectedErrors(b));
    }
}
