package jp.machi.planning.plan.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.domain.IndicatorLink;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.plan.domain.PlanTree;
import jp.machi.planning.program.domain.AdministrativeProgram;

/** Comprehensive plans of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class PlanService {

    @Inject
    Tenancy tenancy;

    @Inject
    PlanningSettings settings;

    /** The fields a list of plans may be sorted by ({@code ?sort=}); latest period first by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("firstFiscalYear", "p.firstYear")
            .field("lastFiscalYear", "p.lastYear")
            .field("name", "p.name")
            .byDefault("-firstFiscalYear,name");

    /** The plans (only the published ones when {@code published}), as a query run in the database. */
    public ListQuery<ComprehensivePlan> list(boolean published, Sort sort) {
        return ListQuery.of(tenancy.em(), ComprehensivePlan.class, "p").when(published, "p.published = TRUE")
                .orderBy(sort);
    }

    public List<ComprehensivePlan> list() {
        return tenancy.em().createNamedQuery("ComprehensivePlan.all", ComprehensivePlan.class).getResultList();
    }

    /** The plans the municipality publishes on its portal. */
    public List<ComprehensivePlan> published() {
        return tenancy.em().createNamedQuery("ComprehensivePlan.published", ComprehensivePlan.class).getResultList();
    }

    /** A published plan, or the same 404 as for an unknown id (an unpublished plan does not exist for the public). */
    public ComprehensivePlan requirePublished(UUID id) {
        ComprehensivePlan p = tenancy.em().find(ComprehensivePlan.class, id);
        if (p == null || !p.isPublished()) {
            throw ApiException.notFound("planning.plan.notFound", id.toString());
        }
        return p;
    }

    /** The plan, or 404 for an unknown id and for another municipality's plan alike. */
    public ComprehensivePlan require(UUID id) {
        ComprehensivePlan p = tenancy.em().find(ComprehensivePlan.class, id);
        if (p == null) {
            throw ApiException.notFound("planning.plan.notFound", id.toString());
        }
        return p;
    }

    /**
     * The plan, locked for a change of its tree: positions and levels span several rows, which no
     * constraint guards, so two editors reshaping one plan take turns.
     */
    public ComprehensivePlan requireForTreeChange(UUID id) {
        ComprehensivePlan p = require(id);
        tenancy.em().lock(p, LockModeType.PESSIMISTIC_WRITE);
        return p;
    }

    /** The level names in force for a plan: its own, or the municipality's setting. */
    public List<String> levelNames(ComprehensivePlan p) {
        return p.levelNames(settings.levelNames());
    }

    public long nodeCount(ComprehensivePlan p) {
        return tenancy.em().createNamedQuery("PlanNode.countOfPlan", Long.class).setParameter("planId", p.getId())
                .getSingleResult();
    }

    public ComprehensivePlan create(ComprehensivePlan.Content c) {
        ComprehensivePlan p = new ComprehensivePlan(c);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    /** Revises a plan; fewer levels than its nodes use is refused (409) and changes nothing. */
    public ComprehensivePlan revise(ComprehensivePlan p, ComprehensivePlan.Content c) {
        tenancy.em().lock(p, LockModeType.PESSIMISTIC_WRITE);
        int levels = (c.levelNames() != null ? c.levelNames() : settings.levelNames()).size();
        int inUse = tree(p).levelsInUse();
        if (levels < inUse) {
            throw ApiException.conflict("plan-levels-in-use", "planning.plan.levelsInUse", inUse, levels);
        }
        p.revise(c);
        tenancy.em().flush();
        return p;
    }

    /** Deletes a plan with its whole tree and indicator links (the indicators stay); refused while programs serve a node. */
    public void delete(ComprehensivePlan p) {
        EntityManager em = tenancy.em();
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        List<String> serving = programsServing(nodes(p).stream().map(PlanNode::getId).toList());
        if (!serving.isEmpty()) {
            throw ApiException.conflict("plan-has-programs", "planning.plan.hasPrograms", p.getName(), serving.size(),
                    String.join("、", serving.subList(0, Math.min(3, serving.size()))));
        }
        links(p).forEach(em::remove);
        em.flush();
        List<PlanNode> nodes = nodes(p);
        // Deepest first, so no row ever points at a parent already gone.
        nodes.stream().sorted(Comparator.comparingInt(PlanNode::getLevel).reversed()).forEach(n -> {
            em.remove(n);
            em.flush();
        });
        em.remove(p);
        em.flush();
    }

    /**
     * The administrative programs (事務事業) placed at one of these nodes (施策体系上の位置), as
     * "1001 広報紙発行事業" (once for the years a program repeats): while one is, the node cannot go.
     */
    public List<String> programsServing(java.util.Collection<UUID> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return tenancy.em().createQuery("SELECT p FROM AdministrativeProgram p WHERE p.planNodeId IN :ids"
                + " ORDER BY p.fiscalYear, p.programNumber", AdministrativeProgram.class).setParameter("ids", nodeIds)
                .getResultList().stream().map(p -> (p.getProgramNumber() == null ? "" : p.getProgramNumber() + " ")
                        + p.getName()).distinct().toList();
    }

    public List<PlanNode> nodes(ComprehensivePlan p) {
        return tenancy.em().createNamedQuery("PlanNode.ofPlan", PlanNode.class).setParameter("planId", p.getId())
                .getResultList();
    }

    public PlanTree tree(ComprehensivePlan p) {
        return new PlanTree(nodes(p));
    }

    /** A linked indicator (core's); links keep it from being deleted, so it is there. */
    public Indicator indicator(UUID id) {
        return tenancy.em().find(Indicator.class, id);
    }

    public List<IndicatorLink> links(ComprehensivePlan p) {
        return tenancy.em().createNamedQuery("IndicatorLink.ofPlan", IndicatorLink.class)
                .setParameter("planId", p.getId()).getResultList();
    }
}
