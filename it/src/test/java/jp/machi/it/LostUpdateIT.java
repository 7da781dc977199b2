package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No lost update: a change to an aggregate's child rows alone (an indicator's yearly actual, a
 * program's yearly costs) gives a new ETag, a writer with the old one gets 412, two writers with
 * one ETag get one 200 and one 412, and N clients making M acknowledged increments each leave
 * exactly N×M. {@code If-Match: *} and an empty {@code If-Match} are refused like a missing one.
 */
@MachiTest
class LostUpdateIT {

    private static final int TRIALS = 10;
    private static final int CLIENTS = 4;
    private static final int INCREMENTS = 5;

    private final Api api;
    private String lg;
    private String base;
    private ExecutorService pool;

    LostUpdateIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static JsonObjectBuilder indicator(long actual) {
        return Json.createObjectBuilder().add("nameJa", "協働事業件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 100).add("actual", actual)));
    }

    private static long actual(JsonObject indicator) {
        return indicator.getJsonArray("years").getJsonObject(0).getJsonNumber("actual").longValue();
    }

    private static JsonObjectBuilder program(long programCost) {
        JsonArrayBuilder costs = Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2024)
                .add("programCost", programCost));
        return Json.createObjectBuilder().add("fiscalYear", "R6").add("programNumber", "1").add("name", "広報紙発行事業")
                .add("unitName", "広報戦略課").add("costs", costs);
    }

    private static long programCost(JsonObject program) {
        return program.getJsonArray("costs").getJsonObject(0).getJsonNumber("programCost").longValue();
    }

    @Test
    void anAsteriskOrAnEmptyIfMatchIsRefusedLikeAMissingOne() {
        Reply created = api.post(base + "/indicators").json(indicator(1).build()).send().expect(201);
        String item = base + "/indicators/" + created.object().getString("id");
        assertProblem(api.put(item).header("If-Match", "*").json(indicator(2).build()).send(), 428, "precondition-required");
        assertProblem(api.put(item).header("If-Match", "").json(indicator(2).build()).send(), 428, "precondition-required");
        assertProblem(api.put(item).header("If-Match", " ").json(indicator(2).build()).send(), 428, "precondition-required");
        assertProblem(api.delete(item).header("If-Match", "*").send(), 428, "precondition-required");
        assertEquals(1, actual(api.get(item).send().expect(200).object()), "nothing was written");
    }

    @Test
    void changingOnlyAnIndicatorsYearlyActualGivesANewETagAndTheOldOneIs412() {
        Reply created = api.post(base + "/indicators").json(indicator(1).build()).send().expect(201);
        String item = base + "/indicators/" + created.object().getString("id");
        Reply changed = api.put(item).ifMatch(created.etag()).json(indicator(2).build()).send().expect(200);
        assertNotEquals(created.etag(), changed.etag(), "a changed actual is a new version");
        assertProblem(api.put(item).ifMatch(created.etag()).json(indicator(3).build()).send(), 412, "stale-version");
        assertEquals(2, actual(api.get(item).send().expect(200).object()));
        // Sending the same figures again changes nothing, and the ETag stays.
        Reply same = api.put(item).ifMatch(changed.etag()).json(indicator(2).build()).send().expect(200);
        assertEquals(changed.etag(), same.etag());
    }

    @Test
    void changingOnlyAProgramsCostsGivesANewETagAndTheOldOneIs412() {
        String programs = base + "/planning/programs";
        Reply created = api.as("STAFF", lg).post(programs).json(program(1000).build()).send().expect(201);
        String item = programs + "/" + created.object().getString("id");
        Reply changed = api.put(item).ifMatch(created.etag()).json(program(1200).build()).send().expect(200);
        assertNotEquals(created.etag(), changed.etag(), "a changed cost is a new version");
        assertProblem(api.put(item).ifMatch(created.etag()).json(program(1500).build()).send(), 412, "stale-version");
        assertEquals(1200, programCost(api.get(item).send().expect(200).object()));
    }

    @Test
    void twoWritersOfAnIndicatorsActualWithOneETagGetOne200AndOne412() throws Exception {
        Reply created = api.post(base + "/indicators").json(indicator(0).build()).send().expect(201);
        String item = base + "/indicators/" + created.object().getString("id");
        raceTrials(item, n -> indicator(n).build());
    }

    @Test
    void twoWritersOfAProgramsCostsWithOneETagGetOne200AndOne412() throws Exception {
        String programs = base + "/planning/programs";
        Reply created = api.post(programs).json(program(1000).build()).send().expect(201);
        raceTrials(programs + "/" + created.object().getString("id"), n -> program(2000 + n).build());
    }

    private void raceTrials(String item, Function<Integer, JsonObject> body) throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            String etag = api.get(item).send().expect(200).etag();
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                JsonObject change = body.apply(trial * 10 + w + 1);
                writers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return api.put(item).ifMatch(etag).json(change).send().status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : writers) {
                statuses.add(f.get(120, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses, "trial " + trial + ": one writer wins, the other is told");
        }
    }

    @Test
    void clientsIncrementingAnActualLoseNoIncrement() throws Exception {
        Reply created = api.post(base + "/indicators").json(indicator(0).build()).send().expect(201);
        String item = base + "/indicators/" + created.object().getString("id");
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Callable<Integer> client = () -> {
                int acknowledged = 0;
                int attempts = 0;
                while (acknowledged < INCREMENTS && attempts++ < 500) {
                    Reply read = api.get(item).send().expect(200);
                    long next = actual(read.object()) + 1;
                    Reply written = api.put(item).ifMatch(read.etag()).json(indicator(next).build()).send();
                    if (written.status() == 200) {
                        acknowledged++;
                    } else if (written.status() != 412) {
                        throw new AssertionError("neither 200 nor 412: " + written);
                    }
                }
                return acknowledged;
            };
            clients.add(pool.submit(client));
        }
        int acknowledged = 0;
        for (Future<Integer> f : clients) {
            acknowledged += f.get(300, TimeUnit.SECONDS);
        }
        assertEquals(CLIENTS * INCREMENTS, acknowledged, "every client finished its increments");
        assertEquals(CLIENTS * INCREMENTS, actual(api.get(item).send().expect(200).object()),
                "every acknowledged increment is in the actual");
        assertEquals(JsonValue.ValueType.OBJECT, api.get(item).send().expect(200).json().getValueType());
    }
}
