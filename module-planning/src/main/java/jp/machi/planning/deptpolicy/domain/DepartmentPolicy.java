package jp.machi.planning.deptpolicy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.planning.document.JsonColumn;

/**
 * 部の運営方針: a department's operating policy for one fiscal year (seed 001): its mission, goals,
 * administrative-reform commitments, resources (staff, personnel cost, budgets, programs,
 * divisions) and mid-term goals in priority order, each tied to a plan measure and a division.
 * Money is in thousands of yen (千円) as the documents give it.
 */
@Entity
@Table(name = "planning_department_policy")
@NamedQuery(name = "DepartmentPolicy.all",
        query = "SELECT p FROM DepartmentPolicy p ORDER BY p.fiscalYear, p.departmentId")
@NamedQuery(name = "DepartmentPolicy.inYear",
        query = "SELECT p FROM DepartmentPolicy p WHERE p.fiscalYear = :fiscalYear ORDER BY p.departmentId")
@NamedQuery(name = "DepartmentPolicy.of",
        query = "SELECT p FROM DepartmentPolicy p WHERE p.departmentId = :departmentId AND p.fiscalYear = :fiscalYear")
public class DepartmentPolicy extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "department_id", nullable = false)
    private UUID departmentId;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "regular_staff", precision = 9, scale = 2)
    private BigDecimal regularStaff;

    @Column(name = "part_time_staff", precision = 9, scale = 2)
    private BigDecimal partTimeStaff;

    @Column(name = "personnel_cost_regular")
    private Long personnelCostRegular;

    @Column(name = "personnel_cost_part_time")
    private Long personnelCostPartTime;

    @Column(name = "revenue_budget")
    private Long revenueBudget;

    @Column(name = "expenditure_budget")
    private Long expenditureBudget;

    @Column(name = "budget_program_count")
    private Integer budgetProgramCount;

    @Column(name = "division_count")
    private Integer divisionCount;

    @Column(name = "content", nullable = false, length = 200000)
    private String content;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DepartmentPolicy() {
    }

    /** 部の目標: a goal with its title (シティプロモーション事業の推進) and what the department will do. */
    public record Goal(String title, String description) {
    }

    /** 部の中期目標: in priority order, the plan measure it serves, the division and the outcome aimed for. */
    public record MidTermGoal(String measure, UUID planNodeId, UUID divisionId, String divisionName, String outcome) {
    }

    /** 部の経営資源: staff in FTE, personnel cost and budgets in ¥1,000, counts, and the document's notes. */
    public record Resources(BigDecimal regularStaff, BigDecimal partTimeStaff, Long personnelCostRegular,
            Long personnelCostPartTime, Long revenueBudget, Long expenditureBudget, Integer budgetProgramCount,
            Integer divisionCount, String notes) {

        public BigDecimal totalStaff() {
            if (regularStaff == null && partTimeStaff == null) {
                return null;
            }
            return (regularStaff == null ? BigDecimal.ZERO : regularStaff)
                    .add(partTimeStaff == null ? BigDecimal.ZERO : partTimeStaff);
        }

        public Long totalPersonnelCost() {
            if (personnelCostRegular == null && personnelCostPartTime == null) {
                return null;
            }
            return (personnelCostRegular == null ? 0 : personnelCostRegular)
                    + (personnelCostPartTime == null ? 0 : personnelCostPartTime);
        }
    }

    /** What is kept as JSON: the texts and lists. */
    public record Texts(String title, List<String> mission, List<Goal> goals, List<String> reformCommitments,
            String resourceNotes, String midTermGoalsBasis, List<MidTermGoal> midTermGoals) {
    }

    /** The whole document as one edit. */
    public record Content(UUID departmentId, FiscalYear fiscalYear, String title, List<String> mission, List<Goal> goals,
            List<String> reformCommitments, Resources resources, String midTermGoalsBasis,
            List<MidTermGoal> midTermGoals) {
    }

    public DepartmentPolicy(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.departmentId = c.departmentId();
        this.fiscalYear = c.fiscalYear();
        Resources r = c.resources() == null ? new Resources(null, null, null, null, null, null, null, null, null)
                : c.resources();
        this.regularStaff = r.regularStaff();
        this.partTimeStaff = r.partTimeStaff();
        this.personnelCostRegular = r.personnelCostRegular();
        this.personnelCostPartTime = r.personnelCostPartTime();
        this.revenueBudget = r.revenueBudget();
        this.expenditureBudget = r.expenditureBudget();
        this.budgetProgramCount = r.budgetProgramCount();
        this.divisionCount = r.divisionCount();
        this.content = JsonColumn.write(new Texts(c.title(), List.copyOf(c.mission()), List.copyOf(c.goals()),
                List.copyOf(c.reformCommitments()), r.notes(), c.midTermGoalsBasis(), List.copyOf(c.midTermGoals())));
    }

    public Content content() {
        Texts t = texts();
        return new Content(departmentId, fiscalYear, t.title(), nonNull(t.mission()), nonNull(t.goals()),
                nonNull(t.reformCommitments()), resources(), t.midTermGoalsBasis(), nonNull(t.midTermGoals()));
    }

    public Resources resources() {
        return new Resources(regularStaff, partTimeStaff, personnelCostRegular, personnelCostPartTime, revenueBudget,
                expenditureBudget, budgetProgramCount, divisionCount, texts().resourceNotes());
    }

    private Texts texts() {
        return JsonColumn.read(content, Texts.class);
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public long getVersion() {
        return version;
    }
}
