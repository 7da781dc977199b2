package jp.machi.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Runs Liquibase changelogs against Machi's database: core's first, then each module's, all in one
 * {@code DATABASECHANGELOG}. On PostgreSQL the whole run holds an advisory lock, so instances
 * starting together take turns instead of racing to create Liquibase's own tables.
 */
public final class Migrations implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    /** Arbitrary but fixed: the advisory-lock key of Machi's migrations. */
    private static final long ADVISORY_LOCK_KEY = 0x6D61636869L;

    static {
        // Nothing phones home: Liquibase's usage analytics are off before Liquibase is touched.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private final Connection lockConnection;
    private final boolean postgres;
    private final DataSource dataSource;

    private Migrations(DataSource dataSource, Connection lockConnection, boolean postgres) {
        this.dataSource = dataSource;
        this.lockConnection = lockConnection;
        this.postgres = postgres;
    }

    /** Opens a migration session; blocks while another instance migrates the same PostgreSQL database. */
    public static Migrations begin(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        if (postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
            }
        }
        return new Migrations(dataSource, c, postgres);
    }

    /** Applies one changelog from {@code classLoader}'s class path; already-applied changesets are skipped. */
    public void apply(String changelog, ClassLoader classLoader) throws Exception {
        Map<String, Object> scope = Map.of("liquibase.analytics.enabled", Boolean.FALSE);
        Scope.child(scope, () -> {
            try (Connection c = dataSource.getConnection()) {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                Liquibase lb = new Liquibase(changelog, new ClassLoaderResourceAccessor(classLoader), db);
                lb.update(new Contexts(), new LabelExpression());
            }
        });
        LOG.info(() -> "Migrated " + changelog);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (postgres) {
                try (Statement s = lockConnection.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
                }
            }
        } finally {
            lockConnection.close();
        }
    }
}
