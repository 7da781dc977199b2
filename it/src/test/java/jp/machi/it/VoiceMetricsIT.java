package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Citizen voices to the end, metrics and the letter answer: indicators bound to the engagement
 * module's metrics take as actuals the voices received in a fiscal year, those needing a written
 * answer, and the share of those answered (approved) by their deadline; the letter answer of an
 * approved answer carries the resident's name and address in full, to staff only, recorded as a
 * personal-data read.
 */
@MachiTest
class VoiceMetricsIT {

    private final Api api;
    private String lg;
    private String base;
    private String roads;
    private Api drafter;
    private Api approver;

    VoiceMetricsIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        roads = TaskListIT.unit(api, base, "01", "道路管理課");
        drafter = TaskListIT.user(api, base, "STAFF", roads);
        approver = TaskListIT.user(api, base, "STAFF", null, "engagement.approver");
    }

    private JsonObject bound(String metric, int fiscalYear) {
        return api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", metric).add("kind", "ACTIVITY")
                .add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("metricSource", "engagement:" + metric)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fiscalYear)))
                .build()).send().expect(201).object();
    }

    private JsonObject actualOf(String metric, int fiscalYear) {
        return IndicatorIT.year(bound(metric, fiscalYear), fiscalYear);
    }

    /** Drafts, submits and approves an answer to voice {@code id} (routed to roads first). */
    private void answer(String id) {
        String voice = base + "/engagement/voices/" + id;
        Reply current = api.get(voice).send().expect(200);
        JsonObject c = current.object();
        drafter.put(voice).ifMatch(current.etag()).json(Json.createObjectBuilder().add("channel", c.getString("channel"))
                .add("subject", c.getString("subject")).add("body", c.getString("body")).add("status", "IN_PROGRESS")
                .add("answerDue", c.getString("answerDue")).add("published", false).add("unitId", roads)
                .add("answer", "照明を増設します。").build()).send().expect(200);
        drafter.post(voice + "/answer/transitions").ifMatch(api.get(voice).send().expect(200).etag())
                .json("{\"action\":\"submit\"}").send().expect(200);
        approver.post(voice + "/answer/transitions").ifMatch(api.get(voice).send().expect(200).etag())
                .json("{\"action\":\"approve\"}").send().expect(200);
    }

    private void dueOn(String id, LocalDate due) {
        String voice = base + "/engagement/voices/" + id;
        Reply current = api.get(voice).send().expect(200);
        JsonObject c = current.object();
        api.put(voice).ifMatch(current.etag()).json(Json.createObjectBuilder().add("channel", c.getString("channel"))
                .add("subject", c.getString("subject")).add("body", c.getString("body")).add("status", "RECEIVED")
                .add("answerDue", due.toString()).add("published", false).build()).send().expect(200);
    }

    @Test
    void boundIndicatorsCountTheYearsVoicesAndTheShareAnsweredInTime() {
        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        for (String m : List.of("voices-received", "voices-written-answer-required", "voices-answered-on-time-share")) {
            assertTrue(offered.contains("engagement:" + m), offered);
        }
        // FY2023 (April 2023 – March 2024): three voices, two needing a written answer; one of April 2024 is FY2024.
        VoiceRoutingIT.register(api, base, "LETTER", "2023-04-01", true);
        VoiceRoutingIT.register(api, base, "PETITION", "2024-03-31", true);
        VoiceRoutingIT.register(api, base, "PHONE", "2023-10-10", false);
        VoiceRoutingIT.register(api, base, "LETTER", "2024-04-01", true);
        assertEquals(3, actualOf("voices-received", 2023).getJsonNumber("actual").intValue());
        assertEquals(2, actualOf("voices-written-answer-required", 2023).getJsonNumber("actual").intValue());
        assertEquals(1, actualOf("voices-received", 2024).getJsonNumber("actual").intValue());
        // Of the voices needing an answer, only the one of 2023-04-01 is due in FY2023 (the other on 2024-05-10):
        // past its deadline, unanswered: 0 % on time.
        assertEquals(0.0, actualOf("voices-answered-on-time-share", 2023).getJsonNumber("actual").doubleValue());

        // This year: one answered (approved) today, before its deadline; one past its deadline unanswered;
        // one still open before its deadline does not count yet.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        int fy = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        LocalDate start = LocalDate.of(fy, 4, 1);
        String onTime = VoiceRoutingIT.register(api, base, "LETTER", today.toString(), true);
        String late = VoiceRoutingIT.register(api, base, "LETTER", start.toString(), true);
        VoiceRoutingIT.register(api, base, "LETTER", today.toString(), true);
        answer(onTime);
        if (today.isAfter(start)) {
            dueOn(late, start);
            assertEquals(50.0, actualOf("voices-answered-on-time-share", fy).getJsonNumber("actual").doubleValue());
        } else {
            assertEquals(100.0, actualOf("voices-answered-on-time-share", fy).getJsonNumber("actual").doubleValue());
        }
        // A year without voices has no figure.
        assertFalse(actualOf("voices-received", 2010).containsKey("actual"));
    }

    @Test
    void theLetterAnswerShowsTheResidentInFullToStaffOnlyAndIsAudited() {
        String id = VoiceRoutingIT.register(api, base, "LETTER", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString(), true);
        String letter = base + "/engagement/voices/" + id + "/answer-letter";
        assertProblem(drafter.get(letter).send(), 409, "answer-not-sendable");
        answer(id);
        Api viewer = TaskListIT.user(api, base, "VIEWER", roads);
        assertProblem(viewer.get(letter).send(), 403, "forbidden");
        JsonObject l = drafter.get(letter).send().expect(200).object();
        assertEquals("見本 太郎", l.getString("senderName"));
        assertEquals("茨城県つくば市（架空）", l.getString("senderAddress"));
        assertEquals("照明を増設します。", l.getString("answer"));
        assertEquals("公園の照明", l.getString("subject"));
        assertEquals("道路管理課", l.getString("unitName"));
        assertFalse(l.getString("municipalityName").isBlank());
        assertTrue(l.getString("receiptNumber").startsWith("V-"), l::toString);
        List<JsonObject> reads = api.get(base + "/audit-events?size=100&action=READ_PERSONAL&entityId=" + id).send()
                .expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, reads.size(), reads::toString);
        String fields = reads.get(0).getJsonObject("changes").getJsonArray("fields").toString();
        assertTrue(fields.contains("senderName") && fields.contains("senderAddress"), fields);
    }
}
