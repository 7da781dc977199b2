package jp.machi.core.audit.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.audit.BelongsToMunicipality;
import jp.machi.core.audit.NotAudited;
import jp.machi.core.audit.domain.Actor;
import jp.machi.core.audit.domain.AuditAction;
import jp.machi.core.audit.domain.AuditValues;
import jp.machi.core.audit.domain.ChangeDocument;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.descriptors.DescriptorEventListener;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.identitymaps.CacheId;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.internal.sessions.AggregateChangeRecord;
import org.eclipse.persistence.internal.sessions.ChangeRecord;
import org.eclipse.persistence.internal.sessions.CollectionChangeRecord;
import org.eclipse.persistence.internal.sessions.DirectCollectionChangeRecord;
import org.eclipse.persistence.internal.sessions.DirectToFieldChangeRecord;
import org.eclipse.persistence.internal.sessions.ObjectChangeSet;
import org.eclipse.persistence.internal.sessions.ObjectReferenceChangeRecord;
import org.eclipse.persistence.mappings.CollectionMapping;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.queries.ObjectLevelModifyQuery;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventListener;

/**
 * Records every insert, update and delete EclipseLink writes, in the same transaction.
 *
 * <p>How: a descriptor listener on every audited entity type captures each write as it happens
 * ({@code postInsert}, {@code postUpdate} with the object's change set, which holds the old
 * values, {@code preDelete}). When the unit of work has written everything of a flush or commit
 * and before the transaction commits, EclipseLink raises {@code prepareUnitOfWork}: the captured
 * writes are folded (owned child rows into their owner's event), rendered as {@link
 * ChangeDocument}s and inserted into {@code audit_event} on the unit of work's own connection.
 * A failure there fails the commit: no change without its audit row, and a rolled-back change
 * takes its rows with it.
 *
 * <p>Captures wait in a thread-local list: a commit runs on one thread, from the first write to
 * {@code prepareUnitOfWork}.
 */
