package jp.machi.it.support;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The concurrency contract every If-Match-guarded resource keeps, proved through the server. A
 * module's test extends this class (annotated {@link MachiTest}, named {@code …ConcurrencyIT}) and
 * lists its resources in {@link #cases()}; {@code ConcurrencyCoverageIT} finds every subclass and
 * fails for a guarded operation of {@code /openapi} that no case covers. For each case:
 * <ul>
 *   <li>beside every PUT, the PATCH (JSON Merge Patch) core gives it: a patch of nothing ({@code {}})
 *       keeps every member of the representation, and two PATCH writers with one ETag get one
 *       success and one 412;</li>
 *   <li>{@code If-Match: *}, an empty or blank one and none at all are 428 on every guarded
 *       operation, and nothing is written (the ETag stays);</li>
 *   <li>a change gives a new ETag; the old one is then 412 on the update, the delete and every action;</li>
 *   <li>two writers with one ETag get one success and one 412 ({@value #TRIALS} trials), for the
 *       update, the delete (the loser 412 or 404: it is gone) and every action;</li>
 *   <li>a change of child rows only gives a new ETag too, and the old one is 412;</li>
 *   <li>where there is a countable field, {@value #CLIENTS} clients making {@value #INCREMENTS}
 *       acknowledged increments each leave exactly their product.</li>
 * </ul>
 */
public abstract class ConcurrencyContract {

    static final int TRIALS = 4;
    static final int CLIENTS = 4;
    static final int INCREMENTS = 4;

    /** The resources this test proves. Building them must not call the server (the coverage walk reads them). */
    public abstract List<ConcurrencyCase> cases();

    /** The fixture's municipality: a fresh one with every module on, made once per class. */
    private ConcurrencyCase.Fixture fixture;

    private ConcurrencyCase.Fixture fixture(Api api, ConcurrencyCase c) {
        return c.fixture(fixture(api));
    }

    private synchronized ConcurrencyCase.Fixture fixture(Api api) {
        if (fixture == null) {
            String lg = Municipalities.register(api);
            for (String module : List.of("planning", "engagement", "collaboration", "promotion")) {
                Municipalities.setModule(api, lg, module, true);
            }
            // Many public applications are made here: no rate limit.
            Reply intake = api.get(Municipalities.PATH + "/" + lg + "/intake/settings").send().expect(200);
            api.put(Municipalities.PATH + "/" + lg + "/intake/settings").ifMatch(intake.etag())
                    .json("{\"rateLimitCount\":0,\"rateLimitWindowSeconds\":600,\"honeypotEnabled\":true}").send().expect(200);
            fixture = new ConcurrencyCase.Fixture(api, lg, api);
        }
        return fixture;
    }

    @TestFactory
    Stream<DynamicNode> concurrencyContract(Api api) {
        return cases().stream().map(c -> {
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("an asterisk, an empty or no If-Match is 428 and writes nothing",
                    () -> ifMatchRequired(c, fixture(api, c))));
            if (c.change != null) {
                tests.add(DynamicTest.dynamicTest("a change gives a new ETag; the old one is 412",
                        () -> staleIs412(c, fixture(api, c))));
                tests.add(DynamicTest.dynamicTest("two writers with one ETag: one " + c.updateMethod + " wins, one is 412",
                        () -> twoWriters(c, c.updateMethod, fixture(api, c))));
            }
            if (c.mergePatches()) {
                tests.add(DynamicTest.dynamicTest("a merge patch of nothing ({}) keeps every member",
                        () -> emptyPatchKeepsAll(c, fixture(api, c))));
                tests.add(DynamicTest.dynamicTest("two writers with one ETag: one PATCH wins, one is 412",
                        () -> twoWriters(c, "PATCH", fixture(api, c))));
            }
            if (c.childChange != null) {
                tests.add(DynamicTest.dynamicTest("a change of child rows only gives a new ETag; the old one is 412",
                        () -> childRows(c, fixture(api, c))));
            }
            if (c.counted != null) {
                tests.add(DynamicTest.dynamicTest(CLIENTS + " clients × " + INCREMENTS + " acknowledged increments = "
                        + CLIENTS * INCREMENTS, () -> increments(c, fixture(api, c))));
            }
            if (c.delete) {
                tests.add(DynamicTest.dynamicTest("two deleters with one ETag: one deletes, the other is 412 or 404",
                        () -> twoDeleters(c, fixture(api, c))));
            }
            for (ConcurrencyCase.Action a : c.actions) {
                tests.add(DynamicTest.dynamicTest("two callers of " + a.subPath() + " with one ETag: one "
                        + a.success() + ", one 412", () -> twoActors(c, a, fixture(api, c))));
            }
            return DynamicContainer.dynamicContainer(c.name() + " " + c.operations(), tests);
        });
    }

    /** An action's body: JSON, or raw bytes (an upload) when it is a {@code byte[]}. */
    private static Api.Call body(Api.Call call, ConcurrencyCase.Action a) {
        return a.body() instanceof byte[] bytes ? call.body(bytes, "application/octet-stream") : call.json(a.body());
    }

    private static String etag(Api api, String item) {
        Reply r = api.get(item).send().expect(200);
        assertNotNull(r.etag(), () -> "no ETag on " + r);
        return r.etag();
    }

    private static Api.Call update(Api api, ConcurrencyCase c, String item, Object body) {
        return update(api, c, c.updateMethod, item, body);
    }

    /** A PUT (or the case's own update) with a JSON body, or a PATCH with the body as a JSON Merge Patch. */
    private static Api.Call update(Api api, ConcurrencyCase c, String method, String item, Object body) {
        if (method.equals("PATCH")) {
            return api.method("PATCH", item + c.updateSuffix)
                    .body(String.valueOf(body).getBytes(java.nio.charset.StandardCharsets.UTF_8), MERGE_PATCH);
        }
        return api.method(method, item + c.updateSuffix).json(body);
    }

    static final String MERGE_PATCH = "application/merge-patch+json";

    /**
     * After a PUT, {@code PATCH {}} answers 200 and leaves the representation as it was: the PUT body core builds
     * from the record holds everything (a GET that shows computed values where the PUT takes typed
     * ones needs a {@code @MergePatch.Base} in the resource).
     */
    private static void emptyPatchKeepsAll(ConcurrencyCase c, ConcurrencyCase.Fixture f) {
        String item = c.create.apply(f);
        // First a PUT, so that a part written on its own (scores, a settlement, a year's monitoring) exists.
        Reply put = update(f.api(), c, item, c.change.apply(1)).ifMatch(etag(f.api(), item)).send();
        assertTrue(ok(put.status()), put::toString);
        List<String> shown = new ArrayList<>(List.of(item));
        if (!c.updateSuffix.isEmpty() && f.api().get(item + c.updateSuffix).send().status() == 200) {
            shown.add(item + c.updateSuffix);
        }
        List<String> before = shown.stream().map(p -> f.api().get(p).send().expect(200).text()).toList();
        Reply patched = update(f.api(), c, "PATCH", item, "{}").ifMatch(etag(f.api(), item)).send();
        assertTrue(ok(patched.status()), patched::toString);
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(withoutTimes(before.get(i)), withoutTimes(f.api().get(shown.get(i)).send().expect(200).text()),
                    "PATCH {} on " + item + c.updateSuffix + " changed the representation of " + shown.get(i));
        }
    }

    /** A representation without the members that record when it was written. */
    private static String withoutTimes(String json) {
        // A PUT that does not compare old and new raises the version even when nothing changed: that is
        // the PUT's own way, not a member lost.
        return json.replaceAll("\"(updatedAt|modifiedAt|lastModified|changedAt)\":\"[^\"]*\",?", "")
                .replaceAll("\"version\":\\d+,?", "");
    }

    private static boolean ok(int status) {
        return status == 200 || status == 204;
    }

    private static void ifMatchRequired(ConcurrencyCase c, ConcurrencyCase.Fixture f) {
        String item = c.create.apply(f);
        String before = etag(f.api(), item);
        for (String bad : new String[] {"*", "", " ", null}) {
            List<Api.Call> calls = new ArrayList<>();
            if (c.change != null) {
                calls.add(update(f.api(), c, item, c.change.apply(1)));
            }
            if (c.mergePatches()) {
                calls.add(update(f.api(), c, "PATCH", item, c.change.apply(1)));
            }
            if (c.delete) {
                calls.add(f.api().delete(item));
            }
            for (ConcurrencyCase.Action a : c.actions) {
                calls.add(body(f.api().post(item + a.subPath()), a));
            }
            for (Api.Call call : calls) {
                if (bad != null) {
                    call.ifMatch(bad);
                }
                assertProblem(call.send(), 428, "precondition-required");
            }
        }
        assertEquals(before, etag(f.api(), item), "nothing was written");
    }

    private static void staleIs412(ConcurrencyCase c, ConcurrencyCase.Fixture f) {
        String item = c.create.apply(f);
        String old = etag(f.api(), item);
        Reply changed = update(f.api(), c, item, c.change.apply(1)).ifMatch(old).send();
        assertTrue(ok(changed.status()), changed::toString);
        String now = etag(f.api(), item);
        assertNotEquals(old, now, "a change is a new version");
        assertProblem(update(f.api(), c, item, c.change.apply(2)).ifMatch(old).send(), 412, "stale-version");
        if (c.delete) {
            assertProblem(f.api().delete(item).ifMatch(old).send(), 412, "stale-version");
        }
        for (ConcurrencyCase.Action a : c.actions) {
            assertProblem(body(f.api().post(item + a.subPath()).ifMatch(old), a).send(), 412, "stale-version");
        }
        assertEquals(now, etag(f.api(), item), "the stale writers wrote nothing");
    }

    private static void childRows(ConcurrencyCase c, ConcurrencyCase.Fixture f) {
        String item = c.create.apply(f);
        String old = etag(f.api(), item);
        for (int n = 201; n <= 202; n++) {
            Reply changed = update(f.api(), c, item, c.childChange.apply(n)).ifMatch(old).send();
            assertTrue(ok(changed.status()), changed::toString);
            String now = etag(f.api(), item);
            assertNotEquals(old, now, "a change of child rows only is a new version");
            assertProblem(update(f.api(), c, item, c.childChange.apply(n + 10)).ifMatch(old).send(), 412, "stale-version");
            old = now;
        }
    }

    private static List<Integer> race(List<Callable<Integer>> writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            CyclicBarrier start = new CyclicBarrier(writers.size());
            List<Future<Integer>> running = new ArrayList<>();
            for (Callable<Integer> w : writers) {
                running.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return w.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : running) {
                statuses.add(r.get(300, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void twoWriters(ConcurrencyCase c, String method, ConcurrencyCase.Fixture f) throws Exception {
        String item = c.create.apply(f);
        for (int trial = 0; trial < TRIALS; trial++) {
            String etag = etag(f.api(), item);
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                // Values no other test of the case sends: a write of what is already there changes nothing
                // (and rightly keeps the ETag), so it would not race.
                Object body = c.change.apply(100 + trial * 2 + w);
                writers.add(() -> status(update(f.api(), c, method, item, body).ifMatch(etag).send(), Set.of(200, 204, 412)));
            }
            List<Integer> statuses = race(writers);
            assertTrue(ok(statuses.get(0)) && statuses.get(1) == 412,
                    "trial " + trial + ": one writer wins, the other is told (412): " + statuses);
        }
    }

    private static void twoDeleters(ConcurrencyCase c, ConcurrencyCase.Fixture f) throws Exception {
        for (int trial = 0; trial < 2; trial++) {
            String item = c.create.apply(f);
            String etag = etag(f.api(), item);
            List<Callable<Integer>> deleters = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                deleters.add(() -> status(f.api().delete(item).ifMatch(etag).send(), Set.of(200, 204, 404, 412)));
            }
            List<Integer> statuses = race(deleters);
            assertTrue(ok(statuses.get(0)) && Set.of(404, 412).contains(statuses.get(1)),
                    "trial " + trial + ": one deletes, the other is told: " + statuses);
            if (c.revokes) {
                f.api().get(item).send().expect(200);
            } else {
                assertProblem(f.api().get(item).send(), 404, "not-found");
            }
        }
    }

    private static void twoActors(ConcurrencyCase c, ConcurrencyCase.Action a, ConcurrencyCase.Fixture f) throws Exception {
        for (int trial = 0; trial < 2; trial++) {
            String item = c.create.apply(f);
            String etag = etag(f.api(), item);
            List<Callable<Integer>> actors = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                actors.add(() -> status(body(f.api().post(item + a.subPath()).ifMatch(etag), a).send(),
                        Set.of(a.success(), 412)));
            }
            List<Integer> statuses = race(actors);
            assertEquals(List.of(a.success(), 412), statuses, "trial " + trial + ": one acts, the other is told");
        }
    }

    private static void increments(ConcurrencyCase c, ConcurrencyCase.Fixture f) throws Exception {
        String item = c.create.apply(f);
        IntFunction<Object> body = c.counted;
        // Start from 0.
        update(f.api(), c, item, body.apply(0)).ifMatch(etag(f.api(), item)).send();
        long start = c.count.applyAsLong(f.api().get(item).send().expect(200).object());
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int k = 0; k < CLIENTS; k++) {
            clients.add(() -> {
                int acknowledged = 0;
                int attempts = 0;
                while (acknowledged < INCREMENTS && attempts++ < 400) {
                    Reply read = f.api().get(item).send().expect(200);
                    int next = (int) (c.count.applyAsLong(read.object()) + 1);
                    Reply written = update(f.api(), c, item, body.apply(next)).ifMatch(read.etag()).send();
                    if (ok(written.status())) {
                        acknowledged++;
                    } else {
                        status(written, Set.of(412));
                    }
                }
                return acknowledged;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            int acknowledged = 0;
            for (Future<Integer> r : pool.invokeAll(clients)) {
                acknowledged += r.get(600, TimeUnit.SECONDS);
            }
            assertEquals(CLIENTS * INCREMENTS, acknowledged, "every client finished its increments");
            assertEquals(start + CLIENTS * INCREMENTS, c.count.applyAsLong(f.api().get(item).send().expect(200).object()),
                    "every acknowledged increment is there");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The status, failing with the whole exchange unless it is one of {@code allowed}. */
    private static int status(Reply r, Set<Integer> allowed) {
        if (!allowed.contains(r.status())) {
            throw new AssertionError("expected one of " + allowed + ": " + r);
        }
        return r.status();
    }
}
