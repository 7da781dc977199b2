package jp.machi.core.audit.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.audit.domain.Actor;
import jp.machi.core.audit.domain.AuditAction;
import jp.machi.core.audit.domain.AuditEvent;
import jp.machi.core.audit.domain.ChangeDocument;

/** JSON shapes of the audit trail API (read only: there are no input shapes). */
public final class AuditDtos {

    /** Times are shown in Japan's time, where the municipalities are. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private AuditDtos() {
    }

    /** Who made the change and how they had signed in. */
    @JsonbPropertyOrder({"id", "name", "method"})
    public record ActorView(String id, String name, String method) {
        static ActorView of(Actor a) {
            return new ActorView(a.id(), a.name(), a.method());
        }
    }

    /**
     * One audit event. {@code changes} is {@code {"after":{…}}} for CREATE, {@code {"before":{…},
     * "after":{…}}} with only the changed attributes for UPDATE, {@code {"before":{…}}} for DELETE,
     * {@code {"fields":[…]}} for READ_PERSONAL.
     */
    @JsonbPropertyOrder({"id", "occurredAt", "action", "actionLabel", "entityType", "entityId", "actor", "changes"})
    public record AuditEventView(UUID id, OffsetDateTime occurredAt, AuditAction action, String actionLabel,
            String entityType, String entityId, ActorView actor, JsonObject changes) {
        static AuditEventView of(AuditEvent e, Locale l) {
            return new AuditEventView(e.getId(), e.getOccurredAt().atZoneSameInstant(JAPAN).toOffsetDateTime(),
                    e.getAction(), e.getAction().label().in(l), e.getEntityType(), e.getEntityId(),
                    ActorView.of(e.getActor()), ChangeDocument.parse(e.getChanges()));
        }

        static AuditEventView of(jp.machi.core.audit.infrastructure.AuditRow r, Locale l) {
            return new AuditEventView(r.id(), r.occurredAt().atZoneSameInstant(JAPAN).toOffsetDateTime(), r.action(),
                    r.action().label().in(l), r.entityType(), r.entityId(), ActorView.of(r.actor()),
                    ChangeDocument.parse(r.changes()));
        }
    }
}
