package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers reused while nothing changed (issue 15, ADR 57: core's ReadCache and the municipality's change
 * stamp): the indicator list and a plan's progress are served again from memory, but never after a write
 * that changes them — a child row (a year's actual) included — never to a caller the endpoint would not
 * admit, and never in another caller's language.
 */
@MachiTest
class ReadCacheIT {

    private final Api api;
    private final Api anonymous;
    private String lg;
    private String indicators;

    ReadCacheIT(MachiServer server) {
        this.api = server.api();
        this.anonymous = server.anonymousApi();
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        indicators = Municipalities.PATH + "/" + lg + "/indicators";
    }

    private JsonObject newIndicator(String name, int actual) {
        return api.post(indicators).json(Json.createObjectBuilder().add("nameJa", name).add("kind", "ACTIVITY")
                .add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", "R5")
                        .add("target", 100).add("actual", actual))).build()).send().expect(201).object();
    }

    /** The R5 actual of the first indicator of the municipality's list, as a client reads it. */
    private int listedActual(Api caller) {
        JsonObject first = caller.get(indicators).send().expect(200).object().getJsonArray("items").getJsonObject(0);
        return first.getJsonArray("years").getJsonObject(0).getJsonNumber("actual").intValue();
    }

    private Reply setActual(String id, String etag, int actual) {
        String patch = "{\"years\":[{\"fiscalYear\":\"R5\",\"target\":100,\"actual\":" + actual + "}]}";
        return api.method("PATCH", indicators + "/" + id).ifMatch(etag)
                .body(patch.getBytes(StandardCharsets.UTF_8), Api.MERGE_PATCH).send();
    }

    @Test
    void everyWriteShowsInTheNextReadChildRowsIncluded() {
        JsonObject created = newIndicator("来庁者数", 10);
        String id = created.getString("id");
        String etag = api.get(indicators + "/" + id).send().expect(200).etag();
        for (int i = 1; i <= 12; i++) {
            // Read twice: the second answer is the reused one.
            assertEquals(10 + i - 1, listedActual(api));
            assertEquals(10 + i - 1, listedActual(api));
            etag = setActual(id, etag, 10 + i).expect(200).etag();
            assertEquals(10 + i, listedActual(api), "the list after the write of " + (10 + i));
        }
        // A new indicator, and one deleted: the list's count follows.
        newIndicator("相談件数", 1);
        assertEquals(2, api.get(indicators).send().expect(200).object().getInt("totalItems"));
        api.delete(indicators + "/" + id).ifMatch(etag).send();
        assertEquals(1, api.get(indicators).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void noReaderSeesLessThanAWriteAcknowledgedBeforeItsRequest() throws Exception {
        JsonObject created = newIndicator("窓口の相談件数", 0);
        String id = created.getString("id");
        AtomicInteger acknowledged = new AtomicInteger(0);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    List<String> stale = new ArrayList<>();
                    while (writing.get()) {
                        int known = acknowledged.get();
                        int seen = listedActual(api);
                        if (seen < known) {
                            stale.add("read " + seen + " after " + known + " was acknowledged");
                        }
                    }
                    return stale;
                }));
            }
            String etag = api.get(indicators + "/" + id).send().expect(200).etag();
            for (int i = 1; i <= 25; i++) {
                etag = setActual(id, etag, i).expect(200).etag();
                acknowledged.set(i);
            }
            writing.set(false);
            List<String> stale = new ArrayList<>();
            for (Future<List<String>> f : readers) {
                stale.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertEquals(List.of(), stale);
            assertEquals(25, listedActual(api));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReusedAnswerGoesOnlyToWhomTheEndpointAdmitsInTheirLanguage() {
        newIndicator("広報紙の発行回数", 12);
        Reply ja = api.get(indicators).lang("ja").send().expect(200);
        api.get(indicators).lang("ja").send().expect(200);
        assertEquals("活動指標", ja.object().getJsonArray("items").getJsonObject(0).getString("kindLabel"));
        Reply en = api.get(indicators).lang("en").send().expect(200);
        assertEquals("Activity", en.object().getJsonArray("items").getJsonObject(0).getString("kindLabel"), en::toString);
        // The same address without credentials, and by another municipality's administrator.
        assertProblem(anonymous.get(indicators).send(), 401, "unauthenticated");
        String other = Municipalities.register(api);
        Api otherAdmin = api.as("MUNICIPALITY_ADMIN", other);
        assertProblem(otherAdmin.get(indicators).send(), 404, "not-found");
        // A viewer of the municipality reads the same list.
        Api viewer = api.as("VIEWER", lg);
        assertEquals(12, listedActual(viewer));
    }
}
