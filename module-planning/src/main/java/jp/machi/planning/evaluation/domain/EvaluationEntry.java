package jp.machi.planning.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One line of an evaluation's history: a step submitted, with its ratings of necessity (必要性),
 * effectiveness (有効性) and efficiency (効率性) on the municipality's scale, the future direction
 * proposed and a comment; or a step returned for revision (差し戻し) with the reason. Never changed
 * once written.
 */
@Entity
@Table(name = "planning_evaluation_entry")
@NamedQuery(name = "EvaluationEntry.ofEvaluation",
        query = "SELECT e FROM EvaluationEntry e WHERE e.evaluationId = :evaluationId ORDER BY e.seq")
public class EvaluationEntry extends jp.machi.core.persistence.TenantOwned {

    /** What happened. */
    public enum Action {
        SUBMITTED,
        /** 差し戻し: {@code step} is to be done again. */
        RETURNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "evaluation_id", nullable = false, updatable = false)
    private UUID evaluationId;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "step", nullable = false, length = 20, updatable = false)
    private EvaluationStage step;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20, updatable = false)
    private Action action;

    @Column(name = "necessity", length = 20, updatable = false)
    private String necessity;

    @Column(name = "effectiveness", length = 20, updatable = false)
    private String effectiveness;

    @Column(name = "efficiency", length = 20, updatable = false)
    private String efficiency;

    @Column(name = "direction", length = 100, updatable = false)
    private String direction;

    @Column(name = "comment_text", length = 4000, updatable = false)
    private String comment;

    @Column(name = "actor_id", nullable = false, length = 100, updatable = false)
    private String actorId;

    @Column(name = "actor_name", nullable = false, length = 200, updatable = false)
    private String actorName;

    @Column(name = "acted_at", nullable = false, updatable = false)
    private OffsetDateTime actedAt;

    protected EvaluationEntry() {
    }

    /** What a step's evaluator says. */
    public record Judgement(String necessity, String effectiveness, String efficiency, String direction, String comment) {
    }

    public EvaluationEntry(UUID evaluationId, int seq, EvaluationStage step, Action action, Judgement j, String actorId,
            String actorName) {
        this.evaluationId = evaluationId;
        this.seq = seq;
        this.step = step;
        this.action = action;
        this.necessity = j.necessity();
        this.effectiveness = j.effectiveness();
        this.efficiency = j.efficiency();
        this.direction = j.direction();
        this.comment = j.comment();
        this.actorId = actorId;
        this.actorName = actorName;
        this.actedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public UUID getEvaluationId() {
        return evaluationId;
    }

    public int getSeq() {
        return seq;
    }

    public EvaluationStage getStep() {
        return step;
    }

    public Action getAction() {
        return action;
    }

    public String getNecessity() {
        return necessity;
    }

    public String getEffectiveness() {
        return effectiveness;
    }

    public String getEfficiency() {
        return efficiency;
    }

    public String getDirection() {
        return direction;
    }

    public String getComment() {
        return comment;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public OffsetDateTime getActedAt() {
        return actedAt;
    }
}
