package jp.machi.core.indicator.domain;

import static jp.machi.core.indicator.domain.Direction.CEILING;
import static jp.machi.core.indicator.domain.Direction.HIGHER_IS_BETTER;
import static jp.machi.core.indicator.domain.Direction.LOWER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import jp.machi.core.indicator.domain.RatingScale.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AchievementTest {

    private static final RatingScale DEFAULT = RatingScale.defaultScale();
    private static final RatingScale CUSTOM = new RatingScale(List.of(
            new Grade("S", new BigDecimal("120")), new Grade("A", new BigDecimal("100")),
            new Grade("B", new BigDecimal("70")), new Grade("C", BigDecimal.ZERO)));

    private static Achievement evaluate(Direction direction, String target, String actual) {
        return evaluate(direction, target, actual, DEFAULT);
    }

    private static Achievement evaluate(Direction direction, String target, String actual, RatingScale scale) {
        return Achievement.evaluate(direction, target == null ? null : new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual), scale);
    }

    private static void assertAchievement(String rate, Boolean met, String rating, Achievement a) {
        // Compared as BigDecimal: the rate must carry exactly one decimal (98.1, 100.0).
        assertEquals(rate == null ? null : new BigDecimal(rate), a.ratePercent(), "rate");
        assertEquals(met, a.met(), "met");
        assertEquals(rating, a.rating(), "rating");
    }

    // --- higher is better: actual ÷ target ---

    @ParameterizedTest(name = "target {0}, actual {1} → {2} % {4}")
    @CsvSource({
        "100, 100, 100.0, true, A",
        "100, 120, 120.0, true, A",
        "100, 85, 85.0, false, B",
        "100, 60, 60.0, false, C",
        "100, 59.9, 59.9, false, D",
        "100, 0, 0.0, false, D",
        "115, 55, 47.8, false, D",
        "6200, 6000, 96.8, false, B",
        "207, 127, 61.4, false, C",
        "336, 186, 55.4, false, D",
        "3, 2, 66.7, false, C",
        "3, 1, 33.3, false, D"
    })
    void higherIsBetterRateIsActualOverTarget(String target, String actual, String rate, boolean met, String rating) {
        assertAchievement(rate, met, rating, evaluate(HIGHER_IS_BETTER, target, actual));
    }

    @Test
    void higherIsBetterRoundsHalfUpToOneDecimal() {
        // 120.1 / 200 = 60.05 % → 60.1 (half-even would give 60.0)
        assertAchievement("60.1", false, "C", evaluate(HIGHER_IS_BETTER, "200", "120.1"));
        // 80.25 / 100 → 80.3
        assertAchievement("80.3", false, "B", evaluate(HIGHER_IS_BETTER, "100", "80.25"));
        // 80.24 / 100 → 80.2
        assertAchievement("80.2", false, "B", evaluate(HIGHER_IS_BETTER, "100", "80.24"));
    }

    @Test
    void higherIsBetterWithTargetZeroIsMetByAnythingNotNegative() {
        assertAchievement(null, true, "A", evaluate(HIGHER_IS_BETTER, "0", "0"));
        assertAchievement(null, true, "A", evaluate(HIGHER_IS_BETTER, "0", "5"));
        assertAchievement(null, false, "D", evaluate(HIGHER_IS_BETTER, "0", "-1"));
    }

    // --- lower is better: target ÷ actual ---

    @Test
    void lowerIsBetterRateIsTargetOverActual() {
        // Suzaka: target 90.0, actual 91.7 → 90 / 91.7 = 98.15 % → 98.1
        assertAchievement("98.1", false, "B", evaluate(LOWER_IS_BETTER, "90", "91.7"));
    }

    @ParameterizedTest(name = "target {0}, actual {1} → {2} % {4}")
    @CsvSource({
        "90, 90, 100.0, true, A",
        "90, 80, 112.5, true, A",
        "90, 112.5, 80.0, false, B",
        "90, 150, 60.0, false, C",
        "90, 180, 50.0, false, D",
        "40, 41, 97.6, false, B"
    })
    void lowerIsBetterRatesAndGrades(String target, String actual, String rate, boolean met, String rating) {
        assertAchievement(rate, met, rating, evaluate(LOWER_IS_BETTER, target, actual));
    }

    @Test
    void lowerIsBetterWithActualZeroIsBestWithoutARate() {
        assertAchievement(null, true, "A", evaluate(LOWER_IS_BETTER, "90", "0"));
    }

    @Test
    void lowerIsBetterWithTargetAndActualZeroIsMet() {
        assertAchievement(null, true, "A", evaluate(LOWER_IS_BETTER, "0", "0"));
    }

    @Test
    void lowerIsBetterWithTargetZeroAndSomeActualIsNotMet() {
        assertAchievement("0.0", false, "D", evaluate(LOWER_IS_BETTER, "0", "5"));
    }

    // --- ceiling (未満) ---

    @Test
    void ceilingIsMetOnlyStrictlyBelowTheTarget() {
        assertAchievement(null, true, "A", evaluate(CEILING, "90.0", "89.9"));
        assertAchievement(null, false, "D", evaluate(CEILING, "90.0", "90.0"));
        assertAchievement(null, false, "D", evaluate(CEILING, "90", "90.00"));
        assertAchievement(null, false, "D", evaluate(CEILING, "90.0", "91.7"));
        assertAchievement(null, true, "A", evaluate(CEILING, "90.0", "0"));
    }

    @Test
    void ceilingWithTargetZeroCannotBeMet() {
        assertAchievement(null, false, "D", evaluate(CEILING, "0", "0"));
    }

    @Test
    void ceilingGivesTheScalesBestOrWorstGrade() {
        assertAchievement(null, true, "S", evaluate(CEILING, "90", "10", CUSTOM));
        assertAchievement(null, false, "C", evaluate(CEILING, "90", "95", CUSTOM));
    }

    // --- missing data ---

    @ParameterizedTest
    @EnumSource(Direction.class)
    void missingTargetIsNotEvaluated(Direction direction) {
        assertEquals(Achievement.NOT_EVALUATED, evaluate(direction, null, "50"));
        assertAchievement(null, null, null, evaluate(direction, null, "50"));
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void missingActualIsNotEvaluated(Direction direction) {
        assertAchievement(null, null, null, evaluate(direction, "50", null));
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void missingTargetAndActualIsNotEvaluated(Direction direction) {
        assertAchievement(null, null, null, evaluate(direction, null, null));
    }

    // --- custom thresholds ---

    @ParameterizedTest(name = "actual {1} of {0} → {2}")
    @CsvSource({
        "100, 130, S",
        "100, 120, S",
        "100, 119.9, A",
        "100, 100, A",
        "100, 99.9, B",
        "100, 70, B",
        "100, 69.9, C",
        "100, 0, C"
    })
    void gradesWithTheMunicipalitysOwnThresholds(String target, String actual, String rating) {
        assertEquals(rating, evaluate(HIGHER_IS_BETTER, target, actual, CUSTOM).rating());
    }

    @Test
    void lowerIsBetterUsesTheSameCustomThresholds() {
        // 90 / 75 = 120 % → S
        assertAchievement("120.0", true, "S", evaluate(LOWER_IS_BETTER, "90", "75", CUSTOM));
        // 90 / 91.7 = 98.1 % → B
        assertAchievement("98.1", false, "B", evaluate(LOWER_IS_BETTER, "90", "91.7", CUSTOM));
    }

    @Test
    void metIsDecidedOnTheExactValuesNotTheRoundedRate() {
        Achievement a = evaluate(HIGHER_IS_BETTER, "100", "99.99");
        assertEquals(Boolean.FALSE, a.met());
        Achievement b = evaluate(LOWER_IS_BETTER, "90", "90.001");
        assertEquals(Boolean.FALSE, b.met());
    }
}
