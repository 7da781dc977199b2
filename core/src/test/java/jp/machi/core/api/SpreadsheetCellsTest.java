package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void textThatWouldStartAFormulaGetsAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", SpreadsheetCells.safe("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'+cmd|' /C calc'!A0", SpreadsheetCells.safe("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", SpreadsheetCells.safe("-2+3"));
        assertEquals("'@SUM(1+1)", SpreadsheetCells.safe("@SUM(1+1)"));
        assertEquals("'\t=1", SpreadsheetCells.safe("\t=1"));
        assertEquals("'\r=1", SpreadsheetCells.safe("\r=1"));
    }

    @Test
    void ordinaryTextNumbersAndNullsAreLeftAlone() {
        assertEquals("道路の補修について", SpreadsheetCells.safe("道路の補修について"));
        assertEquals("a=b", SpreadsheetCells.safe("a=b"));
        assertEquals("", SpreadsheetCells.safe(""));
        assertEquals(null, SpreadsheetCells.safe((Object) null));
        assertEquals(-3, SpreadsheetCells.safe(-3));
        assertEquals(new BigDecimal("-0.5"), SpreadsheetCells.safe(new BigDecimal("-0.5")));
    }
}
