package jp.machi.planning.divisionplan.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.divisionplan.domain.DivisionPlan;
import jp.machi.planning.divisionplan.domain.DivisionPlan.Content;
import jp.machi.planning.document.References;

/** Division business plans (課の業務計画) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class DivisionPlanService {

    @Inject
    Tenancy tenancy;

    @Inject
    References references;

    /** The fields a list of plans may be sorted by ({@code ?sort=}); by fiscal year, then division, by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "p.fiscalYear")
            .field("divisionId", "p.divisionId")
            .byDefault("fiscalYear,divisionId");

    /** The plans, of one fiscal year and/or division when given, as a query run in the database. */
    public ListQuery<DivisionPlan> list(FiscalYear fy, UUID divisionId, Sort sort) {
        return ListQuery.of(tenancy.em(), DivisionPlan.class, "p").where("p.fiscalYear = :fy", "fy", fy)
                .where("p.divisionId = :divisionId", "divisionId", divisionId).orderBy(sort);
    }

    public List<DivisionPlan> list(FiscalYear fy, UUID divisionId) {
        var em = tenancy.em();
        List<DivisionPlan> all = fy == null
                ? em.createNamedQuery("DivisionPlan.all", DivisionPlan.class).getResultList()
                : em.createNamedQuery("DivisionPlan.inYear", DivisionPlan.class).setParameter("fiscalYear", fy)
                        .getResultList();
        return divisionId == null ? all : all.stream().filter(p -> p.getDivisionId().equals(divisionId)).toList();
    }

    public DivisionPlan require(UUID id) {
        DivisionPlan p = tenancy.em().find(DivisionPlan.class, id);
        if (p == null) {
            throw ApiException.notFound("planning.divisionPlan.notFound", id.toString());
        }
        return p;
    }

    public DivisionPlan create(Content c) {
        check(c, null);
        DivisionPlan p = new DivisionPlan(c);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    public DivisionPlan revise(DivisionPlan p, Content c) {
        check(c, p.getId());
        p.revise(c);
        tenancy.em().flush();
        return p;
    }

    public void delete(DivisionPlan p) {
        tenancy.em().remove(p);
        tenancy.em().flush();
    }

    /** Copies every plan of {@code from} into {@code to}; refused when {@code to} already has a plan of one of those divisions. */
    public List<DivisionPlan> copy(FiscalYear from, FiscalYear to) {
        List<DivisionPlan> copies = new ArrayList<>();
        for (DivisionPlan p : list(from, null)) {
            Content c = p.content();
            copies.add(create(new Content(c.divisionId(), to, c.title(), c.policyGoal(), c.measureGoal(), c.approach(),
                    c.aims(), c.projects())));
        }
        return copies;
    }

    private void check(Content c, UUID self) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        references.requireUnit("divisionId", c.divisionId(), errors);
        if (c.policyGoal() != null) {
            references.requireNode("policyGoal.planNodeId", c.policyGoal().planNodeId(), errors);
        }
        if (c.measureGoal() != null) {
            references.requireNode("measureGoal.planNodeId", c.measureGoal().planNodeId(), errors);
        }
        Set<Integer> aims = new HashSet<>();
        for (int i = 0; i < c.aims().size(); i++) {
            if (!aims.add(c.aims().get(i).number())) {
                errors.add(new ApiException.FieldErrorKey("aims[" + i + "].number", "planning.divisionPlan.aim.duplicate",
                        String.valueOf(c.aims().get(i).number())));
            }
        }
        for (int i = 0; i < c.projects().size(); i++) {
            DivisionPlan.Project p = c.projects().get(i);
            String at = "projects[" + i + "]";
            for (Integer a : p.aimNumbers()) {
                if (!aims.contains(a)) {
                    errors.add(new ApiException.FieldErrorKey(at + ".aimNumbers", "planning.divisionPlan.aim.unknown",
                            String.valueOf(a)));
                }
            }
            if (p.direction() != null && !DivisionPlan.DIRECTIONS.contains(p.direction())) {
                errors.add(new ApiException.FieldErrorKey(at + ".direction", "planning.divisionPlan.direction",
                        p.direction(), String.join("・", DivisionPlan.DIRECTIONS)));
            }
            if (p.actor() != null && !DivisionPlan.ACTORS.contains(p.actor())) {
                errors.add(new ApiException.FieldErrorKey(at + ".actor", "planning.divisionPlan.actor", p.actor(),
                        String.join("・", DivisionPlan.ACTORS)));
            }
            for (int r = 0; r < p.schedule().size(); r++) {
                int lastEnd = -1;
                List<DivisionPlan.Segment> segments = p.schedule().get(r).segments();
                for (int s = 0; s < segments.size(); s++) {
                    DivisionPlan.Segment seg = segments.get(s);
                    String f = at + ".schedule[" + r + "].segments[" + s + "]";
                    int start = DivisionPlan.fiscalIndex(seg.startMonth());
                    int end = DivisionPlan.fiscalIndex(seg.endMonth());
                    if (end < start) {
                        errors.add(new ApiException.FieldErrorKey(f + ".endMonth", "planning.divisionPlan.segment.order",
                                String.valueOf(seg.startMonth()), String.valueOf(seg.endMonth())));
                    } else if (start <= lastEnd) {
                        errors.add(new ApiException.FieldErrorKey(f + ".startMonth", "planning.divisionPlan.segment.overlap",
                                String.valueOf(seg.startMonth())));
                    }
                    lastEnd = Math.max(lastEnd, end);
                }
            }
        }
        References.check(errors);
        List<DivisionPlan> same = tenancy.em().createNamedQuery("DivisionPlan.of", DivisionPlan.class)
                .setParameter("divisionId", c.divisionId()).setParameter("fiscalYear", c.fiscalYear()).getResultList();
        if (same.stream().anyMatch(p -> !p.getId().equals(self))) {
            throw ApiException.conflict("duplicate", "planning.divisionPlan.exists", references.unitName(c.divisionId()),
                    String.valueOf(c.fiscalYear().startYear()));
        }
    }
}
