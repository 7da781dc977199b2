package jp.machi.promotion.donation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 30 % rule in whole yen: the boundary is allowed, one yen more is not, no floating point anywhere. */
class GiftRatioTest {

    @Test
    void exactlyThirtyPercentIsAllowedAndOneYenMoreIsNot() {
        assertTrue(GiftRatio.withinLimit(3_000, 10_000, 30));
        assertFalse(GiftRatio.withinLimit(3_001, 10_000, 30));
        assertTrue(GiftRatio.withinLimit(2_999, 10_000, 30));
        assertTrue(GiftRatio.withinLimit(0, 10_000, 30));
    }

    @Test
    void amountsThatDoNotDivideEvenlyAreComparedWithoutRounding() {
        // 30 % of 10,001 yen is 3,000.3 yen: 3,000 is within, 3,001 is not.
        assertTrue(GiftRatio.withinLimit(3_000, 10_001, 30));
        assertFalse(GiftRatio.withinLimit(3_001, 10_001, 30));
        assertEquals(3_000, GiftRatio.maximumCost(10_001, 30));
        // 30 % of 3,333 yen is 999.9 yen.
        assertFalse(GiftRatio.withinLimit(1_000, 3_333, 30));
        assertTrue(GiftRatio.withinLimit(999, 3_333, 30));
    }

    @Test
    void largeAmountsDoNotOverflowOrLosePrecision() {
        long amount = 999_999_999L;
        long max = GiftRatio.maximumCost(amount, 30);
        assertEquals(299_999_999L, max);
        assertTrue(GiftRatio.withinLimit(max, amount, 30));
        assertFalse(GiftRatio.withinLimit(max + 1, amount, 30));
        // where a double would say 0.3 * 999,999,999 = 299,999,999.7 and compare in floating point
        assertThrows(ArithmeticException.class, () -> GiftRatio.withinLimit(Long.MAX_VALUE, 1, 30));
    }

    @Test
    void theRatioShownHasOneDecimalRoundedUpSoThatItAgreesWithTheRule() {
        assertEquals("30.0", GiftRatio.percentText(3_000, 10_000));
        assertEquals("33.4", GiftRatio.percentText(10_000, 30_000));
        assertEquals("30.0", GiftRatio.percentText(3_000, 10_001), "29.997 % is within and shows 30.0");
        assertEquals("30.1", GiftRatio.percentText(3_001, 10_001), "30.007 % is above and never shows 30.0");
        assertEquals("30.1", GiftRatio.percentText(3_001, 10_000));
        assertEquals("0.0", GiftRatio.percentText(0, 10_000));
        assertEquals("40.0", GiftRatio.percentText(4_000, 10_000));
    }

    @Test
    void aMunicipalityMayHoldItselfToALowerLimit() {
        assertFalse(GiftRatio.withinLimit(3_000, 10_000, 25));
        assertTrue(GiftRatio.withinLimit(2_500, 10_000, 25));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GiftRatio.withinLimit(1, 0, 30));
        assertThrows(IllegalArgumentException.class, () -> GiftRatio.withinLimit(-1, 100, 30));
    }
}
