package jp.machi.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import jp.machi.core.module.ModuleStartup;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change stamp on core's own tables (H2): every recorded write raises the municipality's stamp and the
 * platform's writes raise every municipality's, a fold leaves every stamp as it was, and another
 * municipality's writes leave it alone.
 */
class ChangeStampsTest {

    static JdbcDataSource db;
    static ChangeStamps stamps;

    @BeforeAll
    static void migrate() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:change-stamps-test;DB_CLOSE_DELAY=-1");
        try (Migrations m = Migrations.begin(db)) {
            m.apply(ModuleStartup.CORE_CHANGELOG, ChangeStampsTest.class.getClassLoader());
        }
        stamps = new ChangeStamps();
        stamps.connections = new PlainConnections();
        stamps.connections.own = db;
    }

    private static void record(String... codes) throws SQLException {
        try (Connection c = db.getConnection()) {
            ChangeLog.record(c, Arrays.asList(codes));
        }
    }

    private static long rows() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM change_log")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void writesRaiseTheStampAndFoldsKeepIt() throws SQLException {
        long a = stamps.of("202070");
        long b = stamps.of("082171");
        record("202070");
        record("202070", "202070", "082171");
        assertEquals(a + 2, stamps.of("202070"), "one per transaction and municipality");
        assertEquals(b + 1, stamps.of("082171"));
        record((String) null);
        assertEquals(a + 3, stamps.of("202070"), "a platform-level write counts for every municipality");
        assertEquals(b + 2, stamps.of("082171"));

        for (String code : stamps.unfolded()) {
            stamps.fold(code);
        }
        assertEquals(0, rows());
        assertEquals(a + 3, stamps.of("202070"), "a fold changes no stamp");
        assertEquals(b + 2, stamps.of("082171"));
        assertEquals(List.of(), stamps.unfolded());

        record("202070");
        assertEquals(a + 4, stamps.of("202070"));
        assertEquals(1, stamps.fold("202070"), "the second fold adds to the base");
        assertEquals(a + 4, stamps.of("202070"));
        assertEquals(0, stamps.fold("202070"));
        assertTrue(stamps.of("131016") >= 1, "a municipality never written to has the platform's stamp");
    }

    /**
     * A reader never sees a stamp lower than one it saw before while writes and folds go on beside it. On H2
     * (READ COMMITTED reads each table of a statement as committed when it gets to it) the plain statement
     * showed the base before a fold and the log after it, a stamp too low, 3 times in 24,000 reads.
     */
    @Test
    void aStampNeverFallsWhileFoldsRunBesideIt() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong falls = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        Runnable read = () -> {
            long last = 0;
            while (!stop.get()) {
                long v = stamps.of("222135");
                if (v < last) {
                    falls.incrementAndGet();
                }
                last = Math.max(last, v);
                reads.incrementAndGet();
            }
        };
        List<Thread> readers = List.of(new Thread(read), new Thread(read));
        readers.forEach(Thread::start);
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 15000; i++) {
                ChangeLog.record(c, List.of("222135"));
                if (i % 3 == 0) {
                    stamps.fold("222135");
                }
            }
        } finally {
            stop.set(true);
            for (Thread t : readers) {
                t.join();
            }
        }
        assertTrue(reads.get() > 100, "the reader read " + reads);
        assertEquals(0, falls.get(), "stamps lower than one read before, in " + reads + " reads");
    }
}
