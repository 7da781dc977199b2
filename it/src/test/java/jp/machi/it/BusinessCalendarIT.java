package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static jp.machi.it.support.Problems.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;

/**
 * The business-day calendar as a resident, a calendar client and an administrator see it: a year's
 * closed days of a municipality in public (JSON and an iCalendar feed read back with a real parser,
 * ical4j, as Google/Apple/Outlook/Thunderbird read it), the municipality's own closed days as a
 * setting (If-Match, refusals in ja/en that write nothing, only administrators), and nothing of one
 * municipality's setting in another's calendar.
 */
@MachiTest
class BusinessCalendarIT {

    /** A name long enough to be folded (3 octets a character), with what TEXT must escape. */
    private static final String LONG_NAME = "市制施行記念日（市役所・支所・出張所はすべて閉庁します；窓口、電話とも休み）長い名称の折り返し確認";

    private final Api api;

    BusinessCalendarIT(Api api) {
        this.api = api;
    }

    private static String closures(String lg) {
        return Municipalities.PATH + "/" + lg + "/calendar/closures";
    }

    private static String closedDays(String lg) {
        return Municipalities.PATH + "/" + lg + "/calendar/closed-days";
    }

    private static JsonObject rules(String nameOfJune1) {
        return Json.createObjectBuilder()
                .add("recurring", Json.createArrayBuilder().add(Json.createObjectBuilder().add("from", "12-29")
                        .add("to", "01-03").add("nameJa", "年末年始").add("nameEn", "Year-end holidays")))
                .add("dates", Json.createArrayBuilder().add(Json.createObjectBuilder().add("date", "2026-06-01")
                        .add("nameJa", nameOfJune1).add("nameEn", "City Day; offices closed, all day")))
                .build();
    }

