package jp.machi.core.audit.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.audit.NotAudited;
import jp.machi.core.persistence.TenantOwned;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * 監査記録: one recorded change (or full read of personal data) of one entity. Written only by the
 * audit trail itself, in the transaction of the change, never through an entity manager
 * ({@code @ReadOnly}); read tenant-bound, so a municipality sees only its own events. Events of
 * platform-level rows carry no municipality and appear under none.
 */
@Entity
@Table(name = "audit_event")
@ReadOnly
@NotAudited
public class AuditEvent extends TenantOwned {

    @Id
    private UUID id;

    /** Order of writing; "newest first" means the highest first. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor_id", nullable = false, length = 200)
    private String actorId;

    @Column(name = "actor_name", nullable = false, length = 300)
    private String actorName;

    @Column(name = "actor_method", nullable = false, length = 20)
    private String actorMethod;

    @Column(name = "entity_type", nullable = false, length = 120)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = 200)
    private String entityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20)
    private AuditAction action;

    /** The change document when at most 32,000 characters (core changeset 023); else null. */
    @Column(name = "changes_inline", length = 32000)
    private String changesInline;

    /** A longer change document, or one written before changeset 023. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "changes")
    private String changes;

    protected AuditEvent() {
    }

    public UUID getId() {
        return id;
    }

    public Long getSeq() {
        return seq;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public Actor getActor() {
        return new Actor(actorId, actorName, actorMethod);
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public AuditAction getAction() {
        return action;
    }

    /** The JSON text described in {@link ChangeDocument}. */
    public String getChanges() {
        return changesInline != null ? changesInline : changes;
    }
}
