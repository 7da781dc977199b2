package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.Api;
import jp.machi.it.support.LoadBalancer;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.PostgresqlOnly;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of one cluster ({@code MACHI_CLUSTER}, a name of this run's own) on one fresh PostgreSQL
 * database, as a vendor runs them: they form one Payara data grid; a browser signed in on one node
 * works on the other, CSRF token included; a change made on one node is read at once on the other;
 * the scheduled anonymisation (due every minute here) runs each slot once between them; HAProxy in
 * front spreads requests over both; and {@code kill -9} of the node that ran the last slot, under
 * write load through the balancer, loses no acknowledged write, fails at most 1 % of requests (each
 * completed by the client's retry), signs out nobody who signed in through it, and the next slot runs
 * on the node left. The figures are printed.
 */
@MachiTest
@PostgresqlOnly("a cluster shares one PostgreSQL database; two servers cannot share an H2 file")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String JOBS = ScheduledJobIT.JOBS;
    static final String ANONYMISATION = ScheduledJobIT.ANONYMISATION;

    private final String cluster = "machi-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
    private TestDatabase db;
    private MachiServer a;
    private MachiServer b;
    private Api adminA;
    private Api adminB;
    private String lg;

    @BeforeAll
    void twoNodes() {
        db = TestDatabase.fresh("cluster");
        // Started together, as an operator starts a cluster: they take turns migrating the empty database.
        a = node("cluster-a").startAsync();
        b = node("cluster-b").startAsync();
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture.allOf(CompletableFuture.supplyAsync(a::awaitReady, waiters),
                    CompletableFuture.supplyAsync(b::awaitReady, waiters)).join();
        } finally {
            waiters.shutdownNow();
        }
        adminA = a.api();
        adminB = adminA.at(b.baseUri());
        lg = Municipalities.register(adminA);
    }

    private MachiServer.Builder node(String name) {
        return MachiServer.machiJar(name, db).env("MACHI_CLUSTER", cluster)
                .env("MACHI_PERSONAL_DATA_ANONYMISE_HOUR", "*").env("MACHI_PERSONAL_DATA_ANONYMISE_MINUTE", "*");
    }

    @AfterAll
    void stop() {
        for (MachiServer s : new MachiServer[] {a, b}) {
            if (s != null) {
                s.stop();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneDataGridOfTheirClusterName() throws Exception {
        String both = Files.readString(a.log()) + Files.readString(b.log());
        assertTrue(both.contains("DG Name: " + cluster + " DG Size: 2"), "the data grid of " + cluster + " has both nodes");
        Matcher names = Pattern.compile("DG Name: (\\S+)").matcher(both);
        while (names.find()) {
            assertEquals(cluster, names.group(1), "no node joined another cluster");
        }
        assertTrue(both.contains("Machi: joining the cluster " + cluster), "the launcher says so");
    }

    @Test
    @Order(2)
    void aBrowserSignedInOnOneNodeWorksOnTheOtherCsrfTokenIncludedUntilItSignsOut() {
        Api.Account staff = adminA.newUser("STAFF", lg);
        Api onA = adminA.signIn(staff);
        Api onB = onA.at(b.baseUri());
        JsonObject meA = onA.get("/api/v1/session").send().expect(200).object();
        JsonObject meB = onB.get("/api/v1/session").send().expect(200).object();
        assertEquals(meA, meB, "the same caller and CSRF token on both nodes");
        assertEquals(staff.id(), meB.getJsonObject("caller").getString("id"));

        String indicators = Municipalities.PATH + "/" + lg + "/indicators";
        String body = "{\"nameJa\":\"ノード間の確認\",\"kind\":\"OUTCOME\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\"}";
        assertProblem(onB.post(indicators).without(Api.CSRF_HEADER).json(body).send(), 403, "csrf");
        String id = onB.post(indicators).json(body).send().expect(201).object().getString("id");
        onA.get(indicators + "/" + id).send().expect(200);

        // Signing out on one node ends the session on every node.
        onB.delete("/api/v1/session").send().expect(204);
        assertProblem(onA.get("/api/v1/session").send(), 401, "unauthenticated");
        assertProblem(onB.get(indicators).send(), 401, "unauthenticated");
    }

    @Test
    @Order(3)
    void aChangeOnOneNodeIsReadAtOnceOnTheOther() {
        String base = Municipalities.PATH + "/" + lg;
        // Module enablement.
        assertProblem(adminB.get(base + "/planning/plans").send(), 404, "module-not-enabled");
        Municipalities.setModule(adminA, lg, "planning", true);
        adminB.get(base + "/planning/plans").send().expect(200);
        Municipalities.setModule(adminB, lg, "planning", false);
        assertProblem(adminA.get(base + "/planning/plans").send(), 404, "module-not-enabled");
        Municipalities.setModule(adminA, lg, "planning", true);

        // A module setting.
        String settings = base + "/modules/planning/settings";
        Reply before = adminB.get(settings).send().expect(200);
        Reply set = adminA.put(settings).ifMatch(before.etag()).json(Json.createObjectBuilder().add("values",
                Json.createObjectBuilder().add("personnelUnitCost", 7321)).build()).send().expect(200);
        Reply read = adminB.get(settings).send().expect(200);
        assertEquals(set.etag(), read.etag());
        assertEquals(7321, setting(read.object(), "personnelUnitCost").getInt("value"));
        // B's old ETag is stale for A too: both nodes judge by the database's version.
        assertProblem(adminA.put(settings).ifMatch(before.etag()).json("{\"values\":{}}").send(), 412, "stale-version");

        // The rating scale, and an indicator rated by it on the other node.
        String scalePath = base + "/rating-scale";
        Reply scale = adminA.get(scalePath).send().expect(200);
        adminB.put(scalePath).ifMatch(scale.etag()).json(Json.createObjectBuilder().add("grades", Json.createArrayBuilder()
                .add(grade("S", 120)).add(grade("A", 100)).add(grade("B", 70)).add(grade("C", 0))).build()).send()
                .expect(200);
        assertEquals(List.of("S", "A", "B", "C"), adminA.get(scalePath).send().expect(200).object().getJsonArray("grades")
                .stream().map(g -> g.asJsonObject().getString("label")).toList());
        JsonObject created = adminA.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "評価尺度の確認")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2021)
                        .add("target", 100).add("actual", 130))).build()).send().expect(201).object();
        assertEquals("S", created.getJsonArray("years").getJsonObject(0).getString("rating"));

        // Reused answers (ReadCache, ADR 57): B's list, read twice so that the second is reused, follows A's
        // change of a year's actual (a child row) at once, because both nodes read the change stamp from the database.
        String list = base + "/indicators?size=100";
        for (int i = 0; i < 2; i++) {
            assertEquals(130, actualOf(adminB.get(list).send().expect(200).object(), created.getString("id")));
        }
        String etag = adminA.get(base + "/indicators/" + created.getString("id")).send().expect(200).etag();
        adminA.method("PATCH", base + "/indicators/" + created.getString("id")).ifMatch(etag)
                .body("{\"years\":[{\"fiscalYear\":2021,\"target\":100,\"actual\":50}]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), Api.MERGE_PATCH).send().expect(200);
        assertEquals(50, actualOf(adminB.get(list).send().expect(200).object(), created.getString("id")));
    }

    /** The first year's actual of indicator {@code id} in a list page. */
    private static int actualOf(JsonObject list, String id) {
        return list.getJsonArray("items").stream().map(JsonValue::asJsonObject).filter(i -> i.getString("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + list)).getJsonArray("years")
                .getJsonObject(0).getJsonNumber("actual").intValue();
    }

    @Test
    @Order(4)
    void eachSlotOfAScheduledJobRunsOnceBetweenTheNodes() throws Exception {
        List<JsonObject> finished = awaitFinishedRuns(2, Instant.now().plus(Duration.ofSeconds(200)));
        assertEquals(finished.size(), finished.stream().map(r -> r.getString("slot")).distinct().count(),
                "one run per slot: " + finished);
        finished.forEach(r -> assertEquals("OK", r.getString("outcome"), r::toString));
        Pattern ran = Pattern.compile("Scheduled job " + Pattern.quote(ANONYMISATION) + " slot (\\S+) runs on this node");
        Map<Instant, Integer> ranBy = new LinkedHashMap<>();
        for (MachiServer s : List.of(a, b)) {
            Matcher m = ran.matcher(Files.readString(s.log()));
            while (m.find()) {
                ranBy.merge(OffsetDateTime.parse(m.group(1)).toInstant(), 1, Integer::sum);
            }
        }
        ranBy.forEach((slot, n) -> assertEquals(1, n, () -> "slot " + slot + " ran " + n + " times"));
    }

    /**
     * HAProxy over both nodes; four writers create indicators through it (each with a code of its own,
     * so a retry after a failure cannot create a second one: 409 then means the first attempt was
     * written); after a while the node that ran the last anonymisation slot is killed with SIGKILL.
     */
    @Test
    @Order(5)
    void killingANodeUnderWriteLoadLosesNoAcknowledgedWriteAndTheJobsGoOn() throws Exception {
        Map<String, MachiServer> nodes = new LinkedHashMap<>();
        nodes.put("a", a);
        nodes.put("b", b);
        try (LoadBalancer lb = LoadBalancer.start(a.log().getParent().resolve("haproxy-" + cluster), nodes)) {
            Api staff = adminA.as("STAFF", lg).at(lb.baseUri());
            for (int i = 0; i < 40; i++) {
                staff.get("/api/v1/session").send().expect(200);
            }
            Map<String, Long> spread = lb.served();
            System.out.println("[cluster] requests per node through HAProxy before the load: " + spread);
            spread.forEach((node, n) -> assertTrue(n >= 10, () -> "round robin reaches node " + node + ": " + spread));

            JsonObject lastRun = awaitFinishedRuns(1, Instant.now().plus(Duration.ofSeconds(120))).get(0);
            MachiServer victim = ranOn(lastRun, a) ? a : b;
            MachiServer survivor = victim == a ? b : a;
            assertTrue(ranOn(lastRun, victim), () -> "the last run names a node of this test: " + lastRun);

            // A browser signed in through the node about to die.
            Api browser = adminA.at(victim.baseUri()).signIn(adminA.newUser("STAFF", lg));
            String csrf = browser.get("/api/v1/session").send().expect(200).object().getString("csrfToken");

            String indicators = lb.baseUri().resolve(Municipalities.PATH + "/" + lg + "/indicators").toString();
            String token = staff.bearerToken().orElseThrow();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong requests = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong retriedToCompletion = new AtomicLong();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> unfinished = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String code = "K" + writer + "-" + n;
                        String body = "{\"code\":\"" + code + "\",\"nameJa\":\"負荷 " + code
                                + "\",\"kind\":\"OUTCOME\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\"}";
                        boolean done = false;
                        boolean failedOnce = false;
                        for (int attempt = 0; attempt < 20 && !done; attempt++) {
                            requests.incrementAndGet();
                            int status;
                            try {
                                status = http.send(HttpRequest.newBuilder(java.net.URI.create(indicators))
                                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                        HttpResponse.BodyHandlers.ofString()).statusCode();
                            } catch (java.io.IOException e) {
                                status = -1;
                                failures.add(code + ": " + e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            if (status == 201 || (status == 409 && failedOnce)) {
                                acknowledged.add(code);
                                done = true;
                                if (failedOnce) {
                                    retriedToCompletion.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                                failedOnce = true;
                                if (status != -1) {
                                    failures.add(code + ": HTTP " + status);
                                }
                                sleep(200);
                            }
                        }
                        if (!done) {
                            unfinished.add(code);
                        }
                    }
                }, writers));
            }
            // Enough requests that the few in flight on the node when it dies (one per writer at most) are
            // measured against a real load: at least 10 s and 150 requests before the kill, and at least
            // 20 s and 600 requests in all (under 4 minutes).
            awaitLoad(requests, 150, Duration.ofSeconds(10), Duration.ofSeconds(60));
            long beforeKill = requests.get();
            Instant killedAt = Instant.now();
            victim.crash();
            System.out.println("[cluster] kill -9 of " + victim + " (it ran the last slot) after " + beforeKill
                    + " write requests");
            awaitLoad(requests, 600, Duration.ofSeconds(20), Duration.ofSeconds(240));
            stop.set(true);
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            writers.shutdown();

            double failedShare = 100.0 * failed.get() / requests.get();
            System.out.printf("[cluster] write load through HAProxy: %d requests, %d acknowledged writes, %d failed"
                    + " requests (%.2f %%), %d writes completed by the client's retry, %d unfinished; served %s%n",
                    requests.get(), acknowledged.size(), failed.get(), failedShare, retriedToCompletion.get(),
                    unfinished.size(), lb.served());
            failures.stream().limit(20).forEach(f -> System.out.println("[cluster]   failed: " + f));
            assertTrue(unfinished.isEmpty(), () -> "every write completed by a retry: " + unfinished);
            assertTrue(requests.get() > beforeKill, "writes went on after the kill");

            // The node's death signed nobody out: the browser goes on through the balancer, its CSRF token too.
            Api browserNow = browser.at(lb.baseUri());
            assertEquals(csrf, browserNow.get("/api/v1/session").send().expect(200).object().getString("csrfToken"));
            browserNow.post(Municipalities.PATH + "/" + lg + "/indicators").json("{\"nameJa\":\"ノード停止後\","
                    + "\"kind\":\"OUTCOME\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\"}").send().expect(201);

            // Every acknowledged write is in the database, read on the surviving node.
            Set<String> stored = new HashSet<>();
            Api reader = adminA.at(survivor.baseUri());
            for (int page = 0; ; page++) {
                JsonObject list = reader.get(Municipalities.PATH + "/" + lg + "/indicators?size=500&page=" + page)
                        .send().expect(200).object();
                list.getJsonArray("items").forEach(i -> {
                    JsonValue code = i.asJsonObject().get("code");
                    if (code != null && code.getValueType() == JsonValue.ValueType.STRING) {
                        stored.add(i.asJsonObject().getString("code"));
                    }
                });
                if (list.getJsonArray("items").size() < 500) {
                    break;
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), () -> "acknowledged writes lost: " + lost);
            assertTrue(acknowledged.size() > 50, () -> "a real write load: " + acknowledged.size());

            // The survivor runs the next slot of the job the dead node ran last.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            JsonObject after = null;
            while (Instant.now().isBefore(deadline) && after == null) {
                for (JsonObject r : runs(reader)) {
                    if (!r.getString("outcome").equals("RUNNING")
                            && OffsetDateTime.parse(r.getString("slot")).toInstant().isAfter(killedAt)) {
                        after = r;
                    }
                }
                if (after == null) {
                    sleep(5_000);
                }
            }
            JsonObject next = after;
            assertTrue(next != null, "a slot after the kill ran");
            assertEquals("OK", next.getString("outcome"), next::toString);
            assertTrue(ranOn(next, survivor), () -> "on the node left: " + next);
            assertNotEquals(lastRun.getString("slot"), next.getString("slot"));
            assertFalse(victim.isAlive());
            assertTrue(failedShare <= 1.0, () -> "at most 1 % of requests failed: " + failed + " of " + requests);
        }
    }

    /** Waits at least {@code least}, then until {@code requests} reaches {@code count}, at most {@code most}. */
    private static void awaitLoad(AtomicLong requests, long count, Duration least, Duration most) {
        Instant start = Instant.now();
        sleep(least.toMillis());
        while (requests.get() < count && Instant.now().isBefore(start.plus(most))) {
            sleep(500);
        }
    }

    private List<JsonObject> runs(Api api) {
        return api.get(JOBS + "/" + ANONYMISATION + "/runs?size=500").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    /** At least {@code n} finished runs, newest first, waiting for them until {@code deadline}. */
    private List<JsonObject> awaitFinishedRuns(int n, Instant deadline) {
        List<JsonObject> finished = List.of();
        while (Instant.now().isBefore(deadline)) {
            finished = runs(adminA).stream().filter(r -> !r.getString("outcome").equals("RUNNING")).toList();
            if (finished.size() >= n) {
                return finished;
            }
            sleep(5_000);
        }
        List<JsonObject> got = finished;
        throw new AssertionError("fewer than " + n + " finished runs: " + got);
    }

    /** Whether {@code run} names {@code server}'s JVM ({@code pid@host}; machi.jar may run the server in a child). */
    private static boolean ranOn(JsonObject run, MachiServer server) {
        String node = run.getString("node");
        if (node.startsWith(server.handle().pid() + "@")) {
            return true;
        }
        return server.handle().descendants().anyMatch(p -> node.startsWith(p.pid() + "@"));
    }

    private static JsonObject setting(JsonObject view, String key) {
        return view.getJsonArray("settings").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("key").equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    private static jakarta.json.JsonObjectBuilder grade(String label, int from) {
        return Json.createObjectBuilder().add("label", label).add("minimumPercent", from);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
