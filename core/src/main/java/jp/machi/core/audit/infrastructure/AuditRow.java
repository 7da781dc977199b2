package jp.machi.core.audit.infrastructure;

import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.audit.domain.Actor;
import jp.machi.core.audit.domain.AuditAction;

/** One row of {@code audit_event} about to be written. */
public record AuditRow(UUID id, String municipalityCode, OffsetDateTime occurredAt, Actor actor, String entityType,
        String entityId, AuditAction action, String changes) {
}
