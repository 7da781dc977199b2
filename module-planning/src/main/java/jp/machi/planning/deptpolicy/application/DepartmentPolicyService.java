package jp.machi.planning.deptpolicy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.deptpolicy.domain.DepartmentPolicy;
import jp.machi.planning.deptpolicy.domain.DepartmentPolicy.Content;
import jp.machi.planning.deptpolicy.domain.DepartmentPolicy.MidTermGoal;
import jp.machi.planning.document.References;

/** Department operating policies (部の運営方針) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class DepartmentPolicyService {

    @Inject
    Tenancy tenancy;

    @Inject
    References references;

    /** The fields a list of policies may be sorted by ({@code ?sort=}); by fiscal year, then department, by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "p.fiscalYear")
            .field("departmentId", "p.departmentId")
            .byDefault("fiscalYear,departmentId");

    /** The policies, of one fiscal year and/or department when given, as a query run in the database. */
    public ListQuery<DepartmentPolicy> list(FiscalYear fy, UUID departmentId, Sort sort) {
        return ListQuery.of(tenancy.em(), DepartmentPolicy.class, "p").where("p.fiscalYear = :fy", "fy", fy)
                .where("p.departmentId = :departmentId", "departmentId", departmentId).orderBy(sort);
    }

    public List<DepartmentPolicy> list(FiscalYear fy, UUID departmentId) {
        var em = tenancy.em();
        List<DepartmentPolicy> all = fy == null
                ? em.createNamedQuery("DepartmentPolicy.all", DepartmentPolicy.class).getResultList()
                : em.createNamedQuery("DepartmentPolicy.inYear", DepartmentPolicy.class).setParameter("fiscalYear", fy)
                        .getResultList();
        return departmentId == null ? all : all.stream().filter(p -> p.getDepartmentId().equals(departmentId)).toList();
    }

    public DepartmentPolicy require(UUID id) {
        DepartmentPolicy p = tenancy.em().find(DepartmentPolicy.class, id);
        if (p == null) {
            throw ApiException.notFound("planning.departmentPolicy.notFound", id.toString());
        }
        return p;
    }

    public DepartmentPolicy create(Content c) {
        Content checked = check(c, null);
        DepartmentPolicy p = new DepartmentPolicy(checked);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    public DepartmentPolicy revise(DepartmentPolicy p, Content c) {
        Content checked = check(c, p.getId());
        p.revise(checked);
        tenancy.em().flush();
        return p;
    }

    public void delete(DepartmentPolicy p) {
        tenancy.em().remove(p);
        tenancy.em().flush();
    }

    /** Copies every policy of {@code from} into {@code to}; refused when {@code to} already has one of those departments. */
    public List<DepartmentPolicy> copy(FiscalYear from, FiscalYear to) {
        List<DepartmentPolicy> copies = new ArrayList<>();
        for (DepartmentPolicy p : list(from, null)) {
            Content c = p.content();
            copies.add(create(new Content(c.departmentId(), to, c.title(), c.mission(), c.goals(), c.reformCommitments(),
                    c.resources(), c.midTermGoalsBasis(), c.midTermGoals())));
        }
        return copies;
    }

    /** The content with division names filled in from the units, once every reference is known and the year is free. */
    private Content check(Content c, UUID self) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        references.requireUnitOfKind("departmentId", c.departmentId(), References.DEPARTMENT_KINDS, errors);
        List<MidTermGoal> goals = new ArrayList<>();
        for (int i = 0; i < c.midTermGoals().size(); i++) {
            MidTermGoal g = c.midTermGoals().get(i);
            references.requireNode("midTermGoals[" + i + "].planNodeId", g.planNodeId(), errors);
            references.requireUnit("midTermGoals[" + i + "].divisionId", g.divisionId(), errors);
            String name = g.divisionName() == null ? references.unitName(g.divisionId()) : g.divisionName();
            goals.add(new MidTermGoal(g.measure(), g.planNodeId(), g.divisionId(), name, g.outcome()));
        }
        References.check(errors);
        List<DepartmentPolicy> same = tenancy.em().createNamedQuery("DepartmentPolicy.of", DepartmentPolicy.class)
                .setParameter("departmentId", c.departmentId()).setParameter("fiscalYear", c.fiscalYear()).getResultList();
        if (same.stream().anyMatch(p -> !p.getId().equals(self))) {
            throw ApiException.conflict("duplicate", "planning.departmentPolicy.exists",
                    references.unitName(c.departmentId()), String.valueOf(c.fiscalYear().startYear()));
        }
        return new Content(c.departmentId(), c.fiscalYear(), c.title(), c.mission(), c.goals(), c.reformCommitments(),
                c.resources(), c.midTermGoalsBasis(), goals);
    }
}
