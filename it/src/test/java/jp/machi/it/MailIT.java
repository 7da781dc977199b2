package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * E-mail through a real SMTP server (GreenMail, started here): a citizen voice's receipt reaches
 * the resident who gave an address (Japanese, or English when they wrote in English; the
 * municipality's name and contact; the receipt number; UTF-8), nobody else gets one; staff send
 * the answer from the API (409 without a final answer or an address); with the SMTP server down a
 * submission still answers at once, the outbox shows the attempts, and once the server is back the
 * retry job delivers the mail exactly once. The outbox is for administrators, recipients masked.
 * Without SMTP settings (the shared server) mail goes to the log without the full address.
 */
@MachiTest
class MailIT {

    private static final String FROM = "noreply@machi.example.jp";

    private final MachiServer shared;

    MailIT(MachiServer shared) {
        this.shared = shared;
    }

    @Test
    void mailGoesThroughTheSmtpServerAndIsRetriedWhenItIsDown() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestDatabase db = TestDatabase.migrated("mail");
                MachiServer server = MachiServer.machiJar("mail", db).env("MACHI_SMTP_HOST", "127.0.0.1")
                        .env("MACHI_SMTP_PORT", Integer.toString(port)).env("MACHI_SMTP_TLS", "none")
                        .env("MACHI_MAIL_FROM", FROM).start()) {
            Api api = server.api();
            String lg = Municipalities.register(api);
            Municipalities.setModule(api, lg, "engagement", true);
            String base = Municipalities.PATH + "/" + lg;
            String voices = base + "/engagement/voices";
            JsonObject municipality = api.get(base).send().expect(200).object();
            String nameJa = municipality.getString("nameJa");
            String nameEn = municipality.getString("nameEn");
            Api admin = api.as("MUNICIPALITY_ADMIN", lg);
            Api staff = api.as("STAFF", lg);

            // The contact at the foot of every mail, set by the municipality's administrator.
            Reply contact = admin.get(base + "/contact").send().expect(200);
            assertProblem(admin.put(base + "/contact").json("{\"office\":\"広聴課\"}").send(), 428,
                    "precondition-required");
            assertProblem(staff.put(base + "/contact").ifMatch(contact.etag()).json("{\"office\":\"広聴課\"}").send(),
                    403, "forbidden");
            Reply bad = admin.put(base + "/contact").ifMatch(contact.etag()).json("{\"email\":\"no-at-sign\"}").send();
            assertJapanese(bad, assertProblem(bad, 400, "validation"));
            admin.put(base + "/contact").ifMatch(contact.etag())
                    .json("{\"office\":\"市民協働部 広聴課\",\"phone\":\"029-883-1111\",\"email\":\"kocho@city.example.jp\"}")
                    .send().expect(200);

            // The receipt, in Japanese.
            Instant before = Instant.now();
            JsonObject receipt = api.anonymous().post(voices).json("{\"subject\":\"公園の遊具について\",\"body\":\"修理を希望します。\","
                    + "\"name\":\"受付 花子\",\"email\":\"Hanako.Receipt@example.jp\"}").send().expect(201).object();
            String number = receipt.getString("receiptNumber");
            MimeMessage ja = awaitMail(smtp, to("hanako.receipt@example.jp"), 1, Duration.ofSeconds(60)).get(0);
            assertEquals(FROM, ((InternetAddress) ja.getFrom()[0]).getAddress());
            assertEquals("hanako.receipt@example.jp",
                    ((InternetAddress) ja.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            assertEquals("【" + nameJa + "】市民の声を受け付けました（受付番号 " + number + "）", ja.getSubject());
            assertTrue(ja.getContentType().toUpperCase().contains("UTF-8"), ja.getContentType());
            assertTrue(ja.getHeader("Subject")[0].startsWith("=?UTF-8?"), "encoded subject: " + ja.getHeader("Subject")[0]);
            String body = (String) ja.getContent();
            assertTrue(body.contains("受付番号: " + number), body);
            assertTrue(body.contains("件名: 公園の遊具について"), body);
            assertTrue(body.contains(nameJa + " 市民協働部 広聴課"), body);
            assertTrue(body.contains("電話: 029-883-1111"), body);
            assertTrue(body.contains("メール: kocho@city.example.jp"), body);
            assertFalse(body.contains("受付 花子"), "no name in the mail");

            // In English when the resident wrote in English.
            api.anonymous().post(voices).lang("en").json("{\"subject\":\"Bus timetable\",\"body\":\"Please add buses.\","
                    + "\"email\":\"english.writer@example.jp\"}").send().expect(201);
            MimeMessage en = awaitMail(smtp, to("english.writer@example.jp"), 1, Duration.ofSeconds(60)).get(0);
            assertTrue(en.getSubject().startsWith("[" + nameEn + "] We have received your message"), en.getSubject());
            String enBody = (String) en.getContent();
            assertTrue(enBody.contains("Phone: 029-883-1111"), enBody);

            // No address, no mail.
            int received = smtp.getReceivedMessages().length;
            JsonObject noMail = api.anonymous().post(voices).json("{\"subject\":\"匿名の意見\",\"body\":\"本文\"}").send()
                    .expect(201).object();
            assertNotNull(noMail.getString("receiptNumber"));

            // The answer, sent by staff from the API.
            JsonObject voice = find(api, voices, "公園の遊具について");
            String id = voice.getString("id");
            Reply current = staff.get(voices + "/" + id).send().expect(200);
            Reply notYet = staff.post(voices + "/" + id + "/answer-email").ifMatch(current.etag()).send();
            assertJapanese(notYet, assertProblem(notYet, 409, "answer-not-sendable"));
            // The answer is drafted, submitted and approved (決裁) before it can be sent.
            Api approver = TaskListIT.user(api, base, "STAFF", null, "engagement.approver");
            Reply drafted = staff.put(voices + "/" + id).ifMatch(current.etag()).json("{\"channel\":\"WEB_FORM\","
                    + "\"subject\":\"公園の遊具について\",\"body\":\"修理を希望します。\",\"status\":\"IN_PROGRESS\",\"answerDue\":\""
                    + voice.getString("answerDue") + "\",\"answer\":\"来月修理します。\",\"published\":false}").send()
                    .expect(200);
            Reply draftOnly = staff.post(voices + "/" + id + "/answer-email").ifMatch(drafted.etag()).send();
            assertJapanese(draftOnly, assertProblem(draftOnly, 409, "answer-not-sendable"));
            Reply answered = approve(voices + "/" + id, drafted.etag(), admin, approver, staff);
            assertProblem(staff.post(voices + "/" + id + "/answer-email").send(), 428, "precondition-required");
            assertProblem(staff.post(voices + "/" + id + "/answer-email").ifMatch(current.etag()).send(), 412,
                    "stale-version");
            assertProblem(api.as("VIEWER", lg).post(voices + "/" + id + "/answer-email").ifMatch(answered.etag()).send(),
                    403, "forbidden");
            Reply sent = staff.post(voices + "/" + id + "/answer-email").ifMatch(answered.etag()).send().expect(200);
            assertTrue(sent.object().containsKey("answerEmailedAt") && !sent.object().isNull("answerEmailedAt"),
                    sent::toString);
            assertTrue(!sent.etag().equals(answered.etag()), "the version was raised");
            List<MimeMessage> both = awaitMail(smtp, to("hanako.receipt@example.jp"), 2, Duration.ofSeconds(60));
            MimeMessage answer = both.get(1);
            assertEquals("【" + nameJa + "】市民の声への回答（受付番号 " + number + "）", answer.getSubject());
            assertTrue(((String) answer.getContent()).contains("来月修理します。"));

            JsonObject anonymousVoice = find(api, voices, "匿名の意見");
            Reply av = staff.get(voices + "/" + anonymousVoice.getString("id")).send().expect(200);
            Reply avDrafted = staff.put(voices + "/" + anonymousVoice.getString("id")).ifMatch(av.etag())
                    .json("{\"channel\":\"WEB_FORM\",\"subject\":\"匿名の意見\",\"body\":\"本文\",\"status\":\"IN_PROGRESS\","
                            + "\"answerDue\":\"" + anonymousVoice.getString("answerDue") + "\",\"answer\":\"回答\","
                            + "\"published\":false}").send().expect(200);
            Reply avAnswered = approve(voices + "/" + anonymousVoice.getString("id"), avDrafted.etag(), admin, approver,
                    staff);
            Reply noAddress = staff.post(voices + "/" + anonymousVoice.getString("id") + "/answer-email")
                    .ifMatch(avAnswered.etag()).lang("en").send();
            assertEnglish(noAddress, assertProblem(noAddress, 409, "no-email"));
            assertEquals(received + 1, smtp.getReceivedMessages().length, "only the answer came since: no address, no mail");

            // The outbox: administrators only, recipients and bodies masked.
            assertProblem(staff.get(base + "/outbox").send(), 403, "forbidden");
            JsonObject outbox = admin.get(base + "/outbox?size=2").send().expect(200).object();
            assertEquals(3, outbox.getInt("totalItems"), outbox::toString);
            assertEquals(2, outbox.getJsonArray("items").size());
            for (JsonObject m : admin.get(base + "/outbox").send().expect(200).object().getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                assertEquals("SENT", m.getString("status"), m::toString);
                assertEquals(1, m.getInt("attempts"), m::toString);
                assertTrue(m.getString("recipient").contains("***@example.jp"), m::toString);
                assertFalse(m.toString().contains("hanako.receipt@") || m.toString().contains("english.writer@"),
                        m::toString);
            }
            Reply unknownStatus = admin.get(base + "/outbox?status=LOST").send();
            assertJapanese(unknownStatus, assertProblem(unknownStatus, 400, "validation"));
            String sentId = admin.get(base + "/outbox?status=SENT").send().expect(200).object().getJsonArray("items")
                    .getJsonObject(0).getString("id");
            Reply one = admin.get(base + "/outbox/" + sentId).send().expect(200);
            assertProblem(admin.post(base + "/outbox/" + sentId + "/retry").ifMatch(one.etag()).send(), 409,
                    "mail-not-failed");

            // The SMTP server goes down: the resident still gets the receipt number at once.
            smtp.stop();
            Instant start = Instant.now();
            api.anonymous().post(voices).json("{\"subject\":\"停電中の送信\",\"body\":\"本文\","
                    + "\"email\":\"retry.later@example.jp\"}").send().expect(201);
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5, "the request did not wait for SMTP");
            JsonObject pending = awaitOutbox(admin, base, m -> m.getInt("attempts") >= 1 && m.containsKey("lastError") && !m.isNull("lastError"),
                    Duration.ofSeconds(60));
            assertEquals("PENDING", pending.getString("status"), pending::toString);
            assertFalse(pending.getString("lastError").contains("retry.later"), pending::toString);
            assertTrue(pending.containsKey("nextAttemptAt") && !pending.isNull("nextAttemptAt"), pending::toString);

            // Back again: the retry job delivers it, once.
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            awaitMail(smtp, to("retry.later@example.jp"), 1, Duration.ofSeconds(200));
            JsonObject delivered = awaitOutbox(admin, base, m -> m.getString("status").equals("SENT"),
                    Duration.ofSeconds(30));
            assertTrue(delivered.getInt("attempts") >= 2, delivered::toString);
            Thread.sleep(65_000); // one more tick of the retry job
            assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(to("retry.later@example.jp")).count(),
                    "delivered exactly once");
            assertTrue(Duration.between(before, Instant.now()).toSeconds() > 0);
            JsonObject jobs = api.get("/api/v1/scheduled-jobs").send().expect(200).array().getValuesAs(JsonObject.class)
                    .stream().filter(j -> j.getString("id").equals("core.mail-retry")).findFirst().orElseThrow();
            assertTrue(jobs.containsKey("lastRun") && !jobs.isNull("lastRun"), jobs::toString);
            String log = Files.readString(server.log());
            assertFalse(log.contains("retry.later@example.jp") || log.contains("hanako.receipt@example.jp"),
                    "no address in the log");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void withoutSmtpSettingsMailGoesToTheLogWithoutTheAddress() throws Exception {
        Api api = shared.api();
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        String base = Municipalities.PATH + "/" + lg;
        api.anonymous().post(base + "/engagement/voices").json("{\"subject\":\"ログの確認\",\"body\":\"本文\","
                + "\"email\":\"logged.resident@example.jp\"}").send().expect(201);
        JsonObject m = awaitOutbox(api.as("MUNICIPALITY_ADMIN", lg), base, x -> x.getString("status").equals("SENT"),
                Duration.ofSeconds(30));
        assertEquals("l***@example.jp", m.getString("recipient"));
        String log = Files.readString(shared.log());
        assertTrue(log.contains("to l***@example.jp"), "the masked recipient is logged");
        assertFalse(log.contains("logged.resident@example.jp"), "the full address is not");
    }

    private static JsonObject find(Api api, String voices, String subject) {
        return api.get(voices + "?size=500").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(v -> v.getString("subject").equals(subject)).findFirst()
                .orElseThrow();
    }

    private static Predicate<MimeMessage> to(String address) {
        return m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static List<MimeMessage> awaitMail(GreenMail smtp, Predicate<MimeMessage> which, int count,
            Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("expected " + count + " mails, got " + found.size());
    }

    /** The newest mail of the outbox once it satisfies {@code condition}. */
    private static JsonObject awaitOutbox(Api admin, String base, Predicate<JsonObject> condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject newest = null;
        while (Instant.now().isBefore(deadline)) {
            newest = admin.get(base + "/outbox?size=1").send().expect(200).object().getJsonArray("items").getJsonObject(0);
            if (condition.test(newest)) {
                return newest;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("outbox never got there: " + newest);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Submits the drafted answer of {@code voice} (an administrator) and approves it (決裁, a signed-in approver). */
    private static Reply approve(String voice, String etag, Api admin, Api approver, Api reader) {
        admin.post(voice + "/answer/transitions").ifMatch(etag).json("{\"action\":\"submit\"}").send().expect(200);
        String submitted = reader.get(voice).send().expect(200).etag();
        approver.post(voice + "/answer/transitions").ifMatch(submitted).json("{\"action\":\"approve\"}").send()
                .expect(200);
        Reply answered = reader.get(voice).send().expect(200);
        assertEquals("ANSWERED", answered.object().getString("status"), answered::toString);
        return answered;
    }
}
