package jp.machi.planning.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.Sort;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.persistence.ListQuery;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.program.domain.ProgramCost;
import jp.machi.planning.program.domain.ProgramIndicator;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.program.domain.AdministrativeProgram;

/** Administrative programs of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class ProgramService {

    /**
     * The division as people read it: the name as the document wrote it, or, where only the unit was
     * chosen ({@code unitId} without {@code unitName}), that unit's name. Units are few and found in the
     * transaction's persistence context, so a page of programs asks for each unit at most once.
     */
    public String unitLabel(AdministrativeProgram p) {
        String written = p.getUnitName();
        if (written != null && !written.isBlank()) {
            return written;
        }
        return p.getUnitId() == null ? null
                : organization.find(p.getUnitId()).map(jp.machi.core.organization.domain.OrganizationUnit::getNameJa).orElse(null);
    }

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    /** The fields a list of programs may be sorted by ({@code ?sort=}); by fiscal year and number by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "p.fiscalYear")
            .nullable("serialNumber", "p.serialNumber")
            .field("programNumber", "p.programNumber")
            .field("name", "p.name")
            .byDefault("fiscalYear,serialNumber,programNumber");

    /** The programs, of one fiscal year when {@code fy} is given, as a query run in the database. */
    public ListQuery<AdministrativeProgram> list(FiscalYear fy, Sort sort) {
        return ListQuery.of(tenancy.em(), AdministrativeProgram.class, "p").where("p.fiscalYear = :fy", "fy", fy)
                .orderBy(sort);
    }

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

    /**
     * Deletes a program with its costs and indicator links. A program that has been evaluated
     * keeps its evaluations, which are a record of decisions: it cannot be deleted (409).
     */
    public void delete(AdministrativeProgram p) {
        var em = tenancy.em();
        long evaluations = em.createNamedQuery("ProgramEvaluation.countOfProgram", Long.class)
                .setParameter("programId", p.getId()).getSingleResult();
        if (evaluations > 0) {
            throw ApiException.conflict("program-evaluated", "planning.program.evaluated", p.getName(), evaluations);
        }
        costs(p).forEach(em::remove);
        indicators(p).forEach(em::remove);
        em.flush();
        em.remove(p);
        em.flush();
    }

    /** A year's cost as entered: general revenue (一般財源) may be left out and is then what the rest leaves. */
    public record CostLine(FiscalYear fiscalYear, long programCost, long nationalSubsidy, long prefecturalSubsidy,
            long bonds, long otherRevenue, Long generalRevenue, BigDecimal regularStaffFte, BigDecimal otherStaffFte) {
    }

    /** Everything an evaluation sheet says about a program besides the list's fields. */
    public record Sheet(AdministrativeProgram.Details details, List<CostLine> costs, List<UUID> activityIndicatorIds,
            List<UUID> outcomeIndicatorIds) {
    }

    public AdministrativeProgram create(AdministrativeProgram.Content c, Sheet sheet) {
        List<ProgramCost.Figures> figures = check(c, sheet);
        checkUnit(c.unitId());
        AdministrativeProgram p = new AdministrativeProgram(c);
        p.describe(sheet.details());
        tenancy.em().persist(p);
        tenancy.em().flush();
        replaceParts(p, sheet, figures);
        return p;
    }

    public AdministrativeProgram revise(AdministrativeProgram p, AdministrativeProgram.Content c, Sheet sheet) {
        List<ProgramCost.Figures> figures = check(c, sheet);
        checkUnit(c.unitId());
        boolean partsChanged = !parts(costs(p), indicators(p)).equals(parts(figures, sheet));
        p.revise(c);
        p.describe(sheet.details());
        if (partsChanged) {
            // Costs and indicator links are rows of their own: a change to them alone must still
            // raise the program's version, or a second writer with the old ETag would overwrite it.
            tenancy.em().lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        } else {
            // The If-Match checked before must still hold when this commits.
            tenancy.em().lock(p, LockModeType.OPTIMISTIC);
        }
        tenancy.em().flush();
        replaceParts(p, sheet, figures);
        return p;
    }

    /** A program's costs and indicator links in a form two versions can be compared by. */
    private static List<Object> parts(List<ProgramCost> costs, List<ProgramIndicator> links) {
        List<Object> parts = new java.util.ArrayList<>();
        costs.stream().map(ProgramService::figures).sorted(java.util.Comparator.comparing(ProgramCost.Figures::fiscalYear))
                .forEach(parts::add);
        links.stream().sorted(java.util.Comparator.comparing(ProgramIndicator::getKind)
                .thenComparing(ProgramIndicator::getSortOrder))
                .forEach(l -> parts.add(l.getKind() + ":" + l.getIndicatorId()));
        return parts;
    }

    private static List<Object> parts(List<ProgramCost.Figures> figures, Sheet sheet) {
        List<Object> parts = new java.util.ArrayList<>();
        figures.stream().map(ProgramService::normal).sorted(java.util.Comparator.comparing(ProgramCost.Figures::fiscalYear))
                .forEach(parts::add);
        sheet.activityIndicatorIds().forEach(id -> parts.add(ProgramIndicator.Kind.ACTIVITY + ":" + id));
        sheet.outcomeIndicatorIds().forEach(id -> parts.add(ProgramIndicator.Kind.OUTCOME + ":" + id));
        return parts;
    }

    private static ProgramCost.Figures figures(ProgramCost c) {
        return normal(new ProgramCost.Figures(c.getFiscalYear(), c.getProgramCost(), c.getNationalSubsidy(),
                c.getPrefecturalSubsidy(), c.getBonds(), c.getOtherRevenue(), c.getGeneralRevenue(),
                c.getRegularStaffFte(), c.getOtherStaffFte()));
    }

    /** Figures as the database keeps them (FTE with two decimals), so that equal means unchanged. */
    private static ProgramCost.Figures normal(ProgramCost.Figures f) {
        return new ProgramCost.Figures(f.fiscalYear(), f.programCost(), f.nationalSubsidy(), f.prefecturalSubsidy(),
                f.bonds(), f.otherRevenue(), f.generalRevenue(), scale2(f.regularStaffFte()), scale2(f.otherStaffFte()));
    }

    private static BigDecimal scale2(BigDecimal b) {
        return b == null ? null : b.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public List<ProgramCost> costs(AdministrativeProgram p) {
        return tenancy.em().createNamedQuery("ProgramCost.ofProgram", ProgramCost.class)
                .setParameter("programId", p.getId()).getResultList();
    }

    public List<ProgramIndicator> indicators(AdministrativeProgram p) {
        return tenancy.em().createNamedQuery("ProgramIndicator.ofProgram", ProgramIndicator.class)
                .setParameter("programId", p.getId()).getResultList();
    }

    private void replaceParts(AdministrativeProgram p, Sheet sheet, List<ProgramCost.Figures> figures) {
        var em = tenancy.em();
        costs(p).forEach(em::remove);
        indicators(p).forEach(em::remove);
        em.flush();
        figures.forEach(f -> em.persist(new ProgramCost(p.getId(), f)));
        int i = 0;
        for (UUID id : sheet.activityIndicatorIds()) {
            em.persist(new ProgramIndicator(p.getId(), id, ProgramIndicator.Kind.ACTIVITY, i++));
        }
        i = 0;
        for (UUID id : sheet.outcomeIndicatorIds()) {
            em.persist(new ProgramIndicator(p.getId(), id, ProgramIndicator.Kind.OUTCOME, i++));
        }
        em.flush();
    }

    /** Checks references, the period and the costs; returns the costs with general revenue filled in. */
    private List<ProgramCost.Figures> check(AdministrativeProgram.Content c, Sheet sheet) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        AdministrativeProgram.Details d = sheet.details();
        if (d.planNodeId() != null && tenancy.em().find(PlanNode.class, d.planNodeId()) == null) {
            errors.add(new ApiException.FieldErrorKey("planNodeId", "planning.program.planNode.notFound", d.planNodeId()));
        }
        if (d.firstFiscalYear() != null && d.lastFiscalYear() != null
                && d.lastFiscalYear().compareTo(d.firstFiscalYear()) < 0) {
            errors.add(new ApiException.FieldErrorKey("lastFiscalYear", "planning.program.period.order",
                    yearLabel(d.firstFiscalYear()), yearLabel(d.lastFiscalYear())));
        }
        Set<UUID> seen = new HashSet<>();
        checkIndicators("activityIndicatorIds", sheet.activityIndicatorIds(), seen, errors);
        checkIndicators("outcomeIndicatorIds", sheet.outcomeIndicatorIds(), seen, errors);
        List<ProgramCost.Figures> figures = new ArrayList<>();
        Set<FiscalYear> years = new HashSet<>();
        for (int i = 0; i < sheet.costs().size(); i++) {
            CostLine l = sheet.costs().get(i);
            String at = "costs[" + i + "].";
            if (!years.add(l.fiscalYear())) {
                errors.add(new ApiException.FieldErrorKey(at + "fiscalYear", "planning.cost.duplicateYear",
                        String.valueOf(l.fiscalYear().startYear())));
                continue;
            }
            long others = l.nationalSubsidy() + l.prefecturalSubsidy() + l.bonds() + l.otherRevenue();
            long general = l.generalRevenue() != null ? l.generalRevenue() : l.programCost() - others;
            if (l.generalRevenue() == null && general < 0) {
                errors.add(new ApiException.FieldErrorKey(at + "programCost", "planning.cost.fundingExceeds",
                        others, l.programCost()));
                continue;
            }
            if (others + general != l.programCost()) {
                errors.add(new ApiException.FieldErrorKey(at + "generalRevenue", "planning.cost.sumMismatch",
                        others + general, l.programCost()));
                continue;
            }
            figures.add(new ProgramCost.Figures(l.fiscalYear(), l.programCost(), l.nationalSubsidy(),
                    l.prefecturalSubsidy(), l.bonds(), l.otherRevenue(), general, fte(l.regularStaffFte()),
                    fte(l.otherStaffFte())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return figures;
    }

    private static BigDecimal fte(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private void checkIndicators(String field, List<UUID> ids, Set<UUID> seen, List<ApiException.FieldErrorKey> errors) {
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (tenancy.em().find(Indicator.class, id) == null) {
                errors.add(new ApiException.FieldErrorKey(field + "[" + i + "]", "planning.link.indicator.notFound", id));
            } else if (!seen.add(id)) {
                errors.add(new ApiException.FieldErrorKey(field + "[" + i + "]", "planning.program.indicator.duplicate", id));
            }
        }
    }

    private void checkUnit(UUID unitId) {
        if (unitId != null && organization.find(unitId).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("unitId", "indicator.ownerUnit.notFound", unitId)),
                    "problem.validation.detail");
        }
    }

    /** A fiscal year as people read it: 令和6年度 in Japanese, FY2024 in English. */
    static jp.machi.core.i18n.LocalizedText yearLabel(FiscalYear fy) {
        return jp.machi.core.i18n.LocalizedText.of(fy.label(java.util.Locale.JAPANESE), fy.label(java.util.Locale.ENGLISH));
    }
}
