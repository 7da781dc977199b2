package jp.machi.planning.divisionplan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.planning.document.JsonColumn;

/**
 * 課の業務計画: a division's business plan for one fiscal year (seed 003): the policy and measure
 * goals it serves, its approach, the measure's aims (施策のねらい), prioritised projects (the list's
 * order is the priority) and each project's month-by-month schedule from April to March.
 */
@Entity
@Table(name = "planning_division_plan")
@NamedQuery(name = "DivisionPlan.all", query = "SELECT p FROM DivisionPlan p ORDER BY p.fiscalYear, p.divisionId")
@NamedQuery(name = "DivisionPlan.inYear",
        query = "SELECT p FROM DivisionPlan p WHERE p.fiscalYear = :fiscalYear ORDER BY p.divisionId")
@NamedQuery(name = "DivisionPlan.of",
        query = "SELECT p FROM DivisionPlan p WHERE p.divisionId = :divisionId AND p.fiscalYear = :fiscalYear")
public class DivisionPlan extends TenantOwned {

    /** 事業の方向性 as business plans write them. */
    public static final List<String> DIRECTIONS = List.of("拡大", "拡充", "現状維持", "改善", "縮小", "統合", "休止", "廃止", "終了");

    /** 事業主体: 市 (the city), 民間 (private), 市民間 (city and private together), and others. */
    public static final List<String> ACTORS = List.of("市", "市民間", "民間", "国", "県", "その他");

    /** The months of a fiscal year in order: April to March. */
    public static final List<Integer> FISCAL_MONTHS = List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "division_id", nullable = false)
    private UUID divisionId;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "content", nullable = false, length = 200000)
    private String content;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DivisionPlan() {
    }

    /** 政策目標 / 施策目標: its number and text as the plan gives them, the unit named beside it, and the plan node if linked. */
    public record Goal(String number, String text, String unitName, UUID planNodeId) {
    }

    /** 施策のねらい: numbered aims of the measure. */
    public record Aim(int number, String text) {
    }

    /** A bar of the schedule: from {@code startMonth} to {@code endMonth} (calendar months, fiscal order), with its label. */
    public record Segment(String label, int startMonth, int endMonth) {
    }

    /** A line of the schedule chart: one or more bars. */
    public record ScheduleRow(List<Segment> segments) {
    }

    /** 重点的に取り組む事業: one project, in priority order. Budget in ¥1,000, null when the plan shows none (-). */
    public record Project(String name, List<Integer> aimNumbers, String direction, String actor, Long budget,
            String nature, String work, List<String> issues, List<ScheduleRow> schedule) {
    }

    /** The whole document as one edit. */
    public record Content(UUID divisionId, FiscalYear fiscalYear, String title, Goal policyGoal, Goal measureGoal,
            List<String> approach, List<Aim> aims, List<Project> projects) {
    }

    /** What is kept as JSON. */
    public record Texts(String title, Goal policyGoal, Goal measureGoal, List<String> approach, List<Aim> aims,
            List<Project> projects) {
    }

    public DivisionPlan(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.divisionId = c.divisionId();
        this.fiscalYear = c.fiscalYear();
        this.content = JsonColumn.write(new Texts(c.title(), c.policyGoal(), c.measureGoal(), List.copyOf(c.approach()),
                List.copyOf(c.aims()), List.copyOf(c.projects())));
    }

    public Content content() {
        Texts t = JsonColumn.read(content, Texts.class);
        return new Content(divisionId, fiscalYear, t.title(), t.policyGoal(), t.measureGoal(), nonNull(t.approach()),
                nonNull(t.aims()), nonNull(t.projects()).stream().map(p -> new Project(p.name(), nonNull(p.aimNumbers()),
                        p.direction(), p.actor(), p.budget(), p.nature(), p.work(), nonNull(p.issues()),
                        nonNull(p.schedule()).stream().map(r -> new ScheduleRow(nonNull(r.segments()))).toList()))
                        .toList());
    }

    /** A month's place in the fiscal year: April 0 … March 11. */
    public static int fiscalIndex(int month) {
        return (month + 8) % 12;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDivisionId() {
        return divisionId;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public long getVersion() {
        return version;
    }
}
