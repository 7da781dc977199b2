package jp.machi.planning.evaluation.domain;

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
 * One program's evaluation of one fiscal year: the step it waits for and, once decided, the
 * future direction (今後の方向性) decided. What each step said is in its {@link EvaluationEntry}s.
 */
@Entity
@Table(name = "planning_evaluation")
@NamedQuery(name = "ProgramEvaluation.of",
        query = "SELECT e FROM ProgramEvaluation e WHERE e.programId = :programId AND e.fiscalYear = :fiscalYear")
@NamedQuery(name = "ProgramEvaluation.ofProgram",
        query = "SELECT e FROM ProgramEvaluation e WHERE e.programId = :programId ORDER BY e.fiscalYear")
@NamedQuery(name = "ProgramEvaluation.countOfProgram",
        query = "SELECT COUNT(e) FROM ProgramEvaluation e WHERE e.programId = :programId")
@NamedQuery(name = "ProgramEvaluation.countDecided",
        query = "SELECT COUNT(e) FROM ProgramEvaluation e WHERE e.fiscalYear = :fiscalYear"
                + " AND e.stage = :stage"
                + " AND e.finalDirection = :direction")
@NamedQuery(name = "ProgramEvaluation.countDecidedAny",
        query = "SELECT COUNT(e) FROM ProgramEvaluation e WHERE e.fiscalYear = :fiscalYear AND e.stage = :stage")
public class ProgramEvaluation extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private FiscalYear fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 20)
    private EvaluationStage stage;

    @Column(name = "final_direction", length = 100)
    private String finalDirection;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ProgramEvaluation() {
    }

    /** A new evaluation, waiting for the division's self-evaluation. */
    public ProgramEvaluation(UUID programId, FiscalYear fiscalYear) {
        this.programId = programId;
        this.fiscalYear = fiscalYear;
        this.stage = EvaluationStage.SELF;
    }

    /** The evaluation workflow moved it to {@code stage} (see EvaluationWorkflow). */
    public void moveTo(EvaluationStage stage) {
        this.stage = stage;
    }

    /** The final decision fixed the future direction. */
    public void decided(String direction) {
        if (stage != EvaluationStage.DECIDED) {
            throw new IllegalStateException("Not decided: " + stage);
        }
        this.finalDirection = direction;
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

    public EvaluationStage getStage() {
        return stage;
    }

    public String getFinalDirection() {
        return finalDirection;
    }

    public long getVersion() {
        return version;
    }
}
