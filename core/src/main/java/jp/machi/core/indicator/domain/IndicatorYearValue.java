package jp.machi.core.indicator.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/** The target and the actual of one indicator in one fiscal year; either may be absent. */
@Entity
@Table(name = "indicator_year_value")
public class IndicatorYearValue extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id", nullable = false)
    private Indicator indicator;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "target_value", precision = 20, scale = 4)
    private BigDecimal target;

    @Column(name = "actual_value", precision = 20, scale = 4)
    private BigDecimal actual;

    /** What explains the year's actual (実績の説明); written by the yearly actuals entry, kept by a PUT of the indicator. */
    @Column(name = "actual_note", length = 1000)
    private String actualNote;

    protected IndicatorYearValue() {
    }

    IndicatorYearValue(Indicator indicator, FiscalYear fiscalYear, BigDecimal target, BigDecimal actual) {
        this.indicator = indicator;
        this.fiscalYear = fiscalYear;
        set(target, actual);
    }

    /**
     * Keeps a figure that is numerically the same (100 sent, 100.0000 stored): otherwise the ORM
     * would see a change, and the indicator would get a new version for an edit that changed nothing.
     */
    final void set(BigDecimal target, BigDecimal actual) {
        this.target = same(this.target, target) ? this.target : target;
        this.actual = same(this.actual, actual) ? this.actual : actual;
    }

    /** The year's actual and its note as the yearly actuals entry (実績入力) records them; the target stays. */
    final void recordActual(BigDecimal actual, String note) {
        this.actual = same(this.actual, actual) ? this.actual : actual;
        this.actualNote = note;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public BigDecimal getActual() {
        return actual;
    }

    public String getActualNote() {
        return actualNote;
    }
}
