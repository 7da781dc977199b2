package jp.machi.planning.plan.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.planning.plan.domain.LinkRole;
import jp.machi.planning.plan.domain.RollUp;
import jp.machi.planning.plan.domain.RollUpRule;
import org.junit.jupiter.api.Test;

class RollUpTextsTest {

    private static final FiscalYear R5 = FiscalYear.of(2023);

    private static RollUp.IndicatorInput in(String label, LinkRole role, String weight, Direction d, String target,
            String actual, Map<UUID, LocalizedText> labels) {
        UUID id = UUID.randomUUID();
        labels.put(id, LocalizedText.of(label, label));
        return new RollUp.IndicatorInput(id, role, new BigDecimal(weight), d, target == null ? null : new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual));
    }

    @Test
    void theFormulaShowsTheNumbersAndWhatWasLeftOutInBothLanguages() {
        Map<UUID, LocalizedText> labels = new java.util.HashMap<>();
        RollUp.IndicatorInput a = in("35.O1", LinkRole.OUTCOME, "1", Direction.HIGHER_IS_BETTER, "90.0", "78.6", labels);
        RollUp.IndicatorInput b = in("37.O2", LinkRole.OUTCOME, "1", Direction.CEILING, "90.0", "88.0", labels);
        RollUp.IndicatorInput c = in("35.O2", LinkRole.OUTCOME, "1", Direction.HIGHER_IS_BETTER, "10000", null, labels);
        RollUp.IndicatorInput p = in("35.P1", LinkRole.PROCESS, "1", Direction.HIGHER_IS_BETTER, "100", "50", labels);
        RollUp.NodeResult r = RollUp.of(new RollUp.NodeInput(UUID.randomUUID(), BigDecimal.ONE, List.of(a, b, c, p), List.of()),
                RollUpRule.defaults(), RatingScale.defaultScale());
        LocalizedText f = RollUpTexts.formula(r, labels::get, R5, RollUpRule.defaults());
        assertEquals("得点 = (87.3 + 100.0) ÷ 2 = 93.7。除外: 35.O2（令和5年度の実績値がなく、0 とはしない）、"
                + "35.P1（プロセス指標は計画の設定で集計の対象外）", f.ja());
        assertEquals("Score = (87.3 + 100.0) ÷ 2 = 93.7. Left out: 35.O2 (no actual for FY2023, not counted as 0); "
                + "35.P1 (Process indicators are not counted under the plan's rule)", f.en());

        LocalizedText rate = RollUpTexts.term(r.terms().get(0), a, R5, RollUpRule.defaults());
        assertEquals("達成率 87.3%（実績値 78.6 ÷ 目標値 90）", rate.ja());
        assertEquals("Achievement 87.3 % (actual 78.6 ÷ target 90)", rate.en());
        assertEquals("Actual 88 is below the ceiling 90: met → 100",
                RollUpTexts.term(r.terms().get(1), b, R5, RollUpRule.defaults()).en());
        assertEquals("Left out: no actual for FY2023, not counted as 0",
                RollUpTexts.term(r.terms().get(2), c, R5, RollUpRule.defaults()).en());
        assertEquals("Achievement 50.0 % (actual 50 ÷ target 100). Left out: Process indicators are not counted under the plan's rule",
                RollUpTexts.term(r.terms().get(3), p, R5, RollUpRule.defaults()).en());
    }

    @Test
    void weightsAndCapsAreSpelledOut() {
        Map<UUID, LocalizedText> labels = new java.util.HashMap<>();
        RollUp.IndicatorInput a = in("A", LinkRole.OUTCOME, "2", Direction.HIGHER_IS_BETTER, "100", "150", labels);
        RollUp.IndicatorInput b = in("B", LinkRole.OUTCOME, "1", Direction.LOWER_IS_BETTER, "90", "91.7", labels);
        RollUp.NodeResult r = RollUp.of(new RollUp.NodeInput(UUID.randomUUID(), BigDecimal.ONE, List.of(a, b), List.of()),
                RollUpRule.defaults(), RatingScale.defaultScale());
        assertEquals("Score = (100.0 × 2 + 98.1 × 1) ÷ (2 + 1) = 99.4",
                RollUpTexts.formula(r, labels::get, R5, RollUpRule.defaults()).en());
        assertEquals("達成率 150.0%（実績値 150 ÷ 目標値 100） → 上限 100% で 100.0",
                RollUpTexts.term(r.terms().get(0), a, R5, RollUpRule.defaults()).ja());
        assertTrue(RollUpTexts.term(r.terms().get(1), b, R5, RollUpRule.defaults()).ja().contains("低いほど良い"));
    }

    @Test
    void aSingleTermNamesIt() {
        Map<UUID, LocalizedText> labels = new java.util.HashMap<>();
        RollUp.IndicatorInput a = in("35.O1", LinkRole.OUTCOME, "3", Direction.HIGHER_IS_BETTER, "90.0", "78.6", labels);
        RollUp.NodeResult r = RollUp.of(new RollUp.NodeInput(UUID.randomUUID(), BigDecimal.ONE, List.of(a), List.of()),
                RollUpRule.defaults(), RatingScale.defaultScale());
        assertEquals("得点 = 87.3（集計の対象は 35.O1 のみ）", RollUpTexts.formula(r, labels::get, R5, RollUpRule.defaults()).ja());
        assertEquals("Score = 87.3 (only 35.O1 counts)", RollUpTexts.formula(r, labels::get, R5, RollUpRule.defaults()).en());
    }

    @Test
    void nothingToRollUpSaysSo() {
        RollUp.NodeResult r = RollUp.of(new RollUp.NodeInput(UUID.randomUUID(), BigDecimal.ONE, List.of(), List.of()),
                RollUpRule.defaults(), RatingScale.defaultScale());
        LocalizedText f = RollUpTexts.formula(r, id -> null, R5, RollUpRule.defaults());
        assertEquals("得点なし（集計できる指標・下位項目がありません）", f.ja());
        assertEquals("No score (nothing to roll up)", f.en());
    }

    @Test
    void theRuleNamesTheCountedRolesAndTheCap() {
        LocalizedText outcome = RollUpTexts.rule(RollUpRule.defaults());
        assertTrue(outcome.ja().contains("結び付いた成果指標の得点") && outcome.ja().contains("上限は 100%"), outcome.ja());
        LocalizedText both = RollUpTexts.rule(new RollUpRule(new BigDecimal("120"), EnumSet.allOf(LinkRole.class)));
        assertTrue(both.en().contains("linked outcome and process indicators") && both.en().contains("capped at 120 %"),
                both.en());
        assertTrue(both.en().contains("Each node's score"), both.en());
    }
}
