package jp.machi.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MachiLauncherTest {

    @Test
    void withoutAHeapOnTheCommandLineTheChildGetsTheDefault() {
        assertEquals(Optional.of("512m"), MachiLauncher.heapToSet(null, List.of("-Djava.io.tmpdir=/tmp/x")));
        assertEquals(Optional.of("512m"), MachiLauncher.heapToSet(" ", List.of()));
    }

    @Test
    void machiHeapChoosesAnotherDefault() {
        assertEquals(Optional.of("1g"), MachiLauncher.heapToSet("1g", List.of()));
        assertEquals(Optional.of("2048m"), MachiLauncher.heapToSet(" 2048m ", List.of()));
    }

    @Test
    void aHeapChosenByTheCallerRunsInThisJvm() {
        assertEquals(Optional.empty(), MachiLauncher.heapToSet(null, List.of("-Xmx2g")));
        assertEquals(Optional.empty(), MachiLauncher.heapToSet("1g", List.of("-XX:MaxRAMPercentage=50")));
        assertEquals(Optional.empty(), MachiLauncher.heapToSet(null, List.of("-XX:MaxHeapSize=1073741824")));
        assertEquals(Optional.empty(), MachiLauncher.heapToSet(null, List.of(), "-Xss1m -Xmx700m"));
        assertEquals(Optional.empty(), MachiLauncher.heapToSet(null, List.of(), null, "-XX:MaxRAM=2g"));
    }

    @Test
    void jvmMeansTheJvmsOwnDefaultAndADebuggerKeepsOneJvm() {
        assertEquals(Optional.empty(), MachiLauncher.heapToSet("jvm", List.of()));
        assertEquals(Optional.empty(), MachiLauncher.heapToSet("JVM", List.of()));
        assertEquals(Optional.empty(), MachiLauncher.heapToSet(null,
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005")));
    }

    @Test
    void aMachiHeapThatIsNoSizeIsRefusedWithWhatItShouldBe() {
        for (String bad : List.of("lots", "0", "512x", "-1g", "1.5g", "99999999999g")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MachiLauncher.heapToSet(bad, List.of()), bad);
            assertTrue(e.getMessage().contains("512m"), e.getMessage());
        }
    }

    @Test
    void theChildRunsTheSameJarWithTheHeapAndTheParentBeforeTheCallersOptions() {
        assertEquals(List.of("/jdk/bin/java", "-Xmx512m", "-Dmachi.launcher.parent=42", "-Dfoo=bar", "-jar",
                "/opt/machi.jar", "--port", "8081"),
                MachiLauncher.childCommand("/jdk/bin/java", "512m", 42, List.of("-Dfoo=bar"), "/opt/machi.jar",
                        new String[] {"--port", "8081"}));
    }

    @Test
    void withoutMachiClusterTheBundlesNoclusterStands() {
        String[] args = {"--port", "8081"};
        assertSame(args, MachiLauncher.clusterArguments(null, args, "/tmp/p"));
        assertSame(args, MachiLauncher.clusterArguments("  ", args, "/tmp/p"));
        String[] explicit = {"--nocluster", "--port", "8081"};
        assertSame(explicit, MachiLauncher.clusterArguments("town-a", explicit, "/tmp/p"));
    }

    @Test
    void machiClusterJoinsTheNamedClusterOnly() {
        assertArrayEquals(new String[] {"--port", "8081", "--clustername", "town-a", "--systemproperties", "/tmp/p"},
                MachiLauncher.clusterArguments(" town-a ", new String[] {"--port", "8081"}, "/tmp/p"));
        // --clustername on the command line asks for the cluster too, and wins over the variable.
        assertArrayEquals(new String[] {"--clustername", "b.2", "--systemproperties", "/tmp/p"},
                MachiLauncher.clusterArguments("town-a", new String[] {"--clustername", "b.2"}, "/tmp/p"));
    }

    @Test
    void aClusterNameThatIsNoNameIsRefused() {
        for (String bad : List.of("-x", "a b", "名前", "a".repeat(101), "x;y")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MachiLauncher.clusterArguments(bad, new String[0], "/tmp/p"), bad);
            assertTrue(e.getMessage().contains("MACHI_CLUSTER"), e.getMessage());
        }
    }
}
