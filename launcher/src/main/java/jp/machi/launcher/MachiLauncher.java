package jp.machi.launcher;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The Main-Class of {@code machi.jar}. A JVM's maximum heap cannot be set from inside it, and a jar's
 * manifest cannot carry JVM options; so when the command line sets no heap, this starts the same jar
 * again in a child JVM with Machi's default heap ({@code MACHI_HEAP}, 512m) and waits for it.
 * <ul>
 * <li>{@code java -Xmx2g -jar machi.jar} (or a heap in {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS}):
 * one JVM, the caller's heap.</li>
 * <li>{@code MACHI_HEAP=1g java -jar machi.jar}: another default; {@code MACHI_HEAP=jvm}: one JVM with the
 * JVM's own default (a quarter of the machine's memory).</li>
 * <li>A debugger agent on the command line: one JVM (the debug port cannot be opened twice).</li>
 * </ul>
 * The child is tied to this process: SIGTERM or Ctrl-C here stops it gracefully (it has
 * {@value #STOP_SECONDS} s before it is killed), and if this process dies without a word ({@code kill -9})
 * the child halts at once, as the server would have. Its exit code is this process's exit code.
 * See docs/adr/0036-default-heap.md.
 *
 * <p>Clustering: the bundle has Payara's {@code --nocluster} built in, so that instances on one host
 * never join each other by chance. {@code MACHI_CLUSTER=<name>} (or {@code --clustername <name>} on
 * the command line) lifts it: the server joins the Payara data grid (Hazelcast) of that cluster name,
 * and only that one. See docs/adr/0045-cluster-browser-sessions-in-the-database.md.
 */
public final class MachiLauncher {

    /** Machi's default maximum heap, documented in the README ("Memory"). */
    public static final String DEFAULT_HEAP = "512m";

    static final String PARENT_PROPERTY = "machi.launcher.parent";
    static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";
    static final int STOP_SECONDS = 60;

    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,9}[kKmMgG]?");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final String CLUSTER_NAME_OPTION = "--clustername";

    private MachiLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent != null) {
            dieWith(parent);
            runPayara(args);
            return;
        }
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<String> heap;
        try {
            clusterArguments(System.getenv("MACHI_CLUSTER"), args, "");
            heap = heapToSet(System.getenv("MACHI_HEAP"), jvmArgs, System.getenv("JAVA_TOOL_OPTIONS"),
                    System.getenv("JDK_JAVA_OPTIONS"));
        } catch (IllegalArgumentException e) {
            System.err.println("Machi: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (heap.isEmpty()) {
            runPayara(args);
            return;
        }
        System.exit(runChild(heap.get(), jvmArgs, args));
    }

    /**
     * The heap the child gets, or empty when this JVM runs Machi itself: the command line or the
     * JVM's environment variables set a heap, {@code MACHI_HEAP=jvm}, or a debugger is attached.
     *
     * @throws IllegalArgumentException for a {@code MACHI_HEAP} that is no size (such as 512m or 2g)
     */
    static Optional<String> heapToSet(String machiHeap, List<String> jvmArgs, String... optionVariables) {
        String heap = machiHeap == null || machiHeap.isBlank() ? DEFAULT_HEAP : machiHeap.trim();
        if (heap.toLowerCase(Locale.ROOT).equals("jvm")) {
            return Optional.empty();
        }
        if (!SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("MACHI_HEAP=" + heap + " is not a heap size such as 512m, 1g or 2048m"
                    + " (or \"jvm\" for the JVM's own default).");
        }
        List<String> all = new ArrayList<>(jvmArgs);
        for (String v : optionVariables) {
            if (v != null) {
                all.addAll(List.of(v.trim().split("\\s+")));
            }
        }
        boolean chosen = all.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAMFraction")
                || a.startsWith("-XX:MaxRAM="));
        boolean debugged = all.stream().anyMatch(a -> a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp"));
        return chosen || debugged ? Optional.empty() : Optional.of(heap);
    }

    /** The child's command: this JVM's options, the heap and the parent's id before them, the same jar and arguments. */
    static List<String> childCommand(String java, String heap, long parentPid, List<String> jvmArgs, String jar,
            String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-Xmx" + heap);
        cmd.add("-D" + PARENT_PROPERTY + "=" + parentPid);
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int runChild(String heap, List<String> jvmArgs, String[] args)
            throws InterruptedException, URISyntaxException, java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = new File(MachiLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        System.err.println("Machi: maximum heap " + heap + " (MACHI_HEAP; or java -Xmx… -jar machi.jar)");
        Process child = new ProcessBuilder(childCommand(java, heap, ProcessHandle.current().pid(), jvmArgs, jar, args))
                .inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    if (!child.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    child.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }, "machi-launcher-stop"));
        return child.waitFor();
    }

    /** In the child: halt as soon as the launcher is gone, so that {@code kill -9} of it stops the server too. */
    private static void dieWith(String parentPid) {
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(parentPid));
        } catch (NumberFormatException e) {
            parent = Optional.empty();
        }
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Runtime.getRuntime().halt(137);
        }
        ProcessHandle p = parent.get();
        Thread watch = new Thread(() -> {
            while (p.isAlive()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "machi-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * The command line with clustering asked for by {@code MACHI_CLUSTER} (or {@code --clustername}):
     * {@code --clustername} added from the variable unless given, and {@code --systemproperties} naming
     * {@code noClusterOff}, a file that turns the bundle's built-in {@code --nocluster} off (Payara reads it
     * after the bundle's own properties). Unchanged when no cluster is asked for or {@code --nocluster} is
     * on the command line.
     *
     * @throws IllegalArgumentException for a cluster name that is not 1–100 letters, digits, {@code .}, {@code _}, {@code -}
     */
    static String[] clusterArguments(String machiCluster, String[] args, String noClusterOff) {
        List<String> out = new ArrayList<>(List.of(args));
        boolean named = out.contains(CLUSTER_NAME_OPTION);
        String name = named ? argAfter(out, CLUSTER_NAME_OPTION) : machiCluster == null ? "" : machiCluster.trim();
        if (name.isEmpty() || out.contains("--nocluster")) {
            return args;
        }
        if (!CLUSTER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException((named ? CLUSTER_NAME_OPTION + " " : "MACHI_CLUSTER=") + name
                    + " is no cluster name: 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (!named) {
            out.add(CLUSTER_NAME_OPTION);
            out.add(name);
        }
        out.add("--systemproperties");
        out.add(noClusterOff);
        return out.toArray(String[]::new);
    }

    private static String argAfter(List<String> args, String option) {
        int i = args.indexOf(option);
        return i + 1 < args.size() ? args.get(i + 1).trim() : "";
    }

    private static void runPayara(String[] givenArgs) throws Exception {
        String[] args = givenArgs;
        String machiCluster = System.getenv("MACHI_CLUSTER");
        if (clusterArguments(machiCluster, givenArgs, "") != givenArgs) {
            Path props = java.nio.file.Files.createTempFile("machi-cluster", ".properties");
            props.toFile().deleteOnExit();
            java.nio.file.Files.writeString(props, "payaramicro.noCluster=false\n");
            args = clusterArguments(machiCluster, givenArgs, props.toString());
            System.err.println("Machi: joining the cluster " + argAfter(List.of(args), CLUSTER_NAME_OPTION)
                    + " (Payara data grid; MACHI_CLUSTER)");
        }
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // Payara's own failure, as if it had been the Main-Class.
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
