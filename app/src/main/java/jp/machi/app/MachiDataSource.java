package jp.machi.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares Machi's datasource, {@code java:app/jdbc/machi}: a connection pool over
 * {@link ConfiguredDataSource}, which reads the database settings from the environment when the
 * first connection is made. One artifact thus runs on the embedded H2 file database or on
 * PostgreSQL by environment variables alone, with no server-specific placeholders.
 *
 * <p>On another application server, define a datasource with the same JNDI name in the server and
 * leave this class out of your assembly.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/machi",
        className = "jp.machi.app.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {"fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true"})
@ApplicationScoped
public class MachiDataSource {
}
