package jp.machi.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Machi server, booted as its own operating-system process ({@code java -jar …}), never inside
 * the test JVM: the real artifact, as an operator starts it. Its output goes to
 * {@code it/target/it-<db>/server-<label>.log}; it is ready when {@code GET /health/ready} answers
 * 200 (Payara prints "ready" even when the deployment failed).
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.fresh("restart");
 *      MachiServer first = MachiServer.machiJar("first", db).start()) {
 *     first.api().get("/api/v1/modules").send();
 * }
 * }</pre>
 */
public final class MachiServer implements AutoCloseable {

    /** The first platform administrator every server is booted with, unless a test says otherwise. */
    public static final String ADMIN_USER = "it-admin";
    public static final String ADMIN_PASSWORD = "Black-Box-Test-Passw0rd";

    /**
     * How long a boot may take before the test fails with the log tail: 240 s, or
     * {@code -Dmachi.it.ready.seconds} on a loaded machine.
     */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("machi.it.ready.seconds",
            Long.getLong("machi.it.ready-timeout-seconds", 420)));

    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String label;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedNanos;
    private final Map<String, String> env;
    private volatile Duration bootTime;
    private volatile boolean stopped;
    private Api admin;

    private MachiServer(String label, int port, Path log, Process process, Map<String, String> env) {
        this.label = label;
        this.port = port;
        this.log = log;
        this.process = process;
        this.env = Map.copyOf(env);
        this.startedNanos = System.nanoTime();
    }

    /** The built {@code app/target/machi.jar} (Payara Micro with machi.war at "/") on {@code db}. */
    public static Builder machiJar(String name, TestDatabase db) {
        return new Builder(name, db, null);
    }

    /** Plain Payara Micro deploying {@code war} at "/" on {@code db}, as a vendor would run its own build. */
    public static Builder war(String name, Path war, TestDatabase db) {
        return new Builder(name, db, war);
    }

    /** Choosing what to boot; {@link #start()} boots and waits until ready. */
    public static final class Builder {
        private final String name;
        private final TestDatabase db;
        private final Path war;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private boolean defaultHeap;
        private boolean longLived;

        private Builder(String name, TestDatabase db, Path war) {
            this.name = name;
            this.db = db;
            this.war = war;
            env.put("MACHI_DEMO", "false");
            env.put("MACHI_ADMIN_USER", ADMIN_USER);
            env.put("MACHI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        }

        /** An extra environment variable (e.g. a MACHI_* setting), over the database's own. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** Leaves out a variable set by default (e.g. MACHI_ADMIN_USER, for a server nobody can enter). */
        public Builder without(String key) {
            env.remove(key);
            return this;
        }

        /** No -Xmx from the tests: {@code java -jar machi.jar} as a user types it (machi.jar's own default heap). */
        public Builder defaultHeap() {
            defaultHeap = true;
            return this;
        }

        /**
         * A server that serves a whole run's load (the shared servers): the JVM's full JIT. Every other
         * server answers a few hundred requests and is gone; it boots with the client compiler only
         * ({@code -XX:TieredStopAtLevel=1}), which halves the CPU a boot costs (43 → 22 CPU-seconds,
         * 25 → 18 s to ready on a quiet 2-core machine) at no cost to what the test sees.
         * {@code -Dmachi.it.server.quick-jit=false} gives every server the full JIT.
         */
        public Builder longLived() {
            longLived = true;
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** Boots and waits for readiness; a port taken in the meantime by someone else is retried once. */
        public MachiServer start() {
            MachiServer s = startAsync();
            try {
                return s.awaitReady();
            } catch (AssertionError e) {
                if (s.portWasTaken()) {
                    return startAsync().awaitReady();
                }
                throw e;
            }
        }

        /** Starts the process and returns at once; call {@link MachiServer#awaitReady()}. */
        public MachiServer startAsync() {
            if (db.isMigrated() && war != null) {
                throw new IllegalStateException("Server " + name + " deploys " + war.getFileName() + ", but its database"
                        + " was migrated by this build's machi.jar (TestDatabase.migrated): use TestDatabase.fresh");
            }
            int port = freePort();
            String label = db.label() + "-" + name;
            Path runDir = db.kind().runDir();
            Path work = runDir.resolve(db.label()).resolve(name + "-" + port);
            Path log = runDir.resolve("server-" + label + "-" + port + ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Payara Micro unpacks itself into java.io.tmpdir: keep that under target/, per server.
            cmd.add("-Djava.io.tmpdir=" + work.resolve("tmp"));
            // Bounded heap, so that several servers (H2 and PostgreSQL runs, tests' own servers) fit
            // on one machine; -Dmachi.it.server.heap=2g raises it, a test's own -Xmx wins.
            if (!defaultHeap && jvmArgs.stream().noneMatch(a -> a.startsWith("-Xmx"))) {
                cmd.add("-Xmx" + System.getProperty("machi.it.server.heap", "1g"));
            }
            if (!longLived && Boolean.parseBoolean(System.getProperty("machi.it.server.quick-jit", "true"))) {
                cmd.add("-XX:TieredStopAtLevel=1");
            }
            cmd.addAll(jvmArgs);
            cmd.add("-jar");
            if (war == null) {
                cmd.add(ItSettings.appJar().toString());
            } else {
                cmd.add(ItSettings.payaraMicroJar().toString());
                cmd.addAll(List.of("--deploy", war.toString(), "--contextroot", "/", "--nocluster",
                        "--disablephonehome"));
            }
            cmd.addAll(List.of("--port", Integer.toString(port)));
            try {
                Files.createDirectories(work.resolve("tmp"));
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                // The developer's own MACHI_* settings must not leak into a test server.
                pb.environment().keySet().removeIf(k -> k.startsWith("MACHI_"));
                pb.environment().putAll(db.env());
                pb.environment().putAll(env);
                Files.writeString(log, "", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                Process p = pb.start();
                System.out.println("[machi-it] starting " + label + " on port " + port + " (" + db + "), log " + log);
                return Cleanup.register(new MachiServer(label, port, log, p, env));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + String.join(" ", cmd), e);
            }
        }
    }

    /** Waits until {@code GET /health/ready} is 200; fails with the log tail if the process dies or time runs out. */
    public MachiServer awaitReady() {
        long deadline = startedNanos + READY_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                Cleanup.forget(this);
                throw new AssertionError("Server " + label + " exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + logTail(60));
            }
            try {
                HttpResponse<String> r = PROBE.send(HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    bootTime = Duration.ofNanos(System.nanoTime() - startedNanos);
                    recordBootTime();
                    return this;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new AssertionError("Interrupted while waiting for " + label, e);
            }
            sleep(500);
        }
        kill();
        throw new AssertionError("Server " + label + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s (last /health/ready: " + last + "). Last lines of " + log + ":\n" + logTail(60));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    /**
     * A client calling as the platform administrator this server was booted with
     * ({@link #ADMIN_USER}), with a platform API token issued after signing in once; the same
     * client on every call.
     */
    public synchronized Api api() {
        if (admin == null) {
            String user = env.get("MACHI_ADMIN_USER");
            String password = env.get("MACHI_ADMIN_PASSWORD");
            if (user == null || password == null) {
                throw new IllegalStateException(label + " was booted without MACHI_ADMIN_USER/PASSWORD; use anonymousApi()");
            }
            admin = anonymousApi().withBearer(anonymousApi().signIn(user, password).issueToken("PLATFORM_ADMIN", null));
        }
        return admin;
    }

    /** A client calling as nobody. */
    public Api anonymousApi() {
        return new Api(baseUri());
    }

    public Path log() {
        return log;
    }

    /** From process start to the first 200 of /health/ready; null before that. */
    public Duration bootTime() {
        return bootTime;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process the test started ({@code java -jar machi.jar}), for tests of the process itself. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The last lines of the server's output, without terminal colour codes. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    .replaceAll("\u001B\\[[;\\d]*m", "");
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the server as an operator would (SIGTERM), forcibly after 60 s. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("[machi-it] " + label + " did not stop within 60 s; killing it");
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        Cleanup.forget(this);
    }

    /** Kills the server at once (SIGKILL, as {@code kill -9}): no shutdown hook, no orderly commit. */
    public void crash() {
        kill();
    }

    /** Ends the process and anything it started, at once. */
    void kill() {
        stopped = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Cleanup.forget(this);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return label + " on port " + port;
    }

    private boolean portWasTaken() {
        String tail = logTail(200);
        return tail.contains("Address already in use") || tail.contains("BindException");
    }

    private void recordBootTime() {
        String line = String.format("%s\t%.1f s%n", label, bootTime.toMillis() / 1000.0);
        System.out.print("[machi-it] ready: " + line);
        try {
            Files.writeString(log.getParent().resolve("boot-times.txt"), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only a statistic
        }
    }

    /** A port the OS just handed out, never 8080 or 18000-18199 (kept for other uses on shared machines). */
    private static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int port = s.getLocalPort();
                if (port != 8080 && (port < 18000 || port > 18199)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free port");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
