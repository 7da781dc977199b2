package jp.machi.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * A fresh, empty database for one or more servers: an H2 data directory under
 * {@code it/target/it-h2/} or a PostgreSQL database {@code machi_it_*}. Closing it drops the
 * PostgreSQL database (H2 directories stay under target/ for post-mortems). Pass the same
 * instance to two servers to run them on the same data, one after the other or together
 * (together only on PostgreSQL).
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HHmmss");

    private final DatabaseKind kind;
    private final String label;
    private final Path dataDir;
    private final String pgName;
    private volatile boolean closed;

    private TestDatabase(DatabaseKind kind, String label, Path dataDir, String pgName) {
        this.kind = kind;
        this.label = label;
        this.dataDir = dataDir;
        this.pgName = pgName;
    }

    /** A fresh database of this run's kind ({@code machi.it.db}). */
    public static TestDatabase fresh(String label) {
        return fresh(ItSettings.db(), label);
    }

    public static TestDatabase fresh(DatabaseKind kind, String label) {
        // Two forks of one run may create the same label in the same second: the fork number keeps them apart.
        String unique = label + "-" + LocalDateTime.now().format(STAMP) + "-f" + ItSettings.fork() + "-"
                + SEQ.incrementAndGet();
        if (kind == DatabaseKind.H2) {
            Path dir = kind.runDir().resolve(unique).resolve("data");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Cleanup.register(new TestDatabase(kind, unique, dir, null));
        }
        String unreachable = Postgres.whyUnreachable();
        if (unreachable != null) {
            throw new IllegalStateException(unreachable);
        }
        return Cleanup.register(new TestDatabase(kind, unique, null, Postgres.createDatabase(label)));
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
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("machi"), "machi", "machi");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return Postgres.Jdbc.rows(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading H2 in " + dataDir + " (" + sql + "): " + e.getMessage(), e);
        }
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
