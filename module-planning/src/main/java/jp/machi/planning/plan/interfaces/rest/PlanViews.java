package jp.machi.planning.plan.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Decimals;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.i18n.Messages;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.YearEvaluation;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.planning.plan.application.PlanService;
import jp.machi.planning.plan.application.ProgressService;
import jp.machi.planning.plan.application.RollUpTexts;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.domain.IndicatorLink;
import jp.machi.planning.plan.domain.LinkRole;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.plan.domain.PlanTree;
import jp.machi.planning.plan.domain.RollUp;
import jp.machi.planning.plan.domain.RollUpRule;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.ExpectedRolesView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.IndicatorProgressView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.LinkView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.NodeProgressView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.NodeView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.PlanView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.ProgressView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.RollUpView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.RuleView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.TermView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.TextView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.UnitRef;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.YearValue;

/** Turns plans, nodes, links and progress into their JSON views, and request bodies into edits. */
@RequestScoped
public class PlanViews {

    @Inject
    PlanService plans;

    @Inject
    jp.machi.planning.plan.application.PlanNodeService nodeService;

    @Inject
    OrganizationService organization;

    @Inject
    Validator validator;

    // ---- inputs

    /**
     * The body, checked. Resources call this after finding the plan or node the path names, so
     * that another municipality's id answers 404 whatever the body holds.
     */
    <T> T valid(T body) {
        return Bodies.valid(validator, body);
    }

    static ComprehensivePlan.Content content(PlanDtos.PlanInput b) {
        List<String> levels = b.levelNames == null || "SETTING".equals(b.levelNamesSource) ? null
                : b.levelNames.stream().map(String::strip).toList();
        RollUpRule rule = RollUpRule.defaults();
        if (b.rollUp != null) {
            Set<LinkRole> roles = b.rollUp.countedRoles == null ? rule.countedRoles() : EnumSet.copyOf(b.rollUp.countedRoles);
            rule = new RollUpRule(b.rollUp.scoreCapPercent == null ? rule.capPercent() : b.rollUp.scoreCapPercent, roles);
        }
        return new ComprehensivePlan.Content(b.name.strip(), blankToNull(b.nameEn), b.firstFiscalYear, b.lastFiscalYear,
                levels, rule, Boolean.TRUE.equals(b.published));
    }

