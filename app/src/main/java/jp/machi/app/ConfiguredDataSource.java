package jp.machi.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.machi.core.config.MachiConfig;
import jp.machi.core.persistence.MachiDatabase;

/**
 * The driver's own DataSource, chosen and configured from MicroProfile Config (so environment
 * variables, system properties and {@code microprofile-config.properties}, in that order), or from
 * environment variables and system properties alone where the server offers no MicroProfile Config
 * to the thread that creates the pool ({@link MachiConfig}; GlassFish):
 * <ul>
 *   <li>{@code MACHI_DB_URL}: a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL; when unset, the
 *       H2 file database {@code machi} in {@code MACHI_DATA_DIR} (default {@code ./data}, taken
 *       relative to the working directory);</li>
 *   <li>{@code MACHI_DB_USER}, {@code MACHI_DB_PASSWORD}: the account; for the embedded H2
 *       database they default to {@code machi}/{@code machi}, which protect nothing but a local file.</li>
 *   <li>{@code MACHI_DB_JNDI}: a datasource defined in the server instead; then this pool only
 *       hands out the server's connections (Machi itself uses that datasource directly, {@link MachiDatabase}).</li>
 * </ul>
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;
    private String description;

    /**
     * A bean property for the pool's sake: WildFly's pool (IronJacamar) refuses a datasource class
     * given no connection property at all ({@code IJ031103}); the settings themselves are read from
     * the environment.
     */
    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

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
        Optional<String> jndi = MachiDatabase.serverDataSourceName();
        if (jndi.isPresent()) {
            return MachiDatabase.lookup(jndi.get());
        }
        Optional<String> url = MachiConfig.get("machi.db.url");
        Optional<String> user = MachiConfig.get("machi.db.user");
        Optional<String> password = MachiConfig.get("machi.db.password");
        if (url.isEmpty() || url.get().startsWith("jdbc:h2:")) {
            String dir = MachiConfig.get("machi.data.dir").orElse("data");
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
        // A pool given no account (WildFly's asks with none) means the configured one.
        if (username == null || username.isEmpty()) {
            return delegate().getConnection();
        }
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
