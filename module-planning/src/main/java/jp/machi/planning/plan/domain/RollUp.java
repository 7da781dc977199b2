package jp.machi.planning.plan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.indicator.domain.Achievement;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.RatingScale;

/**
 * 進捗の積み上げ: the arithmetic that turns one fiscal year's indicator figures into a score for
 * every node of a plan and for the plan itself. Pure: no database, no language.
 *
 * <p>The rule, stated once:
 * <ul>
 *   <li>An indicator's score is its achievement rate (as core computes and shows it: actual ÷
 *       target, or target ÷ actual when lower is better, rounded to 0.1), capped at the rule's
 *       cap. Where no rate exists — a ceiling (未満), a target of 0, an actual of 0 for a
 *       lower-is-better indicator — it scores 100 when met and 0 when not.</li>
 *   <li>A node's score is the weighted mean of its terms: its linked indicators whose role the rule
 *       counts, and its child nodes, each with its weight. A term without a score (no actual that
 *       year, no target, a child with nothing to roll up) or with weight 0 is left out and says
 *       why; it is never counted as 0.</li>
 *   <li>Scores are rounded half up to one decimal at every node, and the parent computes from the
 *       rounded scores its reader sees, so every number on a screen can be recomputed by hand.</li>
 *   <li>A node with no included term has no score.</li>
 * </ul>
 */
public final class RollUp {

    static final BigDecimal FULL = new BigDecimal("100.0");
    static final BigDecimal NONE = new BigDecimal("0.0");

    private RollUp() {
    }

    /** An indicator linked to a node, with its target and actual for the fiscal year. */
    public record IndicatorInput(UUID id, LinkRole role, BigDecimal weight, Direction direction, BigDecimal target,
            BigDecimal actual) {
    }

    /** A node with its weight in its parent, its linked indicators and its children. */
    public record NodeInput(UUID id, BigDecimal weight, List<IndicatorInput> indicators, List<NodeInput> children) {
        public NodeInput {
            indicators = List.copyOf(indicators);
            children = List.copyOf(children);
        }
    }

    /** What a term of a mean is. */
    public enum TermKind {
        INDICATOR,
        NODE
    }

    /** How a term got its score. */
    public enum Basis {
        /** The achievement rate itself. */
        RATE,
        /** The achievement rate was above the cap: the cap. */
        CAPPED,
        /** No rate (ceiling, zero target or actual) and the target is met: 100. */
        MET,
        /** No rate and the target is not met: 0. */
        NOT_MET,
        /** A child node's own rolled-up score. */
        ROLL_UP
    }

    /** Why a term is left out of its node's mean. */
    public enum Exclusion {
        /** The plan's rule does not count indicators of this role (e.g. process indicators). */
        ROLE_NOT_COUNTED,
        /** No actual for the fiscal year. */
        NO_ACTUAL,
        /** No target applies to the fiscal year. */
        NO_TARGET,
        /** Weight 0. */
        ZERO_WEIGHT,
        /** A child node without a score (nothing below it could be rolled up). */
        NO_SCORE
    }

    /**
     * One term of a node's mean. {@code score} is what the term contributes, shown even when it is
     * left out for its role or weight; {@code exclusion} is null exactly when it is included.
     * {@code achievement} is the indicator's rate and rating (null for a node term).
     */
    public record Term(TermKind kind, UUID id, Achievement achievement, Basis basis, BigDecimal score,
            BigDecimal weight, Exclusion exclusion) {
        public boolean included() {
            return exclusion == null;
        }
    }

    /** A node's score (null when nothing could be rolled up), its rating, its terms and its children's results. */
    public record NodeResult(UUID id, BigDecimal score, String rating, List<Term> terms, List<NodeResult> children) {
        public List<Term> includedTerms() {
            return terms.stream().filter(Term::included).toList();
        }

        public List<Term> excludedTerms() {
            return terms.stream().filter(t -> !t.included()).toList();
        }
    }

    /** Rolls one node and everything below it up. */
    public static NodeResult of(NodeInput node, RollUpRule rule, RatingScale scale) {
        List<Term> terms = new ArrayList<>();
        for (IndicatorInput i : node.indicators()) {
            terms.add(indicatorTerm(i, rule, scale));
        }
        List<NodeResult> children = new ArrayList<>();
        for (NodeInput child : node.children()) {
            NodeResult r = of(child, rule, scale);
            children.add(r);
            Exclusion why = r.score() == null ? Exclusion.NO_SCORE
                    : child.weight().signum() == 0 ? Exclusion.ZERO_WEIGHT : null;
            terms.add(new Term(TermKind.NODE, child.id(), null, Basis.ROLL_UP, r.score(), child.weight(), why));
        }
        BigDecimal score = weightedMean(terms);
        return new NodeResult(node.id(), score, score == null ? null : scale.gradeFor(score), List.copyOf(terms),
                List.copyOf(children));
    }

    /** An indicator's term: its achievement (core's), the score it yields, and whether it counts. */
    static Term indicatorTerm(IndicatorInput i, RollUpRule rule, RatingScale scale) {
        Achievement a = Achievement.evaluate(i.direction(), i.target(), i.actual(), scale);
        Basis basis = null;
        BigDecimal score = null;
        if (a.ratePercent() != null) {
            boolean capped = a.ratePercent().compareTo(rule.capPercent()) > 0;
            basis = capped ? Basis.CAPPED : Basis.RATE;
            score = (capped ? rule.capPercent() : a.ratePercent()).setScale(1, RoundingMode.HALF_UP);
        } else if (a.met() != null) {
            basis = a.met() ? Basis.MET : Basis.NOT_MET;
            score = a.met() ? FULL : NONE;
        }
        Exclusion why;
        if (!rule.counts(i.role())) {
            why = Exclusion.ROLE_NOT_COUNTED;
        } else if (i.actual() == null) {
            why = Exclusion.NO_ACTUAL;
        } else if (i.target() == null) {
            why = Exclusion.NO_TARGET;
        } else if (i.weight().signum() == 0) {
            why = Exclusion.ZERO_WEIGHT;
        } else {
            why = null;
        }
        return new Term(TermKind.INDICATOR, i.id(), a, basis, score, i.weight(), why);
    }

    /** Σ(score × weight) ÷ Σ weight over the included terms, half up to 0.1; null when none is included. */
    static BigDecimal weightedMean(List<Term> terms) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Term t : terms) {
            if (t.included()) {
                sum = sum.add(t.score().multiply(t.weight()));
                weights = weights.add(t.weight());
            }
        }
        return weights.signum() == 0 ? null : sum.divide(weights, 1, RoundingMode.HALF_UP);
    }
}
