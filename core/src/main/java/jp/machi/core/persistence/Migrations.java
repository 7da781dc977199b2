package jp.machi.core.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>A start whose changelogs are byte for byte those of the last complete migration, and whose
 * {@code DATABASECHANGELOG} holds as many rows as it did then, skips Liquibase ({@link #upToDate}): Liquibase
 * would parse every changelog again only to find nothing to do. The fingerprint follows
 * {@code <include file=… relativeToChangelogFile="true"/>}; a changelog that refers to other files in any other
 * way (includeAll, sqlFile, loadData, paths) has none, and Liquibase then runs on every start.
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
        boolean postgres = PlainConnections.isPostgres(c);
        if (postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
            }
        }
        return new Migrations(dataSource, c, postgres);
    }

    private static final String STATE_ID = "machi";
    private static final Pattern INCLUDE = Pattern.compile(
            "<include\\s+file=\"([^\"]+)\"\\s+relativeToChangelogFile=\"true\"\\s*/>");
    private static final Pattern OTHER_REFERENCE = Pattern.compile(
            "<(includeAll|sqlFile|loadData|loadUpdateData)\\b|\\b(path|file)=\"");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /**
     * The fingerprint (SHA-256, hex) of these changelogs in this order, each with every file it includes, or
     * null when one of them cannot be fingerprinted (it is missing, not XML, or refers to files other than
     * by relative {@code include}).
     */
    public static String fingerprint(List<String> changelogs, ClassLoader classLoader) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String changelog : changelogs) {
            if (!digest(changelog, classLoader, sha, 0)) {
                return null;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean digest(String path, ClassLoader classLoader, MessageDigest sha, int depth)
            throws IOException {
        if (depth > 10 || !path.endsWith(".xml")) {
            return false;
        }
        byte[] bytes;
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                return false;
            }
            bytes = in.readAllBytes();
        }
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        sha.update((byte) 0);
        String text = COMMENT.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("");
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        Matcher include = INCLUDE.matcher(text);
        StringBuilder rest = new StringBuilder();
        int from = 0;
        while (include.find()) {
            rest.append(text, from, include.start());
            from = include.end();
            if (!digest(dir + include.group(1), classLoader, sha, depth + 1)) {
                return false;
            }
        }
        rest.append(text.substring(from));
        return !OTHER_REFERENCE.matcher(rest).find();
    }

    /**
     * Whether the last complete migration ran exactly the changelogs of this fingerprint and
     * {@code DATABASECHANGELOG} still holds the rows it held then; false for a null fingerprint, a new
     * database, or any difference.
     */
    public boolean upToDate(String fingerprint) throws SQLException {
        if (fingerprint == null || !tableExists("migration_state") || !tableExists("databasechangelog")) {
            return false;
        }
        try (PreparedStatement p = lockConnection.prepareStatement(
                "SELECT fingerprint, changelog_rows FROM migration_state WHERE id = ?")) {
            p.setString(1, STATE_ID);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && fingerprint.equals(r.getString(1)) && r.getLong(2) == changelogRows();
            }
        }
    }

    /** Records that every changelog of this fingerprint has been applied completely, for the next start. */
    public void recordUpToDate(String fingerprint) throws SQLException {
        if (fingerprint == null || !tableExists("migration_state")) {
            return;
        }
        long rows = changelogRows();
        boolean auto = lockConnection.getAutoCommit();
        lockConnection.setAutoCommit(false);
        try (PreparedStatement d = lockConnection.prepareStatement("DELETE FROM migration_state WHERE id = ?");
                PreparedStatement i = lockConnection.prepareStatement(
                        "INSERT INTO migration_state (id, fingerprint, changelog_rows, recorded_at) VALUES (?, ?, ?, ?)")) {
            d.setString(1, STATE_ID);
            d.executeUpdate();
            i.setString(1, STATE_ID);
            i.setString(2, fingerprint);
            i.setLong(3, rows);
            i.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            i.executeUpdate();
            lockConnection.commit();
        } catch (SQLException e) {
            lockConnection.rollback();
            throw e;
        } finally {
            lockConnection.setAutoCommit(auto);
        }
    }

    private long changelogRows() throws SQLException {
        try (Statement s = lockConnection.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
            r.next();
            return r.getLong(1);
        }
    }

    private boolean tableExists(String name) throws SQLException {
        DatabaseMetaData meta = lockConnection.getMetaData();
        for (String n : new String[] {name, name.toUpperCase()}) {
            try (ResultSet r = meta.getTables(null, null, n, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
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
