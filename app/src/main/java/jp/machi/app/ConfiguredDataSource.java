package jp.machi.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The driver's own DataSource, chosen and configured from MicroProfile Config (so environment
 * variables, system properties and {@code microprofile-config.properties}, in that order):
 * <ul>
 *   <li>{@code MACHI_DB_URL}: a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL; when unset, the
 *       H2 file database {@code machi} in {@code MACHI_DATA_DIR} (default {@code ./data}, taken
 *       relative to the working directory);</li>
 *   <li>{@code MACHI_DB_USER}, {@code MACHI_DB_PASSWORD}: the account; for the embedded H2
 *       database they default to {@code machi}/{@code machi}, which protect nothing but a local file.</li>
 * </ul>
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() throws SQLException {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = create();
                    delegate = d;
                }
            }
        }
        return d;
    }

    private static DataSource create() throws SQLException {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        Optional<String> url = config.getOptionalValue("machi.db.url", String.class).filter(s -> !s.isBlank());
        Optional<String> user = config.getOptionalValue("machi.db.user", String.class);
        Optional<String> password = config.getOptionalValue("machi.db.password", String.class);
        if (url.isEmpty() || url.get().startsWith("jdbc:h2:")) {
            String dir = config.getOptionalValue("machi.data.dir", String.class).filter(s -> !s.isBlank()).orElse("data");
            String h2Url = url.orElseGet(() -> "jdbc:h2:file:" + Path.of(dir).toAbsolutePath().normalize().resolve("machi")
                    + ";DB_CLOSE_ON_EXIT=FALSE");
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(h2Url);
            h2.setUser(user.orElse("machi"));
            h2.setPassword(password.orElse("machi"));
            LOG.info(() -> "Machi database: " + h2Url.replaceAll(";.*", ""));
            return h2;
        }
        if (url.get().startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url.get());
            user.ifPresent(pg::setUser);
            password.ifPresent(pg::setPassword);
            pg.setApplicationName("machi");
            // Batched inserts (bulk imports, the audit trail's rows) go as multi-row INSERTs: several times fewer round trips.
            pg.setReWriteBatchedInserts(true);
            LOG.info(() -> "Machi database: " + url.get().replaceAll("\\?.*", ""));
            return pg;
        }
        throw new SQLException("MACHI_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return LOG;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
