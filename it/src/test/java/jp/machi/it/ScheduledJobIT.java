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
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Scheduled jobs: platform administrators see each job with its schedule in words (Japanese,
 * English), its last and next run, and its runs page by page; nobody else does. (Two servers on one
 * database: {@link ScheduledJobClusterIT}.)
 */
@MachiTest
class ScheduledJobIT {

    static final String JOBS = "/api/v1/scheduled-jobs";
    static final String ANONYMISATION = "core.personal-data-anonymisation";

    private final Api api;

    ScheduledJobIT(Api api) {
        this.api = api;
    }

    static JsonObject job(Reply r, String id) {
        return r.array().getValuesAs(JsonObject.class).stream().filter(j -> j.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " in " + r));
    }

    @Test
    void platformAdministratorsSeeTheJobsWithTheirSchedulesInWords() {
        Reply ja = api.get(JOBS).send().expect(200);
        JsonObject anonymisation = job(ja, ANONYMISATION);
        assertEquals("保存期間を過ぎた個人情報の匿名化", anonymisation.getString("name"));
        assertEquals("毎日 03:15", anonymisation.getString("schedule"));
        OffsetDateTime next = OffsetDateTime.parse(anonymisation.getString("nextRun"));
        assertEquals(3, next.getHour(), next::toString);
        assertEquals(15, next.getMinute(), next::toString);
        assertEquals("+09:00", next.getOffset().getId(), "Japan time");
        JsonObject retry = job(ja, "core.mail-retry");
        assertEquals("1分ごと", retry.getString("schedule"));

        JsonObject en = job(api.get(JOBS).lang("en").send().expect(200), ANONYMISATION);
        assertEquals("Anonymisation of personal data past retention", en.getString("name"));
        assertEquals("daily at 03:15 (Japan time)", en.getString("schedule"));

        JsonObject runs = api.get(JOBS + "/" + ANONYMISATION + "/runs?size=5").send().expect(200).object();
        assertEquals(5, runs.getInt("size"));
        assertTrue(runs.containsKey("totalItems"), runs::toString);
        assertProblem(api.get(JOBS + "/" + ANONYMISATION + "/runs?size=0").send(), 400, "validation");

        Reply unknown = api.get(JOBS + "/no-such-job/runs").send();
        assertJapanese(unknown, assertProblem(unknown, 404, "not-found"));
        Reply unknownEn = api.get(JOBS + "/no-such-job/runs").lang("en").send();
        assertEnglish(unknownEn, assertProblem(unknownEn, 404, "not-found"));
    }

    @Test
    void nobodyButPlatformAdministratorsSeesThem() {
        String lg = Municipalities.register(api);
        for (String role : List.of("STAFF", "MUNICIPALITY_ADMIN")) {
            Reply r = api.as(role, lg).get(JOBS).send();
            assertJapanese(r, assertProblem(r, 403, "forbidden"));
            assertProblem(api.as(role, lg).get(JOBS + "/" + ANONYMISATION + "/runs").send(), 403, "forbidden");
        }
        assertProblem(api.anonymous().get(JOBS).send(), 401, "unauthenticated");
    }
}
