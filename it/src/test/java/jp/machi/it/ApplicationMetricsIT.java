package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as an operator's Prometheus reads it (MicroProfile Metrics, application scope): API
 * requests timed by method, endpoint template and status; refused sign-ins; citizen voices received and
 * overdue per municipality; the mail outbox; scheduled job runs (README "Observing Machi").
 */
@MachiTest
class ApplicationMetricsIT {

    private final Api api;

    ApplicationMetricsIT(Api api) {
        this.api = api;
    }

    private String metrics() {
        Reply r = api.anonymous().get("/metrics?scope=application").send().expect(200);
        String text = r.text();
        assertFalse(text.contains("Exception"), text);
        return text;
    }

    /** The value of the first sample line of {@code name} (with any suffix Prometheus gives it) carrying every tag. */
    static Optional<Double> sample(String text, String name, String... tags) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (!(rest.startsWith("{") || rest.startsWith(" ") || rest.startsWith("_total"))) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < tags.length; i += 2) {
                all &= line.contains(tags[i] + "=\"" + tags[i + 1] + "\"");
            }
            if (all) {
                String[] parts = line.trim().split("\\s+");
                return Optional.of(Double.parseDouble(parts[parts.length - 1]));
            }
        }
        return Optional.empty();
    }

    private String waitFor(Predicate<String> shown, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        String text = metrics();
        while (!shown.test(text) && Instant.now().isBefore(end)) {
            Thread.sleep(1000);
            text = metrics();
        }
        return text;
    }

    @Test
    void requestsAreTimedByEndpointTemplateAndStatus() throws InterruptedException {
        String lg = Municipalities.register(api);
        api.get(Municipalities.PATH + "/" + lg + "/indicators").send().expect(200);
        assertProblem(api.get("/api/v1/no-such-thing").send(), 404, null);
        String text = waitFor(t -> sample(t, "machi_requests_seconds_count", "endpoint", "/municipalities/{lgCode}/indicators",
                "method", "GET", "status", "200").isPresent(), Duration.ofSeconds(5));
        assertTrue(sample(text, "machi_requests_seconds_count", "endpoint", "/municipalities/{lgCode}/indicators",
                "method", "GET", "status", "200").orElse(0d) >= 1, text);
        assertTrue(sample(text, "machi_requests_seconds_count", "endpoint", "(unmatched)", "status", "404").isPresent(), text);
        // In seconds, as the name says (a request of this test takes far less than a minute).
        for (String series : List.of("machi_requests_seconds_max", "machi_requests_seconds_sum")) {
            double v = sample(text, series, "endpoint", "/municipalities/{lgCode}/indicators", "method", "GET", "status", "200")
                    .orElseThrow(() -> new AssertionError(series + ": " + text));
            assertTrue(v > 0 && v < 60, series + " = " + v);
        }
        // The quantiles are there; Payara 6.2025.10 prints them in nanoseconds (README "Observing Machi").
        assertTrue(sample(text, "machi_requests_seconds", "endpoint", "/municipalities/{lgCode}/indicators",
                "quantile", "0.5").isPresent(), text);
        assertFalse(text.contains(lg), "a path template, never a municipality's code in the endpoint: " + lg);
    }

    @Test
    void refusedSignInsAreCounted() {
        double before = sample(metrics(), "machi_sign_in_failures").orElse(0d);
        for (int i = 0; i < 2; i++) {
            assertProblem(api.anonymous().post("/api/v1/session")
                    .json("{\"login\":\"nobody-" + System.nanoTime() + "\",\"password\":\"Wrong-Passw0rd-x\"}").send(),
                    401, "sign-in-failed");
        }
        double after = sample(metrics(), "machi_sign_in_failures").orElse(0d);
        assertTrue(after >= before + 2, before + " -> " + after);
    }

    @Test
    void voicesReceivedAndOverduePerMunicipality() throws InterruptedException {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        // Typed in by staff from a letter of May 2024: long past its answer deadline.
        api.post(base + "/engagement/voices").json(Json.createObjectBuilder().add("subject", "計測の声").add("body", "本文")
                .add("name", "見本 太郎").add("channel", "LETTER").add("receivedOn", "2024-05-01").build()).send().expect(201);
        String text = waitFor(t -> sample(t, "machi_voices_overdue", "municipality", lg).orElse(0d) >= 1,
                Duration.ofSeconds(20));
        assertEquals(1d, sample(text, "machi_voices_received", "municipality", lg).orElse(0d), text);
        assertEquals(1d, sample(text, "machi_voices_overdue", "municipality", lg).orElse(0d), text);
        assertFalse(text.contains("見本"), "no personal data in metrics");
    }

    @Test
    void scheduledJobRunsAreCounted() throws InterruptedException {
        // The mail retry job runs every minute.
        String text = waitFor(t -> sample(t, "machi_job_runs", "job", "core.mail-retry", "outcome", "OK").isPresent(),
                Duration.ofSeconds(130));
        assertTrue(sample(text, "machi_job_runs", "job", "core.mail-retry", "outcome", "OK").orElse(0d) >= 1, text);
        List<String> help = List.of("machi_requests", "machi_job_runs");
        for (String name : help) {
            assertTrue(text.contains("# HELP " + name), () -> "described: " + name);
        }
    }
}
