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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy from Debian's packages in front of Machi nodes, as a vendor puts one: round robin, each node
 * checked on {@code GET /health/ready} every second (out after 2 failures; a
 * check may take 10 s, so that a node slowed down by a busy machine is not taken for dead, while a dead
 * node refuses the connection at once), a connection that cannot
 * be made tried again on another node ({@code retry-on conn-failure}, {@code option redispatch}); a
 * request already sent to a node that dies is not repeated by the balancer (it may have been a
 * write), its client sees the failure. Installed with {@code apt-get install -y haproxy} when missing
 * and the tests run as root (as {@code .ci/run} installs Chromium). {@link #served()} reads HAProxy's
 * statistics: how many requests each node got.
 */
public final class LoadBalancer implements AutoCloseable {

    public static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final int statsPort;
    private final Path log;

    private LoadBalancer(Process process, int port, int statsPort, Path log) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
        this.log = log;
    }

    /** Starts HAProxy in front of {@code nodes} (name → server), configured under {@code dir}. */
    public static LoadBalancer start(Path dir, Map<String, MachiServer> nodes) {
        ensureInstalled();
        int port = freePort();
        int statsPort = freePort();
        StringBuilder cfg = new StringBuilder("""
                global
                  maxconn 2000
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 120s
                  timeout server 120s
                  retries 3
                  retry-on conn-failure
                  option redispatch
                frontend machi
                  bind 127.0.0.1:%d
                  default_backend nodes
                backend nodes
                  balance roundrobin
                  option httpchk GET /health/ready
                  timeout check 10s
                  default-server inter 1s fall 2 rise 2
                """.formatted(port));
        nodes.forEach((name, s) -> cfg.append("  server ").append(name).append(" 127.0.0.1:").append(s.port())
                .append(" check\n"));
        cfg.append("""
                listen stats
                  bind 127.0.0.1:%d
                  stats enable
                  stats uri /stats
                """.formatted(statsPort));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, cfg.toString());
            Path log = dir.resolve("haproxy.log");
            Process p = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            LoadBalancer lb = new LoadBalancer(p, port, statsPort, log);
            lb.awaitUp(nodes.size());
            return lb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensureInstalled() {
        if (Files.isExecutable(HAPROXY)) {
            return;
        }
        try {
            boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).strip());
            if (root) {
                System.out.println("[machi-it] installing haproxy (apt-get install -y haproxy)");
                new ProcessBuilder("sh", "-c", "apt-get update -qq && apt-get install -y -qq haproxy").inheritIO().start()
                        .waitFor(600, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Files.isExecutable(HAPROXY)) {
            throw new AssertionError("The cluster test needs HAProxy (" + HAPROXY + "): apt-get install -y haproxy");
        }
    }

    private void awaitUp(int nodes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("HAProxy exited: " + logText());
            }
            try {
                Map<String, String[]> rows = stats();
                long up = rows.values().stream().filter(r -> r[17].startsWith("UP")).count();
                if (up == nodes) {
                    return;
                }
                last = up + " of " + nodes + " nodes up";
            } catch (RuntimeException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("HAProxy not ready within 60 s: " + last + "; " + logText());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Requests each node was sent so far (HAProxy's {@code stot}), by the name given at start. */
    public Map<String, Long> served() {
        Map<String, Long> out = new LinkedHashMap<>();
        stats().forEach((name, r) -> out.put(name, Long.parseLong(r[7])));
        return out;
    }

    /** The statistics CSV's rows of the backend's servers, by server name. */
    private Map<String, String[]> stats() {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort
                    + "/stats;csv")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String[]> rows = new LinkedHashMap<>();
            for (String line : r.body().split("\n")) {
                String[] f = line.split(",", -1);
                if (f.length > 17 && f[0].equals("nodes") && !f[1].equals("BACKEND")) {
                    rows.put(f[1], f);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
