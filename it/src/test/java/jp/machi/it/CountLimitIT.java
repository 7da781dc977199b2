package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.TestDatabase;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A list's total is counted only up to {@code MACHI_API_COUNT_LIMIT} (10,000 by default; 5 on this
 * test's own server), so that a page costs the page and not the table (ADR 0031): past the limit a
 * page says "more than" ({@code totalItemsExact: false}) and {@code totalPages} counts the pages known
 * to exist; a last page, or a filter that leaves no more than the limit, is exact again; the CSV
 * export has every row whatever the limit; the console's pager says 「件超」. 25 voices, three of
 * them in progress.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountLimitIT {

    private TestDatabase db;
    private MachiServer server;
    private Api staff;
    private Api.Account account;
    private String voices;

    @BeforeAll
    void voices() {
        db = TestDatabase.migrated("count-limit");
        server = MachiServer.machiJar("count-limit", db).env("MACHI_API_COUNT_LIMIT", "5").start();
        Api api = server.api();
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
        account = api.newUser("STAFF", lg);
        staff = api.signIn(account);
        for (int i = 1; i <= 25; i++) {
            JsonObject v = staff.post(voices).json(Json.createObjectBuilder().add("subject", "件名" + i).add("body", "本文")
                    .build()).send().expect(201).object();
            if (i <= 3) {
                String id = staff.get(voices + "?size=1").send().expect(200).object().getJsonArray("items")
                        .getJsonObject(0).getString("id");
                var one = staff.get(voices + "/" + id).send().expect(200);
                JsonObject got = one.object();
                staff.put(voices + "/" + id).ifMatch(one.etag()).json(Json.createObjectBuilder()
                        .add("channel", got.getString("channel")).add("subject", got.getString("subject"))
                        .add("body", "本文").add("status", "IN_PROGRESS").add("answerDue", got.getString("answerDue"))
                        .add("published", false).build()).send().expect(200);
            }
            assertTrue(v.containsKey("receiptNumber"), v::toString);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    private JsonObject page(String query) {
        return staff.get(voices + "?" + query).send().expect(200).object();
    }

    private static void assertPage(JsonObject p, int items, long total, boolean exact, long pages) {
        assertEquals(items, p.getJsonArray("items").size(), p::toString);
        assertEquals(total, p.getJsonNumber("totalItems").longValue(), p::toString);
        assertEquals(exact, p.getBoolean("totalItemsExact"), p::toString);
        assertEquals(pages, p.getJsonNumber("totalPages").longValue(), p::toString);
    }

    @Test
    void pastTheLimitAPageSaysMoreThanAndCountsNoFurther() {
        assertPage(page("page=0&size=2"), 2, 5, false, 3);
        // Page 2 of 3-row pages ends at row 6, past the limit, and a row follows it.
        assertPage(page("page=1&size=3"), 3, 6, false, 3);
        assertPage(page("page=0&size=20"), 20, 20, false, 2);
        // Past the end of a list longer than the limit: known only to hold more than the limit.
        assertPage(page("page=20&size=2"), 0, 5, false, 3);
    }

    @Test
    void aLastPageOrAFilterWithinTheLimitIsExact() {
        assertPage(page("page=0&size=30"), 25, 25, true, 1);
        assertPage(page("page=8&size=3"), 1, 25, true, 9);
        assertPage(page("page=12&size=2"), 1, 25, true, 13);
        assertPage(page("status=IN_PROGRESS&size=2"), 2, 3, true, 2);
        assertPage(page("status=IN_PROGRESS&page=5&size=2"), 0, 3, true, 2);
        assertPage(page("status=CLOSED"), 0, 0, true, 0);
    }

    @Test
    void theExportHasEveryRowWhateverTheLimit() {
        String csv = new String(staff.get(voices + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        long rows = csv.lines().filter(l -> !l.isBlank()).count() - 1;
        assertEquals(25, rows, csv);
    }

    @Test
    void theConsoleSaysMoreThan() {
        if (WebBrowser.whyUnavailable() != null) {
            assertFalse(WebBrowser.required(), WebBrowser.whyUnavailable());
            return; // no browser here and none required: the API's answer above is what the console shows
        }
        try (WebBrowser b = WebBrowser.start(server.baseUri())) {
            ConsoleIT.signIn(b, account);
            b.click("#nav a[data-nav='engagement/engagement-voices']");
            b.waitForText(".list-status", "20 件超のうち 1〜20 件 (1 / 2 ページ以上)");
        }
    }
}
