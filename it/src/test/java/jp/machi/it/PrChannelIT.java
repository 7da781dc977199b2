package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 広報: PR channels with their monthly figures as child rows under the channel's ETag (428 without
 * If-Match, 412 stale, a month's change raises the version), bad input 400 ja/en with nothing
 * written, a year's totals (flows summed, followers the last month's), CSV with BOM, and the metrics
 * an indicator binds to (取手市's 市ホームページの更新件数).
 */
@MachiTest
class PrChannelIT {

    private final Api api;
    private String base;
    private String channels;

    PrChannelIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        channels = base + "/promotion/pr-channels";
    }

    private static JsonObjectBuilder channel(String name, String kind, JsonArrayBuilder months) {
        return Json.createObjectBuilder().add("name", name).add("kind", kind).add("months", months);
    }

    private static JsonObjectBuilder pages(String month, int n) {
        return Json.createObjectBuilder().add("month", month).add("pagesUpdated", n).add("pageViews", n * 100L);
    }

    private static JsonObjectBuilder followers(String month, int n) {
        return Json.createObjectBuilder().add("month", month).add("followers", n);
    }

    @Test
    void monthlyFiguresAreChildRowsThatRaiseTheVersionUnderIfMatch() {
        Reply created = api.post(channels).json(channel("市ホームページ", "WEBSITE", Json.createArrayBuilder()
                .add(pages("2024-04", 500)).add(pages("2024-05", 480))).build()).send();
        created.expect(201);
        JsonObject c = created.object();
        assertEquals("ホームページ", c.getString("kindLabel"));
        assertEquals(2, c.getJsonArray("months").size());
        String item = channels + "/" + c.getString("id");
        JsonArrayBuilder three = Json.createArrayBuilder().add(pages("2024-04", 500)).add(pages("2024-05", 480)).add(pages("2024-06", 510));
        assertProblem(api.put(item).json(channel("市ホームページ", "WEBSITE", three).build()).send(), 428, null);
        Reply added = api.put(item).ifMatch(created.etag()).json(channel("市ホームページ", "WEBSITE", Json.createArrayBuilder()
                .add(pages("2024-04", 500)).add(pages("2024-05", 480)).add(pages("2024-06", 510))).build()).send().expect(200);
        assertNotEquals(created.etag(), added.etag());
        assertProblem(api.put(item).ifMatch(created.etag()).json(channel("市ホームページ", "WEBSITE", Json.createArrayBuilder()).build())
                .send(), 412, null);
        // Only one month's figure changes: the channel's version rises too.
        Reply one = api.put(item).ifMatch(added.etag()).json(channel("市ホームページ", "WEBSITE", Json.createArrayBuilder()
                .add(pages("2024-04", 501)).add(pages("2024-05", 480)).add(pages("2024-06", 510))).build()).send().expect(200);
        assertNotEquals(added.etag(), one.etag(), "a month's change is a change of the channel");
        JsonObject t = api.get(item + "/totals?fiscalYear=R6").send().expect(200).object();
        assertEquals(1491, t.getJsonNumber("pagesUpdated").intValue());
        assertEquals(149100, t.getJsonNumber("pageViews").longValue());
        assertEquals(3, t.getInt("months"));
        assertEquals("令和6年度", t.getJsonObject("fiscalYear").getString("label"));
        // A removed month is gone and the version rises; deleting needs If-Match.
        Reply fewer = api.put(item).ifMatch(one.etag()).json(channel("市ホームページ", "WEBSITE", Json.createArrayBuilder()
                .add(pages("2024-04", 501))).build()).send().expect(200);
        assertEquals(1, fewer.object().getJsonArray("months").size());
        assertProblem(api.delete(item).send(), 428, null);
        assertProblem(api.delete(item).ifMatch(one.etag()).send(), 412, null);
        api.delete(item).ifMatch(fewer.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void badInputIsRefusedInTheUsersLanguageAndNothingIsWritten() {
        Reply empty = api.post(channels).json("{}").send();
        JsonObject p = assertJapanese(empty, assertProblem(empty, 400, "validation"));
        assertTrue(p.toString().contains("\"name\"") && p.toString().contains("\"kind\""), p::toString);
        Reply wrong = api.post(channels).lang("en").json(channel("X", "RADIO", Json.createArrayBuilder()
                .add(pages("2024-13", 1)).add(pages("2024-04", 1)).add(pages("2024-04", 2)).add(pages("2999-04", 1))).build()).send();
        JsonObject w = assertEnglish(wrong, assertProblem(wrong, 400, "validation"));
        for (String f : new String[] {"\"kind\"", "months[0].month", "months[2].month", "months[3].month"}) {
            assertTrue(w.toString().contains(f), f + " in " + w);
        }
        assertProblem(api.post(channels).json(channel("X", "SNS", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("month", "2024-04").add("followers", -1))).build()).send(), 400, null);
        assertProblem(api.post(channels).json(channel("X", "SNS", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("month", "2024-04").add("followers", 99999999999L))).build()).send(), 400, null);
        assertProblem(api.post(channels).json(channel("長".repeat(101), "SNS", Json.createArrayBuilder()).build()).send(), 400, null);
        assertProblem(api.post(channels).json("{\"name\":").send(), 400, null);
        assertProblem(api.get(channels + "?kind=RADIO").send(), 400, "validation");
        assertProblem(api.get(channels + "?sort=secret").send(), 400, null);
        String id = api.post(channels).json(channel("公式X", "SNS", Json.createArrayBuilder()).build()).send().expect(201).object().getString("id");
        assertProblem(api.get(channels + "/" + id + "/totals").send(), 400, "validation");
        assertProblem(api.get(channels + "/" + id + "/totals?fiscalYear=someday").send(), 400, "validation");
        assertProblem(api.as("VIEWER", base.substring(base.lastIndexOf('/') + 1)).post(channels)
                .json(channel("X", "SNS", Json.createArrayBuilder()).build()).send(), 403, null);
        assertEquals(1, api.get(channels).send().expect(200).object().getInt("totalItems"), "nothing half-written");
    }

    @Test
    void yearlyFiguresFeedTheMetricsAndTheCsv() {
        JsonArrayBuilder web = Json.createArrayBuilder();
        int[] fy2022 = {520, 480, 510, 490, 505, 470, 530, 495, 460, 500, 515, 525};
        for (int i = 0; i < 12; i++) {
            web.add(pages(java.time.YearMonth.of(2022, 4).plusMonths(i).toString(), fy2022[i]));
        }
        web.add(pages("2023-04", 600));
        api.post(channels).json(channel("市ホームページ", "WEBSITE", web).build()).send().expect(201);
        api.post(channels).json(channel("公式X", "SNS", Json.createArrayBuilder().add(followers("2022-04", 1000))
                .add(followers("2023-02", 1500)).add(followers("2023-03", 1600)).add(followers("2023-04", 1700))).build()).send().expect(201);
        api.post(channels).json(channel("公式Instagram", "SNS", Json.createArrayBuilder().add(followers("2022-12", 300))).build())
                .send().expect(201);
        assertEquals(2, api.get(channels + "?kind=SNS").send().expect(200).object().getInt("totalItems"));

        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        assertTrue(offered.contains("promotion:pr-website-pages-updated-per-fiscal-year") && offered.contains("promotion:pr-sns-followers-per-fiscal-year"),
                offered);
        JsonObject updates = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "市ホームページの更新件数")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:pr-website-pages-updated-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 6200))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 6200))).build()).send().expect(201).object();
        assertEquals(6000, IndicatorIT.year(updates, 2022).getJsonNumber("actual").intValue(), "a flow: the year's months summed");
        assertEquals(600, IndicatorIT.year(updates, 2023).getJsonNumber("actual").intValue());
        JsonObject sns = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "SNSフォロワー数")
                .add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:pr-sns-followers-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 2000))).build())
                .send().expect(201).object();
        assertEquals(1900, IndicatorIT.year(sns, 2022).getJsonNumber("actual").intValue(), "a stock: each account's last month, 1,600 + 300");

        String csv = new String(api.get(channels + "?format=csv&fiscalYear=2022").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF媒体,種類,アカウント・アドレス,年月,年度,発行回数,更新件数,閲覧数,フォロワー数,発表件数"), csv);
        assertTrue(csv.contains("市ホームページ,ホームページ,,2022-04,令和4年度,,520,52000,,"), csv);
        assertFalse(csv.contains("2023-04"), "only the year asked for: " + csv);
        assertEquals(1 + 12 + 3 + 1, csv.strip().split("\r?\n").length, csv);
        String en = new String(api.get(channels).header("Accept", "text/csv").lang("en").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFChannel,Kind,") && en.contains("Social media"), en);
    }
}
