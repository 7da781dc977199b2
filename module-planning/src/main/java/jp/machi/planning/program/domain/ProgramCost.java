package jp.machi.planning.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/**
 * A program's cost of one fiscal year, in ¥1,000 (千円): the program cost (事業費) and its funding —
 * national (国庫支出金) and prefectural (県支出金) subsidies, bonds (地方債), other (その他) and
 * general revenue (一般財源), which add up to the program cost — and the staff it takes in
 * full-time equivalents (人工), regular staff and others (会計年度任用職員等).
 */
@Entity
@Table(name = "planning_program_cost")
@NamedQuery(name = "ProgramCost.ofProgram",
        query = "SELECT c FROM ProgramCost c WHERE c.programId = :programId ORDER BY c.fiscalYear")
public class ProgramCost extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "program_cost", nullable = false)
    private long programCost;

    @Column(name = "national_subsidy", nullable = false)
    private long nationalSubsidy;

    @Column(name = "prefectural_subsidy", nullable = false)
    private long prefecturalSubsidy;

    @Column(name = "bonds", nullable = false)
    private long bonds;

    @Column(name = "other_revenue", nullable = false)
    private long otherRevenue;

    @Column(name = "general_revenue", nullable = false)
    private long generalRevenue;

    @Column(name = "regular_staff_fte", nullable = false, precision = 7, scale = 2)
    private BigDecimal regularStaffFte;

    @Column(name = "other_staff_fte", nullable = false, precision = 7, scale = 2)
    private BigDecimal otherStaffFte;

    protected ProgramCost() {
    }

    /** A year's figures; the funding must add up to the program cost (checked before). */
    public record Figures(FiscalYear fiscalYear, long programCost, long nationalSubsidy, long prefecturalSubsidy,
            long bonds, long otherRevenue, long generalRevenue, BigDecimal regularStaffFte, BigDecimal otherStaffFte) {

        public long funding() {
            return nationalSubsidy + prefecturalSubsidy + bonds + otherRevenue + generalRevenue;
        }
    }

    public ProgramCost(UUID programId, Figures f) {
        this.programId = programId;
        this.fiscalYear = f.fiscalYear();
        this.programCost = f.programCost();
        this.nationalSubsidy = f.nationalSubsidy();
        this.prefecturalSubsidy = f.prefecturalSubsidy();
        this.bonds = f.bonds();
        this.otherRevenue = f.otherRevenue();
        this.generalRevenue = f.generalRevenue();
        this.regularStaffFte = f.regularStaffFte();
        this.otherStaffFte = f.otherStaffFte();
    }

    public BigDecimal staffFte() {
        return regularStaffFte.add(otherStaffFte);
    }

    /** 人件費 in ¥1,000: staff FTE × the unit cost per FTE-year, rounded half up. */
    public long personnelCost(long unitCost) {
        return staffFte().multiply(BigDecimal.valueOf(unitCost)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** トータルコスト in ¥1,000: program cost plus personnel cost. */
    public long totalCost(long unitCost) {
        return programCost + personnelCost(unitCost);
    }

    public UUID getId() {
        return id;
    }

    public UUID getProgramId() {
        return programId;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public long getProgramCost() {
        return programCost;
    }

    public long getNationalSubsidy() {
        return nationalSubsidy;
    }

    public long getPrefecturalSubsidy() {
        return prefecturalSubsidy;
    }

    public long getBonds() {
        return bonds;
    }

    public long getOtherRevenue() {
        return otherRevenue;
    }

    public long getGeneralRevenue() {
        return generalRevenue;
    }

    public BigDecimal getRegularStaffFte() {
        return regularStaffFte;
    }

    public BigDecimal getOtherStaffFte() {
        return otherStaffFte;
    }
}
