package jp.machi.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Machi's settings where MicroProfile Config cannot be relied on: on a server without it, or in a
 * thread where the server has no configuration for Machi's class loader (GlassFish creates the
 * connection pool of {@code @DataSourceDefinition} outside the application, where
 * {@code ConfigProvider.getConfig()} throws "No ConfigProviderResolver implementation found!").
 *
 * <p>Order: MicroProfile Config when it answers (environment variables, system properties,
 * {@code microprofile-config.properties}); otherwise the environment variable of the key (upper
 * case, dots and dashes as underscores: {@code machi.db.jndi} → {@code MACHI_DB_JNDI}), then the
 * system property of the key itself. Blank values count as unset.
 */
public final class MachiConfig {

    private MachiConfig() {
    }

    /** The value of {@code key}, or empty. */
    public static Optional<String> get(String key) {
        Optional<String> mp = fromMicroProfile(key);
        if (mp != null) {
            return mp.filter(v -> !v.isBlank());
        }
        return fromEnvironment(key);
    }

    /** The environment variable, then the system property of {@code key}; never MicroProfile Config. */
    public static Optional<String> fromEnvironment(String key) {
        String env = System.getenv(environmentName(key));
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        String prop = System.getProperty(key);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(prop);
        }
        return Optional.empty();
    }

    /** {@code machi.db.jndi} → {@code MACHI_DB_JNDI}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** MicroProfile Config's answer, or null when there is no MicroProfile Config here. */
    private static Optional<String> fromMicroProfile(String key) {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig(MachiConfig.class.getClassLoader())
                    .getOptionalValue(key, String.class);
        } catch (IllegalStateException | LinkageError | java.util.ServiceConfigurationError noConfig) {
            return null;
        }
    }
}
