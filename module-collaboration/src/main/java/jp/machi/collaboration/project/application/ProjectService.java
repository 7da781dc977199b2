package jp.machi.collaboration.project.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.project.domain.CollaborativeProject;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** Collaborative projects (協働事業) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class ProjectService {

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    ModuleSettings settings;

    @Inject
    PartnerService partners;

    /** What a list may be narrowed to. */
    public record Filter(FiscalYear fiscalYear, UUID unitId, String form, UUID partnerId, String q) {
    }

    /** The fields a list of projects may be sorted by; newest fiscal year first, then by title, by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "c.fiscalYear")
            .field("title", "c.title")
            .field("form", "c.form")
            .nullable("budget", "c.budget")
            .byDefault("-fiscalYear,title");

    public ListQuery<CollaborativeProject> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), CollaborativeProject.class, "c")
                .where("c.fiscalYear = :fy", "fy", f.fiscalYear())
                .where("c.unitId = :unitId", "unitId", f.unitId())
                .where("c.form = :form", "form", f.form())
                .when(f.partnerId() != null, "c.partnerIds LIKE :partner", "partner",
                        f.partnerId() == null ? null : CollaborativeProject.partnerPattern(f.partnerId()))
                .contains("q", f.q(), "c.title", "c.description", "c.outcome")
                .orderBy(sort);
    }

    public CollaborativeProject require(UUID id) {
        CollaborativeProject c = tenancy.em().find(CollaborativeProject.class, id);
        if (c == null) {
            throw ApiException.notFound("collaboration.project.notFound", id.toString());
        }
        return c;
    }

    public CollaborativeProject create(CollaborativeProject.Content content) {
        check(content);
        CollaborativeProject c = new CollaborativeProject(content);
        tenancy.em().persist(c);
        tenancy.em().flush();
        return c;
    }

    public CollaborativeProject revise(CollaborativeProject c, CollaborativeProject.Content content) {
        check(content);
        c.revise(content);
        tenancy.em().flush();
        return c;
    }

    public void delete(CollaborativeProject c) {
        tenancy.em().remove(c);
        tenancy.em().flush();
    }

    /** The municipality's forms of collaboration (setting {@value CollaborationModule#FORMS}). */
    public List<String> forms() {
        return settings.list(tenancy.code(), CollaborationModule.ID, CollaborationModule.FORMS);
    }

    private void check(CollaborativeProject.Content c) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (organization.find(c.unitId()).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("unitId", "collaboration.project.unitNotFound", c.unitId()));
        }
        List<String> forms = forms();
        if (!forms.contains(c.form())) {
            errors.add(new ApiException.FieldErrorKey("form", "collaboration.project.formUnknown", c.form(),
                    String.join("、", forms)));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid-reference", errors, "problem.validation.detail");
        }
        partners.requireRegistered("partnerIds", c.partnerIds());
    }

    /** Projects in fiscal year {@code fy}, of {@code form} when given. */
    public long count(FiscalYear fy, String form) {
        var q = tenancy.em().createQuery("SELECT COUNT(c) FROM CollaborativeProject c WHERE c.fiscalYear = :fy"
                + (form == null ? "" : " AND c.form = :form"), Long.class).setParameter("fy", fy);
        return (form == null ? q : q.setParameter("form", form)).getSingleResult();
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }
}
