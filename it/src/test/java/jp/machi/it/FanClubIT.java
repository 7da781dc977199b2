package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ファンクラブ through the real server and a real SMTP server (GreenMail; one server of its own for
 * the class, since the shared one has no SMTP): a person signs up on the portal's public endpoint
 * (receipt number only, nothing personal in the answer), gets the confirmation link by mail, counts
 * only once confirmed, leaves by the link in any mail; the same address again tells nobody whether
 * it is a member; bad input is 4xx in the user's language with nothing stored; staff see members
 * masked (CSV with BOM, reveal audited), counts by residence (市内 / 県内 / 県外) and send newsletters
 * only to the confirmed members who consented; the metric counts members at the end of the year.
 */
class FanClubIT {

    private static final String FROM = "noreply@machi.example.jp";
    private static final Pattern CONFIRM = Pattern.compile("/p/(\\d{6})/fan-club\\?confirm=([A-Za-z0-9_-]{43})");
    private static final Pattern LEAVE = Pattern.compile("/p/(\\d{6})/fan-club\\?leave=([A-Za-z0-9_-]{43})");

    private static GreenMail smtp;
    private static TestDatabase db;
    private static MachiServer server;
    private static Api api;

    private String lg;
    private String base;
    private String members;
    private String signUp;
    private String nameJa;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        db = TestDatabase.fresh("fanclub");
        server = MachiServer.machiJar("fanclub", db).env("MACHI_SMTP_HOST", "127.0.0.1")
                .env("MACHI_SMTP_PORT", Integer.toString(port)).env("MACHI_SMTP_TLS", "none").env("MACHI_MAIL_FROM", FROM).start();
        api = server.api();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
            if (db != null) {
                db.close();
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        members = base + "/promotion/fan-club/members";
        signUp = base + "/promotion/public/fan-club/members";
        nameJa = api.get(base).send().expect(200).object().getString("nameJa");
    }

    private JsonObjectBuilder person(String name, String email, String prefecture, String municipality) {
        return Json.createObjectBuilder().add("name", name).add("email", email).add("prefecture", prefecture)
                .add("municipality", municipality).add("address", "本町1-2-3")
                .add("interests", Json.createArrayBuilder().add("観光").add("食・特産品")).add("newsletter", true);
    }

    private String prefecture() {
        return lg.substring(0, 2);
    }

    private String otherPrefecture() {
        return prefecture().equals("13") ? "27" : "13";
    }

    /** Signs up, reads the confirmation mail, confirms; returns the confirmation mail's body. */
    private String join(JsonObjectBuilder who, String email) throws Exception {
        api.anonymous().post(signUp).json(who.build()).send().expect(201);
        String body = body(awaitMail(to(email), 1).get(0));
        api.anonymous().post(base + "/promotion/public/fan-club/confirmations")
                .json(Json.createObjectBuilder().add("token", token(CONFIRM, body)).build()).send().expect(200);
        return body;
    }

    @Test
    void aMemberSignsUpConfirmsByTheMailedLinkAndLeavesByAnother() throws Exception {
        String email = "fan." + lg + "@example.jp";
        Reply r = api.anonymous().post(signUp).header("Idempotency-Key", "fan-" + lg)
                .json(person("周南 花子", email.toUpperCase(), otherPrefecture(), "世田谷区").build()).send();
        r.expect(201);
        String receipt = r.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("F-R"), receipt);
        assertFalse(r.text().contains("周南 花子") || r.text().toLowerCase().contains(email) || r.text().contains("世田谷"), r::toString);
        // A retry with the same key gives the same answer and stores nothing again.
        assertEquals(receipt, api.anonymous().post(signUp).header("Idempotency-Key", "fan-" + lg)
                .json(person("周南 花子", email.toUpperCase(), otherPrefecture(), "世田谷区").build()).send().expect(201)
                .object().getString("receiptNumber"));

