package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 寄附金の活用報告: a fiscal year's report, per use the amount spent and a text, beside the donations
 * received for that use in the year (summed in the database); child rows under the report's ETag;
 * on the portal only once published, for anyone, without any donor; bad input 400, nothing written.
 */
@MachiTest
class UseReportIT {

    private final Api api;
    private String lg;
    private String base;
    private String reports;

    UseReportIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        reports = base + "/promotion/use-reports";
    }

    private String use(String name) {
        return api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", name).build()).send().expect(201).object()
                .getString("id");
    }

    private static JsonObject report(String fy, String publishedOn, JsonArrayBuilder lines) {
        var b = Json.createObjectBuilder().add("fiscalYear", fy).add("summary", "皆さまの寄附で、子どもたちの学びと観光の魅力づくりを進めました。").add("lines", lines);
        if (publishedOn != null) {
            b.add("publishedOn", publishedOn);
        }
        return b.build();
    }

    private static JsonObject line(String use, long spent, String text) {
        return Json.createObjectBuilder().add("useId", use).add("spent", spent).add("text", text).build();
    }

    @Test
    void aReportIsWrittenUnderIfMatchAndAppearsOnThePortalOnlyOncePublishedWithoutDonors() {
        String children = use("子育て支援");
        String tourism = use("観光振興");
        String donor = api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", "報告 花子").add("email", "hokoku@example.jp")
                .build()).send().expect(201).object().getString("id");
        for (String[] d : new String[][] {{"2024-05-01", "30000", children}, {"2025-03-31", "20000", children}, {"2025-04-01", "99000", children},
            {"2024-08-01", "10000", tourism}}) {
            api.post(base + "/promotion/donations").json(Json.createObjectBuilder().add("donorId", donor).add("receivedOn", d[0])
                    .add("amount", Long.parseLong(d[1])).add("paymentMethod", "CREDIT_CARD").add("useId", d[2]).build()).send().expect(201);
        }
        Reply created = api.post(reports).json(report("R6", null, Json.createArrayBuilder().add(line(children, 45_000, "放課後学習室の教材")))).send();
        created.expect(201);
        JsonObject r = created.object();
        assertEquals(2024, r.getJsonObject("fiscalYear").getInt("year"));
        assertFalse(r.getBoolean("published"));
        JsonObject l = r.getJsonArray("lines").getJsonObject(0);
        assertEquals("子育て支援", l.getString("useName"));
        assertEquals(50_000, l.getJsonNumber("received").longValue(), "April 2024 to March 2025 only");
        assertEquals(2, l.getInt("receivedCount"));
        String item = reports + "/" + r.getString("id");
        String pub = base + "/promotion/public/use-reports";
        Api anonymous = api.anonymous();
        assertEquals(0, anonymous.get(pub).send().expect(200).object().getInt("totalItems"), "not published yet");
        assertProblem(anonymous.get(pub + "/" + r.getString("id")).send(), 404, null);

        assertProblem(api.put(item).json(report("R6", "2025-06-01", Json.createArrayBuilder())).send(), 428, null);
        Reply published = api.put(item).ifMatch(created.etag()).json(report("R6", "2025-06-01", Json.createArrayBuilder()
                .add(line(children, 45_000, "放課後学習室の教材")).add(line(tourism, 8_000, "観光パンフレットの多言語化")))).send().expect(200);
        assertNotEquals(created.etag(), published.etag());
        Reply one = api.put(item).ifMatch(published.etag()).json(report("R6", "2025-06-01", Json.createArrayBuilder()
                .add(line(children, 46_000, "放課後学習室の教材")).add(line(tourism, 8_000, "観光パンフレットの多言語化")))).send().expect(200);
        assertNotEquals(published.etag(), one.etag(), "one use's amount is a change of the report");
        assertProblem(api.put(item).ifMatch(published.etag()).json(report("R6", null, Json.createArrayBuilder())).send(), 412, null);

        JsonObject page = anonymous.get(pub).send().expect(200).object();
        assertEquals(1, page.getInt("totalItems"));
        String text = page.toString();
        assertTrue(text.contains("観光パンフレットの多言語化") && text.contains("46000"), text);
        assertFalse(text.contains("報告 花子") || text.contains("hokoku@example.jp") || text.contains(donor), "no donor on the portal: " + text);
        JsonObject one2 = anonymous.get(pub + "/" + r.getString("id")).send().expect(200).object();
        assertEquals(60_000, one2.getJsonNumber("received").longValue());
        assertEquals(54_000, one2.getJsonNumber("spent").longValue());

        String csv = new String(api.get(reports + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF年度,使途,寄附額（円）,活用額（円）,活用の内容,公開"), csv);
        assertTrue(csv.contains("令和6年度,子育て支援,50000,46000,放課後学習室の教材,はい"), csv);
        assertProblem(api.delete(base + "/promotion/donation-uses/" + tourism).ifMatch(api.get(base + "/promotion/donation-uses/" + tourism).send().etag())
                .send(), 409, null);
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        String children = use("子育て支援");
        assertProblem(api.post(reports).json("{}").send(), 400, "validation");
        assertProblem(api.post(reports).json(report("someday", null, Json.createArrayBuilder())).send(), 400, "invalid-fiscal-year");
        Reply twice = api.post(reports).json(report("R6", null, Json.createArrayBuilder().add(line(children, 1, "a")).add(line(children, 2, "b")))).send();
        assertTrue(assertProblem(twice, 400, "validation").toString().contains("lines[1].useId"), twice::text);
        assertProblem(api.post(reports).json(report("R6", null, Json.createArrayBuilder().add(line(children, -1, "a")))).send(), 400, null);
        assertProblem(api.post(reports).json(report("R6", null, Json.createArrayBuilder().add(line(children, 1_000_000_000_001L, "a")))).send(), 400, null);
        assertProblem(api.post(reports).json(report("R6", null, Json.createArrayBuilder().add(line("00000000-0000-0000-0000-000000000000", 1, "a"))))
                .send(), 400, "validation");
        assertProblem(api.post(reports).json(report("R6", "2025-02-30", Json.createArrayBuilder())).send(), 400, "validation");
        assertProblem(api.as("VIEWER", lg).post(reports).json(report("R6", null, Json.createArrayBuilder())).send(), 403, null);
        assertEquals(0, api.get(reports).send().expect(200).object().getInt("totalItems"), "nothing half-written");
        api.post(reports).json(report("R6", null, Json.createArrayBuilder())).send().expect(201);
        assertProblem(api.post(reports).json(report("2024", null, Json.createArrayBuilder())).send(), 409, null);
    }
}
