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
import jp.machi.it.support.WebBrowser;
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
 * only to the confirmed members who consented (queued, then sent by the job); the metric counts
 * members at the end of the year. A member changes their details by a single-use link (a new
 * address only once confirmed); used and expired links answer 410 Gone. A house seeker of the
 * vacant-house bank gets the receipt number by mail.
 */
class FanClubIT {

    private static final String FROM = "noreply@machi.example.jp";
    private static final Pattern CONFIRM = Pattern.compile("/p/(\\d{6})/fan-club\\?confirm=([A-Za-z0-9_-]{43})");
    private static final Pattern LEAVE = Pattern.compile("/p/(\\d{6})/fan-club\\?leave=([A-Za-z0-9_-]{43})");
    private static final Pattern EDIT = Pattern.compile("/p/(\\d{6})/fan-club\\?edit=([A-Za-z0-9_-]{43})");
    private static final Pattern NEW_EMAIL = Pattern.compile("/p/(\\d{6})/fan-club\\?email=([A-Za-z0-9_-]{43})");

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
        db = TestDatabase.migrated("fanclub");
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
        // The link works once: used, it is gone (410) with a problem document in the user's language.
        Reply again = api.anonymous().post(confirmations).json("{\"token\":\"" + link.group(2) + "\"}").send();
        assertTrue(assertJapanese(again, assertProblem(again, 410, "link-used")).getString("detail").contains("すでに使われた"), again::toString);
        Reply againEn = api.anonymous().post(confirmations).lang("en").json("{\"token\":\"" + link.group(2) + "\"}").send();
        assertEnglish(againEn, assertProblem(againEn, 410, "link-used"));
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

