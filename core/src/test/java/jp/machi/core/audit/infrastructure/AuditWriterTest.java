package jp.machi.core.audit.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.machi.core.audit.domain.Actor;
import jp.machi.core.audit.domain.AuditAction;
import jp.machi.core.module.ModuleStartup;
import jp.machi.core.persistence.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a change document is stored (core changeset 023): up to {@value AuditWriter#MAX_INLINE} characters in
 * the row's {@code changes_inline}, a longer one whole in the CLOB {@code changes}; on core's own changelog (H2).
 */
class AuditWriterTest {

    static JdbcDataSource db;

    @BeforeAll
    static void migrate() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:audit-writer-test;DB_CLOSE_DELAY=-1");
        try (Migrations m = Migrations.begin(db)) {
            m.apply(ModuleStartup.CORE_CHANGELOG, AuditWriterTest.class.getClassLoader());
        }
    }

    /** A change document of exactly {@code length} characters (Japanese: 3 bytes each in UTF-8). */
    static String document(int length) {
        String head = "{\"after\":{\"purpose\":\"";
        String tail = "\"}}";
        return head + "市".repeat(length - head.length() - tail.length()) + tail;
    }

    static AuditRow row(String changes) {
        return new AuditRow(UUID.randomUUID(), "202070", OffsetDateTime.now(ZoneOffset.UTC),
                new Actor("u1", "tester", "SESSION"), "planning.AdministrativeProgram", UUID.randomUUID().toString(),
                AuditAction.CREATE, changes);
    }

    /** [changes_inline, changes] of the event. */
    static String[] stored(UUID id) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT changes_inline, changes FROM audit_event WHERE id = '" + id + "'")) {
            r.next();
            return new String[] {r.getString(1), r.getString(2)};
        }
    }

    @Test
    void upToTheLimitInTheRowLongerWholeInTheClob() throws Exception {
        AuditRow small = row("{\"after\":{\"name\":\"広報事業\"}}");
        AuditRow atLimit = row(document(AuditWriter.MAX_INLINE));
        AuditRow over = row(document(AuditWriter.MAX_INLINE + 1));
        AuditRow huge = row(document(400_000));
        AuditRow none = row(null);
        try (Connection c = db.getConnection()) {
            AuditWriter.insert(c, List.of(small, atLimit, over, huge, none));
        }
        assertEquals(small.changes(), stored(small.id())[0]);
        assertNull(stored(small.id())[1]);
        assertEquals(atLimit.changes(), stored(atLimit.id())[0]);
        assertNull(stored(atLimit.id())[1]);
        assertNull(stored(over.id())[0]);
        assertEquals(over.changes(), stored(over.id())[1]);
        assertNull(stored(huge.id())[0]);
        assertEquals(huge.changes(), stored(huge.id())[1]);
        assertNull(stored(none.id())[0]);
        assertNull(stored(none.id())[1]);
    }

    @Test
    void oneRowAlone() throws Exception {
        AuditRow over = row(document(AuditWriter.MAX_INLINE + 1));
        try (Connection c = db.getConnection()) {
            AuditWriter.insert(c, List.of(over));
        }
        assertNull(stored(over.id())[0]);
        assertEquals(over.changes(), stored(over.id())[1]);
    }
}
