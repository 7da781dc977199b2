package jp.machi.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A municipality's change stamp: how many write transactions have committed for it (and for the
 * platform) since the database began. It rises with every commit that changed the municipality's data
 * and never falls, and it is read from the database, so every node of a cluster, and a server of
 * another vendor beside it, sees the same stamp: an answer computed under stamp {@code s} is still
 * the answer while the stamp is {@code s} (core's {@code ReadCache}).
 *
 * <p>How, without a row every writer of a municipality would wait on: each write transaction inserts
 * one {@code change_log} row per municipality it wrote to ({@link ChangeLog}, with its audit rows);
 * the stamp is {@code change_stamp.base} plus the municipality's rows in {@code change_log}, read in
 * one statement (one snapshot). {@link #fold(String)}, run every minute by {@link ChangeLogFold},
 * deletes the rows it can see and adds their number to the base in one transaction, so the sum
 * stays the same and the count a reader makes stays short.
 */
@ApplicationScoped
public class ChangeStamps {

    private static final String STAMP = "SELECT (SELECT COALESCE(SUM(base), 0) FROM change_stamp WHERE municipality_code IN (?, ?))"
            + " + (SELECT COUNT(*) FROM change_log WHERE municipality_code IN (?, ?))";

    @Inject
    PlainConnections connections;

    @Inject
    RequestStamps requestStamps;

    /** The stamp of {@code municipalityCode} (platform-level writes included); {@code null}: the platform's alone. */
    public long of(String municipalityCode) {
        String code = municipalityCode == null ? ChangeLog.PLATFORM : municipalityCode;
        try (Connection c = connections.open()) {
            if (PlainConnections.isPostgres(c)) {
                return read(c, code); // one statement, one snapshot
            }
            // H2's READ COMMITTED reads each table of a statement as committed when it gets to it, so a fold
            // committing in between would show the base before and the log after it (a stamp too low: 3 in
            // 24,000 reads in a test); one REPEATABLE READ transaction reads both from one snapshot.
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                long stamp = read(c, code);
                c.commit();
                return stamp;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change stamp could not be read: " + e.getMessage(), e);
        }
    }

    private static long read(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STAMP)) {
            s.setString(1, code);
            s.setString(2, ChangeLog.PLATFORM);
            s.setString(3, code);
            s.setString(4, ChangeLog.PLATFORM);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * {@link #of(String)}, read once per request (the first call of the request reads the database):
     * for the checks that run before an endpoint. Outside a request, {@link #of(String)}.
     */
    public long ofThisRequest(String municipalityCode) {
        String code = municipalityCode == null ? ChangeLog.PLATFORM : municipalityCode;
        try {
            Long known = requestStamps.get(code);
            if (known != null) {
                return known;
            }
            long stamp = of(municipalityCode);
            requestStamps.put(code, stamp);
            return stamp;
        } catch (ContextNotActiveException noRequest) {
            return of(municipalityCode);
        }
    }

    /** The codes (municipalities and {@link ChangeLog#PLATFORM}) with rows waiting to be folded. */
    public List<String> unfolded() {
        List<String> codes = new ArrayList<>();
        try (Connection c = connections.open();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT municipality_code FROM change_log");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                codes.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change log could not be read: " + e.getMessage(), e);
        }
        return codes;
    }

    /**
     * Moves {@code code}'s rows into its base, in a transaction of its own: the rows this transaction can
     * see are deleted and exactly their number is added, so a reader sees the same stamp before and after
     * (rows of transactions still running are left for the next fold). Returns how many were folded.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fold(String code) {
        try (Connection c = connections.open()) {
            // In the JTA transaction the connection takes part in it (no auto-commit); should it not, the delete
            // and the update still commit together, or a reader could see the rows gone and the base not raised.
            boolean local = c.getAutoCommit();
            if (local) {
                c.setAutoCommit(false);
            }
            try {
                int folded = foldOn(c, code);
                if (local) {
                    c.commit();
                }
                return folded;
            } catch (SQLException | RuntimeException e) {
                if (local) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (local) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change log of " + code + " could not be folded: " + e.getMessage(), e);
        }
    }

    private static int foldOn(Connection c, String code) throws SQLException {
        int folded;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM change_log WHERE municipality_code = ?")) {
            delete.setString(1, code);
            folded = delete.executeUpdate();
        }
        if (folded == 0) {
            return 0;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE change_stamp SET base = base + ? WHERE municipality_code = ?")) {
            update.setLong(1, folded);
            update.setString(2, code);
            if (update.executeUpdate() == 1) {
                return folded;
            }
        }
        // The first fold of this code. Folds run once per cluster (a scheduled job), so nobody inserts beside it;
        // if somebody did, this transaction fails on the key and its rows stay counted in change_log.
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO change_stamp (municipality_code, base) VALUES (?, ?)")) {
            insert.setString(1, code);
            insert.setLong(2, folded);
            insert.executeUpdate();
        }
        return folded;
    }
}
