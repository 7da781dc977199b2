package jp.machi.core.indicator.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * 指標: a measurable figure a municipality tracks per fiscal year, with a baseline (現状値), targets
 * (目標値) per year or only a final one, and actuals (実績値). Its actuals are typed in, or come
 * from a module's live data when the indicator is bound to a metric source.
 *
 * <p>For a cumulative indicator (累計) targets and actuals are running totals, as the documents
 * write them; a bound cumulative indicator adds the yearly metric values to its baseline.
 */
@Entity
@Table(name = "indicator")
@NamedQuery(name = "Indicator.all", query = "SELECT i FROM Indicator i ORDER BY i.code, i.nameJa")
@NamedQuery(name = "Indicator.categories", query = "SELECT DISTINCT i.category FROM Indicator i WHERE i.category IS NOT NULL ORDER BY i.category")
public class Indicator extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "code", length = 40)
    private String code;

    @Column(name = "name_ja", nullable = false, length = 300)
    private String nameJa;

    @Column(name = "name_en", length = 300)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private IndicatorKind kind;

    @Column(name = "category", length = 100)
    private String category;

    @Column(name = "unit", nullable = false, length = 40)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 20)
    private Direction direction;

    @Column(name = "baseline_value", precision = 20, scale = 4)
    private BigDecimal baselineValue;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "baseline_fiscal_year")
    private FiscalYear baselineYear;

    @Column(name = "final_target_value", precision = 20, scale = 4)
    private BigDecimal finalTarget;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "final_target_fiscal_year")
    private FiscalYear finalTargetYear;

    @Column(name = "cumulative", nullable = false)
    private boolean cumulative;

    @Column(name = "owner_unit_id")
    private UUID ownerUnitId;

    @Column(name = "metric_module", length = 40)
    private String metricModule;

    @Column(name = "metric_id", length = 80)
    private String metricId;

    @Column(name = "note", length = 2000)
    private String note;

    // Read for all indicators of one query at once (one IN query, not one per indicator): lists and
    // a plan's progress evaluate many indicators together.
    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("fiscalYear")
    @BatchFetch(value = BatchFetchType.IN, size = 500)
    private List<IndicatorYearValue> values = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Indicator() {
    }

    /** What an indicator is, as one edit: the API replaces all of it at once. */
    public record Definition(String code, String nameJa, String nameEn, IndicatorKind kind, String category, String unit,
            Direction direction, BigDecimal baselineValue, FiscalYear baselineYear, BigDecimal finalTarget,
            FiscalYear finalTargetYear, boolean cumulative, UUID ownerUnitId, String metricModule, String metricId,
            String note) {
    }

    /** The target and actual of one fiscal year as entered. */
    public record YearFigures(FiscalYear fiscalYear, BigDecimal target, BigDecimal actual) {
    }

    public Indicator(Definition definition, List<YearFigures> figures) {
        redefine(definition, figures);
    }

    public final void redefine(Definition d, List<YearFigures> figures) {
        this.code = d.code();
        this.nameJa = d.nameJa();
        this.nameEn = d.nameEn();
        this.kind = d.kind();
        this.category = d.category();
        this.unit = d.unit();
        this.direction = d.direction();
        this.baselineValue = d.baselineValue();
        this.baselineYear = d.baselineYear();
        this.finalTarget = d.finalTarget();
        this.finalTargetYear = d.finalTargetYear();
        this.cumulative = d.cumulative();
        this.ownerUnitId = d.ownerUnitId();
        this.metricModule = d.metricModule();
        this.metricId = d.metricId();
        this.note = d.note();
        replaceFigures(figures);
    }

    private void replaceFigures(List<YearFigures> figures) {
        // Keep rows of years that stay, so their identity survives an edit.
        values.removeIf(v -> figures.stream().noneMatch(f -> f.fiscalYear().equals(v.getFiscalYear())));
        for (YearFigures f : figures) {
            Optional<IndicatorYearValue> existing = values.stream()
                    .filter(v -> v.getFiscalYear().equals(f.fiscalYear())).findFirst();
            if (existing.isPresent()) {
                existing.get().set(f.target(), f.actual());
            } else {
                values.add(new IndicatorYearValue(this, f.fiscalYear(), f.target(), f.actual()));
            }
        }
        values.sort((a, b) -> a.getFiscalYear().compareTo(b.getFiscalYear()));
    }

    /**
     * Records one year's actual and its note (実績入力), adding the year when it has no row yet; the
     * year's target stays. A blank actual removes the actual. An indicator bound to a metric source
     * has no typed actuals: refused.
     */
    public void recordActual(FiscalYear fy, BigDecimal actual, String note) {
        if (isBoundToMetric()) {
            throw new IllegalStateException("indicator " + id + " takes its actuals from " + metricModule + ":" + metricId);
        }
        Optional<IndicatorYearValue> existing = figuresOf(fy);
        if (existing.isPresent()) {
            existing.get().recordActual(actual, note);
        } else if (actual != null || note != null) {
            IndicatorYearValue v = new IndicatorYearValue(this, fy, null, actual);
            v.recordActual(actual, note);
            values.add(v);
            values.sort((a, b) -> a.getFiscalYear().compareTo(b.getFiscalYear()));
        }
    }

    public boolean isBoundToMetric() {
        return metricModule != null;
    }

    public Optional<IndicatorYearValue> figuresOf(FiscalYear fy) {
        return values.stream().filter(v -> v.getFiscalYear().equals(fy)).findFirst();
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameJa() {
        return nameJa;
    }

    public String getNameEn() {
        return nameEn;
    }

    public IndicatorKind getKind() {
        return kind;
    }

    public String getCategory() {
        return category;
    }

    public String getUnit() {
        return unit;
    }

    public Direction getDirection() {
        return direction;
    }

    public BigDecimal getBaselineValue() {
        return baselineValue;
    }

    public FiscalYear getBaselineYear() {
        return baselineYear;
    }

    public BigDecimal getFinalTarget() {
        return finalTarget;
    }

    public FiscalYear getFinalTargetYear() {
        return finalTargetYear;
    }

    public boolean isCumulative() {
        return cumulative;
    }

    public UUID getOwnerUnitId() {
        return ownerUnitId;
    }

    public String getMetricModule() {
        return metricModule;
    }

    public String getMetricId() {
        return metricId;
    }

    public String getNote() {
        return note;
    }

    public List<IndicatorYearValue> getValues() {
        return Collections.unmodifiableList(values);
    }

    public long getVersion() {
        return version;
    }
}
