package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.PostgresqlOnly;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL database with a job due every minute (the anonymisation, its
 * schedule set to every minute): each slot runs exactly once between them, by the database's row
 * and by both servers' logs together.
 */
@MachiTest
@PostgresqlOnly("two servers on one H2 file cannot run together; clusters run on PostgreSQL")
class ScheduledJobClusterIT {

    static final String JOBS = ScheduledJobIT.JOBS;
    static final String ANONYMISATION = ScheduledJobIT.ANONYMISATION;

    @Test
    void twoServersOnOneDatabaseRunEachSlotExactlyOnce() throws Exception {
        Pattern ran = Pattern.compile("Scheduled job " + Pattern.quote(ANONYMISATION) + " slot (\\S+) runs on this node");
        try (TestDatabase db = TestDatabase.migrated("jobs-two")) {
            MachiServer a = MachiServer.machiJar("jobs-a", db).env("MACHI_PERSONAL_DATA_ANONYMISE_HOUR", "*")
                    .env("MACHI_PERSONAL_DATA_ANONYMISE_MINUTE", "*").startAsync();
            MachiServer b = MachiServer.machiJar("jobs-b", db).env("MACHI_PERSONAL_DATA_ANONYMISE_HOUR", "*")
                    .env("MACHI_PERSONAL_DATA_ANONYMISE_MINUTE", "*").startAsync();
            try {
                ExecutorService waiters = Executors.newFixedThreadPool(2);
                try {
                    CompletableFuture.allOf(CompletableFuture.supplyAsync(a::awaitReady, waiters),
                            CompletableFuture.supplyAsync(b::awaitReady, waiters)).join();
                } finally {
                    waiters.shutdownNow();
                }
                // Let both servers tick together for at least three slots.
                Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
                List<JsonObject> runs = List.of();
                while (Instant.now().isBefore(deadline)) {
                    Thread.sleep(10_000);
                    runs = a.api().get(JOBS + "/" + ANONYMISATION + "/runs?size=500").send().expect(200).object()
                            .getJsonArray("items").getValuesAs(JsonObject.class);
                    if (runs.stream().filter(r -> !r.getString("outcome").equals("RUNNING")).count() >= 3) {
                        break;
                    }
                }
                List<JsonObject> finished = runs.stream().filter(r -> !r.getString("outcome").equals("RUNNING")).toList();
                assertTrue(finished.size() >= 3, () -> "at least three slots ran: " + finished);
                finished.forEach(r -> assertEquals("OK", r.getString("outcome"), r::toString));
                finished.forEach(r -> assertTrue(r.getString("summary").contains("records anonymised"), r::toString));
                assertEquals(runs.size(), runs.stream().map(r -> r.getString("slot")).distinct().count(),
                        "one run per slot in the database: " + runs);

                // Both servers' logs together: every slot run by exactly one of them.
                Map<Instant, Integer> ranBy = new HashMap<>();
                List<String> nodes = new ArrayList<>();
                for (MachiServer s : List.of(a, b)) {
                    Matcher m = ran.matcher(Files.readString(s.log()));
                    boolean any = false;
                    while (m.find()) {
                        ranBy.merge(OffsetDateTime.parse(m.group(1)).toInstant(), 1, Integer::sum);
                        any = true;
                    }
                    if (any) {
                        nodes.add(s.toString());
                    }
                }
                ranBy.forEach((slot, n) -> assertEquals(1, n, () -> "slot " + slot + " ran " + n + " times"));
                for (JsonObject r : finished) {
                    Instant slot = OffsetDateTime.parse(r.getString("slot")).toInstant();
                    assertEquals(1, ranBy.getOrDefault(slot, 0), () -> "slot " + slot + " in the logs once: " + ranBy);
                }
                assertFalse(nodes.isEmpty());
                JsonObject listed = ScheduledJobIT.job(b.api().get(JOBS).send().expect(200), ANONYMISATION);
                assertEquals("毎分", listed.getString("schedule"));
                assertTrue(listed.containsKey("lastRun") && !listed.isNull("lastRun"), listed::toString);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }
}
