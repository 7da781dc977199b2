package jp.machi.core.audit.infrastructure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.machi.core.audit.domain.AuditAction;
import org.eclipse.persistence.internal.sessions.AbstractSession;

/**
 * One entity's write as seen during a commit, before owned rows are folded into their owners:
 * the action, the entity, and the normalized values before and after.
 */
final class Capture {

    AuditAction action;
    final Object entity;
    final EntityModel model;
    final AbstractSession session;
    final String municipalityCode;
    final Map<String, Object> before = new LinkedHashMap<>();
    final Map<String, Object> after = new LinkedHashMap<>();
    /** Owned collections the entity's own change set says changed. */
    final Set<String> touchedOwned = new HashSet<>();

    Capture(AuditAction action, Object entity, EntityModel model, AbstractSession session, String municipalityCode) {
        this.action = action;
        this.entity = entity;
        this.model = model;
        this.session = session;
        this.municipalityCode = municipalityCode;
    }

    boolean isEmpty() {
        return before.isEmpty() && after.isEmpty() && touchedOwned.isEmpty();
    }
}
