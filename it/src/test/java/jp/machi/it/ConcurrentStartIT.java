package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Postgres;
import jp.machi.it.support.PostgresqlOnly;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on one empty PostgreSQL database (a cluster's first
 * start, or two pods rolling out): both become ready, the schema is migrated exactly once, and
 * both serve the same data.
 */
@MachiTest
@PostgresqlOnly("two servers on one H2 file cannot run together; clusters run on PostgreSQL")
class ConcurrentStartIT {

    @Test
    void twoInstancesOnOneFreshDatabaseBothStartAndMigrateOnce() {
        try (TestDatabase db = TestDatabase.fresh("concurrent")) {
            MachiServer a = MachiServer.machiJar("a", db).startAsync();
            MachiServer b = MachiServer.machiJar("b", db).startAsync();
            try {
                // Wait on both at once, so each boot time is measured as it happens.
                ExecutorService waiters = Executors.newFixedThreadPool(2);
                try {
                    CompletableFuture.allOf(CompletableFuture.supplyAsync(a::awaitReady, waiters),
                            CompletableFuture.supplyAsync(b::awaitReady, waiters)).join();
                } finally {
                    waiters.shutdownNow();
                }

                List<List<String>> history = db.changelog();
                RestartIT.assertHistoryIsComplete(history);
                List<List<String>> lock = Postgres.rows(db.postgresName(), "SELECT locked FROM databasechangeloglock");
                lock.forEach(row -> assertEquals("f", row.get(0), "Liquibase lock released: " + lock));

                for (MachiServer s : List.of(a, b)) {
                    Reply r = s.api().get("/api/v1/modules").send().expect(200);
                    List<JsonObject> modules = r.array().getValuesAs(JsonObject.class);
                    assertEquals(4, modules.size(), r::toString);
                    modules.forEach(m -> assertEquals("STARTED", m.getString("status"), () -> s + ": " + r));
                }

                // One database behind both: what one registers, the other serves.
                Api apiA = a.api();
                String code = Municipalities.register(apiA);
                Reply fromB = b.api().get(Municipalities.PATH + "/" + code).send().expect(200);
                assertEquals(code, fromB.object().getString("code"));
                assertTrue(b.api().post(Municipalities.PATH).json(Municipalities.body(code)).send().status() == 409,
                        "B sees A's registration as a duplicate");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }
}
