package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of {@code /openapi} that takes {@code If-Match} is proved by a
 * {@link ConcurrencyContract} case, so a resource added later without its concurrency test fails
 * the build. Guarded are every PUT, PATCH and DELETE (but the few listed in {@link #UNGUARDED}, each
 * with its reason) and every POST whose summary says "If-Match". The cases are found in every
 * {@code ConcurrencyContract} subclass of {@code jp.machi.it} (and its subpackages).
 */
@MachiTest
class ConcurrencyCoverageIT {

    /** Writes that take no If-Match, by decision. Adding one here is a decision to review. */
    static final Map<String, String> UNGUARDED = Map.of(
            "DELETE /api/v1/session", "signing out: nothing is overwritten",
            "DELETE /api/v1/api-tokens/{id}", "revoking a token: idempotent, nothing is overwritten",
            "DELETE /api/v1/municipalities/{lgCode}/api-tokens/{id}", "revoking a token: idempotent",
            "PUT /api/v1/municipalities/{lgCode}/modules/{moduleId}", "switching a module on or off: idempotent, one flag",
            "DELETE /api/v1/municipalities/{lgCode}/planning/evaluation-results/{fiscalYear}/publication",
            "withdrawing a year's publication: idempotent",
            // Guarded (Versions.requireMatch), but only a FAILED mail can be retried, and the shared
            // server delivers every mail (to its log): MailIT retries one on a server of its own.
            "POST /api/v1/municipalities/{lgCode}/outbox/{id}/retry", "needs a FAILED mail: not on the shared server");

    /**
     * Operations that take If-Match (their own suites prove 428 and 412) but have no concurrency case
     * yet: debt recorded when the contract arrived after them, one per line. The list may only shrink:
     * an operation covered by a case, or gone, must be taken off; a new operation cannot be added
     * without a case unless someone edits this file, which a review sees.
     */
    static final String DEBT = "concurrency-cases-owed.txt";

    static Set<String> withoutCaseYet() {
        try (var in = ConcurrencyCoverageIT.class.getResourceAsStream("/" + DEBT)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> ops = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String op = line.strip();
                if (!op.isEmpty() && !op.startsWith("#")) {
                    ops.add(op);
                }
            }
            // The PATCH that core gives every PUT is owed with its PUT (the PUT's case will prove both).
            for (String op : List.copyOf(ops)) {
                if (op.startsWith("PUT ")) {
                    ops.add("PATCH " + op.substring(4));
                }
            }
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Api api;

    ConcurrencyCoverageIT(Api api) {
        this.api = api;
    }

    /** "PUT /api/…" for every operation of /openapi that takes If-Match. */
    private Set<String> guarded() {
        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        Set<String> ops = new TreeSet<>();
        paths.forEach((template, item) -> item.asJsonObject().forEach((method, op) -> {
            String key = method.toUpperCase() + " " + template;
            if (Set.of("put", "patch", "delete").contains(method)) {
                if (!UNGUARDED.containsKey(key)) {
                    ops.add(key);
                }
            } else if (method.equals("post") && op.getValueType() == JsonObject.ValueType.OBJECT) {
                JsonObject o = op.asJsonObject();
                String text = o.getString("summary", "") + " " + o.getString("description", "");
                if (text.contains("If-Match") && !UNGUARDED.containsKey(key)) {
                    ops.add(key);
                }
            }
        }));
        return ops;
    }

    /** Every case of every ConcurrencyContract subclass, by the operations it covers. */
    static Map<String, List<String>> covered() {
        Map<String, List<String>> by = new TreeMap<>();
        for (Class<?> c : contracts()) {
            try {
                var ctor = c.getDeclaredConstructor();
                ctor.setAccessible(true);
                for (ConcurrencyCase k : ((ConcurrencyContract) ctor.newInstance()).cases()) {
                    for (String op : k.operations()) {
                        by.computeIfAbsent(op, x -> new ArrayList<>()).add(c.getSimpleName() + ": " + k.name());
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(c.getName() + " needs a constructor without parameters"
                        + " (take the Api in the test methods, as ConcurrencyContract does)", e);
            }
        }
        return by;
    }

    static List<Class<?>> contracts() {
        List<Class<?>> found = new ArrayList<>();
        ClassLoader loader = ConcurrencyCoverageIT.class.getClassLoader();
        try {
            for (URL url : Collections.list(loader.getResources("jp/machi/it"))) {
                List<String> names = new ArrayList<>();
                if (url.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("jp/machi/it/")).forEach(names::add);
                    }
                } else {
                    Path root = Path.of(url.toURI()).getParent().getParent().getParent();
                    try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
                        files.map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                    }
                }
                for (String n : names) {
                    if (n.endsWith(".class") && !n.contains("$")) {
                        Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, loader);
                        if (ConcurrencyContract.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())
                                && !found.contains(c)) {
                            found.add(c);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    @Test
    void theContractsAreFound() {
        List<String> names = contracts().stream().map(Class::getSimpleName).toList();
        for (String expected : List.of("CoreConcurrencyIT", "PlanningConcurrencyIT", "EngagementConcurrencyIT",
                "CollaborationConcurrencyIT", "PromotionConcurrencyIT")) {
            assertTrue(names.contains(expected), () -> expected + " not found among " + names);
        }
    }

    @Test
    void everyOperationThatTakesIfMatchIsProvedByAConcurrencyCase() {
        Set<String> guarded = guarded();
        Map<String, List<String>> covered = covered();
        Set<String> debt = withoutCaseYet();
        List<String> settled = debt.stream().filter(op -> covered.containsKey(op) || !guarded.contains(op)).toList();
        assertTrue(settled.isEmpty(), () -> "Take these off " + DEBT + " (covered by a case now, or no longer an"
                + " operation that takes If-Match):\n  " + String.join("\n  ", settled));
        List<String> missing = guarded.stream().filter(op -> !covered.containsKey(op) && !debt.contains(op)).toList();
        if (!missing.isEmpty()) {
            fail(missing.size() + " operation(s) take If-Match but no concurrency case proves them:\n  "
                    + String.join("\n  ", missing) + "\n\nAdd a case to your module's ConcurrencyIT"
                    + " (it/src/test/java/jp/machi/it/<Module>ConcurrencyIT.java, a @MachiTest class extending"
                    + " jp.machi.it.support.ConcurrencyContract), e.g.\n"
                    + "  ConcurrencyCase.of(\"thing\")\n"
                    + "      .create(f -> f.item(\"/<module>/things\", f.post(\"/<module>/things\", thing(0))))\n"
                    + "      .put(n -> thing(n))            // distinct accepted bodies\n"
                    + "      .childChange(n -> ...)         // if it has child rows\n"
                    + "      .counter(n -> thing(n), json -> json.getInt(\"count\"))  // if it has a countable field\n"
                    + "      .delete()                      // if DELETE is guarded\n"
                    + "      .covers(\"" + (missing.get(0)) + "\")\n"
                    + "A write that takes no If-Match by design goes into ConcurrencyCoverageIT.UNGUARDED with its reason."
                    + " See it/README.md, \"Concurrency\".");
        }
        List<String> stale = covered.keySet().stream().filter(op -> !guarded.contains(op)).toList();
        assertTrue(stale.isEmpty(), () -> "cases cover operations /openapi does not have (or not guarded): " + stale);
    }
}
