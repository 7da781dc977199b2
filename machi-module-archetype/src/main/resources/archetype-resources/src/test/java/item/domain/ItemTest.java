package ${package}.item.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jp.machi.core.fiscalyear.FiscalYear;
import org.junit.jupiter.api.Test;

class ItemTest {

    @Test
    void contentIsTrimmedAndABlankNoteIsNone() {
        Item i = new Item(new Item.Content(FiscalYear.of(2026), "  避難訓練  ", "  "));
        assertEquals("避難訓練", i.getTitle());
        assertNull(i.getNote());
        assertEquals(2026, i.getFiscalYear().startYear());
    }

    @Test
    void aTitleAndAFiscalYearAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Item.Content(FiscalYear.of(2026), " ", null));
        assertThrows(IllegalArgumentException.class, () -> new Item.Content(null, "a", null));
    }
}
