package jp.machi.core.workflow.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * One line of a workflow's history, for every workflow of every module in one table: which record,
 * the action taken, from which state to which, the comment (the reason of a 差し戻し), who and when.
 * Never changed once written.
 */
@Entity
@Table(name = "workflow_transition")
@NamedQuery(name = "WorkflowTransition.ofRecord",
        query = "SELECT t FROM WorkflowTransition t WHERE t.workflow = :workflow AND t.recordId = :recordId ORDER BY t.seq")
@NamedQuery(name = "WorkflowTransition.countOfRecord",
        query = "SELECT COUNT(t) FROM WorkflowTransition t WHERE t.workflow = :workflow AND t.recordId = :recordId")
public class WorkflowTransition extends TenantOwned {

    /** What the columns hold at most. */
    public static final int COMMENT_MAX = 4000;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "workflow", nullable = false, length = 60, updatable = false)
    private String workflow;

    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "action", nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "from_state", nullable = false, length = 40, updatable = false)
    private String fromState;

    @Column(name = "to_state", nullable = false, length = 40, updatable = false)
    private String toState;

    @Column(name = "comment_text", length = COMMENT_MAX, updatable = false)
    private String comment;

    @Column(name = "actor_id", nullable = false, length = 100, updatable = false)
    private String actorId;

    @Column(name = "actor_name", nullable = false, length = 200, updatable = false)
    private String actorName;

    @Column(name = "acted_at", nullable = false, updatable = false)
    private OffsetDateTime actedAt;

    protected WorkflowTransition() {
    }

    public WorkflowTransition(String workflow, UUID recordId, int seq, String action, String fromState, String toState,
            String comment, String actorId, String actorName) {
        this.id = UUID.randomUUID();
        this.workflow = workflow;
        this.recordId = recordId;
        this.seq = seq;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.comment = comment;
        this.actorId = cut(actorId, 100);
        this.actorName = cut(actorName, 200);
        this.actedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public UUID getId() {
        return id;
    }

    public String getWorkflow() {
        return workflow;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public int getSeq() {
        return seq;
    }

    public String getAction() {
        return action;
    }

    public String getFromState() {
        return fromState;
    }

    public String getToState() {
        return toState;
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
