package jp.machi.planning.plan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.planning.plan.domain.RollUp.Basis;
import jp.machi.planning.plan.domain.RollUp.Exclusion;
import jp.machi.planning.plan.domain.RollUp.IndicatorInput;
import jp.machi.planning.plan.domain.RollUp.NodeInput;
import jp.machi.planning.plan.domain.RollUp.NodeResult;
import jp.machi.planning.plan.domain.RollUp.Term;
import org.junit.jupiter.api.Test;

class RollUpTest {

    private static final RatingScale SCALE = RatingScale.defaultScale();
    private static final RollUpRule DEFAULT = RollUpRule.defaults();

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static IndicatorInput outcome(Direction direction, String target, String actual) {
        return weighted(LinkRole.OUTCOME, "1", direction, target, actual);
    }

    private static IndicatorInput weighted(LinkRole role, String weight, Direction direction, String target, String actual) {
        return new IndicatorInput(UUID.randomUUID(), role, d(weight), direction, d(target), d(actual));
    }

    private static NodeInput node(String weight, List<IndicatorInput> indicators, NodeInput... children) {
        return new NodeInput(UUID.randomUUID(), d(weight), indicators, List.of(children));
    }

    private static NodeResult roll(NodeInput n) {
        return RollUp.of(n, DEFAULT, SCALE);
    }

    private static Term only(NodeResult r) {
        assertEquals(1, r.terms().size(), r::toString);
        return r.terms().get(0);
    }

