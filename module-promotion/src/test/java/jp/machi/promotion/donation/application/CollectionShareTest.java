package jp.machi.promotion.donation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The 50 % rule's arithmetic: whole numbers decide, the shown share is rounded up. */
class CollectionShareTest {

    private static final CollectionCostService.Lines LINES = new CollectionCostService.Lines(50, 45);

    private static CollectionCostService.Share share(long donations, long costs) {
        return CollectionCostService.share(2024, donations, 1, costs, LINES);
    }

    @Test
    void exactlyHalfIsWithinTheLimitAndOneYenMoreIsOver() {
        assertEquals(CollectionCostService.Standing.WARNING, share(100_000, 50_000).standing());
        assertEquals("50.0", share(100_000, 50_000).sharePercent().toPlainString());
        assertEquals(CollectionCostService.Standing.OVER, share(100_000, 50_001).standing());
        assertEquals("50.1", share(100_000, 50_001).sharePercent().toPlainString(), "rounded up");
        assertEquals(CollectionCostService.Standing.OVER, share(3, 2).standing(), "66.7 %");
    }

    @Test
    void theWarningLineCountsFromItself() {
        assertEquals(CollectionCostService.Standing.OK, share(100_000, 44_999).standing());
        assertEquals("45.0", share(100_000, 44_999).sharePercent().toPlainString(), "44.999 shown rounded up, still below the line");
        assertEquals(CollectionCostService.Standing.WARNING, share(100_000, 45_000).standing());
        assertEquals(CollectionCostService.Standing.OK, share(100_000, 0).standing());
    }

    @Test
    void withoutDonationsThereIsNoShare() {
        assertNull(share(0, 1_000).sharePercent());
        assertEquals(CollectionCostService.Standing.NO_DONATIONS, share(0, 1_000).standing());
        assertEquals(CollectionCostService.Standing.OK, share(0, 0).standing());
    }
}
