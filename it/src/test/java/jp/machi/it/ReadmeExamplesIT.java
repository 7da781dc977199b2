package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The README's shell examples, run as a reader runs them: every {@code ```sh} block the README marks
 * with {@code <!-- readme-example: expect '…', '…' -->} is run with bash and curl, in the README's
 * order (later blocks use what earlier ones set, such as {@code $AUTH}), against a server of its own
 * started as the README says ({@code MACHI_DEMO=true}, untouched demo data: the examples name ETags
 * and change records), with {@code localhost:8080} pointing at it. Every block must run through
 * ({@code set -e -o pipefail}), and its output must hold each documented answer its marker names.
 * An example that drifts from the API fails here.
 */
@MachiTest
class ReadmeExamplesIT {

    static final Pattern MARKER = Pattern.compile("^<!-- readme-example(?::\\s*expect\\s+(.*))?\\s*-->\\s*$");
    static final Pattern EXPECTED = Pattern.compile("'([^']*)'");

    /** One marked block: its first line number in README.md, its text and the answers its output must hold. */
    record Example(int line, String script, List<String> expected) {
    }

    static Path readme() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("it"))) {
                return candidate;
            }
        }
        throw new AssertionError("README.md of the repository not found above " + System.getProperty("user.dir"));
    }

    static List<Example> examples(List<String> lines) {
        List<Example> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            assertEquals("```sh", lines.get(i + 1).strip(), "README.md line " + (i + 2) + ": a marked example is a ```sh block");
            List<String> expected = new ArrayList<>();
            if (m.group(1) != null) {
                Matcher e = EXPECTED.matcher(m.group(1));
                while (e.find()) {
                    expected.add(e.group(1));
                }
            }
            StringBuilder script = new StringBuilder();
            int j = i + 2;
            for (; !lines.get(j).strip().equals("```"); j++) {
                script.append(lines.get(j)).append('\n');
            }
            found.add(new Example(i + 3, script.toString(), expected));
            i = j;
        }
        return found;
    }

    @Test
    void theMarkedExamplesRunAndAnswerWhatTheReadmeSays() throws Exception {
        List<Example> examples = examples(Files.readAllLines(readme(), StandardCharsets.UTF_8));
        assertTrue(examples.size() >= 5, "the README marks its examples: " + examples.size() + " found");
        Path work = Files.createTempDirectory(Path.of("target"), "readme-examples-");
        try (TestDatabase db = TestDatabase.fresh("readme");
                MachiServer server = MachiServer.machiJar("readme", db).env("MACHI_DEMO", "true").start()) {
            String host = "127.0.0.1:" + server.port();
            StringBuilder script = new StringBuilder("set -e -o pipefail\n");
            for (int n = 0; n < examples.size(); n++) {
                script.append("echo '@@example ").append(n).append("'\n");
                script.append(examples.get(n).script().replace("localhost:8080", host)
                        .replace("/tmp/machi.cookies", work.resolve("machi.cookies").toAbsolutePath().toString()));
            }
            script.append("echo '@@example end'\n");
            Path file = work.resolve("examples.sh");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process bash = new ProcessBuilder("bash", file.toAbsolutePath().toString()).directory(work.toFile())
                    .redirectErrorStream(true).start();
            byte[] out = bash.getInputStream().readAllBytes();
            assertTrue(bash.waitFor(5, TimeUnit.MINUTES), "the examples finish");
            String output = new String(out, StandardCharsets.UTF_8);
            Files.writeString(work.resolve("output.txt"), output, StandardCharsets.UTF_8);
            String[] parts = output.split("@@example ");
            assertEquals(0, bash.exitValue(), () -> "an example failed (set -e): " + tail(output));
            assertTrue(output.contains("@@example end"), () -> "the examples ran to the end: " + tail(output));
            for (int n = 0; n < examples.size(); n++) {
                Example e = examples.get(n);
                String shown = section(parts, n);
                for (String expected : e.expected()) {
                    assertTrue(shown.contains(expected), "README.md example at line " + e.line() + ": its output lacks '"
                            + expected + "':\n" + shown.substring(0, Math.min(shown.length(), 4000)));
                }
                assertFalse(shown.contains("\"status\":500"), "README.md example at line " + e.line() + ": a 500\n" + shown);
            }
        } finally {
            // The output stays in it/target for a post-mortem.
        }
    }

    private static String section(String[] parts, int n) {
        for (String p : parts) {
            if (p.startsWith(n + "\n")) {
                return p.substring((n + "\n").length());
            }
        }
        throw new AssertionError("no output of example " + n);
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "…" + output.substring(output.length() - 6000);
    }
}
