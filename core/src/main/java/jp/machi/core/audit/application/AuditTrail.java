package jp.machi.core.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Sort;
import jp.machi.core.audit.domain.Actor;
import jp.machi.core.audit.domain.AuditAction;
import jp.machi.core.audit.domain.AuditEvent;
import jp.machi.core.audit.domain.ChangeDocument;
import jp.machi.core.audit.domain.EntityTypeNames;
import jp.machi.core.audit.infrastructure.AuditRow;
import jp.machi.core.audit.infrastructure.AuditWriter;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.OrderedIds;
import jp.machi.core.persistence.Tenancy;

/**
 * The audit trail as the application sees it: listing a municipality's events, and recording what
 * the persistence layer cannot see by itself, a full read of personal data. Changes are recorded
 * without anybody calling this (see {@code AuditRecorder}).
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    @Inject
    Tenancy tenancy;

    /** What a list may be narrowed to; every part is optional, {@code to} is exclusive. */
    public record Filter(String entityType, String entityId, String actor, AuditAction action, OffsetDateTime from,
            OffsetDateTime to) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);
    }

    /**
     * Records that the caller read {@code fields} of one entity in full (個人情報の閲覧), in the
     * current transaction, under the municipality the work is about. Call it where personal data
     * leaves unmasked: one record per entity read.
     *
     * @param entityType the entity's recorded name, e.g. {@code engagement.CitizenVoice}
     */
    public void personalDataRead(String entityType, Object entityId, Collection<String> fields) {
        AuditRow row = new AuditRow(UUID.randomUUID(), tenancy.codeIfAny().orElse(null), OffsetDateTime.now(ZoneOffset.UTC),
                Actor.current(), entityType, String.valueOf(entityId), AuditAction.READ_PERSONAL,
                ChangeDocument.personalDataRead(fields));
        EntityManager em = tenancy.platform();
        Connection connection = em.unwrap(Connection.class);
        try {
            AuditWriter.insert(connection, List.of(row));
        } catch (SQLException e) {
            throw new IllegalStateException("The read of personal data could not be recorded", e);
        }
    }

    /** The same, naming the entity by its class. */
    public void personalDataRead(Class<?> entityClass, Object entityId, Collection<String> fields) {
        personalDataRead(EntityTypeNames.of(entityClass), entityId, fields);
    }

    /** One entity a bulk write created: its id and its values (personal data already masked by the caller). */
    public record Created(Object id, Map<String, Object> after) {
    }

    /**
     * Records the creation of entities that a bulk import wrote with plain JDBC (batched, which the
     * persistence layer's own recording cannot see), in the current transaction, under the
     * municipality the work is about: one CREATE event per entity, written in batches.
     */
    public void created(Class<?> entityClass, List<Created> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String type = EntityTypeNames.of(entityClass);
        String lg = tenancy.codeIfAny().orElse(null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Actor actor = Actor.current();
        // Ascending ids: 100,000 random ones would land all over the primary key's B-tree (ADR 58).
        OrderedIds ids = new OrderedIds();
        List<AuditRow> audit = new ArrayList<>(rows.size());
        for (Created c : rows) {
            audit.add(new AuditRow(ids.next(), lg, now, actor, type, String.valueOf(c.id()), AuditAction.CREATE,
                    ChangeDocument.created(c.after())));
        }
        Connection connection = tenancy.platform().unwrap(Connection.class);
        try {
            AuditWriter.insert(connection, audit);
        } catch (SQLException e) {
            throw new IllegalStateException("The imported rows could not be recorded in the audit trail", e);
        }
    }

    /** Newest first: by the sequence the database gave each event. */
    private static final Sort NEWEST_FIRST = Sort.Fields.of().field("seq", "e.seq").byDefault("-seq").parse(null);

    /** The municipality's events matching {@code filter}, newest first, one page read in the database. */
    public Page<AuditEvent> list(Filter filter, PageRequest paging) {
        return query(filter).page(paging);
    }

    /** The municipality's events matching {@code filter}, newest first, as a query to page or stream. */
    public ListQuery<AuditEvent> query(Filter f) {
        return ListQuery.of(tenancy.em(), AuditEvent.class, "e")
                .where("e.entityType = :entityType", "entityType", f.entityType())
                .where("e.entityId = :entityId", "entityId", f.entityId())
                .where("(e.actorId = :actor OR e.actorName = :actor)", "actor", f.actor())
                .where("e.action = :action", "action", f.action())
                .where("e.occurredAt >= :from", "from", f.from())
                .where("e.occurredAt < :to", "to", f.to())
                .orderBy(NEWEST_FIRST);
    }

    public Optional<AuditEvent> find(UUID id) {
        return Optional.ofNullable(tenancy.em().find(AuditEvent.class, id));
    }

    /**
     * Platform-level events (of rows that belong to no municipality: platform administrators,
     * platform API tokens), matching {@code filter}, newest first, one page. Read with plain SQL:
     * the entity is tenant-bound and cannot ask for rows without a municipality.
     */
    public Page<AuditRow> platformList(Filter filter, PageRequest paging) {
        long total = ((Number) platformQuery(filter, true, paging).get(0)[0]).longValue();
        List<AuditRow> items = platformQuery(filter, false, paging).stream().map(AuditTrail::row).toList();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    /** Every platform-level event matching {@code filter}, newest first (for export). */
    public List<AuditRow> platformAll(Filter filter) {
        return platformQuery(filter, false, null).stream().map(AuditTrail::row).toList();
    }

    private static final String PLATFORM_COLUMNS = "id, occurred_at, actor_id, actor_name, actor_method, entity_type,"
            + " entity_id, action, changes_inline, changes";

    private List<Object[]> platformQuery(Filter f, boolean count, PageRequest paging) {
        StringBuilder sql = new StringBuilder("SELECT ").append(count ? "COUNT(*)" : PLATFORM_COLUMNS)
                .append(" FROM audit_event WHERE municipality_code IS NULL");
        List<Object> params = new ArrayList<>();
        sqlCondition(sql, params, f.entityType(), "entity_type = ?");
        sqlCondition(sql, params, f.entityId(), "entity_id = ?");
        if (f.actor() != null) {
            sql.append(" AND (actor_id = ? OR actor_name = ?)");
            params.add(f.actor());
            params.add(f.actor());
        }
        sqlCondition(sql, params, f.action() == null ? null : f.action().name(), "action = ?");
        sqlCondition(sql, params, f.from(), "occurred_at >= ?");
        sqlCondition(sql, params, f.to(), "occurred_at < ?");
        if (!count) {
            sql.append(" ORDER BY seq DESC");
            if (paging != null) {
                sql.append(" LIMIT ? OFFSET ?");
                params.add(paging.size());
                params.add(paging.offset());
            }
        }
        Connection connection = tenancy.platform().unwrap(Connection.class);
        try (var statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<Object[]> out = new ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (count) {
                        out.add(new Object[] {rs.getLong(1)});
                    } else {
                        String inline = rs.getString(9); // else the CLOB (core changeset 023)
                        out.add(new Object[] {UUID.fromString(rs.getString(1)), rs.getObject(2, OffsetDateTime.class),
                            new Actor(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
                            rs.getString(7), AuditAction.valueOf(rs.getString(8)),
                            inline != null ? inline : rs.getString(10)});
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("The platform's audit events could not be read", e);
        }
    }

    private static void sqlCondition(StringBuilder sql, List<Object> params, Object value, String clause) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static AuditRow row(Object[] c) {
        return new AuditRow((UUID) c[0], null, (OffsetDateTime) c[1], (Actor) c[2], (String) c[3], (String) c[4],
                (AuditAction) c[5], (String) c[6]);
    }

    /** Names of the entity types with events in this municipality, for a filter's choices. */
    public List<String> entityTypes() {
        return new ArrayList<>(tenancy.em()
                .createQuery("SELECT DISTINCT e.entityType FROM AuditEvent e ORDER BY e.entityType", String.class)
                .getResultList());
    }
}
