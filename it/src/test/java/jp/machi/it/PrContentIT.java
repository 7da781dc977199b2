package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 広報コンテンツ: items published on a PR channel with date and responsible unit, under If-Match
 * (428 without, 412 stale, PATCH beside PUT); refusals in ja/en with nothing written (another
 * municipality's channel or unit is an invalid reference at the field, a date over 60 days ahead, a
 * non-web address); a channel with items is not deleted (409); the list filtered, sorted and paged in
 * the database, its CSV, the metric an indicator binds to; another municipality sees 404.
 */
@MachiTest
class PrContentIT {

    private final Api api;
    private String lg;
    private String base;
    private String channels;
    private String items;

    PrContentIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        channels = base + "/promotion/pr-channels";
        items = base + "/promotion/pr-contents";
    }

    private String channel(String where, String name, String kind) {
        return api.post(where + "/promotion/pr-channels").json(Json.createObjectBuilder().add("name", name).add("kind", kind)
                .add("months", Json.createArrayBuilder()).build()).send().expect(201).object().getString("id");
    }

    private String unit(String where, String code, String name) {
        return api.post(where + "/organization-units").json(Json.createObjectBuilder().add("code", code).add("nameJa", name)
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");
    }

    private static JsonObjectBuilder item(String channelId, String title, String publishedOn) {
        return Json.createObjectBuilder().add("channelId", channelId).add("title", title).add("publishedOn", publishedOn);
    }

    @Test
    void anItemIsRecordedWithItsChannelAndUnitAndRevisedUnderIfMatch() {
        String web = channel(base, "市ホームページ", "WEBSITE");
        String unit = unit(base, "PR01", "広報戦略課");
        Api staff = api.as("STAFF", lg);
        Reply created = staff.post(items).json(item(web, "令和6年度 市民まつりのお知らせ", "2024-07-01").add("unitId", unit)
                .add("url", "https://www.city.example.jp/matsuri.html").add("summary", "8月3日開催").build()).send().expect(201);
        JsonObject c = created.object();
        assertEquals("広報戦略課", c.getString("unitName"));
        assertEquals("市ホームページ", c.getString("channelName"));
        assertEquals("ホームページ", c.getString("kindLabel"));
        assertEquals("令和6年度", c.getString("fiscalYearLabel"));
        assertEquals(2024, c.getInt("fiscalYear"));
        String item = items + "/" + c.getString("id");
        assertTrue(created.header("Location").orElse("").endsWith(c.getString("id")), created::toString);
        assertEquals(created.etag(), api.as("VIEWER", lg).get(item).send().expect(200).etag(), "a viewer reads it with the same version");

        JsonObject revised = item(web, "市民まつりのお知らせ (更新)", "2024-07-02").add("unitId", unit).build();
        assertProblem(staff.put(item).json(revised).send(), 428, null);
        Reply put = staff.put(item).ifMatch(created.etag()).json(revised).send().expect(200);
        assertNotEquals(created.etag(), put.etag());
        assertFalse(put.object().containsKey("url"), "a PUT sends every field: the address left out is cleared");
        assertProblem(staff.put(item).ifMatch(created.etag()).json(revised).send(), 412, null);
        // PATCH changes one member and keeps the rest.
        Reply patched = staff.method("PATCH", item).ifMatch(put.etag())
                .body("{\"note\":\"再掲\"}".getBytes(StandardCharsets.UTF_8), "application/merge-patch+json").send().expect(200);
        assertEquals("再掲", patched.object().getString("note"));
        assertEquals("市民まつりのお知らせ (更新)", patched.object().getString("title"));
        assertEquals("広報戦略課", patched.object().getString("unitName"));
        assertProblem(staff.method("PATCH", item).body("{\"note\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/merge-patch+json")
                .send(), 428, null);

        // Moved to another channel: the list by channel follows.
        String x = channel(base, "公式X", "SNS");
        Reply moved = staff.put(item).ifMatch(patched.etag()).json(item(x, "市民まつりのお知らせ (更新)", "2024-07-02").build()).send()
                .expect(200);
        assertEquals("SNS", moved.object().getString("kind"));
        assertFalse(moved.object().containsKey("unitName"), "no unit: no unit name");
        assertEquals(1, api.get(items + "?channelId=" + x).send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(items + "?channelId=" + web).send().expect(200).object().getInt("totalItems"));

        assertProblem(staff.delete(item).send(), 428, null);
        assertProblem(staff.delete(item).ifMatch(put.etag()).send(), 412, null);
        staff.delete(item).ifMatch(moved.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void badInputIsRefusedInTheUsersLanguageAndNothingIsWritten() {
        String web = channel(base, "市ホームページ", "WEBSITE");
        Reply empty = api.post(items).json("{}").send();
        JsonObject p = assertJapanese(empty, assertProblem(empty, 400, "validation"));
        for (String f : new String[] {"\"channelId\"", "\"title\"", "\"publishedOn\""}) {
            assertTrue(Problems.fields(p).contains(f), f + " in " + p);
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Reply wrong = api.post(items).lang("en").json(item(web, "X", today.plusDays(62).toString())
                .add("url", "javascript:alert(1)").add("unitId", "not-a-unit").build()).send();
        JsonObject w = assertEnglish(wrong, assertProblem(wrong, 400, "validation"));
        for (String f : new String[] {"\"publishedOn\"", "\"url\"", "\"unitId\""}) {
            assertTrue(Problems.fields(w).contains(f), f + " in " + w);
        }
        assertTrue(Problems.fields(w).contains("60 days"), w::toString);
        assertProblem(api.post(items).json(item(web, "X", "1988-12-31").build()).send(), 400, "validation");
        assertProblem(api.post(items).json(item(web, "X", "2024-02-30").build()).send(), 400, "validation");
        assertProblem(api.post(items).json(item(web, "長".repeat(201), "2024-04-01").build()).send(), 400, null);
        assertProblem(api.post(items).json(item(web, "X", "2024-04-01").add("url", "ftp://example.jp/a").build()).send(), 400, "validation");
        assertProblem(api.post(items).json("{\"title\":").send(), 400, null);
        // References: an unknown channel, another municipality's channel or unit.
        Reply unknown = api.post(items).json(item("00000000-0000-0000-0000-000000000001", "X", "2024-04-01").build()).send();
        assertTrue(Problems.fields(assertProblem(unknown, 400, "invalid-reference")).contains("\"channelId\""), unknown::toString);
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        String otherBase = Municipalities.PATH + "/" + other;
        String theirs = channel(otherBase, "他市のホームページ", "WEBSITE");
        String theirUnit = unit(otherBase, "PR99", "他市の広報課");
        Reply foreign = api.post(items).lang("en").json(item(theirs, "X", "2024-04-01").build()).send();
        JsonObject fp = assertEnglish(foreign, assertProblem(foreign, 400, "invalid-reference"));
        assertTrue(Problems.fields(fp).contains("\"channelId\""), fp::toString);
        Reply foreignUnit = api.post(items).json(item(web, "X", "2024-04-01").add("unitId", theirUnit).build()).send();
        JsonObject fu = assertJapanese(foreignUnit, assertProblem(foreignUnit, 400, "invalid-reference"));
        assertTrue(Problems.fields(fu).contains("\"unitId\""), fu::toString);
        assertProblem(api.as("VIEWER", lg).post(items).json(item(web, "X", "2024-04-01").build()).send(), 403, null);
        // Filters of the list.
        for (String q : List.of("kind=RADIO", "fiscalYear=someday", "channelId=abc", "unitId=abc", "sort=secret", "q=" + "x".repeat(201))) {
            assertEquals(400, api.get(items + "?" + q).send().status(), q);
        }
        assertEquals(0, api.get(items).send().expect(200).object().getInt("totalItems"), "nothing half-written");
        // Up to 60 days ahead is taken (the next bulletin's articles).
        api.post(items).json(item(web, "来月号の特集", today.plusDays(59).toString()).build()).send().expect(201);
    }

    @Test
    void aChannelWithItemsIsNotDeleted() {
        String web = channel(base, "市ホームページ", "WEBSITE");
        Reply a = api.post(items).json(item(web, "お知らせ", "2024-05-01").build()).send().expect(201);
        Reply ch = api.get(channels + "/" + web).send().expect(200);
        Reply refused = api.delete(channels + "/" + web).ifMatch(ch.etag()).send();
        JsonObject p = assertJapanese(refused, assertProblem(refused, 409, "in-use"));
        assertTrue(p.getString("detail").contains("1 件"), p::toString);
        Reply en = api.delete(channels + "/" + web).ifMatch(ch.etag()).lang("en").send();
        assertEnglish(en, assertProblem(en, 409, "in-use"));
        api.get(channels + "/" + web).send().expect(200);
        api.delete(items + "/" + a.object().getString("id")).ifMatch(a.etag()).send().expect(204);
        api.delete(channels + "/" + web).ifMatch(ch.etag()).send().expect(204);
    }

    @Test
    void theListIsFilteredSortedAndPagedInTheDatabaseAndFeedsTheCsvAndTheMetric() {
        String web = channel(base, "市ホームページ", "WEBSITE");
        String bulletin = channel(base, "広報とりで", "BULLETIN");
        String sns = channel(base, "公式X", "SNS");
        String pr = unit(base, "PR01", "広報戦略課");
        String tourism = unit(base, "TR01", "観光課");
        api.post(items).json(item(web, "市民まつりのお知らせ", "2024-07-01").add("unitId", tourism).add("url", "https://example.jp/m").build())
                .send().expect(201);
        api.post(items).json(item(bulletin, "特集 子育て支援", "2024-05-01").add("unitId", pr).add("summary", "\"保育\", 子育て").build())
                .send().expect(201);
        api.post(items).json(item(bulletin, "特集 まつりの歴史", "2025-03-15").add("unitId", pr).build()).send().expect(201);
        api.post(items).json(item(sns, "まつり当日の様子", "2025-04-02").build()).send().expect(201);
        api.post(items).json(item(web, "年末年始の業務", "2023-12-20").add("unitId", pr).build()).send().expect(201);

        JsonObject all = api.get(items).send().expect(200).object();
        assertEquals(5, all.getInt("totalItems"));
        assertEquals(List.of("2025-04-02", "2025-03-15", "2024-07-01", "2024-05-01", "2023-12-20"),
                all.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("publishedOn")).toList(), "newest first");
        assertEquals(List.of("2023-12-20", "2024-05-01"), api.get(items + "?sort=publishedOn&size=2").send().expect(200).object()
                .getJsonArray("items").stream().map(v -> v.asJsonObject().getString("publishedOn")).toList());
        JsonObject second = api.get(items + "?sort=title&size=2&page=1").send().expect(200).object();
        assertEquals(5, second.getInt("totalItems"));
        assertEquals(2, second.getJsonArray("items").size());
        assertEquals(3, api.get(items + "?fiscalYear=R6").send().expect(200).object().getInt("totalItems"), "令和6年度: 2024-04 to 2025-03");
        assertEquals(3, api.get(items + "?fiscalYear=令和6年度").send().expect(200).object().getInt("totalItems"));
        assertEquals(2, api.get(items + "?kind=BULLETIN").send().expect(200).object().getInt("totalItems"));
        assertEquals(3, api.get(items + "?unitId=" + pr).send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(items + "?unitId=" + pr + "&channelId=" + web).send().expect(200).object().getInt("totalItems"));
        assertEquals(3, api.get(items + "?q=まつり").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(items + "?q=%25").send().expect(200).object().getInt("totalItems"), "% taken literally");

        String csv = new String(api.get(items + "?format=csv&fiscalYear=2024&sort=publishedOn").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF発信日,年度,タイトル,媒体,媒体の種類,担当組織,アドレス,概要,備考"), csv);
        assertTrue(csv.contains("2024-05-01,令和6年度,特集 子育て支援,広報とりで,広報紙,広報戦略課,,\"\"\"保育\"\", 子育て\","), csv);
        assertTrue(csv.contains("2024-07-01,令和6年度,市民まつりのお知らせ,市ホームページ,ホームページ,観光課,https://example.jp/m,,"), csv);
        assertEquals(1 + 3, csv.strip().split("\r?\n").length, csv);
        String en = new String(api.get(items).header("Accept", "text/csv").lang("en").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFPublished on,Fiscal year,Title,Channel,") && en.contains("PR bulletin"), en);

        assertTrue(api.get(base + "/metric-sources").send().expect(200).text().contains("promotion:pr-contents-per-fiscal-year"));
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "広報コンテンツの発信件数")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:pr-contents-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 5))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 5))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2025).add("target", 5))).build()).send().expect(201).object();
        assertEquals(1, IndicatorIT.year(indicator, 2023).getJsonNumber("actual").intValue());
        assertEquals(3, IndicatorIT.year(indicator, 2024).getJsonNumber("actual").intValue());
        assertEquals(1, IndicatorIT.year(indicator, 2025).getJsonNumber("actual").intValue());
    }

    @Test
    void aUnitFindsWhatItsPredecessorsPublishedWhenAsked() {
        String web = channel(base, "市ホームページ", "WEBSITE");
        String pr = unit(base, "0101", "広報課");
        String hearing = unit(base, "0102", "広聴課");
        String other = unit(base, "0201", "観光課");
        api.post(items).json(item(web, "広報課の記事", "2023-06-01").add("unitId", pr).build()).send().expect(201);
        api.post(items).json(item(web, "広聴課の記事", "2023-07-01").add("unitId", hearing).build()).send().expect(201);
        api.post(items).json(item(web, "観光課の記事", "2023-08-01").add("unitId", other).build()).send().expect(201);
        // 組織改正: 広報課 and 広聴課 merge into 広報広聴課 on 2024-04-01.
        String etag = api.get(base + "/organization-units/tree").send().expect(200).etag();
        String successor = api.post(base + "/organization-units/reorganizations").ifMatch(etag).json("{\"effectiveDate\":\"2024-04-01\","
                + "\"predecessorIds\":[\"" + pr + "\",\"" + hearing + "\"],\"successor\":{\"code\":\"0103\",\"nameJa\":\"広報広聴課\","
                + "\"kind\":\"DIVISION\"}}").send().expect(201).object().getJsonObject("successor").getString("id");
        api.post(items).json(item(web, "広報広聴課の記事", "2024-05-01").add("unitId", successor).build()).send().expect(201);

        assertEquals(List.of("広報広聴課の記事"), titles(api.get(items + "?unitId=" + successor).send().expect(200).object()));
        assertEquals(List.of("広報広聴課の記事", "広聴課の記事", "広報課の記事"),
                titles(api.get(items + "?unitId=" + successor + "&includeLineage=true").send().expect(200).object()),
                "the successor with what its predecessors published, newest first");
        assertEquals(List.of("広報広聴課の記事", "広報課の記事"),
                titles(api.get(items + "?unitId=" + pr + "&includeLineage=true&q=" + java.net.URLEncoder.encode("広報", java.nio.charset.StandardCharsets.UTF_8)).send().expect(200).object()),
                "from a predecessor too, with the other filters");
        assertEquals(1, api.get(items + "?unitId=" + other + "&includeLineage=true").send().expect(200).object().getInt("totalItems"));
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("title")).toList();
    }

    @Test
    void anotherMunicipalitySeesNothing() {
        String web = channel(base, "市ホームページ", "WEBSITE");
        Reply a = api.post(items).json(item(web, "お知らせ", "2024-05-01").build()).send().expect(201);
        String id = a.object().getString("id");
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        String theirs = Municipalities.PATH + "/" + other + "/promotion/pr-contents";
        assertProblem(api.get(theirs + "/" + id).send(), 404, null);
        assertProblem(api.put(theirs + "/" + id).ifMatch(a.etag()).json(item(web, "乗っ取り", "2024-05-01").build()).send(), 404, null);
        assertProblem(api.delete(theirs + "/" + id).ifMatch(a.etag()).send(), 404, null);
        assertEquals(0, api.get(theirs).send().expect(200).object().getInt("totalItems"));
        // Another municipality's staff are not told that this municipality exists (404, as for an unregistered code).
        assertProblem(api.as("STAFF", other).get(items + "/" + id).send(), 404, null);
        assertEquals("お知らせ", api.get(items + "/" + id).send().expect(200).object().getString("title"), "unchanged");
    }
}