public final class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());
    private static final Object UNKNOWN = new Object();

    private final ThreadLocal<List<Capture>> pending = new ThreadLocal<>();
    private volatile Map<ClassDescriptor, EntityModel> models;
    private final Snapshots snapshots = new Snapshots(this::model);

    private final DescriptorEventListener entityListener = new DescriptorEventAdapter() {
        @Override
        public void postInsert(DescriptorEvent event) {
            capture(AuditAction.CREATE, event);
        }

        @Override
        public void postUpdate(DescriptorEvent event) {
            capture(AuditAction.UPDATE, event);
        }

        /**
         * Before the delete, not after: an owner's rows may go first by one bulk delete that
         * raises no events of its own, and the owner's collection must be read while they exist.
         */
        @Override
        public void preDelete(DescriptorEvent event) {
            capture(AuditAction.DELETE, event);
        }
    };

    private final SessionEventListener commitListener = new SessionEventAdapter() {
        @Override
        public void preFlushUnitOfWork(SessionEvent event) {
            pending.remove();
        }

        @Override
        public void preCommitUnitOfWork(SessionEvent event) {
            pending.remove();
        }

        @Override
        public void prepareUnitOfWork(SessionEvent event) {
            List<Capture> captured = pending.get();
            pending.remove();
            if (captured != null && !captured.isEmpty()) {
                write((AbstractSession) event.getSession(), captured);
            }
        }

        @Override
        public void postRollbackTransaction(SessionEvent event) {
            pending.remove();
        }
    };

    /** Listens to {@code session}: every audited descriptor and the session's commits. */
    public void attachTo(Session session) {
        int n = 0;
        for (ClassDescriptor d : session.getDescriptors().values()) {
            // A subclass's events reach its parent's listeners too: listen at the root only.
            if (isAudited(d) && !d.isChildDescriptor()) {
                d.getEventManager().addListener(entityListener);
                n++;
            }
        }
        session.getEventManager().addListener(commitListener);
        int count = n;
        LOG.fine(() -> "Audit trail attached to " + count + " entity types");
    }

    static boolean isAudited(ClassDescriptor d) {
        Class<?> type = d.getJavaClass();
        return type != null && !d.isAggregateDescriptor() && !d.isAggregateCollectionDescriptor()
                && !d.isDescriptorForInterface() && !d.shouldBeReadOnly()
                && !type.isAnnotationPresent(NotAudited.class);
    }

    EntityModel model(ClassDescriptor descriptor) {
        Map<ClassDescriptor, EntityModel> m = models;
        if (m == null) {
            throw new IllegalStateException("Audit models not built");
        }
        EntityModel model = m.get(descriptor);
        if (model == null) {
            // A descriptor of another project (should not happen) gets a model of its own.
            model = EntityModel.of(descriptor, Map.of(), null);
        }
        return model;
    }

    private void ensureModels(AbstractSession session) {
        if (models == null) {
            synchronized (this) {
                if (models == null) {
                    Map<ClassDescriptor, EntityModel> byDescriptor = new HashMap<>();
                    Map<Class<?>, EntityModel> byClass = EntityModel.build(session.getDescriptors().values());
                    for (ClassDescriptor d : session.getDescriptors().values()) {
                        byDescriptor.put(d, byClass.get(d.getJavaClass()));
                    }
                    models = byDescriptor;
                }
            }
        }
    }

    // ---- capturing, during the commit ----

    private void capture(AuditAction action, DescriptorEvent event) {
        if (!isAudited(event.getDescriptor())) {
            return;
        }
        AbstractSession session = event.getSession();
        ensureModels(session);
        Object entity = event.getObject();
        EntityModel model = model(event.getDescriptor());
        Capture c = new Capture(action, entity, model, session, municipalityOf(entity, model, session));
        switch (action) {
            case CREATE -> c.after.putAll(snapshots.of(entity, model, session));
            case DELETE -> c.before.putAll(snapshots.of(entity, model, session));
            default -> {
                // postUpdate events carry no change set of their own; the write query has it.
                ObjectChangeSet changes = event.getChangeSet();
                if (changes == null && event.getQuery() instanceof ObjectLevelModifyQuery q) {
                    changes = q.getObjectChangeSet();
                }
                if (changes == null || !changes.hasChanges()) {
                    return;
                }
                recordChanges(c, changes);
                if (c.isEmpty()) {
                    return;
                }
            }
        }
        List<Capture> list = pending.get();
        if (list == null) {
            list = new ArrayList<>();
            pending.set(list);
        }
        list.add(c);
    }

    private static String municipalityOf(Object entity, EntityModel model, AbstractSession session) {
        if (model.tenantProperty != null) {
            for (AbstractSession s = session; s != null; s = s.getParent()) {
                Object code = s.getProperty(model.tenantProperty);
                if (code != null) {
                    return code.toString();
                }
            }
        }
        if (entity instanceof BelongsToMunicipality b) {
            return b.municipalityCode();
        }
        return null;
    }

    private void recordChanges(Capture c, ObjectChangeSet changes) {
        for (org.eclipse.persistence.sessions.changesets.ChangeRecord r : changes.getChanges()) {
            String name = r.getAttribute();
            DatabaseMapping m = r instanceof ChangeRecord cr && cr.getMapping() != null ? cr.getMapping()
                    : c.model.descriptor.getMappingForAttributeName(name);
            if (m == null) {
                continue;
            }
            if (c.model.owned.containsKey(name)) {
                c.touchedOwned.add(name);
                continue;
            }
            if (!c.model.records(m)) {
                continue;
            }
            Object after = snapshots.value(c.entity, m, c.model, c.session);
            Object before = before(r, m, c, after);
            if (before != UNKNOWN) {
                c.before.put(name, Snapshots.mask(c.model, name, before));
            }
            c.after.put(name, after);
        }
    }

    /** The attribute's value before this change, or {@link #UNKNOWN}. */
    private Object before(Object record, DatabaseMapping m, Capture c, Object after) {
        if (record instanceof DirectToFieldChangeRecord d) {
            return Snapshots.direct((AbstractDirectMapping) m, d.getOldValue(), c.session);
        }
        if (record instanceof ObjectReferenceChangeRecord o) {
            Object old = o.getOldValue();
            return old instanceof ObjectChangeSet ocs ? idText(ocs.getId()) : Snapshots.idOf(old, c.session);
        }
        if (record instanceof CollectionChangeRecord cc && after instanceof List<?> now) {
            List<Object> was = new ArrayList<>(now);
            cc.getAddObjectList().keySet().forEach(a -> was.remove(idText(a.getId())));
            cc.getRemoveObjectList().keySet().forEach(r -> was.add(idText(r.getId())));
            return AuditValues.sorted(was);
        }
        if (record instanceof DirectCollectionChangeRecord dc && after instanceof List<?> now) {
            List<Object> was = new ArrayList<>(now);
            dc.getAddObjectList().forEach(a -> was.remove(AuditValues.normalize(a)));
            dc.getRemoveObjectList().forEach(r -> was.add(AuditValues.normalize(r)));
            return AuditValues.sorted(was);
        }
        if (record instanceof AggregateChangeRecord a && m.getReferenceDescriptor() != null) {
            EntityModel part = model(m.getReferenceDescriptor());
            if (a.getOldValue() != null) {
                return snapshots.of(a.getOldValue(), part, c.session);
            }
            if (after instanceof Map<?, ?> nowMap && a.getChangedObject() instanceof ObjectChangeSet nested) {
                Capture inner = new Capture(AuditAction.UPDATE, nested.getUnitOfWorkClone(), part, c.session, null);
                if (inner.entity != null) {
                    recordChanges(inner, nested);
                    Map<String, Object> was = new LinkedHashMap<>();
                    nowMap.forEach((k, v) -> was.put(String.valueOf(k), v));
                    was.putAll(inner.before);
                    return was;
                }
            }
        }
        return UNKNOWN;
    }

    private static String idText(Object pk) {
        if (pk instanceof CacheId id) {
            List<String> parts = new ArrayList<>();
            for (Object p : id.getPrimaryKey()) {
                parts.add(String.valueOf(AuditValues.normalize(p)));
            }
            return String.join(",", parts);
        }
        return pk == null ? null : String.valueOf(AuditValues.normalize(pk));
    }

    // ---- writing, when the unit of work has written everything ----

    private void write(AbstractSession session, List<Capture> captured) {
        List<AuditRow> rows = rows(captured, Actor.current(), OffsetDateTime.now(ZoneOffset.UTC));
        if (rows.isEmpty()) {
            return;
        }
        Accessor accessor = session.getAccessor();
        Connection connection = accessor == null ? null : accessor.getConnection();
        if (connection == null) {
            throw new IllegalStateException("The audit trail found no connection in the committing unit of work");
        }
        try {
            AuditWriter.insert(connection, rows);
        } catch (SQLException e) {
            throw DatabaseException.sqlException(e, session, false);
        }
    }

    /** Folds owned rows into their owners and renders one row per changed top-level entity. */
    List<AuditRow> rows(List<Capture> captured, Actor actor, OffsetDateTime at) {
        Map<Object, Capture> byEntity = new IdentityHashMap<>();
        List<Capture> top = new ArrayList<>();
        Map<Capture, List<Capture>> parts = new IdentityHashMap<>();
        for (Capture c : captured) {
            Object owner = c.model.owner == null ? null
                    : c.model.owner.backReference().getRealAttributeValueFromObject(c.entity, c.session);
            if (owner == null) {
                Capture known = byEntity.get(c.entity);
                if (known == null) {
                    byEntity.put(c.entity, c);
                    top.add(c);
                } else {
                    // The owner was first met through its rows; now its own write arrives.
                    known.action = c.action;
                    known.before.putAll(c.before);
                    known.after.putAll(c.after);
                    known.touchedOwned.addAll(c.touchedOwned);
                }
                continue;
            }
            Capture parent = byEntity.get(owner);
            if (parent == null) {
                EntityModel parentModel = model(c.model.owner.parent());
                parent = new Capture(AuditAction.UPDATE, owner, parentModel, c.session,
                        municipalityOf(owner, parentModel, c.session));
                byEntity.put(owner, parent);
                top.add(parent);
            }
            parts.computeIfAbsent(parent, p -> new ArrayList<>()).add(c);
        }
        List<AuditRow> rows = new ArrayList<>();
        for (Capture c : top) {
            fold(c, parts.getOrDefault(c, List.of()));
            render(c).ifPresent(changes -> rows.add(new AuditRow(UUID.randomUUID(), c.municipalityCode, at, actor,
                    c.model.type, Snapshots.idOf(c.entity, c.session), c.action, changes)));
        }
        return rows;
    }

    /** Puts the owned collections of {@code owner} before and after into its capture. */
    private void fold(Capture owner, List<Capture> rowsOfOwner) {
        for (Map.Entry<String, EntityModel.OwnedCollection> e : owner.model.owned.entrySet()) {
            String name = e.getKey();
            CollectionMapping mapping = e.getValue().mapping();
            List<Capture> rows = rowsOfOwner.stream()
                    .filter(r -> r.model.owner != null && r.model.owner.collection().equals(name)).toList();
            switch (owner.action) {
                case CREATE -> owner.after.put(name, snapshots.collection(owner.entity, mapping, owner.model, owner.session));
                case DELETE -> {
                    // The rows deleted one by one, if they were; else the collection as read before the delete.
                    List<Object> deleted = rows.stream().filter(r -> r.action == AuditAction.DELETE)
                            .map(r -> (Object) r.before).toList();
                    if (!deleted.isEmpty()) {
                        owner.before.put(name, AuditValues.sorted(deleted));
                    }
                }
                default -> {
                    if (rows.isEmpty() && !owner.touchedOwned.contains(name)) {
                        continue;
                    }
                    Map<Object, Capture> byRow = new IdentityHashMap<>();
                    rows.forEach(r -> byRow.put(r.entity, r));
                    List<Object> was = new ArrayList<>();
                    List<Object> now = new ArrayList<>();
                    for (Object element : Snapshots.elements(owner.entity, mapping, owner.session)) {
                        Capture r = byRow.get(element);
                        if (r != null && r.action == AuditAction.DELETE) {
                            continue;
                        }
                        Map<String, Object> current = snapshots.of(element, model(owner.session.getDescriptor(element)),
                                owner.session);
                        now.add(current);
                        if (r == null) {
                            was.add(current);
                        } else if (r.action == AuditAction.UPDATE) {
                            Map<String, Object> old = new LinkedHashMap<>(current);
                            old.putAll(r.before);
                            was.add(old);
                        }
                    }
                    rows.stream().filter(r -> r.action == AuditAction.DELETE).forEach(r -> was.add(r.before));
                    owner.before.put(name, AuditValues.sorted(was));
                    owner.after.put(name, AuditValues.sorted(now));
                }
            }
        }
    }

    private static Optional<String> render(Capture c) {
        return switch (c.action) {
            case CREATE -> Optional.of(ChangeDocument.created(c.after));
            case DELETE -> Optional.of(ChangeDocument.deleted(c.before));
            default -> ChangeDocument.updated(c.before, c.after);
        };
    }
}