    /** date → "name kind" of a year's JSON list. */
    private static Map<String, String> byDate(JsonObject year) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonValue v : year.getJsonArray("closedDays")) {
            JsonObject d = v.asJsonObject();
            m.put(d.getString("date"), d.getString("name") + " " + d.getString("kind"));
        }
        return m;
    }

    @Test
    void aYearsClosedDaysInPublicAsJsonAndAsACalendarFeed() throws Exception {
        String lg = Municipalities.register(api);
        String other = Municipalities.register(api);
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        String etag = admin.get(closures(lg)).send().expect(200).etag();
        admin.put(closures(lg)).ifMatch(etag).json(rules(LONG_NAME)).send().expect(200);

        Api anonymous = api.anonymous();
        JsonObject year = anonymous.get(closedDays(lg) + "?year=2026").send().expect(200).object();
        assertEquals(2026, year.getInt("year"));
        assertTrue(year.getBoolean("weekendsClosed"));
        Map<String, String> days = byDate(year);
        assertEquals(18 + 5 + 1, days.size(), "18 national holidays, 1/2–1/3 and 12/29–12/31, 6/1: " + days);
        assertEquals(24, year.getInt("count"));
        assertEquals("元日 NATIONAL_HOLIDAY", days.get("2026-01-01"), "a holiday, not the closure, on 1/1");
        assertEquals("年末年始 MUNICIPAL_CLOSURE", days.get("2026-01-02"));
        assertEquals("年末年始 MUNICIPAL_CLOSURE", days.get("2026-01-03"), "also on a Saturday");
        assertEquals("成人の日 NATIONAL_HOLIDAY", days.get("2026-01-12"));
        assertEquals("振替休日 SUBSTITUTE_HOLIDAY", days.get("2026-05-06"));
        assertEquals("国民の休日 CITIZENS_HOLIDAY", days.get("2026-09-22"));
        assertEquals(LONG_NAME + " MUNICIPAL_CLOSURE", days.get("2026-06-01"));
        assertEquals("年末年始 MUNICIPAL_CLOSURE", days.get("2026-12-31"));
        JsonObject first = year.getJsonArray("closedDays").getJsonObject(0);
        assertEquals("国民の祝日", first.getString("kindLabel"));
        assertEquals("元日", first.getString("nameJa"));
        assertEquals("New Year's Day", first.getString("nameEn"));

        JsonObject english = anonymous.get(closedDays(lg) + "?year=2026").lang("en").send().expect(200).object();
        Map<String, String> en = byDate(english);
        assertEquals("Substitute holiday SUBSTITUTE_HOLIDAY", en.get("2026-05-06"));
        assertEquals("City Day; offices closed, all day MUNICIPAL_CLOSURE", en.get("2026-06-01"));
        assertEquals("Sports Day NATIONAL_HOLIDAY", en.get("2026-10-12"));
        assertEquals("National holiday", english.getJsonArray("closedDays").getJsonObject(0).getString("kindLabel"));

        Map<String, String> others = byDate(anonymous.get(closedDays(other) + "?year=2026").send().expect(200).object());
        assertEquals(23, others.size(), "another municipality: the default closures only");
        assertFalse(others.containsKey("2026-06-01"));

        // The feed: RFC 5545 as a calendar client reads it.
        Reply feed = anonymous.get(closedDays(lg) + "?year=2026&format=ics").send().expect(200);
        assertTrue(feed.contentType().startsWith("text/calendar"), feed::toString);
        String text = new String(feed.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n") && text.endsWith("END:VCALENDAR\r\n"), text);
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"),
                "every line ends with CRLF");
        boolean folded = false;
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "longer than 75 octets: " + line);
            folded |= line.startsWith(" ");
        }
        assertTrue(folded, "the long name is folded");

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        assertEquals("2.0", calendar.getProperty(Property.VERSION).getValue());
        assertFalse(calendar.getProperty(Property.PRODID).getValue().isBlank());
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(24, events.size());
        Map<String, String> summaries = new LinkedHashMap<>();
        Set<String> uids = new HashSet<>();
        for (CalendarComponent e : events) {
            Property start = e.getProperty(Property.DTSTART);
            assertEquals("DATE", start.getParameter(Parameter.VALUE).getValue(), "all-day");
            assertEquals("DATE", e.getProperty(Property.DTEND).getParameter(Parameter.VALUE).getValue());
            assertEquals(java.time.LocalDate.parse(start.getValue(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    .plusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                    e.getProperty(Property.DTEND).getValue(), "one day each");
            assertTrue(e.getProperty(Property.DTSTAMP) != null);
            assertTrue(uids.add(e.getProperty(Property.UID).getValue()), "unique UIDs");
            summaries.put(start.getValue(), e.getProperty(Property.SUMMARY).getValue());
        }
        assertEquals("元日", summaries.get("20260101"));
        assertEquals("振替休日", summaries.get("20260506"));
        assertEquals(LONG_NAME, summaries.get("20260601"), "folding undone by the parser");
        assertEquals("年末年始", summaries.get("20261229"));

        // Stable UIDs: fetched again (and asked for by Accept), the same events.
        Reply again = anonymous.get(closedDays(lg) + "?year=2026").accept("text/calendar").lang("en").send().expect(200);
        Calendar second = new CalendarBuilder().build(new StringReader(again.text()));
        Set<String> uids2 = new HashSet<>();
        List<String> englishSummaries = new ArrayList<>();
        for (CalendarComponent e : second.getComponents(Component.VEVENT)) {
            uids2.add(e.getProperty(Property.UID).getValue());
            englishSummaries.add(e.getProperty(Property.SUMMARY).getValue());
        }
        assertEquals(uids, uids2);
        assertTrue(englishSummaries.contains("City Day; offices closed, all day"), englishSummaries::toString);

        // Without a year: this year and the next.
        Reply current = anonymous.get(closedDays(lg) + "?format=ics").send().expect(200);
        Calendar both = new CalendarBuilder().build(new StringReader(current.text()));
        Set<String> years = new HashSet<>();
        both.getComponents(Component.VEVENT).forEach(e -> years.add(e.getProperty(Property.DTSTART).getValue().substring(0, 4)));
        assertEquals(2, years.size(), years::toString);
    }

    @Test
    void aYearOutsideTheCalendarIsRefusedInJapaneseAndEnglish() {
        String lg = Municipalities.register(api);
        Api anonymous = api.anonymous();
        for (String bad : List.of("1954", "2100", "abc", "2026.5", "99999999999")) {
            Reply r = anonymous.get(closedDays(lg) + "?year=" + bad).send();
            JsonObject p = assertJapanese(r, assertProblem(r, 400, "validation"));
            assertTrue(fields(p).contains("\"year\"") && fields(p).contains("1955") && fields(p).contains("2099"), r::toString);
            Reply e = anonymous.get(closedDays(lg) + "?year=" + bad + "&format=ics").lang("en").send();
            assertTrue(fields(assertEnglish(e, assertProblem(e, 400, "validation"))).contains("from 1955 to 2099"), e::toString);
        }
        assertEquals(9, byDate(anonymous.get(closedDays(lg) + "?year=1955").send().expect(200).object()).size()
                - 2 - 3, "1955: the nine days of the 1948 law, with 1/2–1/3 and 12/29–12/31");
        anonymous.get(closedDays(lg) + "?year=2099").send().expect(200);
        Reply format = anonymous.get(closedDays(lg) + "?year=2026&format=xml").send();
        assertTrue(fields(assertProblem(format, 400, "validation")).contains("\"format\""), format::toString);
        Reply lang = anonymous.get(closedDays(lg) + "?year=2026&lang=fr").send();
        assertTrue(fields(assertProblem(lang, 400, "validation")).contains("\"lang\""), lang::toString);
    }

    @Test
    void theClosedDaysSettingIsTheAdministratorsAndRefusesBadValuesWritingNothing() {
        String lg = Municipalities.register(api);
        String other = Municipalities.register(api);
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply initial = admin.get(closures(lg)).send().expect(200);
        assertEquals("\"0\"", initial.header("ETag").orElse(""));
        JsonObject def = initial.object();
        assertTrue(def.getBoolean("isDefault"));
        assertEquals("12-29", def.getJsonArray("recurring").getJsonObject(0).getString("from"));
        assertEquals("01-03", def.getJsonArray("recurring").getJsonObject(0).getString("to"));
        assertEquals("年末年始", def.getJsonArray("recurring").getJsonObject(0).getString("nameJa"));
        assertEquals(0, def.getJsonArray("dates").size());

        // Who may: staff and viewers read, only administrators write.
        api.as("STAFF", lg).get(closures(lg)).send().expect(200);
        assertProblem(api.as("STAFF", lg).put(closures(lg)).ifMatch("\"0\"").json(rules("市民の日")).send(), 403, null);
        assertProblem(api.as("VIEWER", lg).put(closures(lg)).ifMatch("\"0\"").json(rules("市民の日")).send(), 403, null);
        assertProblem(api.as("MUNICIPALITY_ADMIN", other).put(closures(lg)).ifMatch("\"0\"").json(rules("市民の日")).send(),
                404, null);
        assertProblem(admin.put(closures(lg)).json(rules("市民の日")).send(), 428, null);
        assertProblem(admin.put(closures(lg)).ifMatch("\"7\"").json(rules("市民の日")).send(), 412, null);

        // Bad values: one field error each, in Japanese and English, nothing written.
        JsonObject bad = Json.createObjectBuilder()
                .add("recurring", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("from", "13-01").add("to", "02-30").add("nameJa", " "))
                        .add(JsonValue.NULL)
                        .add(Json.createObjectBuilder().add("from", "08-13").add("to", "08-15").add("nameJa", "お盆")
                                .add("nameEn", "x".repeat(101))))
                .add("dates", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("date", "2026-02-30").add("nameJa", "存在しない日"))
                        .add(Json.createObjectBuilder().add("date", "2026-08-14").add("nameJa", "改行\nあり"))
                        .add(Json.createObjectBuilder().add("date", "2026-08-14").add("nameJa", "重複"))
                        .add(Json.createObjectBuilder().add("date", "2100-01-04").add("nameJa", "範囲外")))
                .build();
        Reply ja = admin.put(closures(lg)).ifMatch("\"0\"").json(bad).send();
        JsonObject problem = assertJapanese(ja, assertProblem(ja, 400, "validation"));
        List<String> failing = problem.getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
        assertEquals(List.of("recurring[0].from", "recurring[0].to", "recurring[0].nameJa", "recurring[1]",
                "recurring[2].nameEn", "dates[0].date", "dates[1].nameJa", "dates[2].date", "dates[3].date"), failing,
                ja::toString);
        assertTrue(fields(problem).contains("MM-DD") && fields(problem).contains("13-01"), ja::toString);
        Reply en = admin.put(closures(lg)).ifMatch("\"0\"").json(bad).lang("en").send();
        assertTrue(fields(assertEnglish(en, assertProblem(en, 400, "validation"))).contains("is listed more than once"),
                en::toString);
        Reply missing = admin.put(closures(lg)).ifMatch("\"0\"").json("{\"recurring\":[]}").send();
        assertEquals("dates", assertProblem(missing, 400, "validation").getJsonArray("errors").getJsonObject(0)
                .getString("field"), missing::toString);
        Reply shape = admin.put(closures(lg)).ifMatch("\"0\"").json("{\"recurring\":\"12-29\",\"dates\":[]}").send();
        assertProblem(shape, 400, null);
        Reply unchanged = admin.get(closures(lg)).send().expect(200);
        assertEquals("\"0\"", unchanged.header("ETag").orElse(""), "nothing written");
        assertTrue(unchanged.object().getBoolean("isDefault"));

        // The administrator's own closures: the ETag moves, the calendar follows, the other municipality does not.
        Reply set = admin.put(closures(lg)).ifMatch("\"0\"").json(Json.createObjectBuilder()
                .add("recurring", Json.createArrayBuilder().add(Json.createObjectBuilder().add("from", "08-13")
                        .add("to", "08-15").add("nameJa", "お盆休み").add("nameEn", "Obon")))
                .add("dates", Json.createArrayBuilder()).build()).send().expect(200);
        assertFalse(set.object().getBoolean("isDefault"));
        assertProblem(admin.put(closures(lg)).ifMatch("\"0\"").json(rules("市民の日")).send(), 412, null);
        Map<String, String> days = byDate(api.anonymous().get(closedDays(lg) + "?year=2026").send().expect(200).object());
        assertEquals("お盆休み MUNICIPAL_CLOSURE", days.get("2026-08-13"));
        assertEquals("山の日 NATIONAL_HOLIDAY", days.get("2026-08-11"));
        assertFalse(days.containsKey("2026-12-29"), "12/29 is open now: " + days);
        assertFalse(days.containsKey("2026-01-02"));
        assertEquals("年末年始 MUNICIPAL_CLOSURE",
                byDate(api.anonymous().get(closedDays(other) + "?year=2026").send().expect(200).object()).get("2026-12-29"));
        JsonArray recurring = admin.get(closures(lg)).send().expect(200).object().getJsonArray("recurring");
        assertEquals("Obon", recurring.getJsonObject(0).getString("nameEn"));

        // Back to none at all: empty lists.
        admin.put(closures(lg)).ifMatch(set.etag()).json("{\"recurring\":[],\"dates\":[]}").send().expect(200);
        Map<String, String> none = byDate(api.anonymous().get(closedDays(lg) + "?year=2026").send().expect(200).object());
        assertEquals(18, none.size(), none::toString);
    }
}
