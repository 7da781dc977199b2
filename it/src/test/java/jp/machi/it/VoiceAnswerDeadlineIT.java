package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * The answer deadline of a citizen voice (回答期限) comes from the municipality's engagement
 * setting {@code answerDeadlineDays} (declared default 40): changing it changes the deadline of a
 * new voice, in that municipality only; a deadline outside 1–366 days is refused. With
 * {@code answerDeadlineUnit} BUSINESS the days are the municipality's business days (横浜市: 10),
 * skipping weekends, national holidays and its own closed days.
 */
@MachiTest
class VoiceAnswerDeadlineIT {

    private final Api api;

    VoiceAnswerDeadlineIT(Api api) {
        this.api = api;
    }

    /** Sends a voice as a resident; the days from its receipt to its answer deadline. */
    private static long daysOf(Api who, String lg) {
        JsonObject r = who.post(Municipalities.PATH + "/" + lg + "/engagement/voices")
                .json("{\"subject\":\"期限の確認\",\"body\":\"本文\"}").send().expect(201).object();
        return ChronoUnit.DAYS.between(LocalDate.parse(r.getString("receivedOn")), LocalDate.parse(r.getString("answerDue")));
    }

    @Test
    void theMunicipalitysSettingGivesANewVoiceItsAnswerDeadline() {
        String lg = Municipalities.register(api);
        String other = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Municipalities.setModule(api, other, "engagement", true);
        Api anonymous = api.anonymous();
        assertEquals(40, daysOf(anonymous, lg), "the declared default");

        String settings = Municipalities.PATH + "/" + lg + "/modules/engagement/settings";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply before = admin.get(settings).send().expect(200);
        Reply set = admin.put(settings).ifMatch(before.etag())
                .json(Json.createObjectBuilder().add("values", Json.createObjectBuilder().add("answerDeadlineDays", 14))
                        .build()).send().expect(200);
        assertEquals(14, daysOf(anonymous, lg), "the municipality's own value");
        assertEquals(40, daysOf(anonymous, other), "another municipality keeps the default");

        Reply zero = admin.put(settings).ifMatch(set.etag()).json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().add("answerDeadlineDays", 0)).build()).send();
        assertEquals("values.answerDeadlineDays",
                assertProblem(zero, 400, null).getJsonArray("errors").getJsonObject(0).getString("field"), zero::toString);
        assertEquals(14, daysOf(anonymous, lg), "a refused value writes nothing");
    }

    /** A voice a staff member enters with the day it was received; its answer deadline. */
    private static LocalDate dueOfLetter(Api staff, String lg, String receivedOn) {
        JsonObject r = staff.post(Municipalities.PATH + "/" + lg + "/engagement/voices")
                .json(Json.createObjectBuilder().add("subject", "期限の確認").add("body", "本文").add("channel", "LETTER")
                        .add("receivedOn", receivedOn).build()).send().expect(201).object();
        assertEquals(receivedOn, r.getString("receivedOn"));
        return LocalDate.parse(r.getString("answerDue"));
    }

    private static Reply setDeadline(Api admin, String lg, String etag, int days, String unit) {
        String settings = Municipalities.PATH + "/" + lg + "/modules/engagement/settings";
        return admin.put(settings).ifMatch(etag).json(Json.createObjectBuilder().add("values", Json.createObjectBuilder()
                .add("answerDeadlineDays", days).add("answerDeadlineUnit", unit)).build()).send();
    }

    @Test
    void inBusinessDaysTheDeadlineSkipsWeekendsHolidaysAndTheMunicipalitysClosedDays() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Api staff = api.as("STAFF", lg);
        String settings = Municipalities.PATH + "/" + lg + "/modules/engagement/settings";
        JsonObject declared = admin.get(settings).send().expect(200).object();
        assertTrue(declared.toString().contains("\"answerDeadlineUnit\""), declared::toString);
        assertEquals(LocalDate.of(2026, 2, 4), dueOfLetter(staff, lg, "2025-12-26"), "by default 40 calendar days");

        Reply set = setDeadline(admin, lg, admin.get(settings).send().expect(200).etag(), 10, "BUSINESS").expect(200);
        // Friday 2025-12-26: closed 12/27–1/4 (weekend, 年末年始 12/29–1/3, Sunday), 1/5–1/9 (5), 1/12 成人の日,
        // 1/13–1/16 (9), 1/19 (10).
        assertEquals(LocalDate.of(2026, 1, 19), dueOfLetter(staff, lg, "2025-12-26"));
        // Received on a Saturday: Monday is the first business day.
        assertEquals(LocalDate.of(2026, 1, 19), dueOfLetter(staff, lg, "2025-12-27"));
        // Golden Week 2026: Thursday 4/30, 5/1 (1), 5/7 (2) … 5/14 (7), 5/15 (8), 5/18 (9), 5/19 (10)
        assertEquals(LocalDate.of(2026, 5, 19), dueOfLetter(staff, lg, "2026-04-30"));

        // A voice received today: 10 business days by the municipality's public calendar.
        JsonObject today = api.anonymous().post(Municipalities.PATH + "/" + lg + "/engagement/voices")
                .json("{\"subject\":\"期限の確認\",\"body\":\"本文\"}").send().expect(201).object();
        LocalDate receivedOn = LocalDate.parse(today.getString("receivedOn"));
        Set<LocalDate> closed = new HashSet<>();
        for (int y = receivedOn.getYear(); y <= receivedOn.getYear() + 1; y++) {
            for (JsonValue d : api.anonymous().get(Municipalities.PATH + "/" + lg + "/calendar/closed-days?year=" + y)
                    .send().expect(200).object().getJsonArray("closedDays")) {
                closed.add(LocalDate.parse(d.asJsonObject().getString("date")));
            }
        }
        LocalDate expected = receivedOn;
        for (int n = 0; n < 10; ) {
            expected = expected.plusDays(1);
            if (expected.getDayOfWeek() != DayOfWeek.SATURDAY && expected.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !closed.contains(expected)) {
                n++;
            }
        }
        assertEquals(expected, LocalDate.parse(today.getString("answerDue")));

        // The municipality's own closed day moves the deadline.
        String closures = Municipalities.PATH + "/" + lg + "/calendar/closures";
        admin.put(closures).ifMatch(admin.get(closures).send().expect(200).etag()).json(Json.createObjectBuilder()
                .add("recurring", Json.createArrayBuilder().add(Json.createObjectBuilder().add("from", "12-29")
                        .add("to", "01-03").add("nameJa", "年末年始")))
                .add("dates", Json.createArrayBuilder().add(Json.createObjectBuilder().add("date", "2026-01-13")
                        .add("nameJa", "庁舎点検"))).build()).send().expect(200);
        assertEquals(LocalDate.of(2026, 1, 20), dueOfLetter(staff, lg, "2025-12-26"));

        // A unit that is neither is refused, in Japanese and English, and changes nothing.
        Reply weeks = setDeadline(admin, lg, set.etag(), 2, "WEEKS");
        JsonObject p = assertJapanese(weeks, assertProblem(weeks, 400, null));
        assertEquals("values.answerDeadlineUnit", p.getJsonArray("errors").getJsonObject(0).getString("field"), weeks::toString);
        Reply weeksEn = admin.put(settings).ifMatch(set.etag()).lang("en").json(Json.createObjectBuilder()
                .add("values", Json.createObjectBuilder().add("answerDeadlineUnit", "WEEKS")).build()).send();
        assertTrue(assertEnglish(weeksEn, assertProblem(weeksEn, 400, null)).toString().contains("BUSINESS"), weeksEn::toString);
        assertEquals(LocalDate.of(2026, 1, 20), dueOfLetter(staff, lg, "2025-12-26"), "nothing changed");

        // Back to calendar days: exactly the days.
        setDeadline(admin, lg, set.etag(), 10, "CALENDAR").expect(200);
        assertEquals(LocalDate.of(2026, 1, 5), dueOfLetter(staff, lg, "2025-12-26"));
    }
}
