package jp.machi.core.indicator.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A municipality's rating thresholds on the achievement rate, best grade first: for example
 * A ≥ 100 %, B ≥ 80 %, C ≥ 60 %, D below. The last grade's minimum is 0, so every rate gets a
 * grade. Each municipality sets its own; these are data, not code. With them, how a year before an
 * indicator's final target year is measured when it has no target of its own
 * ({@link InterimYears}).
 */
public record RatingScale(List<Grade> grades, InterimYears interimYears) {

    /**
     * What the target of a year is when the indicator sets none for it but has a final target in a
     * later year (a plan that names only where it wants to be in 2026).
     */
    public enum InterimYears {
        /** No target that year: the year is not rated (the default; 中間年は評価しない). */
        NO_TARGET,
        /**
         * The straight line from the baseline (value and year) to the final target: in 2023 of a
         * plan going from 186 in 2020 to 336 in 2026, 261 (基準値から目標値まで按分). Without a
         * baseline, as {@link #NO_TARGET}.
         */
        INTERPOLATE,
        /** The final target itself, as if it were that year's (最終目標で評価). */
        FINAL_TARGET
    }

    /** A grade and the lowest achievement rate (in percent) that earns it. */
    public record Grade(String label, BigDecimal minimumPercent) {
    }

    /** Grades with the default for interim years. */
    public RatingScale(List<Grade> grades) {
        this(grades, InterimYears.NO_TARGET);
    }

    public RatingScale {
        interimYears = interimYears == null ? InterimYears.NO_TARGET : interimYears;
        // Check before copying: List.copyOf throws a bare NullPointerException on a missing list
        // or grade, which would reach the caller as a server error instead of a problem to fix.
        List<String> problems = problems(grades);
        if (!problems.isEmpty()) {
            throw new InvalidRatingScaleException(problems);
        }
        grades = List.copyOf(grades);
    }

    public static RatingScale defaultScale() {
        return defaultScale(InterimYears.NO_TARGET);
    }

    public static RatingScale defaultScale(InterimYears interimYears) {
        return new RatingScale(List.of(
                new Grade("A", new BigDecimal("100")),
                new Grade("B", new BigDecimal("80")),
                new Grade("C", new BigDecimal("60")),
                new Grade("D", BigDecimal.ZERO)), interimYears);
    }

    /**
     * Message keys of what is wrong with a proposed list of grades, each key once, in the order
     * first found; empty when it is usable.
     */
    public static List<String> problems(List<Grade> grades) {
        Set<String> problems = new LinkedHashSet<>();
        if (grades == null || grades.isEmpty() || grades.size() > 10) {
            return List.of("rating.grades.count");
        }
        Set<String> labels = new HashSet<>();
        BigDecimal previous = null;
        for (Grade g : grades) {
            if (g == null || g.label() == null || g.label().isBlank() || g.label().length() > 10) {
                problems.add("rating.grades.label");
                return List.copyOf(problems);
            }
            if (!labels.add(g.label())) {
                problems.add("rating.grades.duplicate");
            }
            if (g.minimumPercent() == null || g.minimumPercent().signum() < 0) {
                problems.add("rating.grades.minimum");
                return List.copyOf(problems);
            }
            if (previous != null && g.minimumPercent().compareTo(previous) >= 0) {
                problems.add("rating.grades.order");
            }
            previous = g.minimumPercent();
        }
        if (previous.signum() != 0) {
            problems.add("rating.grades.lastZero");
        }
        return List.copyOf(problems);
    }

    public String gradeFor(BigDecimal percent) {
        for (Grade g : grades) {
            if (percent.compareTo(g.minimumPercent()) >= 0) {
                return g.label();
            }
        }
        return worst();
    }

    public String best() {
        return grades.get(0).label();
    }

    public String worst() {
        return grades.get(grades.size() - 1).label();
    }
}