    static PlanNode.Content content(PlanDtos.NodeInput b) {
        PlanDtos.ExpectedRolesInput r = b.expectedRoles;
        return new PlanNode.Content(blankToNull(b.number), b.title.strip(), blankToNull(b.titleEn),
                blankToNull(b.groupLabel), b.weight == null ? BigDecimal.ONE : b.weight, blankToNull(b.targetVision),
                blankToNull(b.currentIssues), blankToNull(b.policyDirections), blankToNull(b.details),
                blankToNull(b.notes), b.responsibleUnitIds == null ? List.of() : List.copyOf(b.responsibleUnitIds),
                blankToNull(b.responsibleUnitsNote), r == null ? null : blankToNull(r.residents),
                r == null ? null : blankToNull(r.companies), r == null ? null : blankToNull(r.activityGroups));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- plans, nodes, links

    PlanView plan(ComprehensivePlan p) {
        RollUpRule rule = p.rule();
        return new PlanView(p.getId(), p.getName(), p.getNameEn(), p.getFirstYear(), p.getLastYear(), plans.levelNames(p),
                p.ownLevelNames() == null ? "SETTING" : "PLAN", new RollUpView(Decimals.plain(rule.capPercent()),
                        roles(rule)), p.isPublished(), plans.nodeCount(p));
    }

    static List<String> roles(RollUpRule rule) {
        return EnumSet.copyOf(rule.countedRoles()).stream().map(Enum::name).toList();
    }

    NodeView node(PlanNode n, List<String> levelNames, List<LinkView> links, List<NodeView> children) {
        List<UnitRef> units = new ArrayList<>();
        for (UUID id : n.getResponsibleUnitIds()) {
            units.add(organization.find(id).map(PlanViews::unit).orElse(new UnitRef(id, null, null, null)));
        }
        ExpectedRolesView roles = n.getResidentsRole() == null && n.getCompaniesRole() == null && n.getGroupsRole() == null
                ? null : new ExpectedRolesView(n.getResidentsRole(), n.getCompaniesRole(), n.getGroupsRole());
        return new NodeView(n.getId(), n.getPlanId(), n.getParentId(), n.getLevel(), levelName(levelNames, n.getLevel()),
                n.getPosition(), n.getNumber(), n.getTitle(), n.getTitleEn(), n.getGroupLabel(),
                Decimals.plain(n.getWeight()), n.getTargetVision(), n.getCurrentIssues(), n.getPolicyDirections(),
                n.getDetails(), n.getNotes(), n.getResponsibleUnitIds(), units, n.getResponsibleUnitsNote(), roles, links,
                children);
    }

    private static UnitRef unit(OrganizationUnit u) {
        return new UnitRef(u.getId(), u.getCode(), u.getNameJa(), u.getNameEn());
    }

    static String levelName(List<String> levelNames, int level) {
        return level < levelNames.size() ? levelNames.get(level) : null;
    }

    static LinkView link(IndicatorLink l, Indicator i, Locale locale) {
        return new LinkView(l.getId(), l.getNodeId(), l.getIndicatorId(), i.getCode(), i.getNameJa(), i.getNameEn(),
                i.getKind().name(), l.getRole().name(), Messages.get(locale, "planning.role." + l.getRole().name()),
                Decimals.plain(l.getWeight()), l.getPosition(), i.getUnit(), i.getDirection().name(), i.isCumulative(),
                i.getBaselineValue() == null ? null : new YearValue(Decimals.plain(i.getBaselineValue()), i.getBaselineYear()),
                i.getFinalTarget() == null ? null : new YearValue(Decimals.plain(i.getFinalTarget()), i.getFinalTargetYear()));
    }

    /** The whole tree, each node with its indicator links. */
    List<NodeView> tree(ComprehensivePlan p, Locale locale) {
        PlanTree tree = plans.tree(p);
        Map<UUID, List<LinkView>> links = linkViews(p, locale);
        List<String> levelNames = plans.levelNames(p);
        return tree.roots().stream().map(n -> treeNode(n, tree, links, levelNames)).toList();
    }

    private NodeView treeNode(PlanNode n, PlanTree tree, Map<UUID, List<LinkView>> links, List<String> levelNames) {
        return node(n, levelNames, links.getOrDefault(n.getId(), List.of()),
                tree.childrenOf(n.getId()).stream().map(c -> treeNode(c, tree, links, levelNames)).toList());
    }

    /** Link views of a whole plan by node, indicators read once each. */
    Map<UUID, List<LinkView>> linkViews(ComprehensivePlan p, Locale locale) {
        return linkViews(plans.links(p), locale);
    }

    /** The links of these nodes only (a page of them). */
    Map<UUID, List<LinkView>> linkViews(ComprehensivePlan p, java.util.Collection<UUID> nodeIds, Locale locale) {
        return linkViews(nodeService.links(p, nodeIds), locale);
    }

    private Map<UUID, List<LinkView>> linkViews(List<IndicatorLink> found, Locale locale) {
        Map<UUID, Indicator> indicators = new HashMap<>();
        Map<UUID, List<LinkView>> byNode = new HashMap<>();
        for (IndicatorLink l : found) {
            Indicator i = indicators.computeIfAbsent(l.getIndicatorId(), id -> plans.indicator(id));
            byNode.computeIfAbsent(l.getNodeId(), k -> new ArrayList<>()).add(link(l, i, locale));
        }
        return byNode;
    }

    // ---- progress

    ProgressView progress(ProgressService.Progress pr) {
        RollUpRule rule = pr.rule();
        Map<UUID, RollUp.IndicatorInput> inputs = pr.inputs();
        Map<UUID, LocalizedText> labels = new HashMap<>();
        pr.tree().depthFirst().forEach(n -> labels.put(n.getId(), LocalizedText.of(n.label(),
                n.getTitleEn() == null ? n.label() : (n.getNumber() == null ? "" : n.getNumber() + " ") + n.getTitleEn())));
        pr.linksByNode().values().forEach(ls -> ls.forEach(l -> {
            Indicator i = pr.indicators().get(l.getIndicatorId());
            String ja = i.getCode() != null ? i.getCode() + " " + i.getNameJa() : i.getNameJa();
            String en = i.getNameEn() == null ? ja : i.getCode() != null ? i.getCode() + " " + i.getNameEn() : i.getNameEn();
            labels.put(l.getId(), LocalizedText.of(ja, en));
        }));
        RollUp.NodeResult root = pr.result();
        Map<UUID, PlanNode> nodes = new HashMap<>();
        pr.tree().depthFirst().forEach(n -> nodes.put(n.getId(), n));
        List<NodeProgressView> children = root.children().stream()
                .map(r -> nodeProgress(r, pr, nodes, inputs, labels)).toList();
        return new ProgressView(pr.plan().getId(), pr.plan().getName(), pr.fiscalYear(), pr.plan().covers(pr.fiscalYear()),
                new RuleView(Decimals.plain(rule.capPercent()), roles(rule), TextView.of(RollUpTexts.rule(rule))),
                root.score(), root.rating(), TextView.of(RollUpTexts.formula(root, labels::get, pr.fiscalYear(), rule)),
                terms(root, pr, inputs, labels), children);
    }

    private NodeProgressView nodeProgress(RollUp.NodeResult r, ProgressService.Progress pr, Map<UUID, PlanNode> nodes,
            Map<UUID, RollUp.IndicatorInput> inputs, Map<UUID, LocalizedText> labels) {
        PlanNode n = nodes.get(r.id());
        List<IndicatorProgressView> indicators = new ArrayList<>();
        for (IndicatorLink l : pr.linksByNode().getOrDefault(n.getId(), List.of())) {
            Indicator i = pr.indicators().get(l.getIndicatorId());
            YearEvaluation e = pr.evaluations().get(i.getId());
            indicators.add(new IndicatorProgressView(l.getId(), i.getId(), i.getCode(), i.getNameJa(), i.getNameEn(),
                    l.getRole().name(), Decimals.plain(l.getWeight()), i.getUnit(), i.getDirection().name(),
                    Decimals.plain(e.target()), e.targetSource().name(), Decimals.plain(e.actual()), e.actualSource().name(),
                    e.achievement().ratePercent(), e.achievement().met(), e.achievement().rating()));
        }
        return new NodeProgressView(n.getId(), n.getParentId(), n.getLevel(), levelName(pr.levelNames(), n.getLevel()),
                n.getNumber(), n.getTitle(), n.getTitleEn(), Decimals.plain(n.getWeight()), r.score(), r.rating(),
                TextView.of(RollUpTexts.formula(r, labels::get, pr.fiscalYear(), pr.rule())),
                terms(r, pr, inputs, labels), indicators,
                r.children().stream().map(c -> nodeProgress(c, pr, nodes, inputs, labels)).toList());
    }

    private static List<TermView> terms(RollUp.NodeResult r, ProgressService.Progress pr,
            Map<UUID, RollUp.IndicatorInput> inputs, Map<UUID, LocalizedText> labels) {
        List<TermView> terms = new ArrayList<>();
        for (RollUp.Term t : r.terms()) {
            RollUp.IndicatorInput input = inputs.get(t.id());
            UUID indicatorId = null;
            if (t.kind() == RollUp.TermKind.INDICATOR) {
                indicatorId = pr.linksByNode().values().stream().flatMap(List::stream)
                        .filter(l -> l.getId().equals(t.id())).findFirst().map(IndicatorLink::getIndicatorId).orElse(null);
            }
            terms.add(new TermView(t.kind().name(), t.id(), indicatorId, TextView.of(labels.get(t.id())),
                    t.achievement() == null ? null : t.achievement().ratePercent(),
                    t.basis() == null ? null : t.basis().name(), t.score(), Decimals.plain(t.weight()), t.included(),
                    t.exclusion() == null ? null : t.exclusion().name(),
                    TextView.of(RollUpTexts.term(t, input, pr.fiscalYear(), pr.rule()))));
        }
        return terms;
    }
}
