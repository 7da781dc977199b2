package jp.machi.it.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Wires {@link MachiTest} classes to the server: the database check before a class runs, and the
 * one shared server per test JVM, booted lazily and stopped (its PostgreSQL database dropped) when
 * the test JVM exits ({@link Cleanup}).
 */
public final class MachiExtension implements ExecutionCondition, ParameterResolver {

    /**
     * One per test JVM, not per JUnit root context: with several forks (machi.it.forks) failsafe hands
     * each fork one class at a time, and every class is then a root context of its own. The servers
     * and databases are registered with {@link Cleanup}, which stops them when the fork exits.
     */
    private static final Map<String, SharedServer> SHARED = new ConcurrentHashMap<>();

    /**
     * Decided once per class: on H2, {@link PostgresqlOnly} classes are skipped, on PostgreSQL {@link H2Only} ones; on PostgreSQL, if
     * it does not answer, every class is skipped with the reason, or fails when PostgreSQL is
     * required ({@code -Dmachi.it.postgresql=required}). Skipped classes show in the reports as
     * skipped tests, with the reason.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        DatabaseKind db = ItSettings.db();
        var only = context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, PostgresqlOnly.class));
        if (only.isPresent() && db != DatabaseKind.POSTGRESQL) {
            return ConditionEvaluationResult.disabled("PostgreSQL only: " + only.get().value());
        }
        var h2Only = context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, H2Only.class));
        if (h2Only.isPresent() && db != DatabaseKind.H2) {
            return ConditionEvaluationResult.disabled("H2 only: " + h2Only.get().value());
        }
        if (db == DatabaseKind.POSTGRESQL) {
            String why = Postgres.whyUnreachable();
            if (why != null) {
                why = why.replaceAll("[.\\s]+$", "");
                if (ItSettings.postgresqlRequired()) {
                    throw new ExtensionConfigurationException(why + ". PostgreSQL is required"
                            + " (-Dmachi.it.postgresql=required): start it, or point -Dmachi.it.pg.url and"
                            + " -Dmachi.it.pg.user at one.");
                }
                return ConditionEvaluationResult.disabled(why + ". The PostgreSQL tests are skipped;"
                        + " -Dmachi.it.postgresql=required makes this a failure.");
            }
        }
        return ConditionEvaluationResult.enabled("runs on " + db.id());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == MachiServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean demo = parameter.isAnnotated(Demo.class);
        MachiServer server = SHARED.computeIfAbsent(demo ? "demo" : "plain", k -> new SharedServer(demo)).server();
        return parameter.getParameter().getType() == Api.class ? server.api() : server;
    }

    /** A shared server (plain, or with the demo data) and its database; {@link Cleanup} stops both when the JVM exits. */
    static final class SharedServer {
        private final boolean demo;
        private TestDatabase db;
        private MachiServer server;
        private Throwable failure;

        SharedServer(boolean demo) {
            this.demo = demo;
        }

        synchronized MachiServer server() {
            if (server == null && failure == null) {
                try {
                    String name = demo ? "shared-demo" : "shared";
                    db = TestDatabase.migrated(name);
                    MachiServer.Builder builder = MachiServer.machiJar(name, db).longLived();
                    server = (demo ? builder.env("MACHI_DEMO", "true") : builder).start();
                } catch (RuntimeException | AssertionError e) {
                    failure = e;
                    if (db != null) {
                        db.close();
                    }
                }
            }
            if (failure != null) {
                // Booted once per JVM: every later test sees the same reason without another 4 minutes.
                throw new AssertionError("The shared Machi " + (demo ? "demo " : "") + "server did not start: " + failure.getMessage(), failure);
            }
            return server;
        }
    }
}
