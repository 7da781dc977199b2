package jp.machi.collaboration.association.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 加入率: member households over households, in percent with one decimal (half up). A rate of a
 * district or of the municipality is the rate of the <em>sums</em> of its associations' figures,
 * never the average of their rates; no households, no rate.
 */
public record MembershipRate(long households, long memberHouseholds) {

    public MembershipRate plus(MembershipRate o) {
        return new MembershipRate(households + o.households, memberHouseholds + o.memberHouseholds);
    }

    /** The rate in percent, one decimal; null when there are no households. */
    public BigDecimal percent() {
        if (households == 0) {
            return null;
        }
        return BigDecimal.valueOf(memberHouseholds).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(households), 1, RoundingMode.HALF_UP);
    }
}
