package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Personal data (個人情報), proven with citizen voices (市民の声): a resident sends a voice without
 * signing in and gets a receipt only; the sender's name, address, phone and e-mail never appear in
 * public responses, are masked for viewers and staff in lists, single reads and CSV, and are shown
 * in full only on an explicit staff read, which the audit trail records; the audit trail keeps no
 * copy of them. An administrator exports everything held about a resident (JSON, CSV) and
 * anonymises what is past the retention period, keeping the voices and their answers.
 */
@MachiTest
class PersonalDataIT {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final AtomicInteger SEQ = new AtomicInteger();

    private final Api api;
    private String lg;
    private String voices;
    private Api anonymous;
    private Api viewer;
    private Api staff;
    private Api admin;

    PersonalDataIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
        anonymous = api.anonymous();
        viewer = api.as("VIEWER", lg);
        staff = api.as("STAFF", lg);
        admin = api.as("MUNICIPALITY_ADMIN", lg);
    }

    /** A resident with values unique to this test, so a search of any response finds only leaks. */
    record Resident(String name, String address, String phone, String phoneDigits, String email) {
        static Resident fresh() {
            int n = SEQ.incrementAndGet();
            String tail = String.format("%04d", (System.nanoTime() / 1000 + n) % 10000);
            String mid = String.format("%04d", (System.nanoTime() / 7 + n * 31L) % 10000);
            return new Resident("試験山田" + (char) ('一' + n % 20) + "郎", "茨城県つくば市研究学園" + n + "丁目" + tail + "番",
                    "090-" + mid + "-" + tail, "090" + mid + tail, "pd-it-" + System.nanoTime() + "@example.jp");
        }

        List<String> values() {
            return List.of(name, address, phone, phoneDigits, email);
        }
    }

    private JsonObjectBuilder submission(Resident r, String subject) {
        return Json.createObjectBuilder().add("category", "道路").add("subject", subject)
                .add("body", "歩道の段差が大きく、車いすで通れません。" + subject).add("name", r.name())
                .add("address", r.address()).add("phone", r.phone()).add("email", r.email()).add("wantsReply", true);
    }

    private String submit(Resident r, String subject) {
        Reply reply = anonymous.post(voices).json(submission(r, subject).build()).send().expect(201);
        return reply.object().getString("receiptNumber");
    }

    private JsonObject findInList(Api who, String receipt) {
        JsonObject page = who.get(voices + "?size=500").send().expect(200).object();
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow(() -> new AssertionError(receipt + " not in " + page));
    }

    private static void assertNoneOf(Resident r, String text, String where) {
        for (String v : r.values()) {
            assertFalse(text.contains(v), () -> where + " shows " + v + ": " + text);
        }
    }

    /**
     * Answers, closes (optionally) and publishes a voice as staff; returns the staff view. The answer
     * is drafted by staff, submitted for approval by an administrator and approved (回答の決裁) by a
     * holder of engagement.approver before the voice is answered and published.
     */
    private JsonObject answer(String id, String status, boolean publish) {
        Reply draft = staff.get(voices + "/" + id).send().expect(200);
        staff.put(voices + "/" + id).ifMatch(draft.etag()).json(handling(draft.object(), "IN_PROGRESS", false).build())
                .send().expect(200);
        Api.Account a = api.newUser("STAFF", lg);
        String user = Municipalities.PATH + "/" + lg + "/users/" + a.id();
        api.put(user + "/module-roles").ifMatch(api.get(user).send().expect(200).etag())
                .json("{\"moduleRoles\":[\"engagement.approver\"]}").send().expect(200);
        Api approver = api.signIn(a);
        for (Api who : List.of(admin, approver)) {
            String etag = who.get(voices + "/" + id).send().expect(200).etag();
            who.post(voices + "/" + id + "/answer/transitions").ifMatch(etag)
                    .json("{\"action\":\"" + (who == admin ? "submit" : "approve") + "\"}").send().expect(200);
        }
        Reply current = staff.get(voices + "/" + id).send().expect(200);
        return staff.put(voices + "/" + id).ifMatch(current.etag()).json(handling(current.object(), status, publish)
                .build()).send().expect(200).object();
    }

    private static JsonObjectBuilder handling(JsonObject v, String status, boolean publish) {
        JsonObjectBuilder h = Json.createObjectBuilder().add("channel", v.getString("channel"))
                .add("category", v.getString("category")).add("subject", v.getString("subject"))
                .add("body", v.getString("body")).add("status", status).add("answerDue", v.getString("answerDue"))
                .add("answer", "段差を解消する工事を来年度に予定しています。").add("published", publish);
        if (publish) {
            h.add("publishedSummary", "歩道の段差についてのご意見");
        }
        return h;
    }

    private List<JsonObject> auditEvents(String query) {
        JsonObject p = admin.get(Municipalities.PATH + "/" + lg + "/audit-events?size=500&" + query).send().expect(200)
                .object();
        List<JsonObject> out = new ArrayList<>();
        p.getJsonArray("items").forEach(e -> out.add(e.asJsonObject()));
        return out;
    }

    @Test
    void aPublicSubmissionAnswersWithAReceiptOnly() {
        Resident r = Resident.fresh();
        Reply reply = anonymous.post(voices).json(submission(r, "段差の件").build()).send().expect(201);
        JsonObject receipt = reply.object();
        assertEquals(Set.of("receiptNumber", "receivedOn", "answerDue"), receipt.keySet(), reply::toString);
        assertTrue(receipt.getString("receiptNumber").matches("V-R\\d+-\\d{6}"), reply::toString);
        assertEquals(LocalDate.parse(receipt.getString("receivedOn")).plusDays(40),
                LocalDate.parse(receipt.getString("answerDue")), "つくば市 answers within 40 days: the default");
        assertNoneOf(r, reply.text(), "the receipt");
        assertFalse(reply.text().contains("歩道の段差"), reply::toString);

        JsonObject listed = findInList(staff, receipt.getString("receiptNumber"));
        assertEquals("WEB_FORM", listed.getString("channel"));
        assertEquals("RECEIVED", listed.getString("status"));
        assertEquals("段差の件", listed.getString("subject"));
    }

    @Test
    void personalDataIsHiddenInPublicMaskedInListsAndFullOnlyOnAnAuditedStaffRead() {
        Resident r = Resident.fresh();
        String receipt = submit(r, "公開される件");
        String id = findInList(staff, receipt).getString("id");
        answer(id, "ANSWERED", true);

        // Public: the published voice, its answer, nothing about the sender.
        Reply pub = anonymous.get(voices + "/published").send().expect(200);
        JsonObject item = pub.object().getJsonArray("items").getJsonObject(0);
        assertEquals("公開される件", item.getString("subject"));
        assertEquals("歩道の段差についてのご意見", item.getString("summary"));
        assertEquals("段差を解消する工事を来年度に予定しています。", item.getString("answer"));
        assertNoneOf(r, pub.text(), "the public list");
        for (String key : List.of("senderName", "senderAddress", "senderPhone", "senderEmail", "receiptNumber", "body")) {
            assertFalse(item.containsKey(key), () -> key + " in " + item);
        }
        // Signed in, the public list is still public.
        assertNoneOf(r, viewer.get(voices + "/published").send().expect(200).text(), "the public list (viewer)");

        // Viewer and staff lists, JSON and CSV: masked.
        for (Api who : List.of(viewer, staff)) {
            Reply list = who.get(voices).send().expect(200);
            assertNoneOf(r, list.text(), "a list");
            JsonObject v = findInList(who, receipt);
            assertEquals(r.name().charAt(0) + "＊".repeat(r.name().length() - 1), v.getString("senderName"), v::toString);
            assertEquals("090-****-" + r.phone().substring(9), v.getString("senderPhone"), v::toString);
            assertEquals("p***@example.jp", v.getString("senderEmail"), v::toString);
            assertEquals("茨城県つくば市＊＊＊", v.getString("senderAddress"), v::toString);
            Reply csv = who.get(voices + "?format=csv").send().expect(200);
            assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
            assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
            String text = new String(csv.bytes(), StandardCharsets.UTF_8);
            assertNoneOf(r, text, "the CSV");
            assertTrue(text.contains("p***@example.jp") && text.contains("公開される件"), text);
        }

        // A single read is masked too; the full read is for staff, and recorded.
        Reply masked = viewer.get(voices + "/" + id).send().expect(200);
        assertNoneOf(r, masked.text(), "a viewer's read");
        assertProblem(viewer.get(voices + "/" + id + "?reveal=personal-data").send(), 403, "forbidden");
        assertEquals(List.of(), auditEvents("action=READ_PERSONAL"), "a refused full read is not a read");

        JsonObject full = staff.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals(r.name(), full.getString("senderName"));
        assertEquals(r.address(), full.getString("senderAddress"));
        assertEquals(r.phone(), full.getString("senderPhone"));
        assertEquals(r.email(), full.getString("senderEmail"));
        List<JsonObject> reads = auditEvents("action=READ_PERSONAL&entityId=" + id);
        assertEquals(1, reads.size(), reads::toString);
        assertEquals("engagement.CitizenVoice", reads.get(0).getString("entityType"));
        String fields = reads.get(0).getJsonObject("changes").getJsonArray("fields").toString();
        for (String f : List.of("senderName", "senderAddress", "senderPhone", "senderEmail")) {
            assertTrue(fields.contains("\"" + f + "\""), fields);
        }

        // The audit trail of the changes keeps no copy of the sender's data.
        String trail = admin.get(Municipalities.PATH + "/" + lg + "/audit-events?size=500").send().expect(200).text();
        assertTrue(trail.contains(id), trail);
        assertNoneOf(r, trail, "the audit trail");
        assertNoneOf(r, admin.get(Municipalities.PATH + "/" + lg + "/audit-events?format=csv").send().expect(200).text(),
                "the audit trail's CSV");

        // Another municipality's staff find nothing.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "engagement", true);
        Api staffOfOther = api.as("STAFF", other);
        assertProblem(staffOfOther.get(voices + "/" + id).send(), 404, "not-found");
        assertProblem(staffOfOther.get(voices + "/" + id + "?reveal=personal-data").send(), 404, "not-found");
        String otherVoices = Municipalities.PATH + "/" + other + "/engagement/voices";
        assertProblem(staffOfOther.get(otherVoices + "/" + id + "?reveal=personal-data").send(), 404, "not-found");
        assertEquals(0, staffOfOther.get(otherVoices).send().expect(200).object().getInt("totalItems"));
        assertEquals(0, anonymous.get(otherVoices + "/published").send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void anAdministratorExportsEverythingHeldAboutAResident() {
        Resident r = Resident.fresh();
        Resident someoneElse = Resident.fresh();
        String first = submit(r, "一通目");
        // The same resident, phone written in full-width digits, e-mail in capitals: still found.
        String fullWidthPhone = r.phone().chars().mapToObj(c -> Character.isDigit(c)
                ? String.valueOf((char) (c - '0' + '０')) : String.valueOf((char) c)).reduce("", String::concat);
        anonymous.post(voices).json(Json.createObjectBuilder().add("subject", "二通目").add("body", "電話でも構いません。")
                .add("phone", fullWidthPhone).add("wantsReply", true).build()).send().expect(201);
        submit(someoneElse, "別の人");
        String exports = Municipalities.PATH + "/" + lg + "/personal-data/resident-exports";

        JsonObject byEmail = admin.post(exports).json("{\"email\":\"" + r.email().toUpperCase() + "\"}").send().expect(200)
                .object();
        assertEquals(1, byEmail.getInt("totalRecords"), byEmail::toString);
        JsonObject rec = byEmail.getJsonArray("records").getJsonObject(0);
        assertEquals("engagement.voices", rec.getString("source"));
        assertEquals(first, rec.getJsonObject("data").getString("receiptNumber"));
        assertEquals(r.name(), rec.getJsonObject("data").getString("senderName"));
        assertEquals(r.phone(), rec.getJsonObject("data").getString("senderPhone"));

        JsonObject both = admin.post(exports).json("{\"email\":\"" + r.email() + "\",\"phone\":\"" + r.phone() + "\"}")
                .send().expect(200).object();
        assertEquals(2, both.getInt("totalRecords"), both::toString);
        assertFalse(both.toString().contains(someoneElse.email()), both::toString);

        Reply csv = admin.post(exports + "?format=csv").json("{\"phone\":\"" + r.phoneDigits() + "\"}").send().expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains(r.name()) && text.contains("一通目") && text.contains("二通目"), text);
        assertFalse(text.contains(someoneElse.name()), text);

        // Each record read is in the audit trail.
        String ids = both.getJsonArray("records").stream().map(v -> v.asJsonObject().getString("entityId")).sorted()
                .toList().toString();
        assertTrue(auditEvents("action=READ_PERSONAL").size() >= 2, ids);

        // Only administrators; a query needs a contact; malformed ones are problems in both languages.
        assertProblem(staff.post(exports).json("{\"email\":\"" + r.email() + "\"}").send(), 403, "forbidden");
        Reply none = admin.post(exports).json("{}").send();
        assertJapanese(none, assertProblem(none, 400, null));
        Reply badEmail = admin.post(exports).lang("en").json("{\"email\":\"not-an-address\"}").send();
        assertEnglish(badEmail, assertProblem(badEmail, 400, null));
        assertProblem(admin.post(exports).json("{\"phone\":\"12\"}").send(), 400, null);
        JsonObject nobody = admin.post(exports).json("{\"email\":\"nobody-" + System.nanoTime() + "@example.jp\"}").send()
                .expect(200).object();
        assertEquals(0, nobody.getInt("totalRecords"));
    }

    @Test
    void anonymisationAfterTheRetentionPeriodKeepsTheVoiceAndRemovesTheSender() {
        Resident r = Resident.fresh();
        Resident open = Resident.fresh();
        String id = findInList(staff, submit(r, "完了する件")).getString("id");
        String openId = findInList(staff, submit(open, "まだ回答中の件")).getString("id");
        // Filed as spam by the honeypot: never closed, so its period counts from its receipt.
        Resident spammer = Resident.fresh();
        String spamReceipt = anonymous.post(voices).json(submission(spammer, "格安のご案内").add("website", "http://spam.example/")
                .build()).send().expect(201).object().getString("receiptNumber");
        String spamId = staff.get(voices + "?spam=true&size=500").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(v -> v.getString("receiptNumber").equals(spamReceipt)).findFirst()
                .orElseThrow(() -> new AssertionError(spamReceipt + " not filed as spam")).getString("id");
        answer(id, "CLOSED", true);
        String base = Municipalities.PATH + "/" + lg + "/personal-data";

        // Default retention: five years; nothing is old enough.
        Reply settings = admin.get(base + "/settings").send().expect(200);
        assertEquals(5, settings.object().getInt("retentionYears"));
        assertEquals(0, admin.post(base + "/anonymisations").json("{}").send().expect(200).object().getInt("total"));
        assertEquals(r.name(), staff.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object()
                .getString("senderName"));

        // Staff may not change the setting; malformed settings are refused and change nothing.
        assertProblem(staff.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send(), 403,
                "forbidden");
        assertProblem(admin.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":-1}").send(), 400,
                null);
        assertProblem(admin.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":101}").send(), 400,
                null);
        assertProblem(admin.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":\"x\"}").send(),
                400, null);
        assertProblem(admin.put(base + "/settings").json("{\"retentionYears\":0}").send(), 428, null);
        assertEquals(5, admin.get(base + "/settings").send().expect(200).object().getInt("retentionYears"));

        // Retention 0 years: the closed voice is past it at once.
        Reply set = admin.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);
        assertEquals(0, set.object().getInt("retentionYears"));
        assertProblem(admin.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":1}").send(), 412,
                null);
        JsonObject run = admin.post(base + "/anonymisations").json("{}").send().expect(200).object();
        assertEquals(2, run.getInt("total"), run::toString);
        assertEquals(2, run.getJsonObject("anonymised").getInt("engagement.voices"), run::toString);
        JsonObject spam = staff.get(voices + "/" + spamId + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", spam.getString("senderName"), spam::toString);
        for (String f : List.of("senderAddress", "senderPhone", "senderEmail")) {
            assertTrue(!spam.containsKey(f) || spam.isNull(f), () -> f + " of " + spam);
        }
        assertTrue(spam.getBoolean("spam"), spam::toString);

        JsonObject after = staff.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", after.getString("senderName"));
        for (String f : List.of("senderAddress", "senderPhone", "senderEmail")) {
            assertTrue(!after.containsKey(f) || after.isNull(f), () -> f + " of " + after);
        }
        assertEquals("完了する件", after.getString("subject"));
        assertEquals("段差を解消する工事を来年度に予定しています。", after.getString("answer"));
        assertEquals("CLOSED", after.getString("status"));
        assertFalse(after.isNull("anonymisedAt"), after::toString);
        assertEquals(id, after.getString("id"));

        // The open voice keeps its sender; the published voice is still published.
        assertEquals(open.email(), staff.get(voices + "/" + openId + "?reveal=personal-data").send().expect(200).object()
                .getString("senderEmail"));
        Reply pub = anonymous.get(voices + "/published").send().expect(200);
        assertTrue(pub.text().contains("完了する件"), pub::toString);

        // Gone from exports and from everything the audit trail shows.
        String exports = base + "/resident-exports";
        assertEquals(0, admin.post(exports).json("{\"email\":\"" + r.email() + "\"}").send().expect(200).object()
                .getInt("totalRecords"));
        assertEquals(0, admin.post(exports).json("{\"phone\":\"" + r.phone() + "\"}").send().expect(200).object()
                .getInt("totalRecords"));
        String trail = admin.get(Municipalities.PATH + "/" + lg + "/audit-events?size=500").send().expect(200).text();
        assertNoneOf(r, trail, "the audit trail after anonymisation");
        assertNoneOf(spammer, trail, "the audit trail after anonymisation");
        assertEquals(0, admin.post(exports).json("{\"email\":\"" + spammer.email() + "\"}").send().expect(200).object()
                .getInt("totalRecords"));
        List<JsonObject> updates = auditEvents("action=UPDATE&entityId=" + id);
        assertTrue(updates.stream().anyMatch(e -> e.getJsonObject("changes").getJsonObject("after")
                .containsKey("anonymisedAt")), updates::toString);

        // Idempotent.
        assertEquals(0, admin.post(base + "/anonymisations").json("{}").send().expect(200).object().getInt("total"));
        assertEquals("匿名", staff.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object()
                .getString("senderName"));
        assertProblem(staff.post(base + "/anonymisations").json("{}").send(), 403, "forbidden");
    }

    @Test
    void malformedSubmissionsAreProblemsAndWriteNothing() {
        Resident r = Resident.fresh();
        List<String> bodies = List.of("{}", "{\"subject\":\"件名\"}", "{\"subject\":\"\",\"body\":\"本文\"}",
                "{\"subject\":\"" + "長".repeat(201) + "\",\"body\":\"本文\"}",
                "{\"subject\":\"件名\",\"body\":\"" + "長".repeat(4001) + "\"}",
                "{\"subject\":\"件名\",\"body\":\"本文\",\"wantsReply\":true}",
                "{\"subject\":\"件名\",\"body\":\"本文\",\"email\":\"" + r.name() + "\"}",
                "{\"subject\":\"件名\",\"body\":\"本文\",\"phone\":\"abc\"}",
                "{\"subject\":\"件名\",\"body\":\"本文\",\"channel\":\"LETTER\"}",
                "{\"subject\":\"件名\",\"body\":\"本文\",\"receivedOn\":\"2020-01-01\"}",
                "{\"subject\":\"件名\",\"body\":\"本文\",\"wantsReply\":\"yes\"}",
                "{\"subject\":\"件名\",\"body\":",
                "[]");
        for (String body : bodies) {
            Reply ja = anonymous.post(voices).json(body).send();
            JsonObject p = assertJapanese(ja, assertProblem(ja, 400, null));
            assertFalse(ja.text().contains(r.name()), ja::toString);
            Reply en = anonymous.post(voices).lang("en").json(body).send();
            assertEnglish(en, assertProblem(en, 400, null));
            assertTrue(p.getInt("status") == 400, body);
        }
        assertEquals(0, staff.get(voices).send().expect(200).object().getInt("totalItems"), "nothing was written");

        // Staff may register a letter with its date; nobody may give a future date.
        Reply letter = staff.post(voices).json("{\"subject\":\"手紙の件\",\"body\":\"本文\",\"channel\":\"LETTER\","
                + "\"receivedOn\":\"" + LocalDate.now().minusDays(3) + "\"}").send().expect(201);
        JsonObject listed = findInList(staff, letter.object().getString("receiptNumber"));
        assertEquals("LETTER", listed.getString("channel"));
        assertProblem(staff.post(voices).json("{\"subject\":\"件名\",\"body\":\"本文\",\"receivedOn\":\""
                + LocalDate.now().plusDays(3) + "\"}").send(), 400, null);

        // Handling: If-Match, rules of status and publication, filters.
        String id = listed.getString("id");
        Reply current = staff.get(voices + "/" + id).send().expect(200);
        String ok = "{\"channel\":\"LETTER\",\"subject\":\"手紙の件\",\"body\":\"本文\",\"status\":\"IN_PROGRESS\","
                + "\"answerDue\":\"" + listed.getString("answerDue") + "\",\"published\":false}";
        assertProblem(staff.put(voices + "/" + id).json(ok).send(), 428, null);
        assertProblem(viewer.put(voices + "/" + id).ifMatch(current.etag()).json(ok).send(), 403, "forbidden");
        assertProblem(staff.put(voices + "/" + id).ifMatch(current.etag()).json(ok.replace("IN_PROGRESS", "ANSWERED"))
                .send(), 400, null);
        assertProblem(staff.put(voices + "/" + id).ifMatch(current.etag()).json(ok.replace("\"published\":false",
                "\"published\":true")).send(), 400, null);
        assertProblem(staff.put(voices + "/" + id).ifMatch(current.etag()).json(ok.replace("IN_PROGRESS", "DONE"))
                .send(), 400, null);
        assertEquals("RECEIVED", staff.get(voices + "/" + id).send().expect(200).object().getString("status"));
        // Handling never writes the sender's data (the masked values a client read must not come back).
        staff.put(voices + "/" + id).ifMatch(current.etag()).json(ok.replace("\"channel\":\"LETTER\",",
                "\"channel\":\"LETTER\",\"senderName\":\"上＊書＊\",")).send().expect(200);
        assertFalse(staff.get(voices + "/" + id + "?reveal=personal-data").send().expect(200).object()
                .containsKey("senderName"), "the letter came without a name, and still has none");
        assertEquals(1, staff.get(voices + "?status=IN_PROGRESS").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, staff.get(voices + "?overdue=true").send().expect(200).object().getInt("totalItems"));
        for (String q : List.of("status=DONE", "overdue=maybe", "unitId=x", "size=0", "format=xml")) {
            Reply bad = staff.get(voices + "?" + q).send();
            assertJapanese(bad, assertProblem(bad, 400, null));
        }
        assertProblem(staff.get(voices + "/" + id + "?reveal=everything").send(), 400, null);
    }

    @Test
    void thePortalPageOfPublishedVoicesIsServedAndDeclared() {
        Reply page = anonymous.get("/ui/engagement/voices.js").send().expect(200);
        assertTrue(page.contentType().contains("javascript"), page::toString);
        assertTrue(page.text().contains("export default async function render(root, ctx)"), "the UI contract's entry point");
        assertTrue(page.text().contains("engagement/voices/published"), "reads the public list");
        assertFalse(page.text().contains("innerHTML"), "builds the DOM without innerHTML");
        JsonObject modules = api.get("/api/v1/modules").send().expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getString("id").equals("engagement")).findFirst()
                .orElseThrow();
        assertTrue(modules.getJsonArray("ui").stream().map(JsonValue::asJsonObject)
                .anyMatch(u -> u.getString("area").equals("PORTAL") && u.getString("path").equals("voices.js")),
                modules::toString);
    }
}
