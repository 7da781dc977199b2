package jp.machi.core.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.machi.core.module.ModuleStartup;

/**
 * Connections from Machi's datasource (the WAR's own or the server's, {@link MachiDatabase}) for plain JDBC:
 * inside a JTA transaction they take part in it; outside one (a {@code NOT_SUPPORTED} method, a filter before the
 * endpoint's transaction) each statement commits on its own.
 */
@ApplicationScoped
public class PlainConnections {

    @Resource(lookup = ModuleStartup.DATASOURCE)
    DataSource own;

    private volatile DataSource dataSource;

    /** A connection; the caller closes it. */
    public Connection open() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            ds = MachiDatabase.choose(own);
            dataSource = ds;
        }
        return ds.getConnection();
    }

    /** Whether {@code c} is PostgreSQL's (else H2). */
    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