        MimeMessage mail = awaitMail(to(email), 1).get(0);
        assertEquals(FROM, ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertEquals("【" + nameJa + "】ファンクラブ入会のメールアドレス確認", mail.getSubject());
        String body = body(mail);
        assertTrue(body.contains("周南 花子 様") && body.contains("受付番号 " + receipt), body);
        Matcher link = CONFIRM.matcher(body);
        assertTrue(link.find(), body);
        assertEquals(lg, link.group(1));
        assertTrue(body.contains(api.base().getHost()), "the link leads to this server's portal: " + body);

        // Not yet a member: pending, not counted.
        JsonObject counts = api.get(members + "/counts").send().expect(200).object();
        assertEquals(0, counts.getInt("members"));
        assertEquals(1, counts.getInt("pending"));
        assertEquals(1, api.get(members + "?status=PENDING").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(members).send().expect(200).object().getJsonArray("items").stream()
                .filter(x -> x.asJsonObject().getString("status").equals("CONFIRMED")).count());

        String confirmations = base + "/promotion/public/fan-club/confirmations";
        assertProblem(api.anonymous().post(confirmations).json("{\"token\":\"" + "A".repeat(43) + "\"}").send(), 404, null);
        Reply confirmed = api.anonymous().post(confirmations).json("{\"token\":\"" + link.group(2) + "\"}").send().expect(200);
        assertEquals("CONFIRMED", confirmed.object().getString("status"));
        api.anonymous().post(confirmations).json("{\"token\":\"" + link.group(2) + "\"}").send().expect(200);
        String welcome = body(awaitMail(to(email).and(subject("ようこそ")), 1).get(0));
        String leaveToken = token(LEAVE, welcome);

        counts = api.get(members + "/counts").send().expect(200).object();
        assertEquals(1, counts.getInt("members"));
        assertEquals(1, counts.getInt("elsewhere"), "another prefecture: related population");
        assertEquals(0, counts.getInt("pending"));

        // The same address again: the same kind of answer; the mail says they are a member already; still one member.
        api.anonymous().post(signUp).json(person("周南 花子", email, otherPrefecture(), "世田谷区").build()).send().expect(201);
        String already = body(awaitMail(to(email).and(subject("お申し込みについて")), 1).get(0));
        assertTrue(already.contains("すでに") && already.contains("fan-club?leave=" + leaveToken), already);
        assertEquals(1, api.get(members + "/counts").send().expect(200).object().getInt("members"));

        // Staff see the member masked; in full only on an audited request.
        JsonObject list = api.get(members + "?status=CONFIRMED").send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"));
        JsonObject m = list.getJsonArray("items").getJsonObject(0);
        assertFalse(list.toString().contains("周南 花子") || list.toString().contains(email) || list.toString().contains("本町"), list::toString);
        assertEquals(otherPrefecture().equals("13") ? "東京都" : "大阪府", m.getString("prefectureLabel"));
        assertEquals("県外 (関係人口)", m.getString("residenceLabel"));
        assertEquals(List.of("観光", "食・特産品"), m.getJsonArray("interests").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(LocalDate.now(ZoneId.of("Asia/Tokyo")).toString(), m.getString("confirmedOn"));
        String csv = new String(api.get(members + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF受付番号,状態,氏名,メールアドレス,都道府県,市区町村,住所,居住地の区分,関心,メール配信"), csv);
        assertTrue(csv.contains(receipt + ",会員,") && csv.contains("観光・食・特産品,はい"), csv);
        assertFalse(csv.contains("周南 花子") || csv.contains(email) || csv.contains("本町"), csv);
        String id = m.getString("id");
        JsonObject full = api.as("STAFF", lg).get(members + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("周南 花子", full.getString("name"));
        assertEquals(email, full.getString("email"), "kept in lower case");
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object().getInt("totalItems"));
        assertProblem(api.as("VIEWER", lg).get(members + "/" + id + "?reveal=personal-data").send(), 403, null);
        assertProblem(api.anonymous().get(members).send(), 401, null);

        // Core's residents' data request finds the member by e-mail.
        JsonObject export = api.as("MUNICIPALITY_ADMIN", lg).post(base + "/personal-data/resident-exports")
                .json("{\"email\":\"" + email + "\"}").send().expect(200).object();
        assertTrue(export.toString().contains("promotion.fan-club-members") && export.toString().contains("世田谷区"), export::toString);

        // Leaving by the link: not counted any more; twice answers the same; an unknown token 404 in the user's language.
        String leave = base + "/promotion/public/fan-club/leave";
        assertEquals("LEFT", api.anonymous().post(leave).json("{\"token\":\"" + leaveToken + "\"}").send().expect(200).object().getString("status"));
        api.anonymous().post(leave).json("{\"token\":\"" + leaveToken + "\"}").send().expect(200);
        counts = api.get(members + "/counts").send().expect(200).object();
        assertEquals(0, counts.getInt("members"));
        assertEquals(1, api.get(members + "?status=LEFT").send().expect(200).object().getInt("totalItems"));
        Reply bad = api.anonymous().post(leave).json("{\"token\":\"nope\"}").send();
        assertJapanese(bad, assertProblem(bad, 404, null));
        Reply badEn = api.anonymous().post(leave).lang("en").json("{\"token\":\"" + "B".repeat(43) + "\"}").send();
        assertEnglish(badEn, assertProblem(badEn, 404, null));
    }

    @Test
    void badInputIsRefusedInTheUsersLanguageAndNothingIsStoredOrMailed() throws Exception {
        int before = smtp.getReceivedMessages().length;
        Reply empty = api.anonymous().post(signUp).json("{}").send();
        JsonObject p = assertJapanese(empty, assertProblem(empty, 400, "validation"));
        for (String f : List.of("name", "email", "prefecture", "municipality")) {
            assertTrue(p.toString().contains("\"" + f + "\""), f + " in " + p);
        }
        Reply wrong = api.anonymous().post(signUp).lang("en").json(person("試験 太郎", "no-at-sign", "48", "どこか")
                .add("interests", Json.createArrayBuilder().add("宇宙旅行")).build()).send();
        JsonObject w = assertEnglish(wrong, assertProblem(wrong, 400, "validation"));
        assertTrue(w.toString().contains("\"email\"") && w.toString().contains("\"prefecture\""), w::toString);
        Reply interest = api.anonymous().post(signUp).json(person("試験 太郎", "ok." + lg + "@example.jp", prefecture(), "どこか")
                .add("interests", Json.createArrayBuilder().add("宇宙旅行")).build()).send();
        assertTrue(assertProblem(interest, 400, "validation").toString().contains("interests[0]"), interest::toString);
        assertProblem(api.anonymous().post(signUp).json(person("長".repeat(101), "long@example.jp", prefecture(), "市").build()).send(), 400, null);
        assertProblem(api.anonymous().post(signUp).json(person("試験", "x@example.jp", prefecture(), "市")
                .add("interests", Json.createArrayBuilder().add("観光".repeat(60))).build()).send(), 400, null);
        assertProblem(api.anonymous().post(signUp).json("{\"name\":").send(), 400, null);
        assertProblem(api.anonymous().post(signUp).json("[1,2]").send(), 400, null);
        assertProblem(api.anonymous().post(base + "/promotion/public/fan-club/confirmations").json("{\"token\":\"" + "x".repeat(101) + "\"}").send(), 400, null);
        assertProblem(api.get(members + "?status=SLEEPING").send(), 400, "validation");
        assertProblem(api.get(members + "?prefecture=99").send(), 400, "validation");
        assertProblem(api.get(members + "?newsletter=maybe").send(), 400, "validation");
        assertProblem(api.get(members + "?sort=name").send(), 400, null);
        assertProblem(api.get(members + "/not-a-uuid").send(), 400, null);
        assertEquals(0, api.get(members).send().expect(200).object().getInt("totalItems"));
        Thread.sleep(1000);
        assertEquals(before, smtp.getReceivedMessages().length, "no mail for refused input");

        // A bot filling the honeypot gets a receipt as usual; nothing is stored and nothing mailed.
        api.anonymous().post(signUp).json(person("ボット", "bot." + lg + "@example.jp", prefecture(), "市").add("website", "http://spam").build())
                .send().expect(201);
        assertEquals(0, api.get(members).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void membersCountByResidenceAndNewslettersGoOnlyToConfirmedMembersWhoConsented() throws Exception {
        String town = "town." + lg + "@example.jp";
        String pref = "pref." + lg + "@example.jp";
        String far = "far." + lg + "@example.jp";
        String quiet = "quiet." + lg + "@example.jp";
        String pending = "pending." + lg + "@example.jp";
        join(person("市内 一郎", town, prefecture(), nameJa), town);
        join(person("県内 二郎", pref, prefecture(), "隣町"), pref);
        join(person("県外 三郎", far, otherPrefecture(), "札幌市").add("interests", Json.createArrayBuilder().add("スポーツ")), far);
        join(person("静か 四郎", quiet, otherPrefecture(), "那覇市").add("newsletter", false), quiet);
        api.anonymous().post(signUp).json(person("未確認 五郎", pending, otherPrefecture(), "福岡市").build()).send().expect(201);
        awaitMail(to(pending), 1);

        JsonObject counts = api.get(members + "/counts").send().expect(200).object();
        assertEquals(4, counts.getInt("members"));
        assertEquals(1, counts.getInt("inTown"), "the municipality's own name is in town");
        assertEquals(1, counts.getInt("inPrefecture"));
        assertEquals(2, counts.getInt("elsewhere"));
        assertEquals(1, counts.getInt("pending"));
        assertEquals(2, counts.getJsonArray("prefectures").size());
        assertEquals(2, api.get(members + "?status=CONFIRMED&residence=ELSEWHERE").send().expect(200).object().getInt("totalItems"));
        assertEquals(3, api.get(members + "?status=CONFIRMED&interest=観光").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(members + "?interest=スポーツ").send().expect(200).object().getInt("totalItems"));
        JsonObject page = api.get(members + "?size=2&sort=prefecture").send().expect(200).object();
        assertEquals(5, page.getInt("totalItems"));
        assertEquals(2, page.getJsonArray("items").size());

        // The metric: members at the end of the fiscal year (today, for the year under way).
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        int fy = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        assertTrue(api.get(base + "/metric-sources").send().expect(200).text().contains("promotion:fan-club-members-per-fiscal-year"));
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "ファンクラブ会員数")
                .add("kind", "OUTCOME").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:fan-club-members-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fy).add("target", 10))
                        .add(Json.createObjectBuilder().add("fiscalYear", fy - 1).add("target", 5))).build())
                .send().expect(201).object();
        assertEquals(4, IndicatorIT.year(indicator, fy).getJsonNumber("actual").intValue());
        assertFalse(IndicatorIT.year(indicator, fy - 1).containsKey("actual") && !IndicatorIT.year(indicator, fy - 1).isNull("actual"),
                "nobody was a member last year: no figure");

        // A newsletter: staff only; to the confirmed members who consented (not the quiet one, not the pending one).
        String newsletters = base + "/promotion/fan-club/newsletters";
        assertProblem(api.as("VIEWER", lg).post(newsletters).json("{\"subject\":\"s\",\"body\":\"b\"}").send(), 403, null);
        Reply badNews = api.as("STAFF", lg).post(newsletters).json("{\"subject\":\"一行目\\n二行目\",\"interest\":\"宇宙旅行\"}").send();
        JsonObject bn = assertJapanese(badNews, assertProblem(badNews, 400, "validation"));
        assertTrue(bn.toString().contains("\"subject\"") && bn.toString().contains("\"body\"") && bn.toString().contains("\"interest\""), bn::toString);
        Reply sent = api.as("STAFF", lg).post(newsletters).json("{\"subject\":\"秋の物産展のご案内\",\"body\":\"11月3日に駅前広場で開催します。\"}").send();
        sent.expect(201);
        assertEquals(3, sent.object().getInt("recipients"));
        for (String who : List.of(town, pref, far)) {
            MimeMessage n = awaitMail(to(who).and(subject("秋の物産展のご案内")), 1).get(0);
            String text = body(n);
            assertTrue(text.contains("11月3日に駅前広場で開催します。") && LEAVE.matcher(text).find(), text);
        }
        assertEquals(1, api.as("STAFF", lg).post(newsletters).json("{\"subject\":\"スポーツ大会\",\"body\":\"参加者募集\",\"interest\":\"スポーツ\"}")
                .send().expect(201).object().getInt("recipients"));
        awaitMail(to(far).and(subject("スポーツ大会")), 1);
        Thread.sleep(1500);
        for (String who : List.of(quiet, pending)) {
            assertEquals(0, Arrays.stream(smtp.getReceivedMessages()).filter(to(who).and(subject("物産展"))).count(), who);
        }
        JsonObject history = api.get(newsletters).send().expect(200).object();
        assertEquals(2, history.getInt("totalItems"));
        assertEquals("スポーツ大会", history.getJsonArray("items").getJsonObject(0).getString("subject"), "newest first");
    }

    private static String token(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(m.find(), () -> "no link in " + body);
        return m.group(2);
    }

    private static String body(MimeMessage m) throws Exception {
        return (String) m.getContent();
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

    private static Predicate<MimeMessage> subject(String part) {
        return m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(part);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static List<MimeMessage> awaitMail(Predicate<MimeMessage> which, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
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
