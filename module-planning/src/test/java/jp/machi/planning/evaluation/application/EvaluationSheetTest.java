package jp.machi.planning.evaluation.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class EvaluationSheetTest {

    private static byte[] fresh() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Machi", "1.0");
        Worksheet ws = wb.newWorksheet("事務事業評価シート");
        ws.value(0, 0, "令和2年度 事務事業評価シート");
        for (int r = 0; r < 30; r++) {
            ws.range(r, 0, r, 3).merge();
            ws.range(r, 4, r, 7).merge();
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void theSameWorkbookWrittenTwiceGivesTheSameBytes() throws Exception {
        byte[] first = fresh();
        Thread.sleep(1100);
        byte[] second = fresh();
        Instant at = Instant.parse("2026-11-21T01:02:03Z");
        byte[] a = EvaluationSheet.reproducible(first, at);
        byte[] b = EvaluationSheet.reproducible(second, at);
        assertArrayEquals(a, b);
        String text = new String(a, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("docProps/core.xml"));
        assertFalse(new String(EvaluationSheet.reproducible(first, null), StandardCharsets.ISO_8859_1).isEmpty());
    }

    @Test
    void mergedRangesAreInRowAndColumnOrder() {
        String xml = "<worksheet><sheetData/><mergeCells count=\"3\"><mergeCell ref=\"E2:H2\"/>"
                + "<mergeCell ref=\"AA1:AB1\"/><mergeCell ref=\"A2:D2\"/></mergeCells><pageMargins/></worksheet>";
        org.junit.jupiter.api.Assertions.assertEquals("<worksheet><sheetData/><mergeCells count=\"3\">"
                + "<mergeCell ref=\"AA1:AB1\"/><mergeCell ref=\"A2:D2\"/><mergeCell ref=\"E2:H2\"/></mergeCells>"
                + "<pageMargins/></worksheet>", EvaluationSheet.sortedMergeCells(xml));
    }
}
