package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.H2Only;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar machi.jar} without a heap option runs Machi with its documented default heap
 * (512 MiB; {@code MACHI_HEAP} chooses another), read back from the server's own
 * {@code /metrics}; the server process started by the launcher dies with it, whether the launcher is
 * stopped as an operator stops it (SIGTERM) or killed ({@code kill -9}). Every other suite passes its
 * own {@code -Xmx}, which keeps one JVM (docs/adr/0036-default-heap.md).
 */
@MachiTest
@H2Only("the launcher runs before any database is opened; one run keeps CI's time down")
class DefaultHeapIT {

    private static final Pattern MAX_HEAP = Pattern.compile("(?m)^memory_maxHeap_bytes\\{[^}]*\\} ([0-9.E+]+)$");
    private static final long MIB = 1024 * 1024;

    @Test
    void javaDashJarGetsTheDefaultHeapAndTheServerDiesWithAKilledLauncher() {
        try (TestDatabase db = TestDatabase.migrated("default-heap")) {
            MachiServer server = MachiServer.machiJar("default-heap", db).defaultHeap().start();
            try {
                assertEquals(512 * MIB, maxHeap(server), "java -jar machi.jar: the default 512 MiB heap");
                ProcessHandle child = onlyChild(server, "-Xmx512m");
                // kill -9 of the process the operator started: the server must not live on without it.
                server.handle().destroyForcibly();
                awaitGone(child, "the server after kill -9 of its launcher");
                assertFalse(answers(server), "nothing answers on the port after kill -9");
            } finally {
                server.crash();
            }
        }
    }

    @Test
    void machiHeapChoosesTheHeapAndSigtermStopsTheServerGracefully() {
        try (TestDatabase db = TestDatabase.migrated("machi-heap")) {
            MachiServer server = MachiServer.machiJar("machi-heap", db).defaultHeap().env("MACHI_HEAP", "384m")
                    .start();
            ProcessHandle child;
            try {
                assertEquals(384 * MIB, maxHeap(server), "MACHI_HEAP=384m");
                child = onlyChild(server, "-Xmx384m");
                server.stop();
            } finally {
                server.crash();
            }
            awaitGone(child, "the server after SIGTERM to its launcher");
            String log;
            try {
                log = java.nio.file.Files.readString(server.log());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertTrue(log.contains("Machi: maximum heap 384m"), "the launcher says which heap it chose:\n"
                    + server.logTail(20));
        }
    }

    private static long maxHeap(MachiServer server) {
        String metrics = server.anonymousApi().get("/metrics").send().expect(200).text();
        Matcher m = MAX_HEAP.matcher(metrics);
        if (!m.find()) {
            fail("/metrics has no memory_maxHeap_bytes:\n" + metrics.substring(0, Math.min(2000, metrics.length())));
        }
        return (long) Double.parseDouble(m.group(1));
    }

    /** The one JVM the launcher started, with the heap option it was given. */
    private static ProcessHandle onlyChild(MachiServer server, String heapOption) {
        List<ProcessHandle> children = server.handle().children().toList();
        assertEquals(1, children.size(), "the launcher runs Machi in one child JVM: " + children);
        ProcessHandle child = children.get(0);
        List<String> args = Arrays.asList(child.info().arguments().orElse(new String[0]));
        assertTrue(args.contains(heapOption), "the child runs with " + heapOption + ": " + args);
        return child;
    }

    private static void awaitGone(ProcessHandle p, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            fail(what + " is still running");
        }
    }

    private static boolean answers(MachiServer server) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
