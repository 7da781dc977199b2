package jp.machi.planning.plan.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a plan rolls its indicators up its tree, as data: the cap on an indicator's score (so that
 * one over-achieving indicator cannot hide another's shortfall) and which link roles count.
 * Weights live on each indicator link and each node.
 *
 * @param capPercent the highest score one indicator can contribute, at least 100
 * @param countedRoles the roles whose indicators count; never empty
 */
public record RollUpRule(BigDecimal capPercent, Set<LinkRole> countedRoles) {

    public static final BigDecimal DEFAULT_CAP = new BigDecimal("100");
    public static final BigDecimal MIN_CAP = new BigDecimal("100");
    public static final BigDecimal MAX_CAP = new BigDecimal("1000");

    public RollUpRule {
        if (capPercent == null || capPercent.compareTo(MIN_CAP) < 0 || capPercent.compareTo(MAX_CAP) > 0) {
            throw new IllegalArgumentException("cap must be between 100 and 1000: " + capPercent);
        }
        if (countedRoles == null || countedRoles.isEmpty()) {
            throw new IllegalArgumentException("at least one role must count");
        }
        countedRoles = Set.copyOf(EnumSet.copyOf(countedRoles));
    }

    /** Outcome indicators only, capped at 100 %. */
    public static RollUpRule defaults() {
        return new RollUpRule(DEFAULT_CAP, EnumSet.of(LinkRole.OUTCOME));
    }

    public boolean counts(LinkRole role) {
        return countedRoles.contains(role);
    }
}
