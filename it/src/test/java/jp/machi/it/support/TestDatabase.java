package jp.machi.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A database for one or more servers: an H2 data directory under {@code it/target/it-h2/} or a
 * PostgreSQL database {@code machi_it_*}, either empty ({@link #fresh}) or already migrated by this
 * build ({@link #migrated}). Closing it drops the PostgreSQL database (H2 directories stay under
 * target/ for post-mortems). Pass the same instance to two servers to run them on the same data, one
 * after the other or together (together only on PostgreSQL).
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HHmmss");

    private final DatabaseKind kind;
    private final String label;
    private final Path dataDir;
    private final String pgName;
    private final boolean migrated;
    private volatile boolean closed;

    private TestDatabase(DatabaseKind kind, String label, Path dataDir, String pgName, boolean migrated) {
        this.kind = kind;
        this.label = label;
        this.dataDir = dataDir;
        this.pgName = pgName;
        this.migrated = migrated;
    }

    /**
     * A fresh, empty database of this run's kind ({@code machi.it.db}): the server's first start runs
     * Liquibase on it. For tests of migrations and of the first start as a whole (a restart, servers
     * migrating together, the start-up window, the README's first command) and for a WAR of another
     * build.
     */
    public static TestDatabase fresh(String label) {
        return fresh(ItSettings.db(), label);
    }

    public static TestDatabase fresh(DatabaseKind kind, String label) {
        String unique = unique(label);
        if (kind == DatabaseKind.H2) {
            return Cleanup.register(new TestDatabase(kind, unique, h2Dir(kind, unique), null, false));
        }
        requirePostgres();
        return Cleanup.register(new TestDatabase(kind, unique, null, Postgres.createDatabase(label), false));
    }

    /**
     * A database of this run's kind with every module's schema as this build's {@code machi.jar}
     * migrates it, and nothing else: no account, no municipality. A server starting on it skips
     * Liquibase (ADR 59) and otherwise starts as on an empty database: it creates the first
     * administrator from {@code MACHI_ADMIN_*} (or says that nobody can sign in) and loads the demo data
     * with {@code MACHI_DEMO=true}. A copy of this test JVM's template, which one boot on a fresh
     * database made and left ({@link Template}); it spares each server the migration of an empty
     * database, about half of a boot on a busy machine. Only for {@code machiJar} servers:
     * {@link MachiServer} refuses it to a WAR of its own.
     */
    public static TestDatabase migrated(String label) {
        TestDatabase template = Template.get();
        String unique = unique(label);
        if (template.kind == DatabaseKind.H2) {
            Path dir = h2Dir(template.kind, unique);
            copyTree(template.dataDir, dir);
            return Cleanup.register(new TestDatabase(template.kind, unique, dir, null, true));
        }
        return Cleanup.register(new TestDatabase(template.kind, unique, null,
                Postgres.copyDatabase(template.pgName, label), true));
    }

    private static String unique(String label) {
        // Two forks of one run may create the same label in the same second: the fork number keeps them apart.
        return label + "-" + LocalDateTime.now().format(STAMP) + "-f" + ItSettings.fork() + "-" + SEQ.incrementAndGet();
    }

    private static Path h2Dir(DatabaseKind kind, String unique) {
        Path dir = kind.runDir().resolve(unique).resolve("data");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void requirePostgres() {
        String unreachable = Postgres.whyUnreachable();
        if (unreachable != null) {
            throw new IllegalStateException(unreachable);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Copying the template database " + from + " to " + to, e);
        }
    }

    /** Whether this database was copied from the migrated template ({@link #migrated}). */
    public boolean isMigrated() {
        return migrated;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** Unique within the run; also names the servers' log files and working directories. */
    public String label() {
        return label;
    }

    /** The PostgreSQL database name, or null for H2. */
    public String postgresName() {
        return pgName;
    }

    /** The environment that points Machi at this database. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        if (kind == DatabaseKind.H2) {
            env.put("MACHI_DATA_DIR", dataDir.toString());
        } else {
            env.put("MACHI_DB_URL", Postgres.urlOf(pgName));
            env.put("MACHI_DB_USER", ItSettings.pgUser());
            if (!ItSettings.pgPassword().isEmpty()) {
                env.put("MACHI_DB_PASSWORD", ItSettings.pgPassword());
            }
        }
        return env;
    }

    /**
     * Liquibase's history, ordered as executed: id, author, filename, dateexecuted, orderexecuted,
     * md5sum. On H2 only while no server has the file open.
     */
    public List<List<String>> changelog() {
        return rows("SELECT id, author, filename, dateexecuted, orderexecuted, md5sum FROM databasechangelog"
                + " ORDER BY orderexecuted, id");
    }

    /** The rows of a query, each row as its columns' text. On H2 only while no server has the file open. */
    public List<List<String>> rows(String sql) {
        if (kind == DatabaseKind.POSTGRESQL) {
            return Postgres.rows(pgName, sql);
        }
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Postgres.Jdbc.rows(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading H2 in " + dataDir + " (" + sql + "): " + e.getMessage(), e);
        }
    }

    /** Runs one statement that changes rows (not a query). On H2 only while no server has the file open. */
    void update(String sql) {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing " + this + " (" + sql + "): " + e.getMessage(), e);
        }
    }

    /** A connection of the test's own (PostgreSQL), or to the H2 file while no server has it open. */
    private Connection connection() throws SQLException {
        return kind == DatabaseKind.POSTGRESQL ? Postgres.open(pgName)
                : DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("machi"), "machi", "machi");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cleanup.forget(this);
        if (pgName != null) {
            Postgres.dropDatabase(pgName);
        }
    }

    @Override
    public String toString() {
        return kind == DatabaseKind.H2 ? "H2 " + dataDir : "PostgreSQL " + pgName;
    }
}
