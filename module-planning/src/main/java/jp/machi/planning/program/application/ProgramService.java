package jp.machi.planning.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.program.domain.AdministrativeProgram;

/** Administrative programs of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class ProgramService {

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    public List<AdministrativeProgram> list(FiscalYear fy) {
        var em = tenancy.em();
        return fy == null ? em.createNamedQuery("AdministrativeProgram.all", AdministrativeProgram.class).getResultList()
                : em.createNamedQuery("AdministrativeProgram.inYear", AdministrativeProgram.class)
                        .setParameter("fiscalYear", fy).getResultList();
    }

    public long countIn(FiscalYear fy) {
        return tenancy.em().createNamedQuery("AdministrativeProgram.countInYear", Long.class)
                .setParameter("fiscalYear", fy).getSingleResult();
    }

    public AdministrativeProgram require(UUID id) {
        AdministrativeProgram p = tenancy.em().find(AdministrativeProgram.class, id);
        if (p == null) {
            throw ApiException.notFound("planning.program.notFound", id.toString());
        }
        return p;
    }

    public AdministrativeProgram create(AdministrativeProgram.Content c) {
        checkUnit(c.unitId());
        AdministrativeProgram p = new AdministrativeProgram(c);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    public AdministrativeProgram revise(AdministrativeProgram p, AdministrativeProgram.Content c) {
        checkUnit(c.unitId());
        p.revise(c);
        tenancy.em().flush();
        return p;
    }

    public void delete(AdministrativeProgram p) {
        tenancy.em().remove(p);
        tenancy.em().flush();
    }

    private void checkUnit(UUID unitId) {
        if (unitId != null && organization.find(unitId).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("unitId", "indicator.ownerUnit.notFound", unitId)),
                    "problem.validation.detail");
        }
    }
}
