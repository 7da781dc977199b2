package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Citizen voices handled to the end, routing: staff register a voice that came by letter or petition
 * with the day it arrived and whether it needs a written answer; they route it to a lead unit shared
 * with co-units (each finds it in its task list) and reassign it with a reason; the history keeps who
 * moved it where, when and why; every routing change raises the voice's version (If-Match), and two
 * writers with one ETag get one 200 and one 412.
 */
@MachiTest
class VoiceRoutingIT {

    private final Api api;
    private String lg;
    private String base;
    private String roads;
    private String parks;
    private String hearing;

    VoiceRoutingIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipalityWithUnits() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        roads = TaskListIT.unit(api, base, "01", "道路管理課");
        parks = TaskListIT.unit(api, base, "02", "公園緑地課");
        hearing = TaskListIT.unit(api, base, "03", "広聴室");
    }

    /** Registers a voice as staff and answers its id. */
    static String register(Api staff, String base, String channel, String receivedOn, Boolean written) {
        var b = Json.createObjectBuilder().add("subject", "公園の照明").add("body", "夜の公園が暗くて危ないです。")
                .add("name", "見本 太郎").add("address", "茨城県つくば市（架空）").add("channel", channel)
                .add("receivedOn", receivedOn);
        if (written != null) {
            b.add("writtenAnswerRequired", written);
        }
        String receipt = staff.post(base + "/engagement/voices").json(b.build()).send().expect(201).object()
                .getString("receiptNumber");
        return staff.get(base + "/engagement/voices?size=100").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(v -> v.getString("receiptNumber").equals(receipt))
                .findFirst().orElseThrow().getString("id");
    }

    private String voice(String id) {
        return base + "/engagement/voices/" + id;
    }

    @Test
    void staffRegisterALetterOrPetitionWithItsDayAndWhetherItNeedsAWrittenAnswer() {
        String id = register(api, base, "PETITION", "2024-05-01", true);
        JsonObject v = api.get(voice(id)).send().expect(200).object();
        assertEquals("PETITION", v.getString("channel"));
        assertEquals("2024-05-01", v.getString("receivedAt").substring(0, 10));
        assertTrue(v.getBoolean("writtenAnswerRequired"));
        assertEquals("2024-06-10", v.getString("answerDue"), "40 calendar days from the day it arrived");

        String letter = register(api, base, "LETTER", "2024-05-02", false);
        assertFalse(api.get(voice(letter)).send().expect(200).object().getBoolean("writtenAnswerRequired"));

        // A resident cannot say it; a day in the future is refused.
        Reply r = api.anonymous().post(base + "/engagement/voices").lang("en").json(Json.createObjectBuilder()
                .add("subject", "a").add("body", "b").add("writtenAnswerRequired", true).build()).send();
        assertTrue(Problems.fields(assertEnglish(r, assertProblem(r, 400, "validation"))).contains("writtenAnswerRequired"));
        Reply future = api.post(base + "/engagement/voices").json(Json.createObjectBuilder().add("subject", "a")
                .add("body", "b").add("channel", "LETTER").add("receivedOn", "2999-01-01").build()).send();
        assertTrue(Problems.fields(assertJapanese(future, assertProblem(future, 400, "validation"))).contains("receivedOn"));

        // Staff change it later; the CSV says it in words.
        Reply current = api.get(voice(letter)).send().expect(200);
        JsonObject c = current.object();
        api.put(voice(letter)).ifMatch(current.etag()).json(Json.createObjectBuilder().add("channel", "LETTER")
                .add("subject", c.getString("subject")).add("body", c.getString("body")).add("status", "RECEIVED")
                .add("answerDue", c.getString("answerDue")).add("published", false).add("writtenAnswerRequired", true)
                .build()).send().expect(200);
        assertTrue(api.get(voice(letter)).send().expect(200).object().getBoolean("writtenAnswerRequired"));
        String csv = api.get(base + "/engagement/voices?format=csv").send().expect(200).text();
        assertTrue(csv.contains("文書等による回答"), csv);
        assertTrue(csv.contains("要望書"), csv);
    }

    @Test
    void routingToALeadUnitSharedWithCoUnitsKeepsItsHistoryAndReachesEachTaskList() {
        String id = register(api, base, "LETTER", "2024-05-01", true);
        String routing = voice(id) + "/routing";
        Reply before = api.get(routing).send().expect(200);
        assertEquals(0, before.object().getJsonArray("history").size());

        // Routing needs If-Match.
        assertProblem(api.put(routing).json(Json.createObjectBuilder().add("unitId", roads).build()).send(), 428,
                "precondition-required");
        Reply first = api.put(routing).ifMatch(before.etag()).json(Json.createObjectBuilder().add("unitId", roads)
                .add("coUnitIds", Json.createArrayBuilder().add(parks)).build()).send().expect(200);
        assertNotEquals(before.etag(), first.etag());
        assertEquals(roads, first.object().getJsonObject("lead").getString("id"));
        assertEquals("道路管理課", first.object().getJsonObject("lead").getString("name"));
        assertEquals(List.of("公園緑地課"), names(first.object().getJsonArray("coUnits")));
        assertEquals(roads, api.get(voice(id)).send().expect(200).object().getString("unitId"));

        // Each unit finds it in its task list; the list filtered by unit finds it for the co-unit too.
        for (String unit : List.of(roads, parks)) {
            Api staff = TaskListIT.user(api, base, "STAFF", unit);
            String tasks = staff.get(base + "/tasks").send().expect(200).text();
            assertTrue(tasks.contains(id), tasks);
            assertEquals(1, api.get(base + "/engagement/voices?unitId=" + unit).send().expect(200).object()
                    .getInt("totalItems"));
        }
        Api other = TaskListIT.user(api, base, "STAFF", hearing);
        assertFalse(other.get(base + "/tasks").send().expect(200).text().contains(id));

        // Reassigning needs a reason, field by field, in Japanese and English; nothing changes.
        Reply noReason = api.put(routing).ifMatch(first.etag()).lang("en").json(Json.createObjectBuilder()
                .add("unitId", hearing).add("coUnitIds", Json.createArrayBuilder().add(parks)).build()).send();
        String noReasonFields = Problems.fields(assertEnglish(noReason, assertProblem(noReason, 400, "validation")));
        assertTrue(noReasonFields.contains("\"reason\"") && !noReasonFields.contains("unitId"), noReasonFields);
        Reply same = api.get(routing).send().expect(200);
        assertEquals(first.etag(), same.etag());

        Api staffOfRoads = TaskListIT.user(api, base, "STAFF", roads);
        Reply moved = staffOfRoads.put(routing).ifMatch(first.etag()).json(Json.createObjectBuilder().add("unitId", hearing)
                .add("coUnitIds", Json.createArrayBuilder().add(parks))
                .add("reason", "市全体の施策に関わるため広聴室が主管します").build()).send().expect(200);
        JsonArray history = moved.object().getJsonArray("history");
        assertEquals(2, history.size());
        JsonObject last = history.getJsonObject(1);
        assertEquals("道路管理課", last.getJsonObject("from").getString("name"));
        assertEquals("広聴室", last.getJsonObject("to").getString("name"));
        assertEquals("市全体の施策に関わるため広聴室が主管します", last.getString("reason"));
        assertTrue(last.getString("by").startsWith("対応 it-tasks-staff"), last::toString);
        assertFalse(last.getString("at").isBlank());
        assertFalse(staffOfRoads.get(base + "/tasks").send().expect(200).text().contains(id));

        // A co-unit-only change moves the ETag too.
        Reply shared = api.put(routing).ifMatch(moved.etag()).json(Json.createObjectBuilder().add("unitId", hearing)
                .add("coUnitIds", Json.createArrayBuilder().add(parks).add(roads)).build()).send().expect(200);
        assertNotEquals(moved.etag(), shared.etag());
        assertEquals(shared.etag(), api.get(voice(id)).send().expect(200).etag());
        assertEquals(3, shared.object().getJsonArray("history").size());

        // A lead change through the voice's handling is in the history too.
        Reply current = api.get(voice(id)).send().expect(200);
        JsonObject c = current.object();
        api.put(voice(id)).ifMatch(current.etag()).json(Json.createObjectBuilder().add("channel", "LETTER")
                .add("subject", c.getString("subject")).add("body", c.getString("body")).add("status", "RECEIVED")
                .add("answerDue", c.getString("answerDue")).add("published", false).add("unitId", parks).build())
                .send().expect(200);
        JsonObject after = api.get(routing).send().expect(200).object();
        assertEquals(4, after.getJsonArray("history").size());
        assertEquals(List.of("道路管理課"), names(after.getJsonArray("coUnits")), "the new lead is no co-unit any more");
    }

    @Test
    void twoWritersWithOneEtagOneWinsAndBadUnitsAreRefused() {
        String id = register(api, base, "PHONE", "2024-05-01", null);
        String routing = voice(id) + "/routing";
        String etag = api.get(routing).send().expect(200).etag();
        Reply a = api.put(routing).ifMatch(etag).json(Json.createObjectBuilder().add("unitId", roads).build()).send();
        Reply b = api.put(routing).ifMatch(etag).json(Json.createObjectBuilder().add("unitId", parks).build()).send();
        assertEquals(200, a.status(), a::toString);
        assertProblem(b, 412, "stale-version");
        assertEquals(roads, api.get(voice(id)).send().expect(200).object().getString("unitId"));

        String now = api.get(routing).send().expect(200).etag();
        // Another municipality's unit is an unknown reference; the lead as co-unit, a unit twice: refused.
        String otherLg = Municipalities.register(api);
        String foreign = TaskListIT.unit(api, Municipalities.PATH + "/" + otherLg, "09", "よその課");
        Reply f = api.put(routing).ifMatch(now).json(Json.createObjectBuilder().add("unitId", roads)
                .add("coUnitIds", Json.createArrayBuilder().add(foreign)).build()).send();
        assertTrue(Problems.fields(assertProblem(f, 400, "invalid-reference")).contains("coUnitIds"));
        Reply twice = api.put(routing).ifMatch(now).json(Json.createObjectBuilder().add("unitId", roads)
                .add("coUnitIds", Json.createArrayBuilder().add(roads)).build()).send();
        assertTrue(Problems.fields(assertProblem(twice, 400, "validation")).contains("coUnitIds"));
        Reply noLead = api.put(routing).ifMatch(now).json(Json.createObjectBuilder().addNull("unitId")
                .add("coUnitIds", Json.createArrayBuilder().add(parks)).add("reason", "x").build()).send();
        assertTrue(Problems.fields(assertProblem(noLead, 400, "validation")).contains("unitId"));
        Reply longReason = api.put(routing).ifMatch(now).json(Json.createObjectBuilder().add("unitId", parks)
                .add("reason", "あ".repeat(501)).build()).send();
        assertTrue(Problems.fields(assertProblem(longReason, 400, "validation")).contains("reason"));
        assertEquals(now, api.get(routing).send().expect(200).etag(), "nothing half-written");
        // A viewer may read the routing, not change it.
        Api viewer = TaskListIT.user(api, base, "VIEWER", null);
        viewer.get(routing).send().expect(200);
        assertProblem(viewer.put(routing).ifMatch(now).json(Json.createObjectBuilder().add("unitId", parks)
                .add("reason", "x").build()).send(), 403, "forbidden");
    }

    static List<String> names(JsonArray units) {
        return units.getValuesAs(JsonObject.class).stream().map(u -> u.getString("name")).toList();
    }
}
