package jp.machi.core.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 達成率 and rating of one indicator in one fiscal year. The rate is a percentage rounded to one
 * decimal; it is absent for a ceiling (met or not met only) and whenever the target or the actual
 * is missing, in which case there is no rating either.
 */
public record Achievement(BigDecimal ratePercent, Boolean met, String rating) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final Achievement NOT_EVALUATED = new Achievement(null, null, null);

    public static Achievement evaluate(Direction direction, BigDecimal target, BigDecimal actual, RatingScale scale) {
        if (target == null || actual == null) {
            return NOT_EVALUATED;
        }
        switch (direction) {
            case CEILING: {
                boolean met = actual.compareTo(target) < 0;
                return new Achievement(null, met, met ? scale.best() : scale.worst());
            }
            case LOWER_IS_BETTER: {
                boolean met = actual.compareTo(target) <= 0;
                if (actual.signum() == 0) {
                    // Nothing left of what should shrink: as good as it gets.
                    return new Achievement(null, true, scale.best());
                }
                BigDecimal rate = target.multiply(HUNDRED).divide(actual, 1, RoundingMode.HALF_UP);
                return new Achievement(rate, met, scale.gradeFor(rate));
            }
            case HIGHER_IS_BETTER:
            default: {
                boolean met = actual.compareTo(target) >= 0;
                if (target.signum() == 0) {
                    return new Achievement(null, met, met ? scale.best() : scale.worst());
                }
                BigDecimal rate = actual.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
                return new Achievement(rate, met, scale.gradeFor(rate));
            }
        }
    }
}
