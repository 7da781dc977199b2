package jp.machi.core.persistence;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.VersionLockingPolicy;
import org.eclipse.persistence.sessions.Session;

/**
 * Every change to an aggregate raises its version, its child rows included. By default EclipseLink
 * raises an entity's {@code @Version} only when a column of its own row changes, so changing only
 * an indicator's yearly values left the ETag as it was and a second writer with the stale
 * {@code If-Match} overwrote the first. Cascaded version locking makes EclipseLink raise (and check)
 * the owner's version whenever a privately owned child ({@code orphanRemoval = true}) is added,
 * changed or removed, for every entity of core and of every module, present and future.
 *
 * <p>Child rows that are not mapped as a relationship of their owner (e.g. a program's yearly costs,
 * kept as rows of their own) must raise the owner's version themselves with
 * {@code em.lock(owner, LockModeType.OPTIMISTIC_FORCE_INCREMENT)} when they change.
 */
public final class AggregateVersions {

    private AggregateVersions() {
    }

    public static void cascadeToOwners(Session session) {
        for (ClassDescriptor d : session.getDescriptors().values()) {
            if (d.getOptimisticLockingPolicy() instanceof VersionLockingPolicy v) {
                v.setIsCascaded(true);
            }
        }
    }
}
