package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
 * 結婚支援: events, consultations and seminars with participants, couples formed and marriages (counts
 * only); a fiscal year's totals summed in the database; If-Match; bad input 400 in ja/en with nothing
 * written; CSV; the metrics a cumulative indicator binds to (須坂市's 成婚数の累計 13 → 15).
 */
@MachiTest
class MarriageSupportIT {

    private final Api api;
    private String lg;
    private String base;
    private String activities;

    MarriageSupportIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        activities = base + "/promotion/marriage-support";
    }

    private static JsonObjectBuilder activity(String kind, String day, String title, int participants, int couples, int marriages) {
        return Json.createObjectBuilder().add("kind", kind).add("heldOn", day).add("title", title).add("participants", participants)
                .add("couplesFormed", couples).add("marriages", marriages);
    }

    @Test
    void activitiesAddUpPerFiscalYearAndFeedACumulativeIndicator() {
        Reply event = api.post(activities).json(activity("EVENT", "2023-11-03", "交流イベント", 24, 3, 1).build()).send();
        event.expect(201);
        assertEquals("交流イベント", event.object().getString("kindLabel"));
        assertEquals("令和5年度", event.object().getJsonObject("fiscalYear").getString("label"));
        api.post(activities).json(activity("SEMINAR", "2024-03-31", "講座", 12, 0, 0).build()).send().expect(201);
        api.post(activities).json(activity("CONSULTATION", "2024-04-01", "9月の相談", 8, 1, 1).build()).send().expect(201);
        JsonObject t = api.get(activities + "/totals?fiscalYear=R5").send().expect(200).object();
        assertEquals(2, t.getInt("activities"));
        assertEquals(1, t.getInt("events"));
        assertEquals(1, t.getInt("seminars"));
        assertEquals(36, t.getInt("participants"));
        assertEquals(3, t.getInt("couplesFormed"));
        assertEquals(1, t.getInt("marriages"));
        assertEquals(1, api.get(activities + "?fiscalYear=2024").send().expect(200).object().getInt("totalItems"));

        String item = activities + "/" + event.object().getString("id");
        assertProblem(api.put(item).json(activity("EVENT", "2023-11-03", "交流イベント", 24, 4, 2).build()).send(), 428, null);
        Reply revised = api.put(item).ifMatch(event.etag()).json(activity("EVENT", "2023-11-03", "交流イベント", 24, 4, 2).build()).send().expect(200);
        assertNotEquals(event.etag(), revised.etag());
        assertProblem(api.put(item).ifMatch(event.etag()).json(activity("EVENT", "2023-11-03", "交流イベント", 24, 4, 2).build()).send(), 412, null);

        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "結婚支援事業を通じた成婚数の累計")
                .add("kind", "OUTCOME").add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("cumulative", true)
                .add("baseline", Json.createObjectBuilder().add("value", 13).add("fiscalYear", 2019))
                .add("metricSource", "promotion:marriages-through-support-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 14))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 15))).build()).send().expect(201).object();
        assertEquals(15, IndicatorIT.year(indicator, 2023).getJsonNumber("actual").intValue(), "13 + 2 marriages in 令和5年度");
        assertEquals(16, IndicatorIT.year(indicator, 2024).getJsonNumber("actual").intValue(), "+ 1 in 令和6年度");
        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        assertTrue(offered.contains("promotion:marriage-support-participants-per-fiscal-year")
                && offered.contains("promotion:marriage-support-couples-per-fiscal-year"), offered);

        String csv = new String(api.get(activities + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF実施日,年度,種類,名称,参加者数,カップル成立数,成婚数,備考"), csv);
        assertTrue(csv.contains("2023-11-03,令和5年度,交流イベント,交流イベント,24,4,2,"), csv);
        api.delete(item).ifMatch(revised.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, null);
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        Reply empty = api.post(activities).lang("en").json("{}").send();
        JsonObject p = assertEnglish(empty, assertProblem(empty, 400, "validation"));
        for (String f : new String[] {"\"kind\"", "\"heldOn\"", "\"title\""}) {
            assertTrue(p.toString().contains(f), f + " in " + p);
        }
        assertProblem(api.post(activities).json(activity("PARTY", "2024-01-01", "x", 1, 0, 0).build()).send(), 400, "validation");
        assertProblem(api.post(activities).json(activity("EVENT", "2999-01-01", "x", 1, 0, 0).build()).send(), 400, "validation");
        assertProblem(api.post(activities).json(activity("EVENT", "2024-02-30", "x", 1, 0, 0).build()).send(), 400, "validation");
        assertProblem(api.post(activities).json(activity("EVENT", "2024-01-01", "x", -1, 0, 0).build()).send(), 400, null);
        assertProblem(api.post(activities).json(activity("EVENT", "2024-01-01", "x", 100_001, 0, 0).build()).send(), 400, null);
        assertProblem(api.post(activities).json(activity("EVENT", "2024-01-01", "x", 4, 3, 0).build()).send(), 400, "validation");
        assertProblem(api.get(activities + "?kind=PARTY").send(), 400, "validation");
        assertEquals(0, api.get(activities + "/totals").send().expect(200).object().getInt("activities"), "this fiscal year when left out");
        assertProblem(api.get(activities + "/totals?fiscalYear=someday").send(), 400, "validation");
        assertProblem(api.as("VIEWER", lg).post(activities).json(activity("EVENT", "2024-01-01", "x", 1, 0, 0).build()).send(), 403, null);
        assertEquals(0, api.get(activities).send().expect(200).object().getInt("totalItems"), "nothing half-written");
    }
}
