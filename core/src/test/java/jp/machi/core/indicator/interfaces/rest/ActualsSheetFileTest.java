package jp.machi.core.indicator.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.application.ActualsEntryService.Entry;
import org.junit.jupiter.api.Test;

class ActualsSheetFileTest {

    private static final FiscalYear R6 = FiscalYear.of(2024);

    private static ActualsSheetFile.Parsed read(String csv) {
        return ActualsSheetFile.read(csv.getBytes(StandardCharsets.UTF_8), null, R6, Locale.JAPANESE);
    }

    @Test
    void findsColumnsByTheirJapaneseOrEnglishHeadersWhereverTheyStand() {
        ActualsSheetFile.Parsed p = read("Note on the actual,ACTUAL (FY2024),code\n説明,\"1,234.5\",K1\n,１０,K2\n");
        assertEquals(0, p.errors().size(), p.errors()::toString);
        Entry k1 = p.entries().get(0);
        assertEquals("K1", k1.code());
        assertEquals(0, new BigDecimal("1234.5").compareTo(k1.actual()));
        assertEquals("説明", k1.note());
        assertEquals(2, k1.line());
        assertEquals(0, BigDecimal.TEN.compareTo(p.entries().get(1).actual()), "full-width digits");
        assertNull(p.entries().get(1).note());
    }

    @Test
    void undoesTheApostropheACsvExportPutsBeforeAFormulaLikeNote() {
        ActualsSheetFile.Parsed p = read("コード,実績値,実績の説明\nK1,1,'-前年比で減少\n");
        assertEquals("-前年比で減少", p.entries().get(0).note());
    }

    @Test
    void aNoteColumnLeftOutKeepsTheNotes() {
        assertTrue(read("コード,実績値\nK1,1\n").entries().get(0).keepNote());
    }

    @Test
    void refusesAnotherYearsSheetAndAFileWithoutTheColumns() {
        ApiException other = assertThrows(ApiException.class, () -> read("コード,実績値 (令和5年度)\nK1,1\n"));
        assertEquals(422, other.status());
        ApiException none = assertThrows(ApiException.class, () -> read("名前,値\nK1,1\n"));
        assertEquals(2, none.errors().size());
    }

    @Test
    void cellErrorsNameTheRowAndAreAllReported() {
        ActualsSheetFile.Parsed p = read("コード,実績値,版\nK1,abc,\nK2,1.23456,\nK3,1,x\n,4,\n");
        assertEquals(4, p.errors().size(), p.errors()::toString);
        assertEquals("line[2].actual", p.errors().get(0).field());
        assertEquals("line[3].actual", p.errors().get(1).field());
        assertEquals("line[4].version", p.errors().get(2).field());
        assertEquals("line[5].indicatorId", p.errors().get(3).field());
        assertEquals(0, p.entries().size());
    }
}
