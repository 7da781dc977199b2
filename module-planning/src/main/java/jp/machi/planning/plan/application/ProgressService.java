package jp.machi.planning.plan.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.application.RatingScaleService;
import jp.machi.core.indicator.domain.Achievement;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.domain.YearEvaluation;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.domain.IndicatorLink;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.plan.domain.PlanTree;
import jp.machi.planning.plan.domain.RollUp;
import jp.machi.planning.plan.domain.RollUpRule;

/**
 * A plan's progress in one fiscal year: each linked indicator evaluated by core (the year's
 * target or the final one, the entered or metric actual, achievement and rating on the
 * municipality's scale), then rolled up the tree by the plan's rule.
 */
@ApplicationScoped
@Transactional
public class ProgressService {

    @Inject
    Tenancy tenancy;

    @Inject
    PlanService plans;

    @Inject
    IndicatorService indicators;

    @Inject
    RatingScaleService ratings;

    /** Everything a screen needs to show and explain one fiscal year of a plan. */
    public record Progress(ComprehensivePlan plan, FiscalYear fiscalYear, List<String> levelNames, RollUpRule rule,
            RatingScale scale, PlanTree tree, Map<UUID, List<IndicatorLink>> linksByNode, Map<UUID, Indicator> indicators,
            Map<UUID, YearEvaluation> evaluations, RollUp.NodeResult result) {

        /** The roll-up inputs of every link, by link id: role, weight, direction, target, actual. */
        public Map<UUID, RollUp.IndicatorInput> inputs() {
            Map<UUID, RollUp.IndicatorInput> m = new HashMap<>();
            linksByNode.values().forEach(ls -> ls.forEach(l -> m.put(l.getId(), input(l, indicators, evaluations))));
            return m;
        }
    }

    /** The fiscal year a progress view shows when none is asked for: the current one, within the plan's period. */
    public FiscalYear defaultYear(ComprehensivePlan p) {
        FiscalYear now = IndicatorService.currentFiscalYear();
        return now.compareTo(p.getFirstYear()) < 0 ? p.getFirstYear()
                : now.compareTo(p.getLastYear()) > 0 ? p.getLastYear() : now;
    }

    public Progress of(ComprehensivePlan plan, FiscalYear fy) {
        RatingScale scale = ratings.current();
        PlanTree tree = plans.tree(plan);
        Map<UUID, List<IndicatorLink>> linksByNode = new HashMap<>();
        List<IndicatorLink> links = plans.links(plan);
        for (IndicatorLink l : links) {
            linksByNode.computeIfAbsent(l.getNodeId(), k -> new ArrayList<>()).add(l);
        }
        // The linked indicators in one query, their yearly values in one more (batch fetch), whatever
        // the plan's size; not one find and one lazy load per indicator.
        Map<UUID, Indicator> linked = new HashMap<>();
        Map<UUID, YearEvaluation> evaluations = new HashMap<>();
        List<UUID> ids = links.stream().map(IndicatorLink::getIndicatorId).distinct().toList();
        if (!ids.isEmpty()) {
            for (Indicator i : tenancy.em().createQuery("SELECT i FROM Indicator i WHERE i.id IN :ids", Indicator.class)
                    .setParameter("ids", ids).getResultList()) {
                linked.put(i.getId(), i);
                evaluations.put(i.getId(), yearOf(i, indicators.evaluate(i, scale), fy, scale));
            }
        }
        RollUp.NodeInput root = new RollUp.NodeInput(plan.getId(), BigDecimal.ONE, List.of(),
                tree.roots().stream().map(n -> input(n, tree, linksByNode, linked, evaluations)).toList());
        RollUpRule rule = plan.rule();
        return new Progress(plan, fy, plans.levelNames(plan), rule, scale, tree, linksByNode, linked, evaluations,
                RollUp.of(root, rule, scale));
    }

    private static RollUp.NodeInput input(PlanNode n, PlanTree tree, Map<UUID, List<IndicatorLink>> linksByNode,
            Map<UUID, Indicator> indicators, Map<UUID, YearEvaluation> evaluations) {
        return new RollUp.NodeInput(n.getId(), n.getWeight(),
                linksByNode.getOrDefault(n.getId(), List.of()).stream().map(l -> input(l, indicators, evaluations)).toList(),
                tree.childrenOf(n.getId()).stream().map(c -> input(c, tree, linksByNode, indicators, evaluations)).toList());
    }

    private static RollUp.IndicatorInput input(IndicatorLink l, Map<UUID, Indicator> indicators,
            Map<UUID, YearEvaluation> evaluations) {
        YearEvaluation e = evaluations.get(l.getIndicatorId());
        return new RollUp.IndicatorInput(l.getId(), l.getRole(), l.getWeight(), indicators.get(l.getIndicatorId()).getDirection(),
                e.target(), e.actual());
    }

    /**
     * Core's evaluation of the year, or, for a year core lists nothing for, what applies to it:
     * the target core would give it (the municipality's choice for interim years), and no actual.
     */
    static YearEvaluation yearOf(Indicator i, List<YearEvaluation> years, FiscalYear fy, RatingScale scale) {
        for (YearEvaluation e : years) {
            if (e.fiscalYear().equals(fy)) {
                return e;
            }
        }
        YearEvaluation.Target t = YearEvaluation.targetOf(i, fy, scale.interimYears());
        return new YearEvaluation(fy, t.value(), t.source(), null, YearEvaluation.ActualSource.NONE,
                Achievement.NOT_EVALUATED);
    }
}
