package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * タウンミーティング・懇談会 end to end: FY2020 as つくば市 had it (the district meetings cancelled for
 * COVID-19 with the reason, the student dialogue held online on 2021-02-19); opinions recorded at
 * a held meeting, assigned to a unit, tracked to 完了 with the city's response (each change raises the
 * meeting's version; stale or missing If-Match refused); the unit's task list; the published report
 * on the portal; CSV; metrics per fiscal year; permissions and bad input as problems in Japanese and
 * English that write nothing.
 */
@MachiTest
class MeetingIT {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Api api;
    private String lg;
    private String base;
    private String meetings;
    private String kocho;
    private Api staff;
    private Api viewer;

    MeetingIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        meetings = base + "/engagement/meetings";
        kocho = TaskListIT.unit(api, base, "1030", "広聴室");
        staff = TaskListIT.user(api, base, "STAFF", kocho);
        viewer = TaskListIT.user(api, base, "VIEWER", kocho);
    }

    private static JsonObjectBuilder cancelled() {
        return Json.createObjectBuilder().add("fiscalYear", 2020).add("kind", "DISTRICT")
                .add("title", "地区別タウンミーティング（市内6地区）").add("district", "市内6地区").add("status", "CANCELLED")
                .add("cancelReason", "新型コロナのリスクを考慮して開催を見合わせました。").add("reportPublished", true);
    }

    private static JsonObjectBuilder student(String status) {
        return Json.createObjectBuilder().add("meetingDate", "2021-02-19").add("kind", "STUDENT")
                .add("title", "学生懇談会（オンライン・試行）").add("online", true).add("status", status)
                .add("reportSummary", "オンライン開催の課題点を検出しました。");
    }

    private int actual(String metric, int fiscalYear) {
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", metric)
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "engagement:" + metric)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fiscalYear)))
                .build()).send().expect(201).object();
        return IndicatorIT.year(indicator, fiscalYear).getJsonNumber("actual").intValue();
    }

    @Test
    void fiscal2020CancelledAndHeldOnlineOpinionsTrackedToClosedAndReported() {
        // The district meetings: cancelled for COVID-19, with the reason; the report published.
        JsonObject off = staff.post(meetings).json(cancelled().build()).send().expect(201).object();
        assertEquals("中止", off.getString("statusLabel"));
        assertEquals("令和2年度", off.getString("fiscalYearLabel"));
        // The student dialogue: held online on 2021-02-19 (FY2020), 12 participants here.
        Reply held = staff.post(meetings).json(student("HELD").add("participants", 12).build()).send().expect(201);
        assertEquals(2020, held.object().getInt("fiscalYear"));
        String one = meetings + "/" + held.object().getString("id");

        // An opinion raised there, assigned to the unit: the version rises, stale and missing If-Match refused.
        Reply withOpinion = staff.post(one + "/opinions").ifMatch(held.etag()).json(Json.createObjectBuilder()
                .add("opinion", "オンラインでも質問しやすい仕組みがほしい。").add("unitId", kocho).build()).send().expect(201);
        assertNotEquals(held.etag(), withOpinion.etag());
        JsonObject opinion = withOpinion.object().getJsonArray("opinions").getJsonObject(0);
        assertEquals("受付", opinion.getString("statusLabel"));
        String opinionUrl = one + "/opinions/" + opinion.getString("id");
        assertProblem(staff.put(opinionUrl).ifMatch(held.etag()).json("{\"opinion\":\"x\"}").send(), 412, null);
        assertProblem(staff.put(opinionUrl).json("{\"opinion\":\"x\"}").send(), 428, null);
        assertTrue(staff.get(base + "/tasks").send().expect(200).text().contains("オンラインでも質問しやすい"),
                "the unit has it to close");

        // Closing needs the city's response (Japanese, English); nothing written.
        Reply noResponse = staff.put(opinionUrl).ifMatch(withOpinion.etag()).json(Json.createObjectBuilder()
                .add("opinion", opinion.getString("opinion")).add("unitId", kocho).add("status", "CLOSED").build()).send();
        assertTrue(Problems.fields(assertJapanese(noResponse, assertProblem(noResponse, 400, "validation"))).contains("response"));
        Reply noResponseEn = staff.put(opinionUrl).lang("en").ifMatch(withOpinion.etag()).json(Json.createObjectBuilder()
                .add("opinion", opinion.getString("opinion")).add("status", "CLOSED").build()).send();
        assertEnglish(noResponseEn, assertProblem(noResponseEn, 400, "validation"));
        assertEquals(withOpinion.etag(), api.get(one).send().expect(200).etag(), "nothing written");
        Reply closed = staff.put(opinionUrl).ifMatch(withOpinion.etag()).json(Json.createObjectBuilder()
                .add("opinion", opinion.getString("opinion")).add("unitId", kocho).add("status", "CLOSED")
                .add("response", "次回から事前にオンラインで質問を受け付けます。").build()).send().expect(200);
        assertNotEquals(withOpinion.etag(), closed.etag());
        assertEquals(0, closed.object().getInt("opinionsOpen"));
        assertFalse(staff.get(base + "/tasks").send().expect(200).text().contains("オンラインでも質問しやすい"),
                "closed: no longer waiting");

        // Publish the report: the portal shows both meetings of FY2020, the reason and the response.
        JsonObject m = closed.object();
        staff.put(one).ifMatch(closed.etag()).json(student("HELD").add("participants", 12).add("reportPublished", true)
                .build()).send().expect(200);
        Reply portal = api.anonymous().get(meetings + "/published?fiscalYear=2020").send().expect(200);
        assertEquals(2, portal.object().getInt("totalItems"), portal::toString);
        assertTrue(portal.text().contains("新型コロナのリスクを考慮して") && portal.text().contains("次回から事前にオンラインで"),
                portal::toString);
        assertFalse(portal.text().contains(kocho), "no internal ids of units");
        assertEquals("Student dialogue", api.anonymous().get(meetings + "/published/" + m.getString("id")).lang("en")
                .send().expect(200).object().getString("kindLabel"));

        // CSV: BOM, Japanese labels.
        Reply csv = viewer.get(meetings + "?format=csv&fiscalYear=2020").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("学生懇談会") && text.contains("中止") && text.contains("令和2年度"), text);

        // Metrics for FY2020: 1 held, 12 participants, 1 opinion recorded, 1 closed.
        assertEquals(1, actual("meetings-held", 2020));
        assertEquals(12, actual("meeting-participants", 2020));
        assertEquals(1, actual("meeting-opinions-recorded", 2020));
        assertEquals(1, actual("meeting-opinions-closed", 2020));
    }

    @Test
    void rulesPermissionsAndOtherMunicipalities() {
        // A held meeting needs its day, a cancelled one its reason; a planned one has no participants nor report.
        for (JsonObjectBuilder bad : List.of(
                Json.createObjectBuilder().add("fiscalYear", 2020).add("kind", "CITYWIDE").add("title", "全市").add("status", "HELD"),
                cancelled().remove("cancelReason"),
                student("PLANNED").add("participants", 3),
                student("PLANNED").add("reportPublished", true),
                student("HELD").add("fiscalYear", 2021),
                student("HELD").add("participants", -1),
                student("HELD").add("kind", "PARTY"),
                student("HELD").add("title", "あ".repeat(201)))) {
            Reply r = staff.post(meetings).json(bad.build()).send();
            assertJapanese(r, assertProblem(r, 400, null));
        }
        assertEquals(0, api.get(meetings).send().expect(200).object().getInt("totalItems"), "nothing half-written");
        // Viewers read, they do not write; anonymous people see published reports only.
        assertProblem(viewer.post(meetings).json(cancelled().build()).send(), 403, null);
        assertProblem(api.anonymous().get(meetings).send(), 401, null);
        Reply planned = staff.post(meetings).json(student("PLANNED").build()).send().expect(201);
        String id = planned.object().getString("id");
        assertProblem(api.anonymous().get(meetings + "/published/" + id).send(), 404, null);
        // No opinions at a meeting not held (409), in English too.
        Reply notHeld = staff.post(meetings + "/" + id + "/opinions").lang("en").ifMatch(planned.etag())
                .json("{\"opinion\":\"x\"}").send();
        assertEnglish(notHeld, assertProblem(notHeld, 409, null));
        for (String q : List.of("?fiscalYear=R2", "?status=DONE", "?kind=x", "?sort=secret")) {
            Reply bad = api.get(meetings + q).send();
            assertJapanese(bad, assertProblem(bad, 400, null));
        }
        // Another municipality's meeting is not found here.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "engagement", true);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/engagement/meetings/" + id).send(), 404, null);
        Reply noOpinion = staff.put(meetings + "/" + id + "/opinions/" + UUID.randomUUID()).ifMatch(planned.etag())
                .json("{\"opinion\":\"x\"}").send();
        assertJapanese(noOpinion, assertProblem(noOpinion, 404, null));
    }
}
