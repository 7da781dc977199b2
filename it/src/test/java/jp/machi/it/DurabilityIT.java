package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.PostgresqlOnly;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Every acknowledged write survives {@code kill -9}: writers create indicators and raise one
 * indicator's actual under load on a server of the test's own, the server is killed (SIGKILL, no
 * orderly shutdown) in the middle, and a new server on the same database has every indicator that
 * was answered 201 and the actual of the last acknowledged increment (or of the one in flight).
 */
@MachiTest
@PostgresqlOnly("a kill -9 of the server with its embedded H2 database is not the production case")
class DurabilityIT {

    static final int CREATORS = 3;
    static final long WRITE_MILLIS = 8_000;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        try (TestDatabase db = TestDatabase.migrated("durability")) {
            String lg;
            String counter;
            Map<String, String> created = new ConcurrentHashMap<>();
            AtomicLong lastAcknowledged = new AtomicLong();
            MachiServer first = MachiServer.machiJar("durability-first", db).start();
            try {
                Api api = first.api();
                lg = Municipalities.register(api);
                String base = Municipalities.PATH + "/" + lg + "/indicators";
                counter = base + "/" + api.post(base).json(CoreConcurrencyIT.indicator(0, 0)).send().expect(201)
                        .object().getString("id");
                AtomicBoolean writing = new AtomicBoolean(true);
                ExecutorService pool = Executors.newFixedThreadPool(CREATORS + 1);
                List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < CREATORS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        for (int n = 1; writing.get(); n++) {
                            try {
                                Reply r = api.post(base).json(CoreConcurrencyIT.indicator(n, writer * 100_000 + n)).send();
                                if (r.status() == 201) {
                                    created.put(r.object().getString("id"), r.object().getString("nameJa"));
                                }
                            } catch (RuntimeException | AssertionError cut) {
                                return; // the server is gone
                            }
                        }
                    }));
                }
                writers.add(pool.submit(() -> {
                    while (writing.get()) {
                        try {
                            Reply read = api.get(counter).send();
                            long next = CoreConcurrencyIT.actual(read.object()) + 1;
                            Reply r = api.put(counter).ifMatch(read.etag()).json(CoreConcurrencyIT.indicator(next, 0)).send();
                            if (r.status() == 200) {
                                lastAcknowledged.set(next);
                            }
                        } catch (RuntimeException | AssertionError cut) {
                            return;
                        }
                    }
                }));
                Thread.sleep(WRITE_MILLIS);
                first.crash();
                writing.set(false);
                pool.shutdown();
                assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "the writers stop once the server is gone");
                assertFalse(first.isAlive());
            } finally {
                first.stop();
            }
            assertTrue(created.size() > 0 && lastAcknowledged.get() > 0,
                    "writes were acknowledged before the kill: " + created.size() + ", " + lastAcknowledged.get());
            try (MachiServer second = MachiServer.machiJar("durability-second", db).start()) {
                Api api = second.api();
                List<String> lost = new ArrayList<>();
                created.forEach((id, name) -> {
                    Reply r = api.get(Municipalities.PATH + "/" + lg + "/indicators/" + id).send();
                    if (r.status() != 200 || !r.object().getString("nameJa").equals(name)) {
                        lost.add(id + " " + name + ": " + r.status());
                    }
                });
                assertEquals(List.of(), lost, "every indicator answered 201 is there (" + created.size() + ")");
                long actual = CoreConcurrencyIT.actual(api.get(counter).send().expect(200).object());
                assertTrue(actual == lastAcknowledged.get() || actual == lastAcknowledged.get() + 1,
                        "the actual is the last acknowledged one (" + lastAcknowledged.get() + ") or the one in flight: " + actual);
            }
        }
    }
}
