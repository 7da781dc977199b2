package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Public intake, proven with citizen voices sent without an account: receipt numbers per
 * municipality, series and fiscal year ({@code V-R8-000001}), unique under 30 parallel submissions;
 * {@code Idempotency-Key} (a retry gives the first receipt and stores nothing twice, another body
 * 422, a malformed key 400); the per-client rate limit (429 with {@code Retry-After} and a problem in
 * ja/en, fine again after the window, for another municipality, and behind a trusted proxy for
 * another client); the honeypot (201 as usual, filed as spam, seen by staff only when asking, and
 * released with If-Match); and the municipality's settings API.
 */
@MachiTest
class PublicIntakeIT {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Api api;

    PublicIntakeIT(Api api) {
        this.api = api;
    }

    /** R8 for 令和8年度: what a receipt of a day in that fiscal year starts with after the series letter. */
    private static String wareki(LocalDate day) {
        int fy = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return "R" + (fy - 2018);
    }

    private static String voices(String lg) {
        return Municipalities.PATH + "/" + lg + "/engagement/voices";
    }

    private String engagementMunicipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        return lg;
    }

    private static String voice(String subject) {
        return Json.createObjectBuilder().add("subject", subject).add("body", "受付の確認: " + subject).build().toString();
    }

    private static List<JsonObject> list(Api who, String lg, String query) {
        return who.get(voices(lg) + "?size=500" + query).send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static long count(Api who, String lg, String query, String subject) {
        return list(who, lg, query).stream().filter(v -> v.getString("subject").equals(subject)).count();
    }

    /** Sets the municipality's intake settings as its administrator; the new ETag. */
    private String settings(String lg, int count, int windowSeconds, boolean honeypot) {
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        String path = Municipalities.PATH + "/" + lg + "/intake/settings";
        Reply current = admin.get(path).send().expect(200);
        return admin.put(path).ifMatch(current.etag()).json(Json.createObjectBuilder().add("rateLimitCount", count)
                .add("rateLimitWindowSeconds", windowSeconds).add("honeypotEnabled", honeypot).build())
                .send().expect(200).etag();
    }

    @Test
    void receiptNumbersCountPerMunicipalitySeriesAndFiscalYear() {
        String lg = engagementMunicipality();
        String other = engagementMunicipality();
        Api anonymous = api.anonymous();
        String year = wareki(LocalDate.now(JAPAN));

        JsonObject first = anonymous.post(voices(lg)).json(voice("一通目")).send().expect(201).object();
        JsonObject second = anonymous.post(voices(lg)).json(voice("二通目")).send().expect(201).object();
        assertEquals("V-" + year + "-000001", first.getString("receiptNumber"), first::toString);
        assertEquals("V-" + year + "-000002", second.getString("receiptNumber"), second::toString);
        assertEquals(Set.of("receiptNumber", "receivedOn", "answerDue"), first.keySet());
        assertEquals("V-" + year + "-000001", anonymous.post(voices(other)).json(voice("別の自治体")).send().expect(201)
                .object().getString("receiptNumber"), "another municipality counts on its own");

        // Staff typing in letters of earlier days number them in those days' fiscal years.
        Api staff = api.as("STAFF", lg);
        LocalDate lastDayOfAYear = LocalDate.of(LocalDate.now(JAPAN).getYear() - 1, 3, 31);
        LocalDate firstDayOfTheNext = lastDayOfAYear.plusDays(1);
        String letter = "{\"subject\":\"手紙\",\"body\":\"本文\",\"channel\":\"LETTER\",\"receivedOn\":\"%s\"}";
        assertEquals("V-" + wareki(lastDayOfAYear) + "-000001", staff.post(voices(lg))
                .json(String.format(letter, lastDayOfAYear)).send().expect(201).object().getString("receiptNumber"));
        assertEquals("V-" + wareki(lastDayOfAYear) + "-000002", staff.post(voices(lg))
                .json(String.format(letter, lastDayOfAYear)).send().expect(201).object().getString("receiptNumber"));
        assertEquals("V-" + wareki(firstDayOfTheNext) + "-000001", staff.post(voices(lg))
                .json(String.format(letter, firstDayOfTheNext)).send().expect(201).object().getString("receiptNumber"));
        assertEquals("V-" + year + "-000003", anonymous.post(voices(lg)).json(voice("三通目")).send().expect(201)
                .object().getString("receiptNumber"), "this year's count goes on");

        JsonObject listed = list(staff, lg, "").stream().filter(v -> v.getString("subject").equals("一通目"))
                .findFirst().orElseThrow();
        assertEquals("V-" + year + "-000001", listed.getString("receiptNumber"), "staff see the number the resident got");
    }

    @Test
    void thirtyParallelSubmissionsGetThirtyDifferentNumbers() throws Exception {
        String lg = engagementMunicipality();
        settings(lg, 0, 600, true);
        Api anonymous = api.anonymous();
        int n = 30;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String subject = "同時送信 " + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return anonymous.post(voices(lg)).json(voice(subject)).send();
                }));
            }
            start.countDown();
            Set<String> receipts = new TreeSet<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get(180, TimeUnit.SECONDS);
                assertEquals(201, r.status(), r::toString);
                receipts.add(r.object().getString("receiptNumber"));
            }
            String year = wareki(LocalDate.now(JAPAN));
            Set<String> expected = new TreeSet<>();
            for (int i = 1; i <= n; i++) {
                expected.add(String.format("V-%s-%06d", year, i));
            }
            assertEquals(expected, receipts, "1 to 30, each once");
            assertEquals(n, list(api, lg, "").size(), "thirty voices stored");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryWithTheSameKeyGivesTheFirstReceiptAndStoresNothingTwice() {
        String lg = engagementMunicipality();
        Api anonymous = api.anonymous();
        String key = "it-" + System.nanoTime();
        Reply first = anonymous.post(voices(lg)).header("Idempotency-Key", key).json(voice("二度押し")).send().expect(201);
        Reply again = anonymous.post(voices(lg)).header("Idempotency-Key", key).json(voice("二度押し")).send();
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.object(), again.object(), "the same receipt, dates and deadline");
        Reply quoted = anonymous.post(voices(lg)).header("Idempotency-Key", "\"" + key + "\"").json(voice("二度押し"))
                .send().expect(201);
        assertEquals(first.object(), quoted.object(), "the structured-field form of the same key");
        assertEquals(1, count(api, lg, "", "二度押し"), "one voice stored");

        Reply other = anonymous.post(voices(lg)).header("Idempotency-Key", key).json(voice("別の内容")).send();
        assertJapanese(other, assertProblem(other, 422, "idempotency-key-reused"));
        Reply otherEn = anonymous.post(voices(lg)).header("Idempotency-Key", key).lang("en").json(voice("別の内容")).send();
        assertEnglish(otherEn, assertProblem(otherEn, 422, "idempotency-key-reused"));
        assertEquals(0, count(api, lg, "", "別の内容"), "nothing stored for the other body");

        for (String bad : List.of("x".repeat(129), "with space", "semi;colon")) {
            Reply r = anonymous.post(voices(lg)).header("Idempotency-Key", bad).json(voice("不正なキー")).send();
            assertJapanese(r, assertProblem(r, 400, "invalid-idempotency-key"));
        }
        Reply badEn = anonymous.post(voices(lg)).header("Idempotency-Key", "a b").lang("en").json(voice("不正なキー")).send();
        assertEnglish(badEn, assertProblem(badEn, 400, "invalid-idempotency-key"));
        assertEquals(0, count(api, lg, "", "不正なキー"), "a malformed key stores nothing");

        String elsewhere = engagementMunicipality();
        JsonObject there = anonymous.post(voices(elsewhere)).header("Idempotency-Key", key).json(voice("二度押し")).send()
                .expect(201).object();
        assertEquals(1, count(api, elsewhere, "", "二度押し"), "a key counts per municipality");
        assertEquals(first.object().getString("receiptNumber"), there.getString("receiptNumber"),
                "each municipality's first voice of the year");
    }

    /** Waits until a fixed window of {@code seconds} (aligned on the epoch, as the server counts) has just begun. */
    private static void awaitWindowStart(int seconds) throws InterruptedException {
        long now = Instant.now().toEpochMilli();
        long next = (now / (seconds * 1000L) + 1) * seconds * 1000L;
        Thread.sleep(next - now + 200);
    }

    @Test
    void overTheLimitAClientGets429WithRetryAfterUntilTheWindowIsOver() throws Exception {
        String lg = engagementMunicipality();
        String other = engagementMunicipality();
        int window = 20;
        settings(lg, 3, window, true);
        Api anonymous = api.anonymous();
        awaitWindowStart(window);
        for (int i = 1; i <= 3; i++) {
            anonymous.post(voices(lg)).json(voice("制限内 " + i)).send().expect(201);
        }
        Reply refused = anonymous.post(voices(lg)).json(voice("制限超過")).send();
        JsonObject problem = assertJapanese(refused, assertProblem(refused, 429, "too-many-requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow(() -> new AssertionError(refused)));
        assertTrue(retryAfter >= 1 && retryAfter <= window, refused::toString);
        assertTrue(problem.getString("detail").contains("3"), problem::toString);
        Reply refusedEn = anonymous.post(voices(lg)).lang("en").json(voice("制限超過")).send();
        assertEnglish(refusedEn, assertProblem(refusedEn, 429, "too-many-requests"));
        assertTrue(refusedEn.header("Retry-After").isPresent(), refusedEn::toString);
        // Without a trusted proxy configured, X-Forwarded-For is the client's word and changes nothing.
        Reply spoofed = anonymous.post(voices(lg)).header("X-Forwarded-For", "203.0.113.7").json(voice("制限超過")).send();
        assertProblem(spoofed, 429, "too-many-requests");
        assertEquals(0, count(api, lg, "", "制限超過"), "nothing stored over the limit");

        anonymous.post(voices(other)).json(voice("別の自治体")).send().expect(201);
        api.as("STAFF", lg).post(voices(lg)).json(voice("職員の登録")).send().expect(201);

        Thread.sleep(Long.parseLong(anonymous.post(voices(lg)).json(voice("制限超過")).send().header("Retry-After")
                .orElse("1")) * 1000 + 500);
        anonymous.post(voices(lg)).json(voice("次の時間枠")).send().expect(201);
        assertEquals(1, count(api, lg, "", "次の時間枠"));
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
        try (TestDatabase db = TestDatabase.migrated("intake-proxy");
                MachiServer server = MachiServer.machiJar("intake-proxy", db)
                        .env("MACHI_INTAKE_TRUSTED_PROXIES", "127.0.0.1, ::1, 0:0:0:0:0:0:0:1").start()) {
            Api admin = server.api();
            String lg = Municipalities.register(admin);
            Municipalities.setModule(admin, lg, "engagement", true);
            Api lgAdmin = admin.as("MUNICIPALITY_ADMIN", lg);
            String path = Municipalities.PATH + "/" + lg + "/intake/settings";
            lgAdmin.put(path).ifMatch(lgAdmin.get(path).send().expect(200).etag())
                    .json("{\"rateLimitCount\":2,\"rateLimitWindowSeconds\":3600,\"honeypotEnabled\":true}").send()
                    .expect(200);
            Api anonymous = admin.anonymous();
            for (int i = 0; i < 2; i++) {
                anonymous.post(voices(lg)).header("X-Forwarded-For", "198.51.100.1").json(voice("住民A")).send().expect(201);
            }
            assertProblem(anonymous.post(voices(lg)).header("X-Forwarded-For", "198.51.100.1").json(voice("住民A"))
                    .send(), 429, "too-many-requests");
            // The proxy appends the address it saw: the right-most untrusted hop is the client.
            assertProblem(anonymous.post(voices(lg)).header("X-Forwarded-For", "192.0.2.99, 198.51.100.1")
                    .json(voice("住民A")).send(), 429, "too-many-requests");
            anonymous.post(voices(lg)).header("X-Forwarded-For", "198.51.100.2").json(voice("住民B")).send().expect(201);
        }
    }

    @Test
    void theHoneypotFilesASubmissionAsSpamThatStaffSeeOnlyWhenAskingAndMayRelease() {
        String lg = engagementMunicipality();
        Api anonymous = api.anonymous();
        Api staff = api.as("STAFF", lg);
        String body = Json.createObjectBuilder().add("subject", "格安のご案内").add("body", "今すぐクリック")
                .add("website", "http://spam.example/").build().toString();
        JsonObject receipt = anonymous.post(voices(lg)).json(body).send().expect(201).object();
        assertEquals(Set.of("receiptNumber", "receivedOn", "answerDue"), receipt.keySet(), "answered like any voice");
        assertTrue(receipt.getString("receiptNumber").matches("V-R\\d+-\\d{6}"), receipt::toString);
        anonymous.post(voices(lg)).json(voice("本物の声")).send().expect(201);

        assertEquals(0, count(staff, lg, "", "格安のご案内"), "not in the normal list");
        assertEquals(1, count(staff, lg, "", "本物の声"));
        assertEquals(1, list(staff, lg, "").size(), "nor in its count");
        List<JsonObject> spam = list(staff, lg, "&spam=true");
        assertEquals(1, spam.size(), spam::toString);
        JsonObject filed = spam.get(0);
        assertEquals("格安のご案内", filed.getString("subject"));
        assertTrue(filed.getBoolean("spam"));
        assertEquals(receipt.getString("receiptNumber"), filed.getString("receiptNumber"));
        assertEquals(0, count(staff, lg, "&spam=false", "格安のご案内"));
        Reply badFilter = staff.get(voices(lg) + "?spam=perhaps").send();
        assertJapanese(badFilter, assertProblem(badFilter, 400, "validation"));
        assertEquals(0, api.anonymous().get(voices(lg) + "/published").send().expect(200).object().getInt("totalItems"));

        String one = voices(lg) + "/" + filed.getString("id");
        Reply current = staff.get(one).send().expect(200);
        assertTrue(current.object().getBoolean("spam"));
        assertProblem(staff.post(one + "/not-spam").send(), 428, "precondition-required");
        Reply released = staff.post(one + "/not-spam").ifMatch(current.etag()).send().expect(200);
        assertFalse(released.object().getBoolean("spam"));
        assertNotEquals(current.etag(), released.etag(), "a release raises the version");
        assertProblem(staff.post(one + "/not-spam").ifMatch(current.etag()).send(), 412, "stale-version");
        Reply again = staff.post(one + "/not-spam").ifMatch(released.etag()).send();
        assertJapanese(again, assertProblem(again, 409, "voice-not-spam"));
        Reply againEn = staff.post(one + "/not-spam").ifMatch(released.etag()).lang("en").send();
        assertEnglish(againEn, assertProblem(againEn, 409, "voice-not-spam"));
        assertEquals(1, count(staff, lg, "", "格安のご案内"), "released: in the normal list");
        assertEquals(0, list(staff, lg, "&spam=true").size());
        assertProblem(api.as("VIEWER", lg).post(one + "/not-spam").ifMatch(released.etag()).send(), 403, "forbidden");

        settings(lg, 30, 600, false);
        anonymous.post(voices(lg)).json(body.replace("格安のご案内", "罠を切った後")).send().expect(201);
        assertEquals(1, count(staff, lg, "", "罠を切った後"), "with the honeypot off, nothing is filed as spam");
    }

    @Test
    void administratorsSetTheLimitsAndSpamSettingsFieldByField() {
        String lg = engagementMunicipality();
        String other = engagementMunicipality();
        String path = Municipalities.PATH + "/" + lg + "/intake/settings";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply defaults = admin.get(path).send().expect(200);
        JsonObject d = defaults.object();
        assertEquals(30, d.getInt("rateLimitCount"));
        assertEquals(600, d.getInt("rateLimitWindowSeconds"));
        assertTrue(d.getBoolean("honeypotEnabled"));
        assertEquals(d.getJsonObject("defaults").getInt("rateLimitCount"), 30);
        assertEquals("\"0\"", defaults.etag());

        Api staff = api.as("STAFF", lg);
        assertEquals(d, staff.get(path).send().expect(200).object(), "staff read the settings");
        assertProblem(staff.put(path).ifMatch(defaults.etag()).json("{\"rateLimitCount\":1,\"rateLimitWindowSeconds\":1,"
                + "\"honeypotEnabled\":false}").send(), 403, "forbidden");
        assertProblem(admin.put(path).json("{\"rateLimitCount\":5,\"rateLimitWindowSeconds\":60,"
                + "\"honeypotEnabled\":false}").send(), 428, "precondition-required");

        Reply bad = admin.put(path).ifMatch(defaults.etag()).json("{\"rateLimitCount\":-1,\"rateLimitWindowSeconds\":0}")
                .send();
        JsonObject p = assertJapanese(bad, assertProblem(bad, 400, "validation"));
        Set<String> fields = p.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("rateLimitCount", "rateLimitWindowSeconds", "honeypotEnabled"), fields, bad::toString);
        Reply badEn = admin.put(path).ifMatch(defaults.etag()).lang("en").json("{\"rateLimitCount\":100001,"
                + "\"rateLimitWindowSeconds\":86401,\"honeypotEnabled\":true}").send();
        JsonObject pe = assertEnglish(badEn, assertProblem(badEn, 400, "validation"));
        assertEquals(2, pe.getJsonArray("errors").size(), badEn::toString);
        assertProblem(admin.put(path).ifMatch(defaults.etag()).json("{\"rateLimitCount\":5,\"rateLimitWindowSeconds\":60,"
                + "\"honeypotEnabled\":\"yes\"}").send(), 400, null);
        assertEquals(d, admin.get(path).send().expect(200).object(), "a refusal writes nothing");

        Reply set = admin.put(path).ifMatch(defaults.etag()).json("{\"rateLimitCount\":5,\"rateLimitWindowSeconds\":60,"
                + "\"honeypotEnabled\":false}").send().expect(200);
        assertEquals(5, set.object().getInt("rateLimitCount"));
        assertNotEquals(defaults.etag(), set.etag());
        JsonObject read = admin.get(path).send().expect(200).object();
        assertEquals(60, read.getInt("rateLimitWindowSeconds"));
        assertFalse(read.getBoolean("honeypotEnabled"));
        assertProblem(admin.put(path).ifMatch(defaults.etag()).json("{\"rateLimitCount\":6,\"rateLimitWindowSeconds\":60,"
                + "\"honeypotEnabled\":false}").send(), 412, "stale-version");
        assertEquals(30, api.as("MUNICIPALITY_ADMIN", other).get(Municipalities.PATH + "/" + other + "/intake/settings")
                .send().expect(200).object().getInt("rateLimitCount"), "another municipality keeps the defaults");
    }
}
