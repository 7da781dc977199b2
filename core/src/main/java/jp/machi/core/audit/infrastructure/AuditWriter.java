package jp.machi.core.audit.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.audit.domain.AuditAction;
import jp.machi.core.persistence.ChangeLog;

/**
 * Inserts audit rows on the connection it is given, which is the connection (and so the
 * transaction) of the change being recorded. Plain JDBC on purpose: the rows are not entities of
 * the unit of work being committed, and binding UUIDs and timestamps directly reads the same on H2
 * and PostgreSQL. With the rows of a change goes its {@link ChangeLog} entry, on the same connection.
 *
 * <p>A change document of up to {@value #MAX_INLINE} characters goes to {@code changes_inline}, a
 * longer one to {@code changes} (a CLOB): H2 keeps every CLOB value over 256 bytes in its LOB store,
 * which cost a bulk import of 100,000 rows most of its time (core changeset 023, ADR 58). Readers
 * take whichever is set.
 */
public final class AuditWriter {

    static final String INSERT = "INSERT INTO audit_event (id, municipality_code, occurred_at, actor_id, actor_name,"
            + " actor_method, entity_type, entity_id, action, changes_inline, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The longest change document kept in the row ({@code changes_inline VARCHAR(32000)}); longer ones go to the CLOB. */
    public static final int MAX_INLINE = 32_000;

    private AuditWriter() {
    }

    public static void insert(Connection connection, List<AuditRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (AuditRow r : rows) {
                s.setObject(1, r.id());
                if (r.municipalityCode() == null) {
                    s.setNull(2, Types.VARCHAR);
                } else {
                    s.setString(2, r.municipalityCode());
                }
                s.setObject(3, r.occurredAt());
                s.setString(4, clip(r.actor().id(), 200));
                s.setString(5, clip(r.actor().name(), 300));
                s.setString(6, clip(r.actor().method(), 20));
                s.setString(7, clip(r.entityType(), 120));
                s.setString(8, clip(r.entityId(), 200));
                s.setString(9, r.action().name());
                // String.length() counts UTF-16 units, never fewer than the characters the column counts.
                boolean inline = r.changes() != null && r.changes().length() <= MAX_INLINE;
                if (inline) {
                    s.setString(10, r.changes());
                } else {
                    s.setNull(10, Types.VARCHAR);
                }
                if (r.changes() == null || inline) {
                    s.setNull(11, Types.VARCHAR);
                } else {
                    s.setString(11, r.changes());
                }
                if (rows.size() == 1) {
                    s.executeUpdate();
                    break;
                }
                s.addBatch();
            }
            if (rows.size() > 1) {
                s.executeBatch();
            }
        }
        recordChanges(connection, rows);
    }

    /** Every change (not a read of personal data) raises its municipality's change stamp ({@link ChangeLog}). */
    private static void recordChanges(Connection connection, List<AuditRow> rows) throws SQLException {
        List<String> changed = new ArrayList<>();
        for (AuditRow r : rows) {
            if (r.action() != AuditAction.READ_PERSONAL) {
                changed.add(r.municipalityCode());
            }
        }
        ChangeLog.record(connection, changed);
    }

    /** Identifiers come from callers and tokens; an overlong one is cut rather than failing the change. */
    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
