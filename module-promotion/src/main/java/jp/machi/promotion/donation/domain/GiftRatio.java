package jp.machi.promotion.donation.domain;

/**
 * 返礼割合: a return gift's procurement cost against the donation amount it is offered for, in
 * whole yen and integer arithmetic only (no floating point). The ministry's rule (3割以下) allows
 * exactly 30 %: cost × 100 ≤ limit % × amount.
 */
public final class GiftRatio {

    private GiftRatio() {
    }

    /** Whether {@code procurementCost} is within {@code limitPercent} % of {@code donationAmount} (the boundary is allowed). */
    public static boolean withinLimit(long procurementCost, long donationAmount, long limitPercent) {
        if (procurementCost < 0 || donationAmount <= 0 || limitPercent < 0) {
            throw new IllegalArgumentException("cost ≥ 0, amount > 0, limit ≥ 0");
        }
        return Math.multiplyExact(procurementCost, 100L) <= Math.multiplyExact(limitPercent, donationAmount);
    }

    /** The most a gift offered for {@code donationAmount} may cost: ⌊amount × limit / 100⌋ yen. */
    public static long maximumCost(long donationAmount, long limitPercent) {
        return Math.multiplyExact(donationAmount, limitPercent) / 100L;
    }

    /**
     * The ratio in tenths of a percent, rounded up (10,000 yen of 30,000 → 334 = 33.4 %), for
     * showing; the rule itself is {@link #withinLimit}. Rounding up keeps what is shown consistent
     * with the rule: a gift within 30 % never shows more than 30.0, one above it never shows 30.0.
     */
    public static long perMille(long procurementCost, long donationAmount) {
        if (donationAmount <= 0) {
            throw new IllegalArgumentException("amount > 0");
        }
        return -Math.floorDiv(-Math.multiplyExact(procurementCost, 1000L), donationAmount);
    }

    /** {@link #perMille} written as a percentage with one decimal: "33.3". */
    public static String percentText(long procurementCost, long donationAmount) {
        long pm = perMille(procurementCost, donationAmount);
        return (pm / 10) + "." + (pm % 10);
    }
}
