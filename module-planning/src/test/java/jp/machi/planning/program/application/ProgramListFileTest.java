package jp.machi.planning.program.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.machi.planning.program.application.ProgramListFile.Column;
import org.junit.jupiter.api.Test;

class ProgramListFileTest {

    private static final String TSV = "\n令和2年度事務事業一覧（抜粋）\n\n通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n"
            + "1\t1\t秘書業務\t市長公室秘書課\t目的\t概要\t成果\n\n令和2年度事務事業一覧（抜粋）\n"
            + "通し番号\t事業番号\t事務事業名\t課名\t事業の目的\t事業の概要\t成果\n8\t13\t移住・定住促進事業\t市長公室広報戦略課\t\t\t\n";

    /** The file's rows as read to the end, with the file (its charset, separator and title year). */
    private record Read(ProgramListFile file, List<ProgramListFile.Row> rows) {
    }

    private static Read read(byte[] bytes, String declared) {
        try (ProgramListFile f = ProgramListFile.open(new ByteArrayInputStream(bytes), declared, 4000)) {
            List<ProgramListFile.Row> rows = new ArrayList<>();
            ProgramListFile.Row r;
            while ((r = f.next()) != null) {
                rows.add(r);
            }
            return new Read(f, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void titlesAndRepeatedHeadersAreSkippedAndTheYearComesFromTheTitle() {
        Read f = read(TSV.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(StandardCharsets.UTF_8, f.file().charset());
        assertEquals('\t', f.file().separator());
        assertEquals("令和2年度", f.file().fiscalYearText().orElseThrow());
        assertEquals(List.of(5, 9), f.rows().stream().map(ProgramListFile.Row::line).toList());
        assertEquals("市長公室広報戦略課", f.rows().get(1).get(Column.UNIT_NAME));
        assertEquals(null, f.rows().get(1).get(Column.RESULTS));
    }

    @Test
    void shiftJisIsDetectedWhenTheBytesAreNotUtf8() {
        Read f = read(TSV.getBytes(Charset.forName("Windows-31J")), null);
        assertEquals("windows-31j", f.file().charset().name().toLowerCase());
        assertEquals("秘書業務", f.rows().get(0).get(Column.NAME));
        Read declared = read(TSV.getBytes(Charset.forName("Windows-31J")), "Shift_JIS");
        assertEquals("秘書業務", declared.rows().get(0).get(Column.NAME));
    }

    @Test
    void quotedCsvFieldsHoldCommasQuotesAndLineBreaks() {
        String csv = "\uFEFF事業番号,事務事業名,課名\r\nA-1,\"a, \"\"b\"\"\nc\",課\r\n";
        Read f = read(csv.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(',', f.file().separator());
        assertEquals(1, f.rows().size());
        assertEquals("a, \"b\"\nc", f.rows().get(0).get(Column.NAME));
        assertEquals(2, f.rows().get(0).line());
        assertTrue(f.file().fiscalYearText().isEmpty());
    }

    @Test
    void yearsInTitles() {
        assertEquals("平成31年度", ProgramListFile.fiscalYearIn("平成31年度 事務事業一覧"));
        assertEquals("令和元年度", ProgramListFile.fiscalYearIn("令和元年度事務事業一覧"));
        assertEquals("2021年度", ProgramListFile.fiscalYearIn("2021年度 事務事業"));
        assertEquals(null, ProgramListFile.fiscalYearIn("事務事業一覧"));
    }
}
