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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 実績入力, the spring task of every division: one unit's actuals of one fiscal year, read as a sheet
 * with the year's target and last year's actual, saved together (all or nothing, every indicator's
 * version checked and raised), and the same sheet as an xlsx/CSV round trip (download, fill in,
 * upload: row errors naming row and column, a preview of what changes, then applied); the indicator
 * list's exports carry the whole yearly series, and the lists offices print go out as xlsx.
 */
@MachiTest
class ActualsEntryIT {

    static final String METRIC = "planning:programs-per-fiscal-year";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Api api;
    private String lg;
    private String base;
    private String unit;
    private String otherUnit;
    private String visitors;
    private String events;
    private String bound;
    private String elsewhere;
    private String sheet;

    ActualsEntryIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aDivisionWithItsIndicators() {
        lg = Municipalities.register(api);
        base = Municipalities.PATH + "/" + lg;
        Municipalities.setModule(api, lg, "planning", true);
        unit = unit("10", "観光課");
        otherUnit = unit("20", "企画課");
        // Yearly targets, last year's actual typed in.
        visitors = indicator(Json.createObjectBuilder().add("code", "K1").add("nameJa", "観光入込客数").add("nameEn", "Visitors")
                .add("ownerUnitId", unit).add("years", Json.createArrayBuilder()
                        .add(year(2023, 1000, 900)).add(year(2024, 1100, null))));
        // Only a final target.
        events = indicator(Json.createObjectBuilder().add("code", "K2").add("nameJa", "観光イベント数").add("ownerUnitId", unit)
                .add("finalTarget", Json.createObjectBuilder().add("value", 12).add("fiscalYear", 2027)));
        // Bound to the planning module's count of programs: no field, its live value.
        bound = indicator(Json.createObjectBuilder().add("code", "K3").add("nameJa", "観光関連事業数").add("ownerUnitId", unit)
                .add("metricSource", METRIC));
        elsewhere = indicator(Json.createObjectBuilder().add("code", "P1").add("nameJa", "企画課の指標").add("ownerUnitId", otherUnit));
        for (int n = 1; n <= 3; n++) {
            api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", 2024)
                    .add("programNumber", "T" + n).add("name", "観光事業" + n).build()).send().expect(201);
        }
        sheet = base + "/indicators/actuals/2024/units/" + unit;
    }

    private String unit(String code, String name) {
        return api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", code).add("nameJa", name)
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");
    }

    private static JsonObjectBuilder year(int fy, Integer target, Integer actual) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fiscalYear", fy);
        if (target != null) {
            b.add("target", target);
        }
        if (actual != null) {
            b.add("actual", actual);
        }
        return b;
    }

    private String indicator(JsonObjectBuilder b) {
        return api.post(base + "/indicators").json(b.add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .build()).send().expect(201).object().getString("id");
    }

    private JsonObject row(JsonObject sheetJson, String indicatorId) {
        for (JsonValue v : sheetJson.getJsonArray("rows")) {
            if (v.asJsonObject().getString("indicatorId").equals(indicatorId)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no row of " + indicatorId + " in " + sheetJson);
    }

    private JsonObject yearOf(String indicatorId, int fy) {
        JsonObject i = api.get(base + "/indicators/" + indicatorId).send().expect(200).object();
        for (JsonValue v : i.getJsonArray("years")) {
            if (v.asJsonObject().getJsonObject("fiscalYear").getInt("year") == fy) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    private BigDecimal actualOf(String indicatorId, int fy) {
        JsonObject y = yearOf(indicatorId, fy);
        return y == null || none(y, "actual") ? null : y.getJsonNumber("actual").bigDecimalValue();
    }

    private static JsonObjectBuilder entry(String id, Object actual, String note) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("indicatorId", id);
        if (actual instanceof Integer n) {
            b.add("actual", n);
        } else if (actual instanceof BigDecimal d) {
            b.add("actual", d);
        } else if (actual instanceof String s) {
            b.add("actual", s);
        }
        if (note != null) {
            b.add("note", note);
        }
        return b;
    }

    private static JsonObject entries(JsonObjectBuilder... e) {
        var a = Json.createArrayBuilder();
        for (JsonObjectBuilder x : e) {
            a.add(x);
        }
        return Json.createObjectBuilder().add("entries", a).build();
    }

    private String etagOfIndicator(String id) {
        return api.get(base + "/indicators/" + id).send().expect(200).etag();
    }

    @Test
    void theSheetListsTheUnitsIndicatorsWithTargetLastYearsActualAndTheLiveValueOfABoundOne() {
        Reply r = api.get(sheet).send().expect(200);
        assertTrue(r.etag() != null && !r.etag().isBlank(), r::toString);
        JsonObject s = r.object();
        assertEquals("観光課", s.getString("unitNameJa"));
        assertEquals("令和6年度", s.getString("fiscalYearLabel"));
        JsonArray rows = s.getJsonArray("rows");
        assertEquals(3, rows.size(), "the unit's three indicators, not the other unit's: " + s);
        JsonObject v = row(s, visitors);
        assertEquals(0, new BigDecimal("1100").compareTo(v.getJsonNumber("target").bigDecimalValue()));
        assertEquals("YEARLY", v.getString("targetSource"));
        assertEquals(0, new BigDecimal("900").compareTo(v.getJsonNumber("previousActual").bigDecimalValue()));
        assertTrue(none(v, "actual"));
        assertFalse(v.getBoolean("boundToMetric"));
        JsonObject e = row(s, events);
        // Only a final target in 2027, no baseline: 2024 has no target of its own (the municipality's default rule).
        assertEquals("NONE", e.getString("targetSource"), e::toString);
        assertTrue(none(e, "target"), e::toString);
        JsonObject b = row(s, bound);
        assertTrue(b.getBoolean("boundToMetric"));
        assertEquals(3, b.getJsonNumber("liveValue").intValue(), "three programs of R6: " + b);
        assertTrue(none(b, "actual"));
    }

    @Test
    void savingRecordsEveryActualTogetherAndRaisesEveryVersion() {
        Reply read = api.get(sheet).send().expect(200);
        String vBefore = etagOfIndicator(visitors);
        String eBefore = etagOfIndicator(events);
        JsonObject s = read.object();
        Reply saved = api.put(sheet).ifMatch(read.etag()).json(entries(
                entry(visitors, 1150, "インバウンドが回復").add("version", row(s, visitors).getJsonNumber("version").longValue()),
                entry(events, 9, null))).send().expect(200);
        assertNotEquals(read.etag(), saved.etag(), "a new sheet version");
        assertEquals(0, new BigDecimal("1150").compareTo(actualOf(visitors, 2024)));
        assertEquals(0, new BigDecimal("9").compareTo(actualOf(events, 2024)));
        assertEquals(0, new BigDecimal("1100").compareTo(yearOf(visitors, 2024).getJsonNumber("target").bigDecimalValue()),
                "the target stays");
        assertNotEquals(vBefore, etagOfIndicator(visitors));
        assertNotEquals(eBefore, etagOfIndicator(events));
        JsonObject after = saved.object();
        assertEquals("インバウンドが回復", row(after, visitors).getString("note"));
        assertEquals(saved.etag(), api.get(sheet).send().expect(200).etag());

        // Saving the same figures again is still an edit of the sheet: new versions, the old ETag stale.
        String before = etagOfIndicator(events);
        Reply again = api.put(sheet).ifMatch(saved.etag()).json(entries(entry(events, 9, null))).send().expect(200);
        assertNotEquals(before, etagOfIndicator(events));
        assertProblem(api.put(sheet).ifMatch(saved.etag()).json(entries(entry(events, 10, null))).send(), 412, "stale-version");
        assertEquals(0, new BigDecimal("9").compareTo(actualOf(events, 2024)));
        // A blank actual removes it.
        api.put(sheet).ifMatch(again.etag()).json(entries(entry(events, null, null))).send().expect(200);
        assertEquals(null, actualOf(events, 2024));
    }

    @Test
    void aStaleIndicatorRefusesTheWholeSaveAndIsNamed() {
        Reply read = api.get(sheet).send().expect(200);
        JsonObject s = read.object();
        // A colleague edits 観光入込客数 meanwhile.
        String etag = etagOfIndicator(visitors);
        api.put(base + "/indicators/" + visitors).ifMatch(etag).json(Json.createObjectBuilder().add("code", "K1")
                .add("nameJa", "観光入込客数").add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .add("ownerUnitId", unit).add("years", Json.createArrayBuilder().add(year(2023, 1000, 900))
                        .add(year(2024, 1200, null))).build()).send().expect(200);
        Reply stale = api.put(sheet).ifMatch(read.etag()).lang("ja").json(entries(
                entry(events, 8, null).add("version", row(s, events).getJsonNumber("version").longValue()),
                entry(visitors, 1150, null).add("version", row(s, visitors).getJsonNumber("version").longValue())))
                .send();
        JsonObject p = assertJapanese(stale, assertProblem(stale, 412, "stale-version"));
        assertTrue(p.getString("detail").contains("K1 観光入込客数"), p::toString);
        assertFalse(p.getString("detail").contains("観光イベント数"), p::toString);
        assertTrue(Problems.fields(p).contains("entries[1].version"), p::toString);
        assertEquals(null, actualOf(events, 2024), "nothing written: the fresh indicator neither");
        assertEquals(null, actualOf(visitors, 2024));
        // Without versions the sheet's ETag alone guards it.
        assertProblem(api.put(sheet).ifMatch(read.etag()).json(entries(entry(events, 8, null))).send(), 412, "stale-version");
        for (String bad : new String[] {null, "*", ""}) {
            var call = api.put(sheet).json(entries(entry(events, 8, null)));
            if (bad != null) {
                call.ifMatch(bad);
            }
            assertProblem(call.send(), 428, "precondition-required");
        }
        assertEquals(null, actualOf(events, 2024));
    }

    @Test
    void badEntriesAre400AndNothingIsHalfWritten() {
        Reply read = api.get(sheet).send().expect(200);
        String tag = read.etag();
        record Case(JsonObject body, String field) {
        }
        String longNote = "あ".repeat(1001);
        List<Case> cases = List.of(
                new Case(entries(entry(visitors, 1, null), entry(events, new BigDecimal("1234567890123456"), null)), "entries[1].actual"),
                new Case(entries(entry(visitors, 1, null), entry(events, new BigDecimal("1.23456"), null)), "entries[1].actual"),
                new Case(entries(entry(visitors, 1, longNote)), "entries[0].note"),
                new Case(entries(entry(visitors, 1, null), entry(bound, 5, null)), "entries[1].actual"),
                new Case(entries(entry(visitors, 1, null), entry(elsewhere, 5, null)), "entries[1].indicatorId"),
                new Case(entries(entry(visitors, 1, null), entry(visitors, 2, null)), "entries[1].indicatorId"));
        for (Case c : cases) {
            Reply r = api.put(sheet).ifMatch(tag).lang("en").json(c.body()).send();
            JsonObject p = assertEnglish(r, assertProblem(r, 400, "validation"));
            assertTrue(Problems.fields(p).contains(c.field()), () -> c.field() + " in " + p);
        }
        Reply boundRefused = api.put(sheet).ifMatch(tag).json(entries(entry(bound, 5, null))).send();
        assertTrue(assertProblem(boundRefused, 400, "validation").toString().contains("観光関連事業数"), boundRefused::toString);
        assertProblem(api.put(sheet).ifMatch(tag).json("{\"entries\":[{\"indicatorId\":\"x\"}]}").send(), 400, null);
        assertProblem(api.put(sheet).ifMatch(tag).json("{\"entries\":").send(), 400, null);
        assertProblem(api.put(sheet).ifMatch(tag).json("{}").send(), 400, "validation");
        assertProblem(api.put(sheet).ifMatch(tag).json(entries(entry(visitors, "many", null))).send(), 400, null);
        assertProblem(api.get(base + "/indicators/actuals/abc/units/" + unit).send(), 400, null);
        assertProblem(api.put(sheet).ifMatch(tag).json(entries(entry(java.util.UUID.randomUUID().toString(), 1, null))).send(),
                404, "not-found");
        assertEquals(null, actualOf(visitors, 2024), "nothing written");
        assertEquals(tag, api.get(sheet).send().expect(200).etag());
    }

    @Test
    void anotherMunicipalitysUnitAndIndicatorAre404() {
        String other = Municipalities.register(api);
        String otherBase = Municipalities.PATH + "/" + other;
        String theirUnit = api.post(otherBase + "/organization-units").json(Json.createObjectBuilder().add("code", "10")
                .add("nameJa", "他市の課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        String theirIndicator = api.post(otherBase + "/indicators").json(Json.createObjectBuilder().add("nameJa", "他市の指標")
                .add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER").add("ownerUnitId", theirUnit).build())
                .send().expect(201).object().getString("id");
        String theirs = base + "/indicators/actuals/2024/units/" + theirUnit;
        assertProblem(api.get(theirs).send(), 404, "not-found");
        assertProblem(api.get(theirs + "?format=xlsx").send(), 404, "not-found");
        assertProblem(api.put(theirs).ifMatch("\"x\"").json(entries(entry(theirIndicator, 1, null))).send(), 404, "not-found");
        assertProblem(api.post(theirs + "/bulk-imports?dryRun=true").body("a,b\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .send(), 404, "not-found");
        Reply read = api.get(sheet).send().expect(200);
        assertProblem(api.put(sheet).ifMatch(read.etag()).json(entries(entry(theirIndicator, 1, null))).send(), 404, "not-found");
        // A malformed id names the parameter.
        assertTrue(Problems.fields(assertProblem(api.get(base + "/indicators/actuals/2024/units/not-a-uuid").send(), 400,
                "validation")).contains("unitId"));
    }

    private static List<List<String>> readXlsx(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static byte[] writeXlsx(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Test", "1.0");
        Worksheet ws = wb.newWorksheet("R6");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String v = rows.get(r).get(c);
                if (v == null || v.isEmpty()) {
                    continue;
                }
                if (r > 0 && v.matches("-?\\d+(\\.\\d+)?")) {
                    ws.value(r, c, new BigDecimal(v));
                } else {
                    ws.value(r, c, v);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void theXlsxSheetGoesOutFilledInComesBackPreviewedThenApplied() throws IOException {
        Reply download = api.get(sheet + "?format=xlsx").send().expect(200);
        assertTrue(download.contentType().startsWith(XLSX), download::toString);
        List<List<String>> rows = readXlsx(download.bytes());
        List<String> header = rows.get(0);
        assertEquals(List.of("指標ID", "版", "コード", "指標名", "単位", "目標値 (令和6年度)", "前年度の実績値 (令和5年度)",
                "連動値 (令和6年度)", "実績値 (令和6年度)", "実績の説明"), header);
        assertEquals(4, rows.size(), rows::toString);
        int actual = header.indexOf("実績値 (令和6年度)");
        int note = header.indexOf("実績の説明");
        List<String> k1 = rows.stream().filter(r -> r.size() > 2 && "K1".equals(r.get(2))).findFirst().orElseThrow();
        assertEquals("1100", k1.get(5));
        assertEquals("900", k1.get(6));
        List<String> k3 = rows.stream().filter(r -> r.size() > 2 && "K3".equals(r.get(2))).findFirst().orElseThrow();
        assertEquals("3", k3.get(7), "the bound indicator's live value");

        // Filled in as Excel would: K1's actual and note, K2's actual.
        List<List<String>> filled = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> copy = new ArrayList<>(r);
            while (copy.size() < header.size()) {
                copy.add("");
            }
            if ("K1".equals(copy.get(2))) {
                copy.set(actual, "1180");
                copy.set(note, "大型イベントの開催");
            } else if ("K2".equals(copy.get(2))) {
                copy.set(actual, "11");
            }
            filled.add(copy);
        }
        byte[] file = writeXlsx(filled);
        String upload = sheet + "/bulk-imports";
        Reply preview = api.post(upload + "?dryRun=true").body(file, XLSX).send().expect(200);
        JsonObject report = preview.object();
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(2, report.getInt("changedCount"), report::toString);
        JsonObject change = report.getJsonArray("changes").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("indicatorId").equals(visitors)).findFirst().orElseThrow();
        assertTrue(none(change, "actualBefore"));
        assertEquals(0, new BigDecimal("1180").compareTo(change.getJsonNumber("actualAfter").bigDecimalValue()));
        assertEquals("大型イベントの開催", change.getString("noteAfter"));
        assertEquals(2, change.getInt("line"), "the file's row 2");
        assertEquals(null, actualOf(visitors, 2024), "a preview writes nothing");

        assertProblem(api.post(upload).body(file, XLSX).send(), 428, "precondition-required");
        Reply applied = api.post(upload).ifMatch(preview.etag()).body(file, XLSX).send().expect(200);
        assertFalse(applied.object().getBoolean("dryRun"));
        assertEquals(0, new BigDecimal("1180").compareTo(actualOf(visitors, 2024)));
        assertEquals(0, new BigDecimal("11").compareTo(actualOf(events, 2024)));
        assertEquals("大型イベントの開催", row(api.get(sheet).send().expect(200).object(), visitors).getString("note"));
        // The preview's ETag is spent: applying the file again refuses.
        assertProblem(api.post(upload).ifMatch(preview.etag()).body(file, XLSX).send(), 412, "stale-version");
        // The file's versions are the downloaded ones: stale now, named.
        Reply stale = api.post(upload + "?dryRun=true").body(file, XLSX).send();
        assertTrue(assertProblem(stale, 412, "stale-version").getString("detail").contains("観光入込客数"), stale::toString);
    }

    private String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void aShiftJisCsvWithoutIdsIsReadByCodeAndAppliedAfterThePreview() {
        byte[] file = csv("コード,指標名,実績値(令和6年度),実績の説明", "K1,観光入込客数,\"1,234\",集計方法を変更", "K2,観光イベント数,１０,",
                "K3,観光関連事業数,,(指標ソースに連動: 入力不要)").getBytes(Charset.forName("Windows-31J"));
        String upload = sheet + "/bulk-imports";
        Reply preview = api.post(upload + "?dryRun=true").body(file, "text/csv").send().expect(200);
        JsonObject report = preview.object();
        assertEquals(2, report.getInt("changedCount"), report::toString);
        assertEquals(3, report.getInt("rowCount"), report::toString);
        Reply applied = api.post(upload).ifMatch(preview.etag()).body(file, "text/csv").send().expect(200);
        assertEquals(2, applied.object().getInt("changedCount"));
        assertEquals(0, new BigDecimal("1234").compareTo(actualOf(visitors, 2024)));
        assertEquals(0, new BigDecimal("10").compareTo(actualOf(events, 2024)), "full-width digits read");
        assertEquals("集計方法を変更", row(api.get(sheet).send().expect(200).object(), visitors).getString("note"));

        // The CSV download: UTF-8 with BOM, the same columns, read back as UTF-8 (BOM) upload.
        Reply down = api.get(sheet).accept("text/csv").send().expect(200);
        byte[] bytes = down.bytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("指標ID,版,コード,指標名,単位,目標値 (令和6年度)"), text);
        assertTrue(text.contains("1234,集計方法を変更"), text);
        Reply unchanged = api.post(upload + "?dryRun=true").body(bytes, "text/csv").send().expect(200);
        assertEquals(0, unchanged.object().getInt("changedCount"), unchanged::toString);
        String english = api.get(sheet + "?format=csv").lang("en").send().expect(200).text();
        assertTrue(english.contains("Indicator ID,Version,Code,Indicator,Unit,Target (FY2024)"), english);
    }

    @Test
    void rowErrorsNameRowAndColumnAndNothingIsWritten() {
        byte[] file = csv("コード,実績値 (令和6年度),実績の説明", "K1,1200,", "K2,たくさん,", "K3,5,", "P1,1,", "ZZ,1,",
                "K1,1,", ",7,").getBytes(StandardCharsets.UTF_8);
        String upload = sheet + "/bulk-imports";
        Reply r = api.post(upload + "?dryRun=true").lang("ja").body(file, "text/csv").send();
        JsonObject p = assertJapanese(r, assertProblem(r, 422, "import-rejected"));
        String all = p.toString();
        assertTrue(all.contains("3 行目の「実績値 (令和6年度)」: 「たくさん」は数値ではありません"), all);
        assertTrue(Problems.fields(p).contains("line[3].actual"), all);
        assertTrue(Problems.fields(p).contains("line[8].indicatorId"), all);
        assertTrue(all.contains("観光関連事業数"), "the bound one: " + all);
        assertTrue(all.contains("企画課の指標") || all.contains("P1"), "another unit's: " + all);
        assertTrue(all.contains("ZZ"), all);
        Reply en = api.post(upload).ifMatch(api.get(sheet).send().expect(200).etag()).lang("en").body(file, "text/csv").send();
        JsonObject pe = assertEnglish(en, assertProblem(en, 422, "import-rejected"));
        assertTrue(pe.toString().contains("Row 3, \\\"実績値 (令和6年度)\\\": \\\"たくさん\\\" is not a number")
                || pe.toString().contains("Row 3, \"実績値 (令和6年度)\": \"たくさん\" is not a number"), pe::toString);
        assertEquals(null, actualOf(visitors, 2024), "nothing half-written");

        // Another year's sheet, a file without the columns, bytes that are no text, an empty file.
        assertProblem(api.post(upload + "?dryRun=true").body(csv("コード,実績値 (令和5年度)", "K1,1").getBytes(StandardCharsets.UTF_8),
                "text/csv").send(), 422, "import-rejected");
        assertProblem(api.post(upload + "?dryRun=true").body(csv("a,b", "1,2").getBytes(StandardCharsets.UTF_8), "text/csv").send(),
                422, "import-rejected");
        assertProblem(api.post(upload + "?dryRun=true").body(new byte[] {(byte) 0x81, 0x20, (byte) 0xFF, 0x0A}, "text/csv;charset=UTF-8")
                .send(), 400, "invalid-encoding");
        assertProblem(api.post(upload + "?dryRun=true").body(new byte[0], "text/csv").send(), 422, "import-rejected");
        assertProblem(api.post(upload + "?dryRun=true").body(new byte[] {'P', 'K', 3, 4, 1, 2}, XLSX).send(), 400, "invalid-file");
        assertProblem(api.post(upload + "?dryRun=maybe").body(file, "text/csv").send(), 400, "validation");
        // Its own size limit (2 MiB by default).
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        Arrays.fill(big, (byte) 'a');
        assertProblem(api.post(upload + "?dryRun=true").body(big, "text/csv").send(), 413, "payload-too-large");
        assertEquals(null, actualOf(visitors, 2024));
    }

    @Test
    void theIndicatorExportsCarryTheWholeYearlySeriesAndTheListsGoOutAsXlsx() throws IOException {
        String text = api.get(base + "/indicators?format=csv").send().expect(200).text();
        String head = text.substring(1, text.indexOf("\r\n"));
        assertTrue(head.contains("目標値 (令和5年度),実績値 (令和5年度),目標値 (令和6年度),実績値 (令和6年度)"), head);
        assertTrue(head.contains("目標値 (令和9年度)"), "the final target's year: " + head);
        String k1 = Arrays.stream(text.split("\r\n")).filter(l -> l.startsWith("K1,")).findFirst().orElseThrow();
        assertTrue(k1.contains(",1000,900,1100,"), k1);

        Reply x = api.get(base + "/indicators").accept(XLSX).send().expect(200);
        assertTrue(x.contentType().startsWith(XLSX), x::toString);
        List<List<String>> rows = readXlsx(x.bytes());
        assertEquals("コード", rows.get(0).get(0));
        assertTrue(rows.get(0).contains("実績値 (令和5年度)"), rows.get(0)::toString);
        assertEquals(5, rows.size(), "header and four indicators: " + rows);
        List<String> en = readXlsx(api.get(base + "/indicators?format=xlsx").lang("en").send().expect(200).bytes()).get(0);
        assertEquals("Code", en.get(0));
        assertTrue(en.contains("Actual (FY2023)"), en::toString);

        List<List<String>> units = readXlsx(api.get(base + "/organization-units?format=xlsx").send().expect(200).bytes());
        assertEquals(3, units.size(), units::toString);
        assertTrue(units.stream().anyMatch(r -> r.contains("観光課") && r.contains("令和2年4月1日")), units::toString);
    }

    @Test
    void programsAndVoicesGoOutAsXlsxWithJapaneseHeadersWarekiAndTheSenderMasked() throws IOException {
        List<List<String>> programs = readXlsx(api.get(base + "/planning/programs?format=xlsx&fiscalYear=2024").send()
                .expect(200).bytes());
        assertEquals("年度", programs.get(0).get(0), programs.get(0)::toString);
        assertEquals(4, programs.size(), programs::toString);
        assertTrue(programs.stream().skip(1).allMatch(r -> r.get(0).equals("令和6年度")), programs::toString);
        assertEquals("Fiscal year", readXlsx(api.get(base + "/planning/programs?format=xlsx").lang("en").send().expect(200)
                .bytes()).get(0).get(0));

        Municipalities.setModule(api, lg, "engagement", true);
        String voices = base + "/engagement/voices";
        api.anonymous().post(voices).json(Json.createObjectBuilder().add("subject", "観光案内板の英語表記")
                .add("body", "駅前の案内板に英語がありません。").add("name", "周南一郎").add("email", "ichiro@example.jp")
                .add("wantsReply", true).build()).send().expect(201);
        Reply x = api.as("STAFF", lg).get(voices + "?format=xlsx").send().expect(200);
        assertTrue(x.contentType().startsWith(XLSX), x::toString);
        List<List<String>> rows = readXlsx(x.bytes());
        assertEquals(2, rows.size(), rows::toString);
        String all = rows.toString();
        assertTrue(rows.get(0).contains("件名") || all.contains("観光案内板の英語表記"), all);
        assertTrue(all.contains("周＊＊＊"), "the sender masked as in the CSV: " + all);
        assertFalse(all.contains("周南一郎") || all.contains("ichiro@example.jp"), all);
        assertTrue(rows.get(1).get(1).startsWith("令和"), "received in wareki: " + rows.get(1));
    }

    /** A member the API left out (JSON-B omits nulls) or sent as null. */
    static boolean none(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }
}
