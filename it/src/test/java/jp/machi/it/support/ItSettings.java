package jp.machi.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the build tells the tests (system properties set by failsafe in {@code it/pom.xml}), with
 * defaults that work when a test is started from an IDE in the {@code it} directory.
 */
public final class ItSettings {

    private ItSettings() {
    }

    /** The database every server of this test run uses: {@code machi.it.db} = h2 | postgresql. */
    public static DatabaseKind db() {
        String v = System.getProperty("machi.it.db", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "h2", "" -> DatabaseKind.H2;
            case "postgresql", "postgres", "pg" -> DatabaseKind.POSTGRESQL;
            default -> throw new IllegalArgumentException("machi.it.db must be h2 or postgresql, not '" + v + "'");
        };
    }

    /** {@code -Dmachi.it.postgresql=required}: an unreachable PostgreSQL fails the run instead of skipping. */
    public static boolean postgresqlRequired() {
        return "required".equalsIgnoreCase(System.getProperty("machi.it.postgresql", "").trim());
    }

    public static String pgAdminUrl() {
        return nonBlank("machi.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String pgUser() {
        return nonBlank("machi.it.pg.user", "postgres");
    }

    /** Empty when the server trusts local connections (the default set-up). */
    public static String pgPassword() {
        return System.getProperty("machi.it.pg.password", "");
    }

    /** Which forked test JVM of this database run this is (failsafe's fork number, 1 when unforked). */
    public static String fork() {
        // "fork-N": a value that is only the placeholder would reach the fork empty (Maven resolves it to null).
        String f = System.getProperty("machi.it.fork", "").replace("fork-", "");
        return f.matches("[0-9]+") ? f : "1";
    }

    /** {@code it/target}: every data directory and server log of a run lives below it. */
    public static Path workDir() {
        return Path.of(nonBlank("machi.it.work.dir", "target")).toAbsolutePath().normalize();
    }

    /** The runnable server under test: {@code app/target/machi.jar}. */
    public static Path appJar() {
        return existing("machi.it.app.jar", "../app/target/machi.jar",
                "Build it first: ./mvnw -B -DskipTests package (from the repository root).");
    }

    /** Plain Payara Micro, for booting a WAR other than the bundled one. */
    public static Path payaraMicroJar() {
        return existing("machi.it.payara.jar", "target/payara/payara-micro.jar",
                "It is copied by the it module's package phase.");
    }

    /** The WAR with core, planning and the broken fixture modules only. */
    public static Path vendorWar() {
        return existing("machi.it.vendor.war", "vendor-war/target/machi-vendor.war",
                "It is assembled by the it/vendor-war module.");
    }

    /** The WAR itself, {@code app/target/machi.war}, as a vendor deploys it on their server. */
    public static Path appWar() {
        return existing("machi.it.app.war", "../app/target/machi.war",
                "Build it first: ./mvnw -B -DskipTests package (from the repository root).");
    }

    /** WildFly as unpacked from Maven Central by the it module's package phase (never changed: tests copy it). */
    public static Path wildflyHome() {
        Path home = Path.of(nonBlank("machi.it.wildfly.home", "target/vendor-servers/wildfly-38.0.1.Final")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("Missing " + home + "/bin/standalone.sh (machi.it.wildfly.home)."
                    + " It is unpacked by the it module's package phase.");
        }
        return home;
    }

    /** The EclipseLink jar a vendor puts into WildFly's org.eclipse.persistence module (copied by the it module's package phase). */
    public static Path wildflyEclipseLinkJar() {
        return existing("machi.it.wildfly.eclipselink", "target/vendor-servers/lib/eclipselink.jar",
                "It is copied from Maven Central by the it module's package phase.");
    }

    /** GlassFish 7 as unpacked from Maven Central by the it module's package phase. */
    public static Path glassfishHome() {
        Path home = Path.of(nonBlank("machi.it.glassfish.home", "target/vendor-servers/glassfish7")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("bin/asadmin"))) {
            throw new IllegalStateException("Missing " + home + "/bin/asadmin (machi.it.glassfish.home)."
                    + " It is unpacked by the it module's package phase.");
        }
        return home;
    }

    /**
     * The repository's root (where {@code mvnw} is), for the tests that run Maven themselves
     * (ModuleArchetypeIT).
     */
    public static Path repositoryRoot() {
        Path root = Path.of(nonBlank("machi.it.repo.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("mvnw"))) {
            throw new IllegalStateException("Missing " + root + "/mvnw (machi.it.repo.root).");
        }
        return root;
    }

    /** The local Maven repository of the build running the tests: third-party artifacts, read only. */
    public static Path mavenLocalRepository() {
        return Path.of(nonBlank("machi.it.m2.repo", System.getProperty("user.home") + "/.m2/repository"))
                .toAbsolutePath().normalize();
    }

    /** Machi's version as built ({@code project.version}). */
    public static String machiVersion() {
        return nonBlank("machi.it.machi.version", "0.1.0-SNAPSHOT");
    }

    /** The maven-archetype-plugin version the parent POM pins. */
    public static String archetypePluginVersion() {
        return nonBlank("machi.it.archetype.version", "3.3.1");
    }

    private static Path existing(String property, String dflt, String hint) {
        Path p = Path.of(nonBlank(property, dflt)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Missing " + p + " (" + property + "). " + hint);
        }
        return p;
    }

    private static String nonBlank(String property, String dflt) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
