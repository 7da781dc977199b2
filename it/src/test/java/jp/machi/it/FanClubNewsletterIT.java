package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * ファンクラブ通信 as a batch job, through the real server, a real SMTP server (GreenMail) and a
 * restart: staff queue a newsletter (the request sends nothing); the job
 * {@code promotion.fan-club-newsletters} writes the mails in batches of the municipality's
 * {@code fanClubNewsletterBatchSize} per minute, the progress (state, mails written, members still
 * to reach, waiting / sent / failed) visible meanwhile; the server is stopped mid-way and started
 * again on the same database, and the job carries on; at the end every consenting member got it
 * exactly once, and the job's runs are listed by core.
 */
class FanClubNewsletterIT {

    private static final Pattern CONFIRM = Pattern.compile("/p/(\\d{6})/fan-club\\?confirm=([A-Za-z0-9_-]{43})");
    private static final Duration JOB_WAIT = Duration.ofSeconds(150);

    private GreenMail smtp;

    @Test
    void aNewsletterGoesOutInBatchesByTheJobEachMemberOnceAcrossARestart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestDatabase db = TestDatabase.migrated("fanclub-news")) {
            String lg;
            String newsletter;
            List<String> fans = new ArrayList<>();
            try (MachiServer first = server("fanclub-news", db, port)) {
                Api api = first.api();
                lg = Municipalities.register(api);
                Municipalities.setModule(api, lg, "promotion", true);
                String base = Municipalities.PATH + "/" + lg;
                settings(api, lg, 2);
                for (int i = 1; i <= 5; i++) {
                    String email = "fan" + i + "." + lg + "@example.jp";
                    join(api, base, email, true);
                    fans.add(email);
                }
                join(api, base, "quiet." + lg + "@example.jp", false);

                Reply queued = api.as("STAFF", lg).post(base + "/promotion/fan-club/newsletters")
                        .json("{\"subject\":\"新米の季節\",\"body\":\"今年も新米の予約を受け付けます。\"}").send();
                queued.expect(201);
                JsonObject q = queued.object();
                newsletter = base + "/promotion/fan-club/newsletters/" + q.getString("id");
                assertEquals("QUEUED", q.getString("status"));
                assertEquals(5, q.getInt("remaining"));
                assertEquals(0, countMail("新米"), "nothing is sent inside the request");

                // The first run writes one batch (two mails) and the progress says so until the next minute's run.
                JsonObject partway = await(api, newsletter, n -> n.getInt("recipients") > 0);
                assertEquals("SENDING", partway.getString("status"), partway::toString);
                assertEquals("送信中", partway.getString("statusLabel"));
                assertEquals(2, partway.getInt("recipients"), partway::toString);
                assertEquals(3, partway.getInt("remaining"), partway::toString);
                assertEquals(2, partway.getInt("waiting") + partway.getInt("sent"), partway::toString);
                awaitMail(m -> subject(m).contains("新米"), 2);
            }
            // Stopped mid-way; started again on the same database: the job carries on after the last batch.
            try (MachiServer again = server("fanclub-news-again", db, port)) {
                Api api = again.api();
                settings(api, lg, 10);
                JsonObject done = await(api, newsletter, n -> n.getString("status").equals("DONE") && n.getInt("sent") == 5);
                assertEquals(5, done.getInt("recipients"), done::toString);
                assertEquals(0, done.getInt("remaining"));
                assertEquals(0, done.getInt("waiting"));
                assertEquals(0, done.getInt("failed"));
                assertEquals("送信済み", done.getString("statusLabel"));
                awaitMail(m -> subject(m).contains("新米"), 5);
                Thread.sleep(2000);
                for (String fan : fans) {
                    assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(to(fan)).filter(m -> subject(m).contains("新米"))
                            .count(), "exactly once: " + fan);
                }
                assertEquals(5, countMail("新米"), "not to the member who declined");
                JsonObject runs = api.get("/api/v1/scheduled-jobs/promotion.fan-club-newsletters/runs").send().expect(200).object();
                assertTrue(runs.getJsonArray("items").stream().anyMatch(r -> r.asJsonObject().getString("summary", "")
                        .contains("newsletter mails written")), runs::toString);
            }
        } finally {
            smtp.stop();
        }
    }

    private static MachiServer server(String name, TestDatabase db, int port) {
        return MachiServer.machiJar(name, db).env("MACHI_SMTP_HOST", "127.0.0.1").env("MACHI_SMTP_PORT", Integer.toString(port))
                .env("MACHI_SMTP_TLS", "none").env("MACHI_MAIL_FROM", "noreply@machi.example.jp").start();
    }

    private static void settings(Api api, String lg, int batch) {
        String path = Municipalities.PATH + "/" + lg + "/modules/promotion/settings";
        api.as("MUNICIPALITY_ADMIN", lg).put(path).ifMatch(api.get(path).send().expect(200).etag())
                .json("{\"values\":{\"fanClubNewsletterBatchSize\":" + batch + "}}").send().expect(200);
    }

    private void join(Api api, String base, String email, boolean newsletter) throws Exception {
        api.anonymous().post(base + "/promotion/public/fan-club/members").json(Json.createObjectBuilder().add("name", "会員")
                .add("email", email).add("prefecture", "13").add("municipality", "世田谷区").add("newsletter", newsletter).build())
                .send().expect(201);
        MimeMessage mail = awaitMail(to(email), 1).get(0);
        Matcher m = CONFIRM.matcher((String) mail.getContent());
        assertTrue(m.find());
        api.anonymous().post(base + "/promotion/public/fan-club/confirmations").json("{\"token\":\"" + m.group(2) + "\"}").send().expect(200);
    }

    private static JsonObject await(Api api, String path, Predicate<JsonObject> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOB_WAIT);
        JsonObject n = null;
        while (Instant.now().isBefore(deadline)) {
            n = api.get(path).send().expect(200).object();
            if (done.test(n)) {
                return n;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the newsletter did not get there: " + n);
    }

    private long countMail(String subjectPart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(subjectPart)).count();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<MimeMessage> to(String address) {
        return m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private List<MimeMessage> awaitMail(Predicate<MimeMessage> which, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOB_WAIT);
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("expected " + count + " mails, got " + found.size());
    }
}
