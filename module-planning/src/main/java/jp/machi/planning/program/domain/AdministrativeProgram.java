package jp.machi.planning.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/**
 * 事務事業: an administrative program of one fiscal year, as a program list (事務事業一覧) records
 * it. {@code unitName} keeps the division as the document wrote it (e.g. 市長公室広報戦略課) and
 * {@code unitId} the organisational unit it was matched to, if any.
 */
@Entity
@Table(name = "planning_program")
@NamedQuery(name = "AdministrativeProgram.all",
        query = "SELECT p FROM AdministrativeProgram p ORDER BY p.fiscalYear, p.serialNumber, p.programNumber")
@NamedQuery(name = "AdministrativeProgram.inYear",
        query = "SELECT p FROM AdministrativeProgram p WHERE p.fiscalYear = :fiscalYear ORDER BY p.serialNumber, p.programNumber")
@NamedQuery(name = "AdministrativeProgram.countInYear",
        query = "SELECT COUNT(p) FROM AdministrativeProgram p WHERE p.fiscalYear = :fiscalYear")
@NamedQuery(name = "AdministrativeProgram.count", query = "SELECT COUNT(p) FROM AdministrativeProgram p")
public class AdministrativeProgram extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "serial_number")
    private Integer serialNumber;

    @Column(name = "program_number", nullable = false, length = 40)
    private String programNumber;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Column(name = "unit_id")
    private UUID unitId;

    @Column(name = "unit_name", length = 200)
    private String unitName;

    @Column(name = "purpose", length = 4000)
    private String purpose;

    @Column(name = "overview", length = 4000)
    private String overview;

    @Column(name = "results", length = 4000)
    private String results;

    @Column(name = "plan_node_id")
    private UUID planNodeId;

    @Column(name = "legal_basis", length = 1000)
    private String legalBasis;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "first_fiscal_year")
    private FiscalYear firstFiscalYear;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "last_fiscal_year")
    private FiscalYear lastFiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", length = 30)
    private ProgramMethod method;

    @Column(name = "purpose_target", length = 2000)
    private String purposeTarget;

    @Column(name = "purpose_intent", length = 2000)
    private String purposeIntent;

    @Column(name = "purpose_result", length = 2000)
    private String purposeResult;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AdministrativeProgram() {
    }

    /** The fields of a program as one edit. */
    public record Content(FiscalYear fiscalYear, Integer serialNumber, String programNumber, String name, UUID unitId,
            String unitName, String purpose, String overview, String results) {
    }

    public AdministrativeProgram(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.serialNumber = c.serialNumber();
        this.programNumber = c.programNumber();
        this.name = c.name();
        this.unitId = c.unitId();
        this.unitName = c.unitName();
        this.purpose = c.purpose();
        this.overview = c.overview();
        this.results = c.results();
    }

    /**
     * What an evaluation sheet (事務事業評価シート) adds to the list's fields: the plan node the
     * program serves (施策体系上の位置), legal basis (根拠法令等), period (事業期間; no last year:
     * open-ended), method (実施手法) and purpose as target, intent and result (対象・意図・結果).
     */
    public record Details(UUID planNodeId, String legalBasis, FiscalYear firstFiscalYear, FiscalYear lastFiscalYear,
            ProgramMethod method, String purposeTarget, String purposeIntent, String purposeResult) {

        public static final Details NONE = new Details(null, null, null, null, null, null, null, null);
    }

    public final void describe(Details d) {
        this.planNodeId = d.planNodeId();
        this.legalBasis = d.legalBasis();
        this.firstFiscalYear = d.firstFiscalYear();
        this.lastFiscalYear = d.lastFiscalYear();
        this.method = d.method();
        this.purposeTarget = d.purposeTarget();
        this.purposeIntent = d.purposeIntent();
        this.purposeResult = d.purposeResult();
    }

    public Details details() {
        return new Details(planNodeId, legalBasis, firstFiscalYear, lastFiscalYear, method, purposeTarget, purposeIntent,
                purposeResult);
    }

    public UUID getId() {
        return id;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public Integer getSerialNumber() {
        return serialNumber;
    }

    public String getProgramNumber() {
        return programNumber;
    }

    public String getName() {
        return name;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getOverview() {
        return overview;
    }

    public String getResults() {
        return results;
    }

    public long getVersion() {
        return version;
    }
}
