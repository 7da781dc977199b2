package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The daily deadline job of citizen voices, on a server of its own whose schedule says "every
 * minute" (MACHI_ENGAGEMENT_OVERDUE_HOUR/MINUTE = *), with a real SMTP server: a voice due within
 * three business days warns its unit's staff (e-mail and a task list group); a voice past its
 * deadline escalates to the unit head and the 広聴 office named by the module setting; each once,
 * however many runs follow; no mail carries the sender.
 */
@MachiTest
class VoiceOverdueIT {

    private static final String SENDER = "督促 見本";

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String user(Api api, String base, String role, String unit, String email, String... moduleRoles) {
        String name = "it-overdue-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        Reply created = api.post(base + "/users").json(Json.createObjectBuilder().add("login", name)
                .add("displayName", "期限 " + name).add("role", role).add("password", password).add("unitId", unit)
                .add("email", email).build()).send().expect(201);
        api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        return name + "\n" + password;
    }

    private static String registered(Api api, String base, String subject, LocalDate receivedOn, String unit, LocalDate due) {
        String receipt = api.post(base + "/engagement/voices").json(Json.createObjectBuilder().add("subject", subject)
                .add("body", subject + "について").add("channel", "LETTER").add("receivedOn", receivedOn.toString())
                .add("name", SENDER).add("address", "茨城県（架空）").build()).send().expect(201).object()
                .getString("receiptNumber");
        JsonObject v = api.get(base + "/engagement/voices?size=100").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(x -> x.getString("receiptNumber").equals(receipt))
                .findFirst().orElseThrow();
        String item = base + "/engagement/voices/" + v.getString("id");
        Reply current = api.get(item).send().expect(200);
        api.put(item).ifMatch(current.etag()).json(Json.createObjectBuilder().add("channel", "LETTER")
                .add("subject", subject).add("body", subject + "について").add("status", "IN_PROGRESS")
                .add("answerDue", due.toString()).add("published", false).add("unitId", unit).build()).send().expect(200);
        return receipt;
    }

    private static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void warnsTheUnitThenEscalatesToItsHeadAndTheOfficeEachOnce() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestDatabase db = TestDatabase.migrated("voice-overdue");
                MachiServer server = MachiServer.machiJar("voice-overdue", db).env("MACHI_SMTP_HOST", "127.0.0.1")
                        .env("MACHI_SMTP_PORT", Integer.toString(port)).env("MACHI_SMTP_TLS", "none")
                        .env("MACHI_MAIL_FROM", "noreply@machi.example.jp")
                        .env("MACHI_ENGAGEMENT_OVERDUE_HOUR", "*").env("MACHI_ENGAGEMENT_OVERDUE_MINUTE", "*").start()) {
            Api api = server.api();
            String lg = Municipalities.register(api);
            Municipalities.setModule(api, lg, "engagement", true);
            String base = Municipalities.PATH + "/" + lg;
            String roads = TaskListIT.unit(api, base, "01", "道路管理課");
            String office = TaskListIT.unit(api, base, "K01", "広聴課");
            String settings = base + "/modules/engagement/settings";
            Reply s = api.get(settings).send().expect(200);
            api.put(settings).ifMatch(s.etag()).json("{\"values\":{\"hearingOfficeUnitCode\":\"K01\"}}").send().expect(200);
            String[] staff = user(api, base, "STAFF", roads, "roads.staff@example.jp").split("\n");
            user(api, base, "STAFF", roads, "roads.head@example.jp", "engagement.unitHead");
            String[] kocho = user(api, base, "STAFF", office, "kocho.staff@example.jp").split("\n");

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
            String soon = registered(api, base, "歩道の段差", today, roads, today.plusDays(1));
            String late = registered(api, base, "街灯の故障", today.minusDays(20), roads, today.minusDays(1));
            registered(api, base, "まだ先の件", today, roads, today.plusDays(30));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            while (Instant.now().isBefore(deadline) && (to(smtp, "kocho.staff@example.jp").isEmpty()
                    || to(smtp, "roads.staff@example.jp").isEmpty())) {
                Thread.sleep(1000);
            }
            List<MimeMessage> roadsStaff = to(smtp, "roads.staff@example.jp");
            assertEquals(1, roadsStaff.size(), "the unit's staff: the warning only");
            assertTrue(roadsStaff.get(0).getSubject().contains("回答期限が近づいています") && roadsStaff.get(0).getSubject()
                    .contains(soon), roadsStaff.get(0).getSubject());
            List<MimeMessage> officeStaff = to(smtp, "kocho.staff@example.jp");
            assertEquals(1, officeStaff.size(), "the office: the escalation only");
            assertTrue(officeStaff.get(0).getSubject().contains("回答期限を過ぎています")
                    && officeStaff.get(0).getSubject().contains(late), officeStaff.get(0).getSubject());
            String body = (String) officeStaff.get(0).getContent();
            assertTrue(body.contains("道路管理課") && body.contains(today.minusDays(1).toString()), body);

            // Let at least one more run pass: nothing is sent twice.
            Thread.sleep(70_000);
            assertEquals(1, to(smtp, "roads.staff@example.jp").size());
            assertEquals(1, to(smtp, "kocho.staff@example.jp").size());
            List<MimeMessage> head = to(smtp, "roads.head@example.jp");
            assertEquals(2, head.size(), "the head is staff of the unit too: the warning and the escalation");
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String text = m.getSubject() + m.getContent();
                assertFalse(text.contains(SENDER) || text.contains("茨城県（架空）"), "no sender in a reminder: " + text);
            }
            // The task list: the unit sees the warning, the office the escalation.
            String roadsTasks = api.signIn(staff[0], staff[1]).get(base + "/tasks").send().expect(200).text();
            assertTrue(roadsTasks.contains("voice-due-soon") && roadsTasks.contains(soon), roadsTasks);
            String officeTasks = api.signIn(kocho[0], kocho[1]).get(base + "/tasks").send().expect(200).text();
            assertTrue(officeTasks.contains("voice-escalated") && officeTasks.contains(late), officeTasks);
            assertFalse(officeTasks.contains(soon), officeTasks);
        } finally {
            smtp.stop();
        }
    }
}
