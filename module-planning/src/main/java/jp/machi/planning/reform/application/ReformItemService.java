package jp.machi.planning.reform.application;

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
import jp.machi.planning.document.References;
import jp.machi.planning.reform.domain.ReformItem;
import jp.machi.planning.reform.domain.ReformItem.Content;

/** Administrative reform items (改革項目) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class ReformItemService {

    @Inject
    Tenancy tenancy;

    @Inject
    References references;

    /** The fields a list of reform items may be sorted by ({@code ?sort=}); by number by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("itemNumber", "r.itemNumber")
            .nullable("firstFiscalYear", "r.firstFiscalYear")
            .nullable("lastFiscalYear", "r.lastFiscalYear")
            .byDefault("itemNumber");

    /** The items, those running in fiscal year {@code fy} when given, as a query run in the database. */
    public ListQuery<ReformItem> list(FiscalYear fy, Sort sort) {
        return ListQuery.of(tenancy.em(), ReformItem.class, "r")
                .when(fy != null, "(r.firstFiscalYear IS NULL OR r.firstFiscalYear <= :fy)"
                        + " AND (r.lastFiscalYear IS NULL OR r.lastFiscalYear >= :fy)", "fy", fy)
                .orderBy(sort);
    }

    public List<ReformItem> list(Integer fiscalYear) {
        List<ReformItem> all = tenancy.em().createNamedQuery("ReformItem.all", ReformItem.class).getResultList();
        if (fiscalYear == null) {
            return all;
        }
        return all.stream().filter(r -> (r.getFirstFiscalYear() == null || r.getFirstFiscalYear().startYear() <= fiscalYear)
                && (r.getLastFiscalYear() == null || r.getLastFiscalYear().startYear() >= fiscalYear)).toList();
    }

    public ReformItem require(UUID id) {
        ReformItem r = tenancy.em().find(ReformItem.class, id);
        if (r == null) {
            throw ApiException.notFound("planning.reform.notFound", id.toString());
        }
        return r;
    }

    public ReformItem create(Content c) {
        Content checked = check(c, null);
        ReformItem r = new ReformItem(checked);
        tenancy.em().persist(r);
        tenancy.em().flush();
        return r;
    }

    public ReformItem revise(ReformItem r, Content c) {
        Content checked = check(c, r.getId());
        r.revise(checked);
        tenancy.em().flush();
        return r;
    }

    public void delete(ReformItem r) {
        tenancy.em().remove(r);
        tenancy.em().flush();
    }

    private Content check(Content c, UUID self) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (c.firstFiscalYear() != null && c.lastFiscalYear() != null
                && c.lastFiscalYear().compareTo(c.firstFiscalYear()) < 0) {
            errors.add(new ApiException.FieldErrorKey("lastFiscalYear", "planning.plan.period.order",
                    yearLabel(c.firstFiscalYear()), yearLabel(c.lastFiscalYear())));
        }
        List<ReformItem.ResponsibleUnit> units = new ArrayList<>();
        for (int i = 0; i < c.responsibleUnits().size(); i++) {
            ReformItem.ResponsibleUnit u = c.responsibleUnits().get(i);
            references.requireUnit("responsibleUnits[" + i + "].unitId", u.unitId(), errors);
            units.add(new ReformItem.ResponsibleUnit(u.unitId(), u.name() == null ? references.unitName(u.unitId()) : u.name()));
        }
        for (int i = 0; i < c.schedule().size(); i++) {
            ReformItem.ScheduleEntry e = c.schedule().get(i);
            String at = "schedule[" + i + "]";
            if (e.toFiscalYear() < e.fromFiscalYear()) {
                errors.add(new ApiException.FieldErrorKey(at + ".toFiscalYear", "planning.plan.period.order",
                        yearLabel(e.fromFiscalYear()), yearLabel(e.toFiscalYear())));
            } else if ((c.firstFiscalYear() != null && e.fromFiscalYear() < c.firstFiscalYear().startYear())
                    || (c.lastFiscalYear() != null && e.toFiscalYear() > c.lastFiscalYear().startYear())) {
                errors.add(new ApiException.FieldErrorKey(at, "planning.reform.schedule.outside",
                        yearLabel(e.fromFiscalYear()), yearLabel(e.toFiscalYear())));
            }
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < c.indicatorIds().size(); i++) {
            UUID id = c.indicatorIds().get(i);
            references.requireIndicator("indicatorIds[" + i + "]", id, errors);
            if (!seen.add(id)) {
                errors.add(new ApiException.FieldErrorKey("indicatorIds[" + i + "]", "planning.reform.indicator.duplicate", id));
            }
        }
        References.check(errors);
        List<ReformItem> same = tenancy.em().createNamedQuery("ReformItem.byNumber", ReformItem.class)
                .setParameter("number", c.itemNumber()).getResultList();
        if (same.stream().anyMatch(r -> !r.getId().equals(self))) {
            throw ApiException.conflict("duplicate", "planning.reform.exists", String.valueOf(c.itemNumber()));
        }
        return new Content(c.itemNumber(), c.firstFiscalYear(), c.lastFiscalYear(), c.theme(), c.title(), units,
                c.currentState(), c.direction(), c.examples(), c.schedule(), c.indicatorIds(), c.indicatorNote());
    }

    /** A fiscal year as people read it: 令和6年度 in Japanese, FY2024 in English. */
    private static jp.machi.core.i18n.LocalizedText yearLabel(FiscalYear fy) {
        return jp.machi.core.i18n.LocalizedText.of(fy.label(java.util.Locale.JAPANESE), fy.label(java.util.Locale.ENGLISH));
    }

    private static jp.machi.core.i18n.LocalizedText yearLabel(int startYear) {
        return yearLabel(FiscalYear.of(startYear));
    }
}
