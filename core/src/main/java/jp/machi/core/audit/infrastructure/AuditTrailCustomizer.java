package jp.machi.core.audit.infrastructure;

import jp.machi.core.persistence.AggregateVersions;
import jp.machi.core.persistence.MachiDatabase;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Puts the audit trail into Machi's persistence unit: registered in the WAR's
 * {@code persistence.xml} as {@code eclipselink.session.customizer}, it attaches an {@link
 * AuditRecorder} to every entity type of core and of every module jar in the unit, present and
 * future, without the entities doing anything. It also makes a change to an aggregate's child
 * rows raise the aggregate's version ({@link AggregateVersions}), so that the one customizer the
 * unit names sets up both, and points the unit at the server's datasource when
 * {@code MACHI_DB_JNDI} names one ({@link MachiDatabase}).
 */
public class AuditTrailCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        MachiDatabase.useIn(session);
        AggregateVersions.cascadeToOwners(session);
        new AuditRecorder().attachTo(session);
    }
}
