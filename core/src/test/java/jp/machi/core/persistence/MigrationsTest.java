package jp.machi.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import jp.machi.core.module.ModuleStartup;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A start skips Liquibase only when it would find nothing to do: the same changelogs, byte for byte and in
 * the same order, and the rows of DATABASECHANGELOG that the last complete migration left.
 */
class MigrationsTest {

    private static final ClassLoader CL = MigrationsTest.class.getClassLoader();

    @Test
    void fingerprintFollowsRelativeIncludesAndRefusesOtherReferences() throws Exception {
        String core = Migrations.fingerprint(List.of(ModuleStartup.CORE_CHANGELOG), CL);
        assertNotNull(core, "core's changelog uses only relative includes");
        assertEquals(64, core.length());
        assertEquals(core, Migrations.fingerprint(List.of(ModuleStartup.CORE_CHANGELOG), CL), "stable");
        String root = Migrations.fingerprint(List.of("db/fingerprint/root.xml"), CL);
        assertNotNull(root, "an include inside a comment is not followed");
        assertNotEquals(root, Migrations.fingerprint(List.of("db/fingerprint/child.xml"), CL),
                "the root's own bytes count");
        assertNotEquals(Migrations.fingerprint(List.of(ModuleStartup.CORE_CHANGELOG, "db/fingerprint/root.xml"), CL),
                Migrations.fingerprint(List.of("db/fingerprint/root.xml", ModuleStartup.CORE_CHANGELOG), CL),
                "the order counts");
        assertNull(Migrations.fingerprint(List.of("db/fingerprint/other-reference.xml"), CL),
                "a changelog that names files other than by include has no fingerprint");
        assertNull(Migrations.fingerprint(List.of("db/fingerprint/missing.xml"), CL));
    }

    @Test
    void upToDateOnlyAfterACompleteMigrationWithNothingChanged() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:migrations-test;DB_CLOSE_DELAY=-1");
        List<String> changelogs = List.of(ModuleStartup.CORE_CHANGELOG, "db/fingerprint/root.xml");
        String fingerprint = Migrations.fingerprint(changelogs, CL);
        try (Migrations m = Migrations.begin(db)) {
            assertFalse(m.upToDate(fingerprint), "a new database");
            for (String c : changelogs) {
                m.apply(c, CL);
            }
            m.recordUpToDate(fingerprint);
        }
        try (Migrations m = Migrations.begin(db)) {
            assertTrue(m.upToDate(fingerprint), "the same changelogs, nothing changed");
            assertFalse(m.upToDate(Migrations.fingerprint(List.of(ModuleStartup.CORE_CHANGELOG), CL)),
                    "another set of changelogs (a module turned off or added)");
            assertFalse(m.upToDate(null), "no fingerprint: always migrate");
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM databasechangelog WHERE id = 'child-1'");
            s.executeUpdate("DROP TABLE fingerprint_child");
        }
        try (Migrations m = Migrations.begin(db)) {
            assertFalse(m.upToDate(fingerprint), "a changeset's row removed by hand: Liquibase runs again");
            for (String c : changelogs) {
                m.apply(c, CL);
            }
            m.recordUpToDate(fingerprint);
            assertTrue(m.upToDate(fingerprint));
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM fingerprint_child").close();
        }
    }
}
