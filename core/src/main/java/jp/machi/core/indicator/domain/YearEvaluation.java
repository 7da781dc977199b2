package jp.machi.core.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import jp.machi.core.fiscalyear.FiscalYear;

/**
 * One fiscal year of an indicator as a reader sees it: the target that applies (the year's own;
 * else, in the final target year, the final target; in a year before it, what the municipality's
 * {@link RatingScale.InterimYears} says), the actual (entered, or computed from the bound metric), and the
 * resulting achievement and rating.
 */
public record YearEvaluation(FiscalYear fiscalYear, BigDecimal target, TargetSource targetSource, BigDecimal actual,
        ActualSource actualSource, Achievement achievement) {

    /** Where the target of a year comes from. */
    public enum TargetSource {
        /** The year's own target. */
        YEARLY,
        /** No yearly target: measured against the final target (its year, or an interim year by the municipality's choice). */
        FINAL,
        /** No yearly target in a year before the final target's: the line from the baseline to the final target. */
        INTERPOLATED,
        NONE
    }

    /** The target of a year and where it comes from ({@code value} null with {@link TargetSource#NONE}). */
    public record Target(BigDecimal value, TargetSource source) {
        static final Target NONE = new Target(null, TargetSource.NONE);
    }

    /**
     * The target that applies to {@code fy}: the year's own; in the final target year the final
     * target; in a year before it as {@code interim} says; after it, none.
     */
    public static Target targetOf(Indicator indicator, FiscalYear fy, RatingScale.InterimYears interim) {
        BigDecimal own = indicator.figuresOf(fy).map(IndicatorYearValue::getTarget).orElse(null);
        if (own != null) {
            return new Target(own, TargetSource.YEARLY);
        }
        BigDecimal finalTarget = indicator.getFinalTarget();
        FiscalYear finalYear = indicator.getFinalTargetYear();
        if (finalTarget == null || finalYear == null || fy.compareTo(finalYear) > 0) {
            return Target.NONE;
        }
        if (fy.equals(finalYear)) {
            return new Target(finalTarget, TargetSource.FINAL);
        }
        switch (interim == null ? RatingScale.InterimYears.NO_TARGET : interim) {
            case FINAL_TARGET:
                return new Target(finalTarget, TargetSource.FINAL);
            case INTERPOLATE:
                BigDecimal base = indicator.getBaselineValue();
                FiscalYear baseYear = indicator.getBaselineYear();
                if (base == null || baseYear == null || fy.compareTo(baseYear) <= 0) {
                    return Target.NONE;
                }
                long span = finalYear.startYear() - baseYear.startYear();
                long done = fy.startYear() - baseYear.startYear();
                int scale = Math.max(Math.max(base.stripTrailingZeros().scale(), finalTarget.stripTrailingZeros().scale()), 0) + 1;
                BigDecimal value = base.add(finalTarget.subtract(base).multiply(BigDecimal.valueOf(done))
                        .divide(BigDecimal.valueOf(span), scale, RoundingMode.HALF_UP));
                value = value.stripTrailingZeros();
                return new Target(value.scale() < 0 ? value.setScale(0) : value, TargetSource.INTERPOLATED);
            default:
                return Target.NONE;
        }
    }

    /** Where the actual of a year comes from. */
    public enum ActualSource {
        ENTERED,
        /** Computed from the module metric the indicator is bound to. */
        METRIC,
        /** Bound to a metric whose module is not available to this municipality now. */
        METRIC_UNAVAILABLE,
        NONE
    }

    /**
     * Evaluates every fiscal year worth showing: years with entered figures, the final target's
     * year, and, for a bound indicator, each year from the one after the baseline up to the
     * current one.
     *
     * @param metric the bound metric's yearly value, or {@code null} when the indicator is not bound
     *     or the metric is unavailable ({@code metricAvailable} tells which)
     */
    public static List<YearEvaluation> evaluate(Indicator indicator, RatingScale scale,
            Function<FiscalYear, Optional<BigDecimal>> metric, boolean metricAvailable, FiscalYear current) {
        TreeSet<FiscalYear> years = new TreeSet<>();
        indicator.getValues().forEach(v -> years.add(v.getFiscalYear()));
        if (indicator.getFinalTargetYear() != null) {
            years.add(indicator.getFinalTargetYear());
        }
        boolean bound = indicator.isBoundToMetric();
        if (bound) {
            FiscalYear[] range = metricYears(indicator, current);
            for (FiscalYear y = range[0]; y.compareTo(range[1]) <= 0; y = y.next()) {
                years.add(y);
            }
        }
        List<YearEvaluation> result = new ArrayList<>();
        for (FiscalYear fy : years) {
            var figures = indicator.figuresOf(fy);
            Target t = targetOf(indicator, fy, scale.interimYears());
            BigDecimal target = t.value();
            TargetSource targetSource = t.source();
            BigDecimal actual;
            ActualSource actualSource;
            if (bound) {
                if (!metricAvailable) {
                    actual = null;
                    actualSource = ActualSource.METRIC_UNAVAILABLE;
                } else {
                    actual = boundActual(indicator, fy, metric);
                    actualSource = actual == null ? ActualSource.NONE : ActualSource.METRIC;
                }
            } else {
                actual = figures.map(IndicatorYearValue::getActual).orElse(null);
                actualSource = actual == null ? ActualSource.NONE : ActualSource.ENTERED;
            }
            result.add(new YearEvaluation(fy, target, targetSource, actual, actualSource,
                    Achievement.evaluate(indicator.getDirection(), target, actual, scale)));
        }
        return result;
    }

    /**
     * The fiscal years (first, last) whose figure a metric-bound indicator shows: from the year after
     * its baseline (or its first year with values, or the current one) to the current year or its final
     * target year if that is earlier. A cumulative indicator's sums need no year outside it. The first
     * may come after the last (nothing to show).
     */
    public static FiscalYear[] metricYears(Indicator indicator, FiscalYear current) {
        TreeSet<FiscalYear> years = new TreeSet<>();
        indicator.getValues().forEach(v -> years.add(v.getFiscalYear()));
        if (indicator.getFinalTargetYear() != null) {
            years.add(indicator.getFinalTargetYear());
        }
        FiscalYear from = indicator.getBaselineYear() != null ? indicator.getBaselineYear().next()
                : years.isEmpty() ? current : years.first();
        FiscalYear to = indicator.getFinalTargetYear() != null && indicator.getFinalTargetYear().compareTo(current) < 0
                ? indicator.getFinalTargetYear() : current;
        return new FiscalYear[] {from, to};
    }

    /** A bound indicator's actual: the metric's value, or for a cumulative one, baseline plus the yearly values since. */
    public static BigDecimal boundActual(Indicator indicator, FiscalYear fy, Function<FiscalYear, Optional<BigDecimal>> metric) {
        if (!indicator.isCumulative()) {
            return metric.apply(fy).orElse(null);
        }
        FiscalYear from = indicator.getBaselineYear() != null ? indicator.getBaselineYear().next() : fy;
        if (fy.compareTo(from) < 0) {
            return fy.equals(indicator.getBaselineYear()) ? indicator.getBaselineValue() : null;
        }
        BigDecimal sum = indicator.getBaselineValue() == null ? BigDecimal.ZERO : indicator.getBaselineValue();
        boolean any = false;
        for (FiscalYear y = from; y.compareTo(fy) <= 0; y = y.next()) {
            Optional<BigDecimal> v = metric.apply(y);
            if (v.isPresent()) {
                sum = sum.add(v.get());
                any = true;
            }
        }
        return any ? sum : null;
    }
}
