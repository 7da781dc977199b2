package jp.machi.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
