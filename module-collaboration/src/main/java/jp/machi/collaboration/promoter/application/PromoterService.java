package jp.machi.collaboration.promoter.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.collaboration.promoter.domain.Promoter;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** 市民協働推進員 of the municipality a request or transaction is about: one per unit and fiscal year. */
@ApplicationScoped
@Transactional
public class PromoterService {

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "p.fiscalYear")
            .nullable("appointedOn", "p.appointedOn")
            .byDefault("-fiscalYear");

    public ListQuery<Promoter> list(FiscalYear fy, UUID unitId, Sort sort) {
        return ListQuery.of(tenancy.em(), Promoter.class, "p")
                .where("p.fiscalYear = :fy", "fy", fy)
                .where("p.unitId = :unitId", "unitId", unitId)
                .orderBy(sort);
    }

    public Promoter require(UUID id) {
        Promoter p = tenancy.em().find(Promoter.class, id);
        if (p == null) {
            throw ApiException.notFound("collaboration.promoter.notFound", id.toString());
        }
        return p;
    }

    public Promoter create(Promoter.Content c) {
        check(c, null);
        Promoter p = new Promoter(c);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    public Promoter revise(Promoter p, Promoter.Content c) {
        check(c, p.getId());
        p.revise(c);
        tenancy.em().flush();
        return p;
    }

    public void delete(Promoter p) {
        tenancy.em().remove(p);
        tenancy.em().flush();
    }

    private void check(Promoter.Content c, UUID self) {
        if (organization.find(c.unitId()).isEmpty()) {
            throw new ApiException(400, "invalid-reference", List.of(new ApiException.FieldErrorKey("unitId",
                    "collaboration.project.unitNotFound", c.unitId())), "problem.validation.detail");
        }
        boolean taken = tenancy.em().createNamedQuery("Promoter.byUnitYear", Promoter.class)
                .setParameter("unit", c.unitId()).setParameter("fy", c.fiscalYear()).getResultList().stream()
                .anyMatch(p -> !p.getId().equals(self));
        if (taken) {
            throw ApiException.conflict("duplicate", "collaboration.promoter.exists",
                    unitName(c.unitId()).orElse(c.unitId().toString()), c.fiscalYear().japaneseLabel());
        }
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }
}
