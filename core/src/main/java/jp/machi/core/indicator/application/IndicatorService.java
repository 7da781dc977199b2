package jp.machi.core.indicator.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.domain.YearEvaluation;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** Indicators of the request's municipality: keeping them and evaluating them per fiscal year. */
@ApplicationScoped
@Transactional
public class IndicatorService {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    MetricCatalog metrics;

    @Inject
    RatingScaleService ratings;

    /** What a list may be narrowed to; every part is optional. */
    public record Filter(IndicatorKind kind, String category, UUID unitId, boolean includeUnitLineage, String text,
            FiscalYear withoutActual) {
        public Filter(IndicatorKind kind, String category, UUID unitId, boolean includeUnitLineage, String text) {
            this(kind, category, unitId, includeUnitLineage, text, null);
        }
    }

    /** The fields a list of indicators may be sorted by ({@code ?sort=}); by code, then name, by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .nullable("code", "i.code")
            .field("nameJa", "i.nameJa")
            .field("kind", "i.kind")
            .nullable("category", "i.category")
            .byDefault("code,nameJa");

    /** The indicators matching {@code f} in {@code sort} order, as a query run in the database. */
    public ListQuery<Indicator> list(Filter f, Sort sort) {
        Set<UUID> units = f.unitId() == null ? null
                : f.includeUnitLineage() ? organization.lineage(f.unitId()) : Set.of(f.unitId());
        return ListQuery.of(tenancy.em(), Indicator.class, "i")
                .where("i.kind = :kind", "kind", f.kind())
                .where("i.category = :category", "category", f.category())
                .when(units != null && units.isEmpty(), "1 = 0")
                .when(units != null && !units.isEmpty(), "i.ownerUnitId IN :units", "units", units == null ? null
                        : List.copyOf(units))
                .contains("q", f.text(), "i.nameJa", "i.nameEn", "i.code")
                // Recorded by hand and not yet for that year (a bound indicator's figures come from its
                // module, there is nothing to enter).
                .where("i.metricModule IS NULL AND NOT EXISTS (SELECT v FROM IndicatorYearValue v WHERE v.indicator = i"
                        + " AND v.fiscalYear = :withoutActual AND v.actual IS NOT NULL)", "withoutActual", f.withoutActual())
                .orderBy(sort);
    }

    /**
     * The fiscal years an export's yearly series spans: every year with a stored figure or a final
     * target, and for bound indicators each year from the first such one up to the current one.
     */
    public List<FiscalYear> seriesYears() {
        java.util.TreeSet<FiscalYear> years = new java.util.TreeSet<>(tenancy.em()
                .createQuery("SELECT DISTINCT v.fiscalYear FROM IndicatorYearValue v", FiscalYear.class).getResultList());
        years.addAll(tenancy.em().createQuery("SELECT DISTINCT i.finalTargetYear FROM Indicator i WHERE i.finalTargetYear IS NOT NULL",
                FiscalYear.class).getResultList());
        List<FiscalYear> bases = tenancy.em().createQuery(
                "SELECT DISTINCT i.baselineYear FROM Indicator i WHERE i.metricModule IS NOT NULL AND i.baselineYear IS NOT NULL",
                FiscalYear.class).getResultList();
        long bound = tenancy.em().createQuery("SELECT COUNT(i) FROM Indicator i WHERE i.metricModule IS NOT NULL", Long.class)
                .getSingleResult();
        if (bound > 0) {
            FiscalYear current = currentFiscalYear();
            FiscalYear from = bases.stream().map(FiscalYear::next).min(FiscalYear::compareTo)
                    .orElse(years.isEmpty() ? current : years.first());
            for (FiscalYear y = from; y.compareTo(current) <= 0; y = y.next()) {
                years.add(y);
            }
        }
        return List.copyOf(years);
    }

    public List<String> categories() {
        return tenancy.em().createNamedQuery("Indicator.categories", String.class).getResultList();
    }

    public Indicator require(UUID id) {
        Indicator i = tenancy.em().find(Indicator.class, id);
        if (i == null) {
            throw ApiException.notFound("indicator.notFound", id.toString());
        }
        return i;
    }