    @Test
    void anIndicatorScoresItsAchievementRateAsCoreShowsIt() {
        // 須坂市 35.O1: 「広報須坂」を読んでいる人の割合, target 90.0, actual 78.6 → 87.3 %.
        NodeResult r = roll(node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "90.0", "78.6"))));
        Term t = only(r);
        assertEquals(d("87.3"), t.achievement().ratePercent());
        assertEquals(Basis.RATE, t.basis());
        assertEquals(d("87.3"), t.score());
        assertTrue(t.included());
        assertEquals(d("87.3"), r.score());
        assertEquals("B", r.rating());
    }

    @Test
    void lowerIsBetterDividesTargetByActual() {
        NodeResult r = roll(node("1", List.of(outcome(Direction.LOWER_IS_BETTER, "90", "91.7"))));
        assertEquals(d("98.1"), only(r).score());
        assertEquals(Basis.RATE, only(r).basis());
        assertEquals(d("98.1"), r.score());
    }

    @Test
    void lowerIsBetterBeatingTheTargetIsCappedLikeAnyOther() {
        NodeResult r = roll(node("1", List.of(outcome(Direction.LOWER_IS_BETTER, "90", "60"))));
        assertEquals(d("150.0"), only(r).achievement().ratePercent());
        assertEquals(Basis.CAPPED, only(r).basis());
        assertEquals(d("100.0"), r.score());
    }

    @Test
    void lowerIsBetterAtZeroIsMet() {
        Term t = only(roll(node("1", List.of(outcome(Direction.LOWER_IS_BETTER, "5", "0")))));
        assertEquals(Basis.MET, t.basis());
        assertEquals(d("100.0"), t.score());
    }

    @Test
    void aCeilingScoresHundredWhenStrictlyBelowAndZeroOtherwise() {
        // 須坂市 37.O2: 経常収支比率 90.0 未満.
        Term below = only(roll(node("1", List.of(outcome(Direction.CEILING, "90.0", "89.9")))));
        assertEquals(Basis.MET, below.basis());
        assertEquals(d("100.0"), below.score());
        assertNull(below.achievement().ratePercent());
        Term at = only(roll(node("1", List.of(outcome(Direction.CEILING, "90.0", "90.0")))));
        assertEquals(Basis.NOT_MET, at.basis());
        assertEquals(d("0.0"), at.score());
        assertTrue(at.included(), "a missed ceiling counts, as 0");
    }

    @Test
    void aZeroTargetHigherIsBetterIsMetOrNot() {
        assertEquals(d("100.0"), only(roll(node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "0", "3"))))).score());
    }

    @Test
    void theCapKeepsOneOverAchieverFromHidingAShortfall() {
        NodeInput n = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "150"),
                outcome(Direction.HIGHER_IS_BETTER, "100", "50")));
        assertEquals(d("75.0"), roll(n).score(), "(100 + 50) / 2, not (150 + 50) / 2");
        RollUpRule generous = new RollUpRule(d("120"), EnumSet.of(LinkRole.OUTCOME));
        NodeResult r = RollUp.of(n, generous, SCALE);
        assertEquals(d("85.0"), r.score(), "(120 + 50) / 2");
        assertEquals(d("120.0"), r.terms().get(0).score());
        assertEquals(Basis.CAPPED, r.terms().get(0).basis());
    }

    @Test
    void aMissingActualIsLeftOutNotCountedAsZero() {
        NodeResult r = roll(node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "80"),
                outcome(Direction.HIGHER_IS_BETTER, "100", null))));
        assertEquals(d("80.0"), r.score(), "only the indicator with an actual counts");
        Term missing = r.terms().get(1);
        assertFalse(missing.included());
        assertEquals(Exclusion.NO_ACTUAL, missing.exclusion());
        assertNull(missing.score());
    }

    @Test
    void aMissingTargetIsLeftOut() {
        Term t = only(roll(node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, null, "80")))));
        assertEquals(Exclusion.NO_TARGET, t.exclusion());
    }

    @Test
    void processIndicatorsCountOnlyWhenTheRuleSaysSo() {
        NodeInput n = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "90"),
                weighted(LinkRole.PROCESS, "1", Direction.HIGHER_IS_BETTER, "100", "50")));
        NodeResult outcomeOnly = roll(n);
        assertEquals(d("90.0"), outcomeOnly.score());
        Term process = outcomeOnly.terms().get(1);
        assertEquals(Exclusion.ROLE_NOT_COUNTED, process.exclusion());
        assertEquals(d("50.0"), process.score(), "its score is still shown");
        NodeResult both = RollUp.of(n, new RollUpRule(d("100"), EnumSet.allOf(LinkRole.class)), SCALE);
        assertEquals(d("70.0"), both.score());
    }

    @Test
    void weightsWeighTheMean() {
        NodeResult r = roll(node("1", List.of(weighted(LinkRole.OUTCOME, "3", Direction.HIGHER_IS_BETTER, "100", "100"),
                weighted(LinkRole.OUTCOME, "1", Direction.HIGHER_IS_BETTER, "100", "60"))));
        assertEquals(d("90.0"), r.score(), "(100×3 + 60×1) / 4");
    }

    @Test
    void aZeroWeightIsShownButLeftOut() {
        NodeResult r = roll(node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "100"),
                weighted(LinkRole.OUTCOME, "0", Direction.HIGHER_IS_BETTER, "100", "10"))));
        assertEquals(d("100.0"), r.score());
        assertEquals(Exclusion.ZERO_WEIGHT, r.terms().get(1).exclusion());
    }

    @Test
    void aNodeRollsUpItsChildrenByTheirWeightsFromTheirRoundedScores() {
        NodeInput a = node("2", List.of(outcome(Direction.HIGHER_IS_BETTER, "3", "1")));   // 33.3
        NodeInput b = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "3", "2")));   // 66.7
        NodeResult parent = roll(node("1", List.of(), a, b));
        assertEquals(d("33.3"), parent.children().get(0).score());
        assertEquals(d("66.7"), parent.children().get(1).score());
        // (33.3×2 + 66.7×1) / 3 = 133.3 / 3 = 44.43 → 44.4
        assertEquals(d("44.4"), parent.score());
        assertEquals(Basis.ROLL_UP, parent.terms().get(0).basis());
        assertEquals(d("2"), parent.terms().get(0).weight());
        assertEquals("D", parent.rating());
    }

    @Test
    void aNodeCombinesItsOwnIndicatorsWithItsChildren() {
        NodeInput child = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "60")));
        NodeResult r = roll(node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "100")), child));
        assertEquals(d("80.0"), r.score());
        assertEquals(2, r.includedTerms().size());
    }

    @Test
    void childrenWithoutAScoreAreLeftOutAndAnEmptyNodeHasNone() {
        NodeInput withData = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", "90")));
        NodeInput initiativeWithoutIndicators = node("1", List.of());
        NodeInput noActualYet = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "100", null)));
        NodeResult r = roll(node("1", List.of(), withData, initiativeWithoutIndicators, noActualYet));
        assertEquals(d("90.0"), r.score());
        assertNull(r.children().get(1).score());
        assertNull(r.children().get(1).rating());
        assertEquals(Exclusion.NO_SCORE, r.terms().get(1).exclusion());
        assertEquals(Exclusion.NO_SCORE, r.terms().get(2).exclusion());

        NodeResult empty = roll(node("1", List.of()));
        assertNull(empty.score());
        assertTrue(empty.terms().isEmpty());
    }

    @Test
    void aTreeWithoutAnyActualHasNoScoreAnywhere() {
        NodeInput measure = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "90", null),
                outcome(Direction.CEILING, "90", null)));
        NodeResult top = roll(node("1", List.of(), node("1", List.of(), measure)));
        assertNull(top.score());
        assertNull(top.children().get(0).score());
        assertEquals(Exclusion.NO_SCORE, top.terms().get(0).exclusion());
    }

    @Test
    void threeLevelsMixRatesCeilingsAndMissingActuals() {
        // 施策 A: 87.3 (rate) and a met ceiling (100) → 93.7 (93.65 half up)
        NodeInput a = node("1", List.of(outcome(Direction.HIGHER_IS_BETTER, "90.0", "78.6"),
                outcome(Direction.CEILING, "90.0", "88.0")));
        // 施策 B: lower is better 98.1, an indicator without actual left out → 98.1
        NodeInput b = node("1", List.of(outcome(Direction.LOWER_IS_BETTER, "90", "91.7"),
                outcome(Direction.HIGHER_IS_BETTER, "10", null)));
        NodeResult basic = roll(node("1", List.of(), a, b));
        assertEquals(d("93.7"), basic.children().get(0).score());
        assertEquals(d("98.1"), basic.children().get(1).score());
        assertEquals(d("95.9"), basic.score(), "(93.7 + 98.1) / 2");
        NodeResult goal = roll(node("1", List.of(), node("1", List.of(), a, b)));
        assertEquals(d("95.9"), goal.score());
    }

    @Test
    void theRuleRefusesACapBelowHundredAndNoCountedRole() {
        assertThrows(IllegalArgumentException.class, () -> new RollUpRule(d("99"), EnumSet.of(LinkRole.OUTCOME)));
        assertThrows(IllegalArgumentException.class, () -> new RollUpRule(d("1001"), EnumSet.of(LinkRole.OUTCOME)));
        assertThrows(IllegalArgumentException.class, () -> new RollUpRule(d("100"), EnumSet.noneOf(LinkRole.class)));
    }
}
