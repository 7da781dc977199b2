package ${package}.item.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.intake.Intake;
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

    @Test
    void staffRegisterAnAcceptedItemAndThePortalSendsOneToReview() {
        assertEquals(ItemState.ACCEPTED, new Item(new Item.Content(FiscalYear.of(2026), "訓練", null)).getState());
        Intake in = new Intake("B-R8-000001", FiscalYear.of(2026), OffsetDateTime.now(), true);
        Item sent = Item.submitted(new Item.Content(in.fiscalYear(), "訓練の提案", null), in, " a@example.jp ");
        assertEquals(ItemState.SUBMITTED, sent.getState());
        assertEquals("B-R8-000001", sent.getReceiptNumber());
        assertEquals("a@example.jp", sent.getContactEmail());
        assertTrue(sent.isSpam(), "the honeypot's catch is kept, marked");
    }
}
