package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing a program list (事務事業一覧) file: seed 000 as it is (tab separated, UTF-8, its title
 * and header repeated after a page break) gives its 13 programs with the document's texts; the
 * same in Shift_JIS; CSV with quotes; units matched to the organisational tree or proposed (and
 * created when asked); a bad row refuses the whole file with a per-row report in Japanese or
 * English, and neither a refused import nor a dry run writes anything.
 */
@MachiTest
class ProgramImportIT {

    private static final String SEED = "/seeds/000-tsukuba-r2-programs.txt";
    private static final String TSV = "text/tab-separated-values";

    private final Api api;
    private String lg;
    private String base;
    private String imports;
    private final Map<String, String> units = new HashMap<>();

    ProgramImportIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        imports = base + "/planning/programs/imports";
    }

    /** つくば市's 市長公室 and the four divisions seed 000 names, as its organisational tree has them. */
    private void tsukubaUnits() {
        String office = unit("10", "市長公室", "OFFICE", null);
        units.put("市長公室", office);
        units.put("秘書課", unit("1010", "秘書課", "DIVISION", office));
        units.put("広報戦略課", unit("1020", "広報戦略課", "DIVISION", office));
        units.put("広聴室", unit("1030", "広聴室", "ROOM", office));
        units.put("危機管理課", unit("1040", "危機管理課", "DIVISION", office));
    }

    private String unit(String code, String name, String kind, String parent) {
        var b = Json.createObjectBuilder().add("code", code).add("nameJa", name).add("kind", kind)
                .add("validFrom", "2020-04-01");
        if (parent != null) {
            b.add("parentId", parent);
        }
        return api.post(base + "/organization-units").json(b.build()).send().expect(201).object().getString("id");
    }

    static byte[] seed() {
        try (InputStream in = ProgramImportIT.class.getResourceAsStream(SEED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's data rows as the document has them: seven tab-separated fields, the first a number. */
    static List<String[]> seedRows() {
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(seed(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 7 && f[0].strip().matches("[0-9]+")) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                rows.add(f);
            }
        }
        return rows;
    }

    private List<JsonObject> programs(String query) {
        return api.get(base + "/planning/programs?size=200" + query).send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    private List<JsonObject> units() {
        return api.get(base + "/organization-units?asOf=2020-04-01&size=200").send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static String text(JsonObject o, String key) {
        return absent(o, key) ? null : o.getString(key);
    }

    /** JSON leaves out null members. */
    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private void assertSeedPrograms(List<JsonObject> got) {
        List<String[]> expected = seedRows();
        assertEquals(13, expected.size(), "seed 000 has 13 programs");
        assertEquals(13, got.size());
        for (int i = 0; i < 13; i++) {
            String[] e = expected.get(i);
            JsonObject p = got.get(i);
            assertEquals(2020, p.getJsonObject("fiscalYear").getInt("year"));
            assertEquals(Integer.parseInt(e[0]), p.getInt("serialNumber"));
            assertEquals(e[1], p.getString("programNumber"));
            assertEquals(e[2], p.getString("name"));
            assertEquals(e[3], p.getString("unitName"));
            assertEquals(e[4], p.getString("purpose"));
            assertEquals(e[5], p.getString("overview"));
            assertEquals(e[6], p.getString("results"));
        }
    }

    @Test
    void seed000AsItIsGivesItsThirteenProgramsMatchedToTheTree() {
        tsukubaUnits();
        Reply r = api.post(imports).body(seed(), TSV).send();
        r.expect(201);
        JsonObject report = r.object();
        assertFalse(report.getBoolean("dryRun"));
        assertEquals(2020, report.getJsonObject("fiscalYear").getInt("year"));
        assertEquals("令和2年度", report.getJsonObject("fiscalYear").getString("label"));
        assertEquals("UTF-8", report.getString("charset"));
        assertEquals("TAB", report.getString("separator"));
        assertEquals(13, report.getInt("imported"));
        assertEquals(0, report.getJsonArray("proposedUnits").size());
        List<JsonObject> rows = report.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertEquals(13, rows.size());
        // Lines as the file has them: after the blank line, title, blank and header (lines 1–5), and
        // row 8 after the title and header repeated at the page break.
        assertEquals(6, rows.get(0).getInt("line"));
        assertEquals(17, rows.get(7).getInt("line"));
        assertTrue(rows.stream().allMatch(x -> "IMPORTED".equals(x.getString("status"))
                && "MATCHED".equals(x.getString("unitMatch"))), report::toString);
        assertEquals(units.get("広報戦略課"), rows.get(7).getString("unitId"));
        assertEquals(units.get("広聴室"), rows.get(8).getString("unitId"));

        List<JsonObject> got = programs("&fiscalYear=R2");
        assertSeedPrograms(got);
        // Spot checks against the document itself.
        assertEquals(List.of("秘書業務", "市長車等特別職運転・管理業務", "渉外業務（後援名義使用承認・叙勲・表彰事務）",
                "シティプロモーション・関係人口創出拡大事業", "職員向けの広報力スキルアップ等事業",
                "つくば総合インフォメーションセンター交流サロン管理運営事業", "市民目線の広報推進事業", "移住・定住促進事業",
                "市長と住民の意見交換会事業", "市長へのたより・メール等広聴事業", "防災設備整備等関連事業",
                "自主防災組織・地域防災活動支援事業", "地域防災計画事業"), got.stream().map(p -> p.getString("name")).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "13", "15", "16", "17", "19", "21"),
                got.stream().map(p -> p.getString("programNumber")).toList());
        assertEquals("市長公室広報戦略課", got.get(7).getString("unitName"));
        assertEquals(units.get("広報戦略課"), got.get(7).getString("unitId"));
        assertEquals(units.get("危機管理課"), got.get(12).getString("unitId"));
        assertTrue(got.get(9).getString("results").endsWith("要望等の対応数1,562件（うち文書等による回答を要するものは713件、40日以内の回答率89.6%）"));

        // The same file again: every row already exists, so the whole file is refused.
        Reply again = api.post(imports).body(seed(), TSV).send();
        JsonObject p = assertProblem(again, 422, "import-rejected");
        assertEquals(13, p.getJsonArray("errors").size());
        assertEquals("line[6].programNumber", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(13, programs("").size());
    }

    @Test
    void shiftJisIsDetectedAndDeclaredCharsetsAreHonoured() {
        tsukubaUnits();
        byte[] sjis = new String(seed(), StandardCharsets.UTF_8).getBytes(Charset.forName("Windows-31J"));
        Reply dry = api.post(imports + "?dryRun=true").body(sjis, "text/plain").send();
        dry.expect(200);
        assertEquals("windows-31j", dry.object().getString("charset").toLowerCase());
        assertEquals(13, dry.object().getInt("rowCount"));
        assertEquals(0, programs("").size(), "a dry run writes nothing");

        Reply r = api.post(imports).body(sjis, "text/tab-separated-values; charset=Shift_JIS").send();
        r.expect(201);
        assertEquals(13, r.object().getInt("imported"));
        assertSeedPrograms(programs(""));
    }

    @Test
    void csvWithQuotesBomAndRepeatedHeadersUsesTheQueryFiscalYear() {
        tsukubaUnits();
        String csv = "\uFEFF通し番号,事業番号,事務事業名,課名,事業の目的,事業の概要,成果\r\n"
                + "1,A-1,\"広報紙「つくば」の発行, 配布\",市長公室広報戦略課,\"市政を\"\"知りたい\"\"人に届ける\",\"1行目\n2行目\",\r\n"
                + "\r\n"
                + "通し番号,事業番号,事務事業名,課名,事業の目的,事業の概要,成果\r\n"
                + "2,A-2,防災訓練,危機管理課,,,\r\n";
        Reply r = api.post(imports + "?fiscalYear=令和3年度").body(csv.getBytes(StandardCharsets.UTF_8), "text/csv").send();
        r.expect(201);
        JsonObject report = r.object();
        assertEquals("COMMA", report.getString("separator"));
        assertEquals(2021, report.getJsonObject("fiscalYear").getInt("year"));
        assertEquals(List.of(2, 6), report.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(x -> x.getInt("line")).toList());
        List<JsonObject> got = programs("&fiscalYear=2021");
        assertEquals(2, got.size());
        assertEquals("広報紙「つくば」の発行, 配布", got.get(0).getString("name"));
        assertEquals("市政を\"知りたい\"人に届ける", got.get(0).getString("purpose"));
        assertEquals("1行目\n2行目", got.get(0).getString("overview"));
        assertEquals(null, text(got.get(0), "results"));
        assertEquals(units.get("広報戦略課"), got.get(0).getString("unitId"));
        assertEquals(units.get("危機管理課"), got.get(1).getString("unitId"));
        assertEquals(2, got.get(1).getInt("serialNumber"));
    }

    @Test
    void unknownUnitsAreProposedAndCreatedOnlyWhenAsked() {
        String office = unit("10", "市長公室", "OFFICE", null);
        int unitsBefore = units().size();
        Reply dry = api.post(imports + "?dryRun=true").body(seed(), TSV).send();
        dry.expect(200);
        JsonObject report = dry.object();
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(0, report.getInt("imported"));
        List<JsonObject> proposed = report.getJsonArray("proposedUnits").getValuesAs(JsonObject.class);
        assertEquals(List.of("秘書課", "広報戦略課", "広聴室", "危機管理課"), proposed.stream().map(p -> p.getString("nameJa")).toList());
        assertEquals(List.of("DIVISION", "DIVISION", "ROOM", "DIVISION"), proposed.stream().map(p -> p.getString("kind")).toList());
        assertTrue(proposed.stream().allMatch(p -> office.equals(p.getString("parentId"))
                && "市長公室".equals(p.getString("parentNameJa")) && absent(p, "createdId")), report::toString);
        assertEquals("市長公室広報戦略課", proposed.get(1).getString("writtenName"));
        assertEquals(5, proposed.get(1).getJsonArray("lines").size());
        assertTrue(report.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .allMatch(x -> "VALID".equals(x.getString("status")) && "PROPOSED".equals(x.getString("unitMatch"))));
        assertEquals(0, programs("").size(), "a dry run writes nothing");
        assertEquals(unitsBefore, units().size(), "a dry run creates no unit");

        Reply created = api.post(imports + "?createUnits=true").body(seed(), TSV).send();
        created.expect(201);
        List<JsonObject> made = created.object().getJsonArray("proposedUnits").getValuesAs(JsonObject.class);
        assertTrue(made.stream().allMatch(p -> !absent(p, "createdId")), created::toString);
        List<JsonObject> tree = units();
        assertEquals(unitsBefore + 4, tree.size());
        JsonObject koho = tree.stream().filter(u -> "広報戦略課".equals(u.getString("nameJa"))).findFirst().orElseThrow();
        assertEquals(office, koho.getString("parentId"));
        assertEquals("DIVISION", koho.getJsonObject("kind").getString("code"));
        List<JsonObject> got = programs("");
        assertSeedPrograms(got);
        assertEquals(koho.getString("id"), got.get(7).getString("unitId"));
        assertTrue(created.object().getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .allMatch(x -> "CREATED".equals(x.getString("unitMatch"))));
    }

    @Test
    void withoutTheOfficeBothOfficeAndDivisionAreProposedAndRowsImportWithoutUnit() {
        Reply dry = api.post(imports + "?dryRun=true").body(seed(), TSV).send();
        dry.expect(200);
        List<JsonObject> proposed = dry.object().getJsonArray("proposedUnits").getValuesAs(JsonObject.class);
        assertEquals(List.of("市長公室", "秘書課", "広報戦略課", "広聴室", "危機管理課"),
                proposed.stream().map(p -> p.getString("nameJa")).toList());
        assertEquals("OFFICE", proposed.get(0).getString("kind"));
        assertEquals("市長公室", proposed.get(2).getString("parentNameJa"));

        Reply r = api.post(imports).body(seed(), TSV).send();
        r.expect(201);
        List<JsonObject> got = programs("");
        assertSeedPrograms(got);
        assertTrue(got.stream().allMatch(p -> absent(p, "unitId")), "imported with the written name only");
        assertEquals(0, units().size());
    }

    @Test
    void aBadRowRefusesTheWholeFileWithAReportPerRowAndWritesNothing() {
        tsukubaUnits();
        String tsv = "令和2年度事務事業一覧\n"
                + "通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n"
                + "1\t1\t秘書業務\t市長公室秘書課\t目的\t概要\t成果\n"
                + "2\t\t名前だけ\t市長公室秘書課\t\t\t\n"
                + "x\t3\t番号が数字でない\t市長公室秘書課\t\t\t\n"
                + "4\t1\t番号が重複\t市長公室秘書課\t\t\t\n"
                + "5\t5\t\t市長公室秘書課\t\t\t\t余分\n";
        byte[] bytes = tsv.getBytes(StandardCharsets.UTF_8);
        Reply ja = api.post(imports + "?createUnits=true").body(bytes, TSV).send();
        JsonObject p = assertJapanese(ja, assertProblem(ja, 422, "import-rejected"));
        assertTrue(p.getString("detail").contains("4 行"), p::toString);
        Map<String, String> byField = new HashMap<>();
        for (JsonValue v : p.getJsonArray("errors")) {
            byField.put(v.asJsonObject().getString("field"), v.asJsonObject().getString("message"));
        }
        assertEquals("4 行目: 事業番号がありません。", byField.get("line[4].programNumber"), byField::toString);
        assertTrue(byField.get("line[5].serialNumber").contains("「x」"), byField::toString);
        assertEquals("6 行目: 事業番号 1 は 3 行目と重複しています。", byField.get("line[6].programNumber"));
        assertNotNull(byField.get("line[7].columns"), byField::toString);
        assertNotNull(byField.get("line[7].name"), byField::toString);
        assertFalse(byField.keySet().stream().anyMatch(f -> f.startsWith("line[3]")), "line 3 is fine");

        Reply en = api.post(imports).lang("en").body(bytes, TSV).send();
        JsonObject pe = assertEnglish(en, assertProblem(en, 422, "import-rejected"));
        assertTrue(pe.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("message").equals("Line 4: the program number is missing.")), pe::toString);

        assertEquals(0, programs("").size(), "nothing written");
        assertEquals(5, units().size(), "no unit created");
    }

    @Test
    void aFileWithoutFiscalYearOrRowsIsRefused() {
        String noYear = "通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n1\t1\t秘書業務\t秘書課\t\t\t\n";
        Reply r = api.post(imports).body(noYear.getBytes(StandardCharsets.UTF_8), TSV).send();
        JsonObject p = assertProblem(r, 422, "import-rejected");
        assertEquals("line[2].fiscalYear", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply empty = api.post(imports + "?fiscalYear=R2").body("令和2年度事務事業一覧\n".getBytes(StandardCharsets.UTF_8), TSV).send();
        assertProblem(empty, 422, "import-rejected");
        Reply badFlag = api.post(imports + "?dryRun=maybe").body(seed(), TSV).send();
        assertProblem(badFlag, 400, null);
        Reply viewer = api.as("VIEWER", lg).post(imports).body(seed(), TSV).send();
        assertEquals(403, viewer.status());
        assertEquals(0, programs("").size());
        JsonArray none = api.get(base + "/planning/programs").send().expect(200).object().getJsonArray("items");
        assertEquals(0, none.size());
    }
}
