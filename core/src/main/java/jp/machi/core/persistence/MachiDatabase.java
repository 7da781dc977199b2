package jp.machi.core.persistence;

import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import jp.machi.core.config.MachiConfig;

/**
 * Which datasource Machi uses. By default the WAR's own {@code java:app/jdbc/machi} (a pool over
 * the {@code MACHI_DB_*} settings). A vendor who defines the database in the server instead names
 * it with {@code MACHI_DB_JNDI} (for example {@code jdbc/machi} on GlassFish and Payara Server,
 * {@code java:/jdbc/machi} on WildFly): then migrations and the persistence unit use that one, and
 * the WAR stays unchanged.
 */
public final class MachiDatabase {

    /** The setting naming a server-defined datasource. */
    public static final String JNDI_SETTING = "machi.db.jndi";
    /** The WAR's own datasource. */
    public static final String DEFAULT_JNDI = "java:app/jdbc/machi";

    private static final Logger LOG = Logger.getLogger(MachiDatabase.class.getName());

    private MachiDatabase() {
    }

    /** The server-defined datasource's JNDI name when {@code MACHI_DB_JNDI} is set. */
    public static Optional<String> serverDataSourceName() {
        return MachiConfig.get(JNDI_SETTING).map(String::trim).filter(n -> !n.equals(DEFAULT_JNDI));
    }

    /** The server's datasource when {@code MACHI_DB_JNDI} names one, otherwise {@code own}. */
    public static DataSource choose(DataSource own) {
        Optional<String> name = serverDataSourceName();
        if (name.isEmpty()) {
            return own;
        }
        return lookup(name.get());
    }

    /**
     * Points an EclipseLink session at the server's datasource when {@code MACHI_DB_JNDI} names
     * one (called by the unit's session customizer, before the session logs in): the unit's
     * {@code jta-data-source} in {@code persistence.xml} stays the WAR's own.
     */
    public static void useIn(org.eclipse.persistence.sessions.Session session) {
        Optional<String> name = serverDataSourceName();
        if (name.isEmpty()) {
            return;
        }
        DataSource ds = lookup(name.get());
        if (session.getDatasourceLogin() instanceof org.eclipse.persistence.sessions.DatasourceLogin login) {
            login.setConnector(new org.eclipse.persistence.sessions.JNDIConnector(ds));
        }
        if (session instanceof org.eclipse.persistence.sessions.server.ServerSession server
                && server.getReadConnectionPool() != null
                && server.getReadConnectionPool().getLogin() instanceof org.eclipse.persistence.sessions.DatasourceLogin read) {
            read.setConnector(new org.eclipse.persistence.sessions.JNDIConnector(ds));
        }
        LOG.info(() -> "Machi database: the server's datasource " + name.get() + " (MACHI_DB_JNDI)");
    }

    /** Looks up the datasource {@code name}; a clear error naming the setting when the server has none. */
    public static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource ds) {
                LOG.fine(() -> "Machi database: the server's datasource " + name);
                return ds;
            }
            throw new IllegalStateException("MACHI_DB_JNDI=" + name + " is not a javax.sql.DataSource but "
                    + (found == null ? "nothing" : found.getClass().getName()));
        } catch (NamingException e) {
            throw new IllegalStateException("MACHI_DB_JNDI=" + name + " names no datasource in this server: " + e, e);
        }
    }
}
