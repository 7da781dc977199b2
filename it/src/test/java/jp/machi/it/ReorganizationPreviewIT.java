package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 組織改正 previewed, then applied: {@code POST …/organization-units/reorganizations?dryRun=true}
 * carries the reorganisation out by the code that applies it and rolls it back, answering the tree on
 * the effective date before and after and the chart's ETag; nothing is written. Applying needs that
 * ETag (If-Match: 428 without, 412 once the chart changed) and gives the tree the preview showed.
 * Also the indicator list's {@code withoutActual} filter that the home page counts with.
 */
@MachiTest
class ReorganizationPreviewIT {

    private final Api api;
    private String base;
    private String department;
    private String pr;
    private String hearing;
    private String prSection;

    ReorganizationPreviewIT(Api api) {
        this.api = api;
    }

    private String unit(String code, String nameJa, String kind, String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return api.post(base + "/organization-units").json("{\"code\":\"" + code + "\",\"nameJa\":\"" + nameJa + "\",\"kind\":\""
                + kind + "\",\"validFrom\":\"2020-04-01\"" + parent + "}").send().expect(201).object().getString("id");
    }

    @BeforeEach
    void aDepartmentWithTwoDivisions() {
        String lg = Municipalities.register(api);
        base = Municipalities.PATH + "/" + lg;
        department = unit("01", "市民協働部", "DEPARTMENT", null);
        pr = unit("0101", "広報課", "DIVISION", department);
        hearing = unit("0102", "広聴課", "DIVISION", department);
        prSection = unit("010101", "報道係", "SECTION", pr);
    }

    private String merger() {
        return "{\"effectiveDate\":\"2024-04-01\",\"predecessorIds\":[\"" + pr + "\",\"" + hearing + "\"],\"successor\":"
                + "{\"code\":\"0103\",\"nameJa\":\"広報広聴課\",\"nameEn\":\"Public Relations and Hearing Division\","
                + "\"kind\":\"DIVISION\",\"parentId\":\"" + department + "\"}}";
    }

    /** "code name" of every unit of a tree, depth first, indented by depth. */
    static List<String> outline(JsonObject tree) {
        List<String> out = new ArrayList<>();
        for (JsonValue r : tree.getJsonArray("roots")) {
            walk(r.asJsonObject(), 0, out);
        }
        return out;
    }

    private static void walk(JsonObject n, int depth, List<String> out) {
        out.add("  ".repeat(depth) + n.getString("code") + " " + n.getString("nameJa"));
        for (JsonValue c : n.getJsonArray("children")) {
            walk(c.asJsonObject(), depth + 1, out);
        }
    }

    @Test
    void aPreviewShowsTheTreeBeforeAndAfterAndWritesNothing() {
        Reply tree = api.get(base + "/organization-units/tree?asOf=2024-04-01").send().expect(200);
        String etag = tree.etag();
        assertNotNull(etag, "the tree carries the chart's ETag");
        assertEquals(etag, api.get(base + "/organization-units").send().expect(200).etag(), "the list carries the same");
        int history = api.get(base + "/organization-units?history=true").send().expect(200).object().getInt("totalItems");

        Reply dry = api.post(base + "/organization-units/reorganizations?dryRun=true").json(merger()).send().expect(200);
        assertEquals(etag, dry.etag(), "the preview answers the ETag to apply it with");
        JsonObject p = dry.object();
        assertTrue(p.getBoolean("dryRun"));
        assertEquals("2024-04-01", p.getString("effectiveDate"));
        assertEquals(List.of("01 市民協働部", "  0101 広報課", "    010101 報道係", "  0102 広聴課"), outline(p.getJsonObject("before")));
        assertEquals(List.of("01 市民協働部", "  0103 広報広聴課", "    010101 報道係"), outline(p.getJsonObject("after")));
        JsonObject changes = p.getJsonObject("changes");
        assertEquals("0103", changes.getJsonObject("successor").getString("code"));
        assertEquals(List.of("0101", "0102", "010101"), codes(changes.getJsonArray("closed")));
        assertEquals(List.of("0103", "010101"), codes(changes.getJsonArray("created")));

        // Nothing was written: the same chart, the same history, the old units still open.
        assertEquals(etag, api.get(base + "/organization-units/tree").send().expect(200).etag());
        assertEquals(history, api.get(base + "/organization-units?history=true").send().expect(200).object().getInt("totalItems"));
        assertEquals(outline(tree.object()), outline(api.get(base + "/organization-units/tree?asOf=2024-04-01").send().expect(200).object()));
        JsonObject prNow = api.get(base + "/organization-units/" + pr).send().expect(200).object();
        assertTrue(prNow.isNull("validTo"), prNow::toString);
        assertEquals(0, prNow.getJsonArray("successors").size());

        // Applied with the preview's ETag: the tree the preview showed.
        assertProblem(api.post(base + "/organization-units/reorganizations").json(merger()).send(), 428, "precondition-required");
        api.post(base + "/organization-units/reorganizations").ifMatch(etag).json(merger()).send().expect(201);
        assertEquals(outline(p.getJsonObject("after")),
                outline(api.get(base + "/organization-units/tree?asOf=2024-04-01").send().expect(200).object()));
        assertEquals(outline(p.getJsonObject("before")),
                outline(api.get(base + "/organization-units/tree?asOf=2024-03-31").send().expect(200).object()),
                "the day before keeps the old tree");
        assertNotEquals(etag, api.get(base + "/organization-units/tree").send().expect(200).etag(), "a new chart version");
    }

