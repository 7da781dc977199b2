package jp.machi.it;

import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The program list import for large files, {@code …/planning/programs/bulk-imports}: a file of
 * 8,000 rows in seed 000's shape (over the API's 1 MiB, which {@code …/imports} refuses) is read as a
 * stream under the import limit of its own; an error in the last row refuses the whole file and
 * writes nothing; a dry run writes nothing; UTF-8 and Shift_JIS; the report counts every row and
 * lists the first ones; the programs written are readable, audited, and start at the version a
 * program saved through the API has, so their ETags work for a PATCH (one 200, one 412).
 */
@MachiTest
class ProgramBulkImportIT {

    private static final int ROWS = 8000;
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Api api;
    private String lg;
    private String base;
    private String bulk;

    ProgramBulkImportIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        bulk = base + "/planning/programs/bulk-imports";
    }

    /**
     * A program list of {@code rows} rows for 令和6年度 in seed 000's shape (title, header, the title
     * and header repeated after each 1,000 rows): half the rows name 市長公室広報戦略課, half a
     * division not in the tree; the last row has {@code lastNumber} as its program number.
     */
    static String file(int rows, String lastNumber) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            if (i % 1000 == 1) {
                b.append("令和6年度事務事業一覧（計測）\n通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n");
            }
            String number = i == rows ? lastNumber : String.format("B-%05d", i);
            b.append(i).append('\t').append(number).append('\t').append("計測事業").append(i).append('\t')
                    .append(i % 2 == 0 ? "市長公室広報戦略課" : "市長公室計測推進課").append('\t')
                    .append("市民に情報を届け、市政への参加を広げる（事業").append(i).append("）").append('\t')
                    .append(i == 2 ? "\"1行目\n2行目\"" : "広報紙の発行、ウェブサイトの運営").append('\t')
                    .append("発行回数12回、閲覧数").append(i * 7).append("件").append('\n');
        }
        return b.toString();
    }

    private int programCount() {
        return api.get(base + "/planning/programs?size=1").send().expect(200).object().getInt("totalItems");
    }

    @Test
    void aLargeFileIsCheckedWholeThenImportedInEitherCharset() {
        String office = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "10")
                .add("nameJa", "市長公室").add("kind", "OFFICE").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        String koho = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "1020")
                .add("nameJa", "広報戦略課").add("kind", "DIVISION").add("parentId", office).add("validFrom", "2020-04-01")
                .build()).send().expect(201).object().getString("id");
        byte[] utf8 = file(ROWS, String.format("B-%05d", ROWS)).getBytes(StandardCharsets.UTF_8);
        assertTrue(utf8.length > 1024 * 1024, "more than the API's 1 MiB: " + utf8.length);
        assertProblem(api.post(base + "/planning/programs/imports").body(utf8, "text/tab-separated-values").send(), 413,
                "payload-too-large");

        // An error in the very last row: nothing written, the row and column named.
        String bad = file(ROWS, "");
        int lastLine = (int) bad.chars().filter(c -> c == '\n').count();
        Reply refused = api.post(bulk).body(bad.getBytes(StandardCharsets.UTF_8), "text/tab-separated-values").send();
        JsonObject p = assertJapanese(refused, assertProblem(refused, 422, "import-rejected"));
        assertEquals(1, p.getJsonArray("errors").size(), p::toString);
        assertEquals("line[" + lastLine + "].programNumber", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(p.getString("detail").contains("1 行"), p::toString);
        assertEquals(0, programCount(), "nothing written");

        // A dry run: every row counted, the first 100 listed, the division not in the tree proposed once.
        JsonObject dry = api.post(bulk + "?dryRun=true").body(utf8, "text/tab-separated-values").send().expect(200).object();
        assertEquals(ROWS, dry.getInt("rowCount"));
        assertEquals(0, dry.getInt("imported"));
        assertEquals("UTF-8", dry.getString("charset"));
        assertEquals("TAB", dry.getString("separator"));
        assertEquals(2024, dry.getJsonObject("fiscalYear").getInt("year"));
        assertEquals(100, dry.getJsonArray("rows").size());
        assertEquals(3, dry.getJsonArray("rows").getJsonObject(0).getInt("line"));
        List<JsonObject> proposed = dry.getJsonArray("proposedUnits").getValuesAs(JsonObject.class);
        assertEquals(1, proposed.size(), dry.getJsonArray("proposedUnits")::toString);
        assertEquals("計測推進課", proposed.get(0).getString("nameJa"));
        assertEquals(ROWS / 2, proposed.get(0).getInt("lineCount"));
        assertEquals(100, proposed.get(0).getJsonArray("lines").size());
        assertEquals(0, programCount(), "a dry run writes nothing");

        // Shift_JIS, detected: imported whole; the report lists as many rows as asked.
        byte[] sjis = file(ROWS, String.format("B-%05d", ROWS)).getBytes(Charset.forName("Windows-31J"));
        Reply done = api.post(bulk + "?preview=3").body(sjis, "application/octet-stream").send();
        done.expect(201);
        JsonObject report = done.object();
        assertEquals("windows-31j", report.getString("charset").toLowerCase());
        assertEquals(ROWS, report.getInt("imported"));
        assertEquals(3, report.getJsonArray("rows").size());
        JsonObject second = report.getJsonArray("rows").getJsonObject(1);
        assertEquals("MATCHED", second.getString("unitMatch"));
        assertEquals(koho, second.getString("unitId"));
        assertEquals(ROWS, programCount());

        // Readable with the file's texts; audited; versioned like a program saved through the API.
        String path = base + "/planning/programs/" + second.getString("programId");
        Reply got = api.get(path).send().expect(200);
        assertEquals("計測事業2", got.object().getString("name"));
        assertEquals("1行目\n2行目", got.object().getString("overview"));
        assertEquals("市長公室広報戦略課", got.object().getString("unitName"));
        Reply saved = api.post(base + "/planning/programs").json(ProgramIT.program("手入力-1").build()).send().expect(201);
        assertEquals(saved.etag(), got.etag(), "the version JPA gives a new program");
        JsonObject created = api.get(base + "/audit-events?action=CREATE&entityId=" + second.getString("programId")).send()
                .expect(200).object();
        assertEquals(1, created.getInt("totalItems"), created::toString);

        byte[] patch = "{\"name\":\"計測事業2（改）\"}".getBytes(StandardCharsets.UTF_8);
        Reply first = api.method("PATCH", path).ifMatch(got.etag()).body(patch, MERGE_PATCH).send().expect(200);
        assertNotEquals(got.etag(), first.etag());
        assertProblem(api.method("PATCH", path).ifMatch(got.etag()).body(patch, MERGE_PATCH).send(), 412, null);

        // The same file again: every number is registered now, so the whole file is refused (the first 200 errors listed).
        Reply again = api.post(bulk).body(utf8, "text/tab-separated-values").send();
        JsonObject twice = assertProblem(again, 422, "import-rejected");
        assertEquals(200, twice.getJsonArray("errors").size());
        assertTrue(twice.getString("detail").contains(ROWS + " 行"), twice::toString);
        assertEquals(ROWS + 1, programCount());
    }

    @Test
    void theImportLimitIsItsOwnAndBadParametersAndBytesAre4xx() {
        // Declared larger than machi.api.max-import-bytes (64 MiB): 413 before the body is read.
        byte[] huge = new byte[64 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'a');
        Reply tooLarge = api.post(bulk).body(huge, "text/tab-separated-values").expectContinue().send();
        assertJapanese(tooLarge, assertProblem(tooLarge, 413, "payload-too-large"));
        huge = null;

        byte[] small = file(10, "B-00010").getBytes(StandardCharsets.UTF_8);
        assertProblem(api.post(bulk + "?preview=1001").body(small, "text/tab-separated-values").send(), 400, null);
        assertProblem(api.post(bulk + "?dryRun=maybe").body(small, "text/tab-separated-values").send(), 400, null);
        assertProblem(api.post(bulk).body(new byte[] {'1', '\t', (byte) 0xFF, (byte) 0xFE, '\n'},
                "text/tab-separated-values; charset=UTF-8").send(), 400, "invalid-encoding");
        assertProblem(api.post(bulk).body(new byte[0], "text/tab-separated-values").send(), 422, "import-rejected");
        assertEquals(403, api.as("VIEWER", lg).post(bulk)
                .body(small, "text/tab-separated-values").send().status());
        assertEquals(0, programCount());
    }
}
