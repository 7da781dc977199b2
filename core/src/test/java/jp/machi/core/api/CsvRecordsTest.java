package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Record> read(byte[] bytes, String declared) throws IOException {
        try (CsvRecords csv = CsvRecords.open(new ByteArrayInputStream(bytes), declared)) {
            List<CsvRecords.Record> out = new java.util.ArrayList<>();
            CsvRecords.Record r;
            while ((r = csv.next(400)) != null) {
                out.add(r);
            }
            return out;
        }
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesAreCounted() throws IOException {
        String text = "\uFEFF受付番号,氏名\r\n\"A-1\",\"周南,\"\"一郎\"\"\"\r\n\r\nA-2,\"二行\nの名前\"\nA-3,三郎";
        List<CsvRecords.Record> rows = read(text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of("受付番号", "氏名"), rows.get(0).fields(), "the BOM is not part of the first header");
        assertEquals(List.of("A-1", "周南,\"一郎\""), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("A-2", "二行\nの名前"), rows.get(2).fields());
        assertEquals(4, rows.get(2).line(), "the blank line 3 is skipped but counted");
        assertEquals(6, rows.get(3).line());
    }

    @Test
    void shiftJisIsDetectedWhenTheBytesAreNotUtf8AndBadBytesStopTheRead() throws IOException {
        byte[] sjis = "受付番号,氏名\nA-1,周南一郎\n".getBytes(CsvRecords.SHIFT_JIS);
        assertEquals(CsvRecords.SHIFT_JIS, CsvRecords.charset(sjis, null));
        assertEquals(StandardCharsets.UTF_8, CsvRecords.charset("受付番号".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(CsvRecords.SHIFT_JIS, CsvRecords.charset(new byte[0], "Shift_JIS"));
        assertEquals("周南一郎", read(sjis, null).get(1).fields().get(1));
        assertThrows(CharacterCodingException.class, () -> read(sjis, "UTF-8"));
    }

    @Test
    void aTabOutsideQuotesMakesTheFileTabSeparated() throws IOException {
        String tsv = "令和2年度事務事業一覧\n通し番号\t事業名\n1\t\"広報, 広聴\"\n";
        try (CsvRecords csv = CsvRecords.openTabOrComma(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), null)) {
            assertEquals('\t', csv.separator());
            assertEquals(List.of("令和2年度事務事業一覧"), csv.next(400).fields());
            assertEquals(List.of("通し番号", "事業名"), csv.next(400).fields());
            assertEquals(List.of("1", "広報, 広聴"), csv.next(400).fields());
        }
        String csvText = "番号,名前\n1,\"タブ\tを含む\"\n";
        try (CsvRecords csv = CsvRecords.openTabOrComma(new ByteArrayInputStream(csvText.getBytes(StandardCharsets.UTF_8)), null)) {
            assertEquals(',', csv.separator(), "a tab inside quotes does not count");
            csv.next(400);
            assertEquals(List.of("1", "タブ\tを含む"), csv.next(400).fields());
        }
    }
}
