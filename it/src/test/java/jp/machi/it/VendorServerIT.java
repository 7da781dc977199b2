package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import jp.machi.it.support.Api;
import jp.machi.it.support.ItSettings;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.PostgresqlOnly;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The unchanged {@code app/target/machi.war} on GlassFish 7 and on WildFly (both fetched from Maven
 * Central by the build, unpacked into {@code it/target/vendor-servers}), each set up exactly as the
 * README's "On another application server" tells a vendor. GlassFish: a domain of its own, the
 * PostgreSQL driver in the domain's lib, a connection pool and the resource {@code jdbc/machi},
 * {@code MACHI_DB_JNDI=jdbc/machi}, deployed at {@code /}. WildFly: see its test. One boot per
 * server, a handful of requests: ready with every module, signed in with
 * an {@code HttpOnly; SameSite=Strict} cookie (Machi's own PBKDF2), a write and a read in each
 * module, the scheduled jobs' timers run, the console's page loads. Log:
 * {@code it/target/it-postgresql/glassfish-<portbase>/domains/machi/logs/server.log}.
 */
@MachiTest
@PostgresqlOnly("the vendor servers run against PostgreSQL, as in production")
class VendorServerIT {

    private static final Duration READY = Duration.ofSeconds(Long.getLong("machi.it.ready.seconds", 600));

    @Test
    void theUnchangedWarRunsOnGlassFish7() throws Exception {
        Path home = ItSettings.glassfishHome();
        int portBase = freePortBase();
        Path domains = ItSettings.workDir().resolve("it-postgresql").resolve("glassfish-" + portBase);
        Files.createDirectories(domains);
        try (TestDatabase db = TestDatabase.fresh("glassfish")) {
            asadmin(home, domains, Map.of(), "create-domain", "--domaindir", domains.toString(), "--nopassword=true",
                    "--portbase", Integer.toString(portBase), "machi");
            // The driver in the domain's lib, as a vendor installs it (the WAR's own copy serves only MACHI_DB_URL).
            Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(driver, domains.resolve("machi/lib/postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> env = Map.of(
                    "MACHI_DB_JNDI", "jdbc/machi",
                    "MACHI_ADMIN_USER", MachiServer.ADMIN_USER,
                    "MACHI_ADMIN_PASSWORD", MachiServer.ADMIN_PASSWORD,
                    "MACHI_COOKIE_SECURE", "false");
            // The heap the CI budget allows (GlassFish's default is 512 MiB), set before the one start.
            Path domainXml = domains.resolve("machi/config/domain.xml");
            Files.writeString(domainXml, Files.readString(domainXml).replace("<jvm-options>-Xmx512m</jvm-options>",
                    "<jvm-options>-Xmx768m</jvm-options>"));
            String admin = Integer.toString(portBase + 48);
            try {
                asadmin(home, domains, env, "start-domain", "--domaindir", domains.toString(), "machi");
                URI pg = URI.create(ItSettings.pgAdminUrl().substring("jdbc:".length()));
                String password = ItSettings.pgPassword().isEmpty() ? "()" : ItSettings.pgPassword();
                asadmin(home, domains, Map.of(), "--port", admin, "create-jdbc-connection-pool",
                        "--datasourceclassname", "org.postgresql.ds.PGSimpleDataSource", "--restype", "javax.sql.DataSource",
                        "--property", "user=" + ItSettings.pgUser() + ":password=" + password + ":serverName=" + pg.getHost()
                                + ":portNumber=" + (pg.getPort() < 0 ? 5432 : pg.getPort()) + ":databaseName=" + db.postgresName(),
                        "machiPool");
                asadmin(home, domains, Map.of(), "--port", admin, "create-jdbc-resource", "--connectionpoolid", "machiPool",
                        "jdbc/machi");
                asadmin(home, domains, Map.of(), "--port", admin, "deploy", "--contextroot", "/", "--name", "machi",
                        ItSettings.appWar().toString());

                URI base = URI.create("http://127.0.0.1:" + (portBase + 80));
                smoke(base);
            } finally {
                asadmin(home, domains, Map.of(), "stop-domain", "--domaindir", domains.toString(), "machi");
            }
        }
    }

    /**
     * The unchanged WAR on WildFly (standard {@code standalone.xml}), set up as the README tells a
     * vendor: EclipseLink added to WildFly's own {@code org.eclipse.persistence} module, the
     * PostgreSQL driver as a module, driver and datasource {@code java:/jdbc/machi} by
     * {@code jboss-cli.sh --file}, {@code MACHI_DB_JNDI=java:/jdbc/machi}, the WAR deployed as
     * {@code ROOT.war}. Done on a copy of the unpacked distribution, which stays as Maven Central
     * delivered it. Log: {@code it/target/it-postgresql/wildfly-<port>/standalone/log/server.log}.
     */
    @Test
    void theUnchangedWarRunsOnWildFly() throws Exception {
        int http = freeWildFlyHttpPort();
        int offset = http - 8080;
        Path home = ItSettings.workDir().resolve("it-postgresql").resolve("wildfly-" + http);
        copyTree(ItSettings.wildflyHome(), home);
        try (TestDatabase db = TestDatabase.fresh("wildfly")) {
            // EclipseLink into WildFly's own module for it (which holds only WildFly's integration code).
            Path eclipselink = home.resolve("modules/system/layers/base/org/eclipse/persistence/main");
            Files.copy(ItSettings.wildflyEclipseLinkJar(), eclipselink.resolve("eclipselink.jar"), StandardCopyOption.REPLACE_EXISTING);
            Path moduleXml = eclipselink.resolve("module.xml");
            String module = Files.readString(moduleXml);
            assertTrue(module.contains("</resources>") && module.contains("<dependencies>"), module);
            Files.writeString(moduleXml, module
                    .replace("</resources>", "    <resource-root path=\"eclipselink.jar\"><filter><exclude path=\"javax/**\"/></filter></resource-root>\n    </resources>")
                    .replace("<dependencies>", "<dependencies>\n        <module name=\"java.desktop\"/>\n        <module name=\"java.rmi\"/>"
                            + "\n        <module name=\"java.sql\"/>\n        <module name=\"java.xml\"/>"));
            // The driver as a module of its own.
            Path driverModule = home.resolve("modules/org/postgresql/main");
            Files.createDirectories(driverModule);
            Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(driver, driverModule.resolve("postgresql.jar"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(driverModule.resolve("module.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <module name="org.postgresql" xmlns="urn:jboss:module:1.9">
                        <resources>
                            <resource-root path="postgresql.jar"/>
                        </resources>
                        <dependencies>
                            <module name="java.logging"/>
                            <module name="java.management"/>
                            <module name="java.naming"/>
                            <module name="java.security.jgss"/>
                            <module name="java.sql"/>
                            <module name="jakarta.transaction.api"/>
                        </dependencies>
                    </module>
                    """);
            // The driver and the datasource in the server's configuration, by the CLI on the stopped server.
            URI pg = URI.create(ItSettings.pgAdminUrl().substring("jdbc:".length()));
            String url = "jdbc:postgresql://" + pg.getHost() + ":" + (pg.getPort() < 0 ? 5432 : pg.getPort()) + "/" + db.postgresName();
            Path cli = home.resolve("machi.cli");
            Files.writeString(cli, String.join("\n",
                    "embed-server --server-config=standalone.xml",
                    "/system-property=eclipselink.archive.factory:add(value=org.jipijapa.eclipselink.JBossArchiveFactoryImpl)",
                    "/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql,driver-module-name=org.postgresql,"
                            + "driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)",
                    "data-source add --name=machi --jndi-name=java:/jdbc/machi --driver-name=postgresql --connection-url=" + url
                            + " --user-name=" + ItSettings.pgUser()
                            + (ItSettings.pgPassword().isEmpty() ? "" : " --password=" + ItSettings.pgPassword()),
                    "stop-embedded-server", ""));
            Path log = home.resolve("machi-setup.log");
            run(home, log, Map.of("JAVA_OPTS", "-Xmx256m"), home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cli);
            assertTrue(Files.readString(home.resolve("standalone/configuration/standalone.xml")).contains("java:/jdbc/machi"),
                    () -> "the CLI did not add the datasource: " + tail(readQuietly(log)));

            Files.copy(ItSettings.appWar(), home.resolve("standalone/deployments/ROOT.war"));
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString())
                    .directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("standalone.out").toFile()));
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // The heap GlassFish gets here too; every port moved by one offset.
            pb.environment().put("JAVA_OPTS", "-Xmx768m -Djava.net.preferIPv4Stack=true -Djboss.socket.binding.port-offset=" + offset);
            pb.environment().putAll(Map.of(
                    "MACHI_DB_JNDI", "java:/jdbc/machi",
                    "MACHI_ADMIN_USER", MachiServer.ADMIN_USER,
                    "MACHI_ADMIN_PASSWORD", MachiServer.ADMIN_PASSWORD,
                    "MACHI_COOKIE_SECURE", "false"));
            Process server = pb.start();
            try {
                URI base = URI.create("http://127.0.0.1:" + http);
                awaitReady(base, home, server);
                smoke(base);
            } finally {
                stop(server);
            }
        }
    }

    /** Waits until Machi answers ready on WildFly; fails at once when the deployment failed or the server died. */
    private static void awaitReady(URI base, Path home, Process server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Path failed = home.resolve("standalone/deployments/ROOT.war.failed");
        Path serverLog = home.resolve("standalone/log/server.log");
        Instant until = Instant.now().plus(READY);
        while (Instant.now().isBefore(until)) {
            if (Files.exists(failed)) {
                throw new AssertionError("WildFly did not deploy the WAR: " + readQuietly(failed) + "\n" + tail(readQuietly(serverLog)));
            }
            if (!server.isAlive()) {
                throw new AssertionError("WildFly stopped (" + server.exitValue() + "): " + tail(readQuietly(serverLog)));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                if (ready.body().contains("\"failure\"")) {
                    throw new AssertionError("Machi on WildFly is not ready: " + ready.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.SECONDS.sleep(3);
        }
        throw new AssertionError("Machi on WildFly not ready within " + READY + ": " + tail(readQuietly(serverLog)));
    }

    /** Stops the server and everything it started (standalone.sh runs the JVM as its child). */
    private static void stop(Process server) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        server.destroy();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    /** Runs a command in {@code dir}; fails with its output unless it succeeds. */
    private static void run(Path dir, Path log, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(READY.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " took longer than " + READY + "; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + tail(readQuietly(log)));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "(no " + p + ")";
        } catch (IOException e) {
            return "(unreadable " + p + ": " + e + ")";
        }
    }

    /** An HTTP port for WildFly (20000–20990) whose offset leaves its HTTPS and management ports free too. */
    private static int freeWildFlyHttpPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int http = 20000 + 10 * ThreadLocalRandom.current().nextInt(0, 100);
            int offset = http - 8080;
            boolean free = true;
            for (int port : new int[] {http, 8443 + offset, 9990 + offset, 9993 + offset}) {
                try (ServerSocket s = new ServerSocket(port)) {
                    s.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return http;
            }
        }
        throw new IllegalStateException("no free ports for WildFly");
    }

    /** What a vendor checks after a deployment, on any server. */
    static void smoke(URI base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready::body);
        JsonObject health = Json.createReader(new java.io.StringReader(ready.body())).readObject();
        assertEquals("UP", health.getString("status"), ready::body);
        assertTrue(ready.body().contains("collaboration,engagement,planning,promotion"), ready::body);

        // Signing in: Machi's own PBKDF2 and a SameSite=Strict, HttpOnly session cookie.
        Api anonymous = new Api(base);
        Reply signIn = anonymous.post("/api/v1/session").json(Json.createObjectBuilder()
                .add("login", MachiServer.ADMIN_USER).add("password", MachiServer.ADMIN_PASSWORD).build())
                .send().expect(200);
        String cookie = signIn.headers("Set-Cookie").stream().filter(c -> c.startsWith(Api.SESSION_COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signIn));
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertEquals(401, anonymous.post("/api/v1/session").json(Json.createObjectBuilder()
                .add("login", MachiServer.ADMIN_USER).add("password", "Not-The-Passw0rd-x").build()).send().status());
        Api api = anonymous.withBearer(anonymous.fromSignIn(signIn).issueToken("PLATFORM_ADMIN", null));

        // A write and a read in core and in each module.
        String lg = Municipalities.register(api);
        String base1 = Municipalities.PATH + "/" + lg;
        for (String module : List.of("planning", "engagement", "collaboration", "promotion")) {
            Municipalities.setModule(api, lg, module, true);
        }
        String plan = api.post(base1 + "/planning/plans").json(PlanIT.plan("第2次総合計画").build()).send().expect(201)
                .object().getString("id");
        assertEquals("第2次総合計画", api.get(base1 + "/planning/plans/" + plan).send().expect(200).object().getString("name"));

        String receipt = anonymous.post(base1 + "/engagement/voices").json(Json.createObjectBuilder()
                .add("subject", "街灯が切れています").add("body", "受付の確認").build()).send().expect(201).object()
                .getString("receiptNumber");
        assertTrue(api.get(base1 + "/engagement/voices").send().expect(200).text().contains(receipt));

        anonymous.post(base1 + "/collaboration/partners/applications")
                .json(CollaborationPartnerIT.application("みほんまちづくりネット").build()).send().expect(201);
        assertTrue(api.get(base1 + "/collaboration/partners").send().expect(200).text().contains("みほんまちづくりネット"));

        api.post(base1 + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", "子育て支援").build())
                .send().expect(201);
        assertTrue(api.get(base1 + "/promotion/donation-uses").send().expect(200).text().contains("子育て支援"));

        // Startup singletons and timers: the jobs are registered and one that runs every minute has run.
        List<JsonObject> jobs = api.get(ScheduledJobIT.JOBS).send().expect(200).array().getValuesAs(JsonObject.class);
        assertTrue(jobs.stream().anyMatch(j -> j.getString("id").equals(ScheduledJobIT.ANONYMISATION)), jobs::toString);
        Instant until = Instant.now().plusSeconds(150);
        List<String> ran = new ArrayList<>();
        while (ran.isEmpty() && Instant.now().isBefore(until)) {
            for (JsonObject job : jobs) {
                JsonObject runs = api.get(ScheduledJobIT.JOBS + "/" + job.getString("id") + "/runs?size=1").send().expect(200)
                        .object();
                if (runs.getInt("totalItems") > 0) {
                    ran.add(job.getString("id"));
                }
            }
            if (ran.isEmpty()) {
                TimeUnit.SECONDS.sleep(10);
            }
        }
        assertTrue(!ran.isEmpty(), "no scheduled job ran within 150 s: " + jobs);

        // The console's page and its script.
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(base.resolve("/")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, console.statusCode(), console::body);
        assertTrue(console.body().contains("<html"), console::body);
        assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("/ui/core/console.js")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());

        // The console in a real browser, as a municipality's administrator uses it on this server: sign-in, the home,
        // a list of each module with the record written above, no script error and no CSP violation.
        if (WebBrowser.whyUnavailable() == null || WebBrowser.required()) {
            Api.Account admin = api.newUser("MUNICIPALITY_ADMIN", lg);
            try (WebBrowser b = WebBrowser.start(base)) {
                ConsoleIT.signIn(b, admin);
                b.waitForText("h1", "ホーム");
                b.open("/#/" + lg + "/planning/planning-plans");
                b.waitForText("main", "第2次総合計画");
                b.open("/#/" + lg + "/engagement/engagement-voices");
                b.waitForText("main", "街灯が切れています");
                b.open("/#/" + lg + "/collaboration/collaboration-partners");
                b.waitForText("main", "みほんまちづくりネット");
                b.open("/#/" + lg + "/promotion/promotion-donation-uses");
                b.waitForText("main", "子育て支援");
                // The console asks for the session before sign-in; that 401 is the answer it expects.
                assertEquals(List.of(), b.consoleErrors().stream()
                        .filter(e -> !(e.contains("/api/v1/session ") && e.contains("401"))).toList(),
                        "no script error, no CSP violation");
            }
        }
    }

    /** Runs {@code asadmin} with the given arguments; fails with its output unless it succeeds. */
    private static void asadmin(Path home, Path domains, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/asadmin").toString());
        cmd.add("--interactive=false");
        cmd.addAll(List.of(args));
        Path log = domains.resolve("asadmin.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("AS_JAVA", System.getProperty("java.home"));
        // start-domain waits 60 s for the server by default; a loaded CI machine needs longer (milliseconds).
        pb.environment().put("AS_START_TIMEOUT", Long.toString(READY.toMillis()));
        Files.writeString(log, "\n$ " + String.join(" ", cmd) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Process p = pb.start();
        if (!p.waitFor(READY.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("asadmin " + args[0] + " took longer than " + READY + "; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", args) + " failed (" + p.exitValue() + "): "
                    + tail(Files.readString(log)));
        }
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }

    /** A base for GlassFish's hundred ports (admin +48, HTTP +80, …) where the ones it binds are free. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(220, 300); // 22000–29900, clear of 18000–18199
            boolean free = true;
            for (int offset : new int[] {37, 38, 39, 48, 66, 76, 80, 81, 86}) {
                try (ServerSocket s = new ServerSocket(base + offset)) {
                    s.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for GlassFish");
    }
}
