package jp.machi.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Declares Machi's datasource, {@code java:app/jdbc/machi}: a connection pool over
 * {@link ConfiguredDataSource}, which reads the database settings from the environment when the
 * first connection is made. One artifact thus runs on the embedded H2 file database or on
 * PostgreSQL by environment variables alone, with no server-specific placeholders.
 *
 * <p>A vendor who defines the database in the server names that datasource with
 * {@code MACHI_DB_JNDI} instead (README, "On another application server"); this pool then hands out
 * the server's connections and Machi uses the server's datasource directly.
 *
 * <p>A (do-nothing) web listener because WildFly binds a {@code @DataSourceDefinition} only when
 * it sits on a component class (servlet, listener, EJB), not on a CDI bean; Payara and GlassFish
 * take it from either.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/machi",
        className = "jp.machi.app.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {"description=Machi",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true"})
@WebListener
public class MachiDataSource implements ServletContextListener {
}