    public Indicator create(Indicator.Definition d, List<Indicator.YearFigures> figures) {
        checkReferences(d);
        checkCodeFree(d.code(), null);
        Indicator i = new Indicator(d, figures);
        tenancy.em().persist(i);
        tenancy.em().flush();
        return i;
    }

    public Indicator update(Indicator i, Indicator.Definition d, List<Indicator.YearFigures> figures) {
        checkReferences(d);
        checkCodeFree(d.code(), i.getId());
        i.redefine(d, figures);
        // The If-Match checked before must still hold when this commits: an edit that changes nothing
        // (another writer stored the same figures meanwhile) is refused like any stale one.
        tenancy.em().lock(i, LockModeType.OPTIMISTIC);
        tenancy.em().flush();
        return i;
    }

    public void delete(Indicator i) {
        tenancy.em().remove(i);
        tenancy.em().flush();
    }

    /**
     * An indicator's code (the number the municipality's own documents give it, e.g. 35.O1) names one
     * indicator within the municipality: a code another indicator has is 409 {@code indicator-code-exists}.
     * Indicators without a code are many.
     */
    private void checkCodeFree(String code, UUID self) {
        if (code == null) {
            return;
        }
        List<UUID> holders = tenancy.em().createQuery("SELECT i.id FROM Indicator i WHERE i.code = :code", UUID.class)
                .setParameter("code", code).getResultList();
        if (holders.stream().anyMatch(id -> !id.equals(self))) {
            throw new ApiException(409, "indicator-code-exists",
                    List.of(new ApiException.FieldErrorKey("code", "indicator.code.exists", code)), "problem.validation.detail");
        }
    }

    private void checkReferences(Indicator.Definition d) {
        if (d.ownerUnitId() != null && organization.find(d.ownerUnitId()).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("ownerUnitId", "indicator.ownerUnit.notFound", d.ownerUnitId())),
                    "problem.validation.detail");
        }
        if (d.metricModule() != null && metrics.find(tenancy.code(), d.metricModule(), d.metricId()).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("metricSource", "indicator.metric.notOffered",
                            d.metricModule() + ":" + d.metricId())),
                    "problem.validation.detail");
        }
    }

    /** Every year worth showing, evaluated against the municipality's rating scale. */
    public List<YearEvaluation> evaluate(Indicator i) {
        return evaluate(i, ratings.current());
    }

    public List<YearEvaluation> evaluate(Indicator i, RatingScale scale) {
        String lg = tenancy.code();
        boolean available = i.isBoundToMetric() && metrics.find(lg, i.getMetricModule(), i.getMetricId()).isPresent();
        // The module's figures for every year the indicator shows, asked once (one query where the module
        // groups by year), not once per year — and a cumulative indicator, which sums every year from its
        // baseline up to each year it shows, would otherwise ask year n for n figures (28 for 7 years).
        Map<FiscalYear, Optional<BigDecimal>> figures = new HashMap<>();
        FiscalYear current = currentFiscalYear();
        if (available) {
            FiscalYear[] range = YearEvaluation.metricYears(i, current);
            Map<FiscalYear, BigDecimal> known = metrics.values(lg, i.getMetricModule(), i.getMetricId(), range[0], range[1]);
            for (FiscalYear y = range[0]; y.compareTo(range[1]) <= 0; y = y.next()) {
                figures.put(y, Optional.ofNullable(known.get(y)));
            }
        }
        return YearEvaluation.evaluate(i, scale,
                fy -> {
                    Optional<BigDecimal> known = figures.get(fy);
                    if (known == null) {
                        known = metrics.value(lg, i.getMetricModule(), i.getMetricId(), fy);
                        figures.put(fy, known);
                    }
                    return known;
                }, available, current);
    }

    /** A bound indicator's actual of {@code fy} from the live metric (null when the metric is not available here). */
    public java.math.BigDecimal liveValue(Indicator i, FiscalYear fy) {
        String lg = tenancy.code();
        if (!i.isBoundToMetric() || metrics.find(lg, i.getMetricModule(), i.getMetricId()).isEmpty()) {
            return null;
        }
        return YearEvaluation.boundActual(i, fy, y -> metrics.value(lg, i.getMetricModule(), i.getMetricId(), y));
    }

    public static FiscalYear currentFiscalYear() {
        return FiscalYear.containing(LocalDate.now(JAPAN));
    }
}
