package jp.machi.core.persistence;

import jakarta.annotation.Resource;
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
import javax.sql.DataSource;
import jp.machi.core.module.ModuleStartup;

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

    @Resource(lookup = ModuleStartup.DATASOURCE)
    DataSource own;

    @Inject
    RequestStamps requestStamps;

    private volatile DataSource dataSource;

    private DataSource dataSource() {
        DataSource ds = dataSource;
        if (ds == null) {
            ds = MachiDatabase.choose(own);
            dataSource = ds;
        }
        return ds;
    }

    /** The stamp of {@code municipalityCode} (platform-level writes included); {@code null}: the platform's alone. */
    public long of(String municipalityCode) {
        String code = municipalityCode == null ? ChangeLog.PLATFORM : municipalityCode;
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(STAMP)) {
            s.setString(1, code);
            s.setString(2, ChangeLog.PLATFORM);
            s.setString(3, code);
            s.setString(4, ChangeLog.PLATFORM);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change stamp could not be read: " + e.getMessage(), e);
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
        try (Connection c = dataSource().getConnection();
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
        try (Connection c = dataSource().getConnection()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("The change log of " + code + " could not be folded: " + e.getMessage(), e);
        }
    }
}
