package jp.machi.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records that a transaction wrote to some municipalities, on the transaction's own connection, so
 * that the record commits or rolls back with the change (see {@link ChangeStamps}). Core's audit
 * trail calls it for every change it records, which is every insert, update and delete through the
 * persistence unit and every bulk import that records its rows ({@code AuditTrail.created}); code
 * that writes rows neither way (plain SQL updates) and whose rows show in a cached answer calls it
 * itself.
 */
public final class ChangeLog {

    /** The code recorded for platform-level writes (accounts, the platform's settings): they count for every municipality. */
    public static final String PLATFORM = "*";

    private static final String INSERT = "INSERT INTO change_log (id, municipality_code) VALUES (?, ?)";

    private ChangeLog() {
    }

    /** One row for each distinct municipality in {@code municipalityCodes}; {@code null} stands for the platform. */
    public static void record(Connection connection, Collection<String> municipalityCodes) throws SQLException {
        TreeSet<String> codes = new TreeSet<>();
        for (String code : municipalityCodes) {
            codes.add(code == null ? PLATFORM : code);
        }
        if (codes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (String code : codes) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, code);
                if (codes.size() == 1) {
                    s.executeUpdate();
                    return;
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
