package jp.machi.core.indicator.domain;

import static jp.machi.core.indicator.domain.RatingScale.InterimYears.FINAL_TARGET;
import static jp.machi.core.indicator.domain.RatingScale.InterimYears.INTERPOLATE;
import static jp.machi.core.indicator.domain.RatingScale.InterimYears.NO_TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.domain.YearEvaluation.TargetSource;
import org.junit.jupiter.api.Test;

/** Which target a year is measured against, in particular the years before a final target. */
class YearEvaluationTest {

    /** 須坂市 施策35: migrants supported, 186 (2020) → 336 (2026), no yearly targets. */
    private static Indicator migrants(List<Indicator.YearFigures> figures) {
        return new Indicator(new Indicator.Definition("35-1", "移住者数", null, IndicatorKind.OUTCOME, null, "人",
                Direction.HIGHER_IS_BETTER, new BigDecimal("186"), FiscalYear.of(2020), new BigDecimal("336"),
                FiscalYear.of(2026), false, null, null, null, null), figures);
    }

    private static YearEvaluation.Target target(Indicator i, int year, RatingScale.InterimYears rule) {
        return YearEvaluation.targetOf(i, FiscalYear.of(year), rule);
    }

    @Test
    void anInterimYearHasNoTargetByDefault() {
        Indicator i = migrants(List.of());
        assertEquals(TargetSource.NONE, target(i, 2023, NO_TARGET).source());
        assertNull(target(i, 2023, NO_TARGET).value());
        assertEquals(TargetSource.NONE, target(i, 2023, null).source());
    }

    @Test
    void theFinalYearIsMeasuredAgainstTheFinalTargetWhateverTheRule() {
        Indicator i = migrants(List.of());
        for (RatingScale.InterimYears rule : RatingScale.InterimYears.values()) {
            assertEquals(new YearEvaluation.Target(new BigDecimal("336"), TargetSource.FINAL), target(i, 2026, rule));
        }
    }

    @Test
    void interpolationFollowsTheLineFromTheBaseline() {
        Indicator i = migrants(List.of());
        assertEquals(new YearEvaluation.Target(new BigDecimal("261"), TargetSource.INTERPOLATED), target(i, 2023, INTERPOLATE));
        assertEquals(new YearEvaluation.Target(new BigDecimal("211"), TargetSource.INTERPOLATED), target(i, 2021, INTERPOLATE));
        // Not before or at the baseline, nor after the final year.
        assertEquals(TargetSource.NONE, target(i, 2020, INTERPOLATE).source());
        assertEquals(TargetSource.NONE, target(i, 2019, INTERPOLATE).source());
        assertEquals(TargetSource.NONE, target(i, 2027, INTERPOLATE).source());
    }

    @Test
    void interpolationKeepsOneDecimalMoreThanItsEnds() {
        // 結婚数 13 (2020) → 15 (2026): 2021 is 13.3, not 13.
        Indicator i = new Indicator(new Indicator.Definition(null, "結婚数", null, IndicatorKind.OUTCOME, null, "件",
                Direction.HIGHER_IS_BETTER, new BigDecimal("13"), FiscalYear.of(2020), new BigDecimal("15"), FiscalYear.of(2026),
                false, null, null, null, null), List.of());
        assertEquals(new BigDecimal("13.3"), target(i, 2021, INTERPOLATE).value());
        assertEquals(new BigDecimal("14"), target(i, 2023, INTERPOLATE).value());
        // As the database gives them back (DECIMAL(20,4)): the same.
        Indicator stored = new Indicator(new Indicator.Definition(null, "結婚数", null, IndicatorKind.OUTCOME, null, "件",
                Direction.HIGHER_IS_BETTER, new BigDecimal("13.0000"), FiscalYear.of(2020), new BigDecimal("15.0000"),
                FiscalYear.of(2026), false, null, null, null, null), List.of());
        assertEquals(new BigDecimal("13.3"), target(stored, 2021, INTERPOLATE).value());
    }

    @Test
    void withoutABaselineInterpolationRatesNothing() {
        Indicator i = new Indicator(new Indicator.Definition(null, "x", null, IndicatorKind.OUTCOME, null, "件",
                Direction.HIGHER_IS_BETTER, null, null, new BigDecimal("15"), FiscalYear.of(2026), false, null, null, null, null),
                List.of());
        assertEquals(TargetSource.NONE, target(i, 2023, INTERPOLATE).source());
        assertEquals(TargetSource.FINAL, target(i, 2026, INTERPOLATE).source());
    }

    @Test
    void theFinalTargetRuleMeasuresInterimYearsAgainstIt() {
        Indicator i = migrants(List.of());
        assertEquals(new YearEvaluation.Target(new BigDecimal("336"), TargetSource.FINAL), target(i, 2023, FINAL_TARGET));
    }

    @Test
    void aYearsOwnTargetAlwaysWins() {
        Indicator i = migrants(List.of(new Indicator.YearFigures(FiscalYear.of(2023), new BigDecimal("250"), null)));
        for (RatingScale.InterimYears rule : RatingScale.InterimYears.values()) {
            assertEquals(new YearEvaluation.Target(new BigDecimal("250"), TargetSource.YEARLY), target(i, 2023, rule));
        }
    }

    @Test
    void anInterimActualIsRatedOnlyWhenTheRuleGivesATarget() {
        Indicator i = migrants(List.of(new Indicator.YearFigures(FiscalYear.of(2023), null, new BigDecimal("240"))));
        Function<FiscalYear, java.util.Optional<BigDecimal>> none = fy -> java.util.Optional.empty();
        YearEvaluation unrated = YearEvaluation.evaluate(i, RatingScale.defaultScale(), none, false, FiscalYear.of(2024)).get(0);
        assertEquals(FiscalYear.of(2023), unrated.fiscalYear());
        assertNull(unrated.achievement().rating());
        YearEvaluation interpolated = YearEvaluation.evaluate(i, RatingScale.defaultScale(INTERPOLATE), none, false,
                FiscalYear.of(2024)).get(0);
        // 240 of 261 = 92.0 %: B on the default scale.
        assertEquals("B", interpolated.achievement().rating());
        YearEvaluation againstFinal = YearEvaluation.evaluate(i, RatingScale.defaultScale(FINAL_TARGET), none, false,
                FiscalYear.of(2024)).get(0);
        // 240 of 336 = 71.4 %: C.
        assertEquals("C", againstFinal.achievement().rating());
    }
}