        // Leaving by the link: not counted any more; the link is then gone (410); an unknown token 404 in the user's language.
        String leave = base + "/promotion/public/fan-club/leave";
        assertEquals("LEFT", api.anonymous().post(leave).json("{\"token\":\"" + leaveToken + "\"}").send().expect(200).object().getString("status"));
        Reply leftAgain = api.anonymous().post(leave).json("{\"token\":\"" + leaveToken + "\"}").send();
        assertJapanese(leftAgain, assertProblem(leftAgain, 410, "link-used"));
        Reply leftAgainEn = api.anonymous().post(leave).lang("en").json("{\"token\":\"" + leaveToken + "\"}").send();
        assertEnglish(leftAgainEn, assertProblem(leftAgainEn, 410, "link-used"));
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
        JsonObject queued = sent.object();
        assertEquals("QUEUED", queued.getString("status"), "queued, not sent inside the request");
        assertEquals("送信待ち", queued.getString("statusLabel"));
        assertEquals(0, queued.getInt("recipients"));
        assertEquals(3, queued.getInt("remaining"), "the confirmed members who consented");
        assertTrue(sent.header("Location").orElse("").endsWith("/newsletters/" + queued.getString("id")), sent::toString);
        for (String who : List.of(town, pref, far)) {
            MimeMessage n = awaitMail(to(who).and(subject("秋の物産展のご案内")), 1, JOB_WAIT).get(0);
            String text = body(n);
            assertTrue(text.contains("11月3日に駅前広場で開催します。") && LEAVE.matcher(text).find(), text);
        }
        JsonObject done = awaitNewsletter(newsletters + "/" + queued.getString("id"), n -> n.getInt("sent") == 3);
        assertEquals("DONE", done.getString("status"));
        assertEquals(3, done.getInt("recipients"));
        assertEquals(0, done.getInt("remaining"));
        assertEquals(0, done.getInt("waiting"));
        assertEquals(0, done.getInt("failed"));
        String sports = api.as("STAFF", lg).post(newsletters).json("{\"subject\":\"スポーツ大会\",\"body\":\"参加者募集\",\"interest\":\"スポーツ\"}")
                .send().expect(201).object().getString("id");
        awaitMail(to(far).and(subject("スポーツ大会")), 1, JOB_WAIT);
        assertEquals(1, awaitNewsletter(newsletters + "/" + sports, n -> n.getString("status").equals("DONE")).getInt("recipients"));
        Thread.sleep(1500);
        for (String who : List.of(quiet, pending)) {
            assertEquals(0, Arrays.stream(smtp.getReceivedMessages()).filter(to(who).and(subject("物産展"))).count(), who);
        }
        for (String who : List.of(town, pref, far)) {
            assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(to(who).and(subject("物産展"))).count(), "once: " + who);
        }
        JsonObject history = api.get(newsletters).send().expect(200).object();
        assertEquals(2, history.getInt("totalItems"));
        assertEquals("スポーツ大会", history.getJsonArray("items").getJsonObject(0).getString("subject"), "newest first");
        assertProblem(api.get(newsletters + "/" + java.util.UUID.randomUUID()).send(), 404, null);
    }

    @Test
    void aMemberChangesTheirDetailsByASingleUseLinkAndANewAddressCountsOnlyOnceConfirmed() throws Exception {
        String email = "edit." + lg + "@example.jp";
        String fresh = "edit.new." + lg + "@example.jp";
        String stranger = "stranger." + lg + "@example.jp";
        join(person("変更 花子", email, prefecture(), nameJa), email);
        String editLinks = base + "/promotion/public/fan-club/edit-links";
        String profile = base + "/promotion/public/fan-club/profile";
        String edits = base + "/promotion/public/fan-club/edits";

        // The answer is the same for a member's address and a stranger's; only the member gets a mail.
        Reply forMember = api.anonymous().post(editLinks).json("{\"email\":\"" + email.toUpperCase() + "\"}").send();
        Reply forStranger = api.anonymous().post(editLinks).json("{\"email\":\"" + stranger + "\"}").send();
        assertEquals(201, forMember.status());
        assertEquals(201, forStranger.status());
        assertEquals(forMember.object().keySet(), forStranger.object().keySet());
        assertTrue(forMember.object().getString("receiptNumber").startsWith("FE-R"), forMember::toString);
        MimeMessage mail = awaitMail(to(email).and(subject("登録内容の変更")), 1).get(0);
        String text = body(mail);
        assertTrue(text.contains("変更 花子 様") && text.contains("1回限り") && text.contains("7日以内") && LEAVE.matcher(text).find(), text);
        String token = token(EDIT, text);
        Thread.sleep(1000);
        assertEquals(0, Arrays.stream(smtp.getReceivedMessages()).filter(to(stranger)).count(), "nothing to a stranger");
        Reply noEmail = api.anonymous().post(editLinks).json("{\"email\":\"not-an-address\"}").send();
        assertJapanese(noEmail, assertProblem(noEmail, 400, "validation"));

        // What the link shows: the choices as they stand, and no personal data (a public endpoint shows none).
        JsonObject now = api.anonymous().post(profile).json("{\"token\":\"" + token + "\"}").send().expect(200).object();
        assertEquals(prefecture(), now.getString("prefecture"));
        assertTrue(now.getBoolean("newsletter"));
        assertEquals(2, now.getJsonArray("interests").size());
        assertFalse(now.toString().contains("変更 花子") || now.toString().contains(email) || now.toString().contains(nameJa)
                || now.toString().contains("本町"), now::toString);
        assertProblem(api.anonymous().post(profile).json("{\"token\":\"" + "C".repeat(43) + "\"}").send(), 404, null);

        // Bad input is refused and does not use the link up.
        Reply bad = api.anonymous().post(edits).json(Json.createObjectBuilder().add("token", token).add("prefecture", "48")
                .add("email", "nope").add("interests", Json.createArrayBuilder().add("宇宙旅行")).build()).send();
        JsonObject b = assertJapanese(bad, assertProblem(bad, 400, "validation"));
        for (String f : List.of("prefecture", "municipality", "email", "newsletter", "interests[0]")) {
            assertTrue(b.toString().contains("\"" + f + "\""), f + " in " + b);
        }

        // The change: another prefecture (the residence follows), other interests, no newsletter, a new address.
        JsonObject edited = api.anonymous().post(edits).json(Json.createObjectBuilder().add("token", token)
                .add("prefecture", otherPrefecture()).add("municipality", "那覇市").add("address", "久茂地1-1")
                .add("interests", Json.createArrayBuilder().add("スポーツ")).add("newsletter", false).add("email", fresh).build())
                .send().expect(200).object();
        assertEquals("UPDATED", edited.getString("status"));
        assertTrue(edited.getBoolean("emailConfirmationSent"));
        Reply usedProfile = api.anonymous().post(profile).json("{\"token\":\"" + token + "\"}").send();
        assertJapanese(usedProfile, assertProblem(usedProfile, 410, "link-used"));
        Reply usedEdit = api.anonymous().post(edits).json(Json.createObjectBuilder().add("token", token).add("newsletter", true).build()).send();
        assertJapanese(usedEdit, assertProblem(usedEdit, 410, "link-used"));
        JsonObject counts = api.get(members + "/counts").send().expect(200).object();
        assertEquals(1, counts.getInt("elsewhere"));
        assertEquals(0, counts.getInt("inTown"));
        JsonObject m = api.get(members + "?status=CONFIRMED").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals(List.of("スポーツ"), m.getJsonArray("interests").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertFalse(m.getBoolean("newsletter"));
        String id = m.getString("id");
        assertEquals(email, api.as("STAFF", lg).get(members + "/" + id + "?reveal=personal-data").send().expect(200).object()
                .getString("email"), "the old address until the new one is confirmed");

        // The new address gets the link that makes it the member's; used once, then gone.
        String confirmNew = body(awaitMail(to(fresh).and(subject("メールアドレス変更")), 1).get(0));
        String emailToken = token(NEW_EMAIL, confirmNew);
        String emailConfirmations = base + "/promotion/public/fan-club/email-confirmations";
        api.anonymous().post(emailConfirmations).json("{\"token\":\"" + emailToken + "\"}").send().expect(200);
        Reply usedEn = api.anonymous().post(emailConfirmations).lang("en").json("{\"token\":\"" + emailToken + "\"}").send();
        assertEnglish(usedEn, assertProblem(usedEn, 410, "link-used"));
        assertEquals(fresh, api.as("STAFF", lg).get(members + "/" + id + "?reveal=personal-data").send().expect(200).object()
                .getString("email"));
        // A new edit link goes to the new address only.
        api.anonymous().post(editLinks).json("{\"email\":\"" + fresh + "\"}").send().expect(201);
        String second = token(EDIT, body(awaitMail(to(fresh).and(subject("登録内容の変更")), 1).get(0)));
        // Consent alone: where they live stays as it was.
        assertFalse(api.anonymous().post(edits).json(Json.createObjectBuilder().add("token", second).add("newsletter", true)
                .add("interests", Json.createArrayBuilder().add("観光")).build()).send().expect(200).object()
                .getBoolean("emailConfirmationSent"));
        JsonObject after = api.get(members + "/" + id).send().expect(200).object();
        assertEquals("ELSEWHERE", after.getString("residence"));
        assertTrue(after.getBoolean("newsletter"));
        api.anonymous().post(editLinks).json("{\"email\":\"" + email + "\"}").send().expect(201);
        Thread.sleep(1500);
        assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(to(email).and(subject("登録内容の変更"))).count());
    }

    @Test
    void linksPastTheirLifetimeAnswerGoneAndThePortalSaysSo() throws Exception {
        String path = base + "/modules/promotion/settings";
        Reply refused = api.as("MUNICIPALITY_ADMIN", lg).put(path).ifMatch(api.get(path).send().expect(200).etag())
                .json("{\"values\":{\"fanClubLinkLifetimeMinutes\":0}}").send();
        assertJapanese(refused, assertProblem(refused, 400, null));
        api.as("MUNICIPALITY_ADMIN", lg).put(path).ifMatch(api.get(path).send().expect(200).etag())
                .json("{\"values\":{\"fanClubLinkLifetimeMinutes\":1}}").send().expect(200);
        String pendingEmail = "late." + lg + "@example.jp";
        String memberEmail = "member." + lg + "@example.jp";
        join(person("会員 一郎", memberEmail, prefecture(), nameJa), memberEmail);
        api.anonymous().post(signUp).json(person("遅刻 次郎", pendingEmail, prefecture(), nameJa).build()).send().expect(201);
        String confirmMail = body(awaitMail(to(pendingEmail), 1).get(0));
        assertTrue(confirmMail.contains("1分以内"), confirmMail);
        String confirmToken = token(CONFIRM, confirmMail);
        api.anonymous().post(base + "/promotion/public/fan-club/edit-links").json("{\"email\":\"" + memberEmail + "\"}").send().expect(201);
        String editToken = token(EDIT, body(awaitMail(to(memberEmail).and(subject("登録内容の変更")), 1).get(0)));
        Thread.sleep(Duration.ofSeconds(62).toMillis());

        Reply confirm = api.anonymous().post(base + "/promotion/public/fan-club/confirmations").json("{\"token\":\"" + confirmToken + "\"}").send();
        assertTrue(assertJapanese(confirm, assertProblem(confirm, 410, "link-expired")).getString("detail").contains("有効期限"), confirm::toString);
        Reply confirmEn = api.anonymous().post(base + "/promotion/public/fan-club/confirmations").lang("en")
                .json("{\"token\":\"" + confirmToken + "\"}").send();
        assertTrue(assertEnglish(confirmEn, assertProblem(confirmEn, 410, "link-expired")).getString("detail").contains("expired"), confirmEn::toString);
        Reply edit = api.anonymous().post(base + "/promotion/public/fan-club/profile").json("{\"token\":\"" + editToken + "\"}").send();
        assertJapanese(edit, assertProblem(edit, 410, "link-expired"));
        assertEquals(1, api.get(members + "/counts").send().expect(200).object().getInt("pending"), "an expired link confirms nobody");
        // The portal page the link leads to says the link is gone, and where to start again (in a browser, when one is installed).
        if (WebBrowser.whyUnavailable() != null) {
            assertFalse(WebBrowser.required(), WebBrowser::whyUnavailable);
            return;
        }
        try (WebBrowser b = WebBrowser.start(server.baseUri())) {
            b.open("/p/" + lg + "/fan-club?confirm=" + confirmToken);
            b.waitForText("#fan-club-gone", "有効期限が切れました");
            assertEquals("/p/" + lg + "/fan-club", b.attribute("#fan-club-gone a", "pathname"));
            b.open("/p/" + lg + "/fan-club?edit=" + editToken);
            b.waitForText("#fan-club-gone", "有効期限が切れました");
            assertFalse(b.present("#fan-club-edit-form"));
        }
    }

    /** Here for the SMTP server this class has: the vacant-house bank's seekers get their receipt by mail too (issue 12). */
    @Test
    void aHouseSeekerGetsTheReceiptNumberAndTheNextStepByMailAndNothingElseTheyTyped() throws Exception {
        String email = "seeker." + lg + "@example.jp";
        String receipt = api.anonymous().post(base + "/promotion/public/house-seekers").json(HouseSeekerIT.seeker("須坂 一郎", email).build())
                .send().expect(201).object().getString("receiptNumber");
        MimeMessage mail = awaitMail(to(email), 1).get(0);
        assertEquals("【" + nameJa + "】空き家バンク利用登録のお申し込みを受け付けました", mail.getSubject());
        String text = body(mail);
        assertTrue(text.contains("受付番号: " + receipt) && text.contains("登録の可否"), text);
        for (String typed : List.of("須坂 一郎", "すざか", "太子堂", "03-0000-0000", "夫婦と子ども", "豊丘地区", "令和9年春")) {
            assertFalse(text.contains(typed), typed + " in " + text);
        }
        String en = "seeker.en." + lg + "@example.jp";
        api.anonymous().post(base + "/promotion/public/house-seekers").lang("en").json(HouseSeekerIT.seeker("Ichiro Suzaka", en).build())
                .send().expect(201);
        assertTrue(awaitMail(to(en), 1).get(0).getSubject().contains("We received your vacant-house bank registration"));
        // Refused input, and a bot filling the honeypot, mail nothing.
        String bot = "seeker.bot." + lg + "@example.jp";
        api.anonymous().post(base + "/promotion/public/house-seekers").json(HouseSeekerIT.seeker("ボット", bot).add("website", "http://spam")
                .build()).send().expect(201);
        String refused = "seeker.refused." + lg + "@example.jp";
        assertProblem(api.anonymous().post(base + "/promotion/public/house-seekers").json(HouseSeekerIT.seeker("拒否", refused)
                .add("consent", false).build()).send(), 400, null);
        Thread.sleep(1500);
        assertEquals(0, Arrays.stream(smtp.getReceivedMessages()).filter(to(bot).or(to(refused))).count());
    }

    private static final Duration JOB_WAIT = Duration.ofSeconds(150);

    /** Polls a newsletter until {@code done} holds (the job runs once a minute). */
    private static JsonObject awaitNewsletter(String path, Predicate<JsonObject> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOB_WAIT);
        JsonObject n = null;
        while (Instant.now().isBefore(deadline)) {
            n = api.get(path).send().expect(200).object();
            if (done.test(n)) {
                return n;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the newsletter did not get there: " + n);
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
        return awaitMail(which, count, Duration.ofSeconds(60));
    }

    private static List<MimeMessage> awaitMail(Predicate<MimeMessage> which, int count, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
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