    @Test
    void aChangeOfTheChartAfterThePreviewRefusesTheApply() {
        String etag = api.post(base + "/organization-units/reorganizations?dryRun=true").json(merger()).send().expect(200).etag();
        // A colleague corrects a unit in between.
        Reply hearingNow = api.get(base + "/organization-units/" + hearing).send().expect(200);
        api.put(base + "/organization-units/" + hearing).ifMatch(hearingNow.etag())
                .json("{\"code\":\"0102\",\"nameJa\":\"広聴相談課\",\"kind\":\"DIVISION\"}").send().expect(200);
        assertProblem(api.post(base + "/organization-units/reorganizations").ifMatch(etag).json(merger()).send(), 412, "stale-version");
        assertEquals(List.of("01 市民協働部", "  0101 広報課", "    010101 報道係", "  0102 広聴相談課"),
                outline(api.get(base + "/organization-units/tree?asOf=2024-04-01").send().expect(200).object()), "nothing applied");
        // A new preview gives the ETag that applies it.
        String fresh = api.post(base + "/organization-units/reorganizations?dryRun=true").json(merger()).send().expect(200).etag();
        api.post(base + "/organization-units/reorganizations").ifMatch(fresh).json(merger()).send().expect(201);
    }

    @Test
    void aPreviewRefusesWhatTheApplyWouldRefuseAtItsFields() {
        String clash = "{\"effectiveDate\":\"2024-04-01\",\"predecessorIds\":[\"" + pr + "\"],\"successor\":"
                + "{\"code\":\"0102\",\"nameJa\":\"広報戦略課\",\"kind\":\"DIVISION\",\"parentId\":\"" + department + "\"}}";
        JsonObject ja = assertProblem(api.post(base + "/organization-units/reorganizations?dryRun=true").json(clash).send(), 409, "code-exists");
        assertEquals("successor.code", ja.getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply en = api.post(base + "/organization-units/reorganizations?dryRun=true").lang("en").json(clash).send();
        assertEnglish(en, assertProblem(en, 409, "code-exists"));
        Reply abolish = api.post(base + "/organization-units/reorganizations?dryRun=true")
                .json("{\"effectiveDate\":\"2024-04-01\",\"predecessorIds\":[\"" + pr + "\"],\"successor\":null}").send();
        assertJapanese(abolish, assertProblem(abolish, 409, "unit-in-use"));
        JsonObject bad = assertProblem(api.post(base + "/organization-units/reorganizations?dryRun=maybe").json(merger()).send(), 400, "validation");
        assertEquals("dryRun", bad.getJsonArray("errors").getJsonObject(0).getString("field"));
        JsonObject date = assertProblem(api.post(base + "/organization-units/reorganizations?dryRun=true")
                .json("{\"effectiveDate\":\"2024-13-01\",\"predecessorIds\":[\"" + pr + "\"]}").send(), 400, "validation");
        assertEquals("effectiveDate", date.getJsonArray("errors").getJsonObject(0).getString("field"));
        // Nothing was written by any of them.
        assertEquals(4, api.get(base + "/organization-units?history=true").send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void anAbolitionAndARenameArePreviewedAlike() {
        String abolish = "{\"effectiveDate\":\"2025-04-01\",\"predecessorIds\":[\"" + prSection + "\"],\"successor\":null}";
        JsonObject p = api.post(base + "/organization-units/reorganizations?dryRun=true").json(abolish).send().expect(200).object();
        assertEquals(List.of("01 市民協働部", "  0101 広報課", "  0102 広聴課"), outline(p.getJsonObject("after")));
        assertTrue(p.getJsonObject("changes").isNull("successor"));
        String rename = "{\"effectiveDate\":\"2025-04-01\",\"predecessorIds\":[\"" + hearing + "\"],\"successor\":"
                + "{\"code\":\"0102\",\"nameJa\":\"広聴相談課\",\"kind\":\"DIVISION\",\"parentId\":\"" + department + "\"}}";
        JsonObject r = api.post(base + "/organization-units/reorganizations?dryRun=true").json(rename).send().expect(200).object();
        assertEquals(List.of("01 市民協働部", "  0101 広報課", "    010101 報道係", "  0102 広聴相談課"), outline(r.getJsonObject("after")));
    }

    @Test
    void indicatorsWithoutAnActualOfAYearAreListed() {
        String with = "{\"nameJa\":\"相談件数\",\"kind\":\"ACTIVITY\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\","
                + "\"years\":[{\"fiscalYear\":2024,\"target\":100,\"actual\":90}]}";
        String without = "{\"nameJa\":\"参加者数\",\"kind\":\"ACTIVITY\",\"unit\":\"人\",\"direction\":\"HIGHER_IS_BETTER\","
                + "\"years\":[{\"fiscalYear\":2024,\"target\":100}]}";
        api.post(base + "/indicators").json(with).send().expect(201);
        api.post(base + "/indicators").json(without).send().expect(201);
        JsonObject list = api.get(base + "/indicators?withoutActual=2024").send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"));
        assertEquals("参加者数", list.getJsonArray("items").getJsonObject(0).getString("nameJa"));
        assertEquals(1, api.get(base + "/indicators?withoutActual=R6").send().expect(200).object().getInt("totalItems"),
                "a wareki year names the same fiscal year");
        assertEquals(2, api.get(base + "/indicators?withoutActual=2023").send().expect(200).object().getInt("totalItems"));
        assertEquals(400, api.get(base + "/indicators?withoutActual=not-a-year").send().status());
    }

    private static List<String> codes(JsonArray units) {
        return units.stream().map(u -> u.asJsonObject().getString("code")).toList();
    }
}
