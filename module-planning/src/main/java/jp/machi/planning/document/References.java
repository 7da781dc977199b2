package jp.machi.planning.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.plan.domain.PlanNode;

/**
 * Checks what a planning document refers to (units, plan nodes, indicators) against the request's
 * municipality: another municipality's id is as unknown as a made-up one. Failures are collected
 * as field errors so that one 400 names every bad reference.
 */
@ApplicationScoped
public class References {

    /** Unit kinds a department operating policy can be about. */
    public static final Set<UnitKind> DEPARTMENT_KINDS = Set.of(UnitKind.DEPARTMENT, UnitKind.OFFICE, UnitKind.BUREAU);

    @Inject
    OrganizationService organization;

    @Inject
    Tenancy tenancy;

    public Optional<OrganizationUnit> unit(UUID id) {
        return id == null ? Optional.empty() : organization.find(id);
    }

    public String unitName(UUID id) {
        return unit(id).map(OrganizationUnit::getNameJa).orElse(null);
    }

    public void requireUnit(String field, UUID id, List<ApiException.FieldErrorKey> errors) {
        if (id != null && organization.find(id).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey(field, "planning.node.unit.notFound", id));
        }
    }

    public void requireUnitOfKind(String field, UUID id, Set<UnitKind> kinds, List<ApiException.FieldErrorKey> errors) {
        Optional<OrganizationUnit> u = unit(id);
        if (u.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey(field, "planning.node.unit.notFound", id));
        } else if (!kinds.contains(u.get().getKind())) {
            errors.add(new ApiException.FieldErrorKey(field, "planning.document.unit.kind", u.get().getNameJa()));
        }
    }

    public Optional<PlanNode> node(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tenancy.em().find(PlanNode.class, id));
    }

    public void requireNode(String field, UUID id, List<ApiException.FieldErrorKey> errors) {
        if (id != null && node(id).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey(field, "planning.node.notFound", id));
        }
    }

    public Optional<Indicator> indicator(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tenancy.em().find(Indicator.class, id));
    }

    public void requireIndicator(String field, UUID id, List<ApiException.FieldErrorKey> errors) {
        if (id != null && indicator(id).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey(field, "planning.link.indicator.notFound", id));
        }
    }

    /** Refuses with 400 when any reference failed. */
    public static void check(List<ApiException.FieldErrorKey> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid-reference", errors, "problem.validation.detail");
        }
    }
}
