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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 協働提案型公募補助 from the portal, through the server: a registered organisation asks for a link with
 * its registered name and contact address (the answer is the same whether they match; only a match
 * queues a mail, read here from core's outbox), the link opens the form once, the application goes
 * through public intake (receipt number, Idempotency-Key replay, honeypot) under the same limits as
 * paper, documents are attached with the link and by staff (If-Match, the application's version
 * rises), the completeness check requires the call's documents, staff download them and nobody else
 * can; receipt and decision mail; task-list items; another municipality's link, partner and ids do
 * not reach; bad input is 4xx in ja/en.
 */
@MachiTest
class GrantPortalIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String EMAIL = "mihon-npo@example.jp";
    private static final Pattern LINK = Pattern.compile("/p/(\\d{6})/collaboration-grants-portal\\?apply=([A-Za-z0-9_-]{43})");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Api api;
    private String lg;
    private String base;
    private String calls;
    private Api staff;
    private Api approver;
    private String name;
    private JsonObject call;

    GrantPortalIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aMunicipalityWithARegisteredPartnerAndAnOpenCall() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        calls = base + "/collaboration/grants/calls";
        staff = api.as("STAFF", lg);
        approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
        name = "見本まちづくりの会 " + lg;
        CollaborativeProjectIT.registeredPartner(api, base, approver, name);
        call = staff.post(calls).json(GrantIT.call(TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1,
                1_000_000, 300_000, 80, null, TODAY.minusDays(5), TODAY.plusDays(20))
                .add("requiredDocuments", Json.createArrayBuilder().add("企画書").add("収支予算書")).build()).send()
                .expect(201).object();
    }

    private String pub(String path) {
        return base + "/collaboration/grants/public/" + path;
    }

    private Reply askForLink(String organisation, String email, String key) {
        Api.Call c = api.anonymous().post(pub("calls/" + call.getString("id") + "/links"))
                .json(Json.createObjectBuilder().add("organisation", organisation).add("email", email).build());
        return (key == null ? c : c.header("Idempotency-Key", key)).send();
    }

    /** The outbox's mails of a template, newest first, read in full by the administrator. */
    private List<JsonObject> mails(String template) {
        return api.get(base + "/outbox?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(m -> m.getString("template").equals(template))
                .map(m -> api.get(base + "/outbox/" + m.getString("id") + "?reveal=personal-data").send().expect(200).object())
                .toList();
    }

    private String token() {
        List<JsonObject> links = mails("grant-link");
        assertEquals(1, links.size(), links::toString);
        assertEquals(EMAIL, links.get(0).getString("recipient"));
        Matcher m = LINK.matcher(links.get(0).getString("body"));
        assertTrue(m.find(), links.get(0)::toString);
        assertEquals(lg, m.group(1));
        return m.group(2);
    }

    private static jakarta.json.JsonObjectBuilder application(String token, long requested) {
        return Json.createObjectBuilder().add("token", token).add("projectTitle", "多世代の居場所づくり")
                .add("plan", "空き店舗で子どもと高齢者の居場所をひらく").add("startYear", "令和6年度").add("requestedAmount", requested)
                .add("budgetLines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("item", "会場費").add("amount", 200_000).add("eligible", true))
                        .add(Json.createObjectBuilder().add("item", "懇親会費").add("amount", 50_000).add("eligible", false)));
    }

    @Test
    void aRegisteredOrganisationAppliesByTheMailedLinkAndAttachesItsDocuments() {
        // Not matching (another address; an unknown name): the same answer, no mail.
        Reply wrong = askForLink(name, "someone-else@example.jp", null).expect(201);
        assertTrue(wrong.object().getString("receiptNumber").startsWith("GL-R"), wrong::toString);
        askForLink("登録のない会", EMAIL, null).expect(201);
        assertEquals(0, mails("grant-link").size());
        // The registered name in other widths and spaces, and the registered address in capitals, match.
        Reply asked = askForLink(name.replace(" ", "　"), EMAIL.toUpperCase(), "link-" + lg).expect(201);
        assertEquals(wrong.object().keySet(), asked.object().keySet());
        assertFalse(asked.text().contains(EMAIL) || asked.text().contains(name), asked::toString);
        String token = token();

        JsonObject form = api.anonymous().post(pub("application-form")).json(Json.createObjectBuilder().add("token", token)
                .build()).send().expect(200).object();
        assertEquals(name, form.getString("applicantName"));
        assertEquals(call.getString("id"), form.getJsonObject("call").getString("id"));
        assertEquals(List.of("企画書", "収支予算書"), form.getJsonObject("call").getJsonArray("requiredDocuments")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(form.toString().contains(EMAIL), form::toString);

        // The same limits as on paper: 80 % of 200,000 is 160,000.
        Reply over = api.anonymous().post(pub("applications")).header("Idempotency-Key", "over-" + lg)
                .json(application(token, 170_000).build()).send();
        assertProblem(over, 400, "validation");
        assertTrue(over.text().contains("requestedAmount"), over::toString);

        Reply applied = api.anonymous().post(pub("applications")).header("Idempotency-Key", "apply-" + lg)
                .json(application(token, 150_000).build()).send().expect(201);
        String receipt = applied.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("G-R"), receipt);
        // A retry with the key replays the answer; the link applies once.
        assertEquals(receipt, api.anonymous().post(pub("applications")).header("Idempotency-Key", "apply-" + lg)
                .json(application(token, 150_000).build()).send().expect(201).object().getString("receiptNumber"));
        assertProblem(api.anonymous().post(pub("applications")).header("Idempotency-Key", "again-" + lg)
                .json(application(token, 100_000).build()).send(), 410, "link-used");
        assertProblem(api.anonymous().post(pub("application-form")).json(Json.createObjectBuilder().add("token", token)
                .build()).send(), 410, "link-used");

        // Staff see it beside paper ones, with its channel and receipt number.
        JsonObject listed = staff.get(calls + "/" + call.getString("id") + "/applications").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("PORTAL", listed.getString("channel"));
        assertEquals(receipt, listed.getString("receiptNumber"));
        assertEquals(name, listed.getString("applicantName"));
        String app = base + "/collaboration/grants/applications/" + listed.getString("id");
        List<JsonObject> received = mails("grant-received");
        assertEquals(1, received.size());
        assertEquals(EMAIL, received.get(0).getString("recipient"));
        assertTrue(received.get(0).getString("body").contains(receipt), received.get(0)::toString);

        // Documents with the link: 企画書 from the portal.
        Reply up = api.anonymous().post(pub("applications/attachments?fileName=" + enc("企画書.pdf") + "&document="
                + enc("企画書"))).header("X-Grant-Link", token).body(PDF, "application/pdf").send().expect(201);
        assertEquals("企画書", up.object().getString("document"));
        assertProblem(api.anonymous().post(pub("applications/attachments?fileName=x.html"))
                .header("X-Grant-Link", token).body("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                        "text/html").send(), 415, "unsupported-file-type");
        assertProblem(api.anonymous().post(pub("applications/attachments?fileName=a.pdf")).body(PDF, "application/pdf")
                .send(), 404, "not-found");

        // The completeness check needs the call's documents.
        String etag = staff.get(app).send().expect(200).etag();
        Reply missing = staff.post(app + "/completeness").ifMatch(etag).json("{\"complete\":true}").send();
        assertProblem(missing, 409, "grant-documents-missing");
        assertTrue(missing.text().contains("収支予算書"), missing::toString);
        // Staff attach the other one: If-Match required, the version rises.
        assertProblem(staff.post(app + "/attachments?fileName=budget.pdf&document=" + enc("収支予算書"))
                .body(PDF, "application/pdf").send(), 428, "precondition-required");
        Reply added = staff.post(app + "/attachments?fileName=budget.pdf&document=" + enc("収支予算書")).ifMatch(etag)
                .body(PDF, "application/pdf").send().expect(201);
        assertFalse(etag.equals(added.etag()));
        assertProblem(staff.post(app + "/completeness").ifMatch(etag).json("{\"complete\":true}").send(), 412, null);
        JsonObject checked = staff.post(app + "/completeness").ifMatch(added.etag()).json("{\"complete\":true}").send()
                .expect(200).object();
        assertEquals("UNDER_REVIEW", checked.getString("state"));
        assertEquals(2, checked.getJsonArray("documents").size());
        assertEquals(0, checked.getJsonArray("missingDocuments").size());

        // Staff and viewers download; the public and another municipality do not.
        String fileId = added.object().getString("fileId");
        assertArrayEquals(PDF, staff.get(app + "/attachments/" + fileId).accept("*/*").send().expect(200).bytes());
        assertEquals(2, staff.get(app + "/attachments").send().expect(200).array().size());
        assertEquals(401, api.anonymous().get(app + "/attachments/" + fileId).accept("*/*").send().status());
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "collaboration", true);
        String otherApp = Municipalities.PATH + "/" + other + "/collaboration/grants/applications/" + listed.getString("id");
        assertEquals(404, api.as("STAFF", other).get(otherApp + "/attachments/" + fileId).accept("*/*").send().status());
        // The link is this municipality's: on another's path it is unknown.
        assertProblem(api.anonymous().post(Municipalities.PATH + "/" + other + "/collaboration/grants/public/application-form")
                .json(Json.createObjectBuilder().add("token", token).build()).send(), 404, "not-found");
        // Public pages show neither documents nor contacts.
        String publicCalls = api.anonymous().get(pub("calls")).send().expect(200).text();
        assertFalse(publicCalls.contains("企画書.pdf") || publicCalls.contains(EMAIL), publicCalls);

        // Tasks: waiting for this panel member's scores; after scoring, a decision for the approver.
        assertTrue(staff.get(base + "/tasks").send().expect(200).text().contains("grant-application-to-score"));
        JsonObject c = staff.get(calls + "/" + call.getString("id")).send().expect(200).object();
        var scores = Json.createArrayBuilder();
        c.getJsonArray("criteria").forEach(k -> scores.add(Json.createObjectBuilder()
                .add("criterionId", k.asJsonObject().getString("id")).add("score", 4)));
        staff.put(app + "/scores").ifMatch(staff.get(app).send().etag())
                .json(Json.createObjectBuilder().add("scores", scores).build()).send().expect(200);
        String tasks = approver.get(base + "/tasks").send().expect(200).text();
        assertTrue(tasks.contains("grant-application-to-decide") && tasks.contains(listed.getString("id")), tasks);
        assertFalse(tasks.contains(EMAIL), tasks);

        // The decision is mailed.
        approver.post(app + "/decision").ifMatch(approver.get(app).send().etag())
                .json("{\"adopt\":true,\"grantedAmount\":150000}").send().expect(200);
        List<JsonObject> adopted = mails("grant-adopted");
        assertEquals(1, adopted.size());
        assertTrue(adopted.get(0).getString("body").contains("150,000"), adopted.get(0)::toString);
        // Decided: its documents no longer change.
        assertProblem(staff.post(app + "/attachments?fileName=late.pdf").ifMatch(approver.get(app).send().etag())
                .body(PDF, "application/pdf").send(), 409, "grant-application-decided");
    }

    @Test
    void anotherMunicipalitysPartnerGetsNoLinkAndBadInputIsAnswered() {
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "collaboration", true);
        String otherBase = Municipalities.PATH + "/" + other;
        String otherName = "よその会 " + other;
        CollaborativeProjectIT.registeredPartner(api, otherBase, CollaborationPartnerIT.user(api, otherBase, "STAFF",
                "collaboration.approver"), otherName);
        askForLink(otherName, EMAIL, null).expect(201);
        assertEquals(0, mails("grant-link").size());
        // Another municipality's call id is 404.
        String otherCall = api.as("STAFF", other).post(otherBase + "/collaboration/grants/calls")
                .json(GrantIT.call(TODAY.getYear(), 100_000, 50_000, 50, null, TODAY.minusDays(1), TODAY.plusDays(3)).build())
                .send().expect(201).object().getString("id");
        assertProblem(api.anonymous().post(pub("calls/" + otherCall + "/links")).json(Json.createObjectBuilder()
                .add("organisation", name).add("email", EMAIL).build()).send(), 404, "not-found");

        Reply ja = api.anonymous().post(pub("calls/" + call.getString("id") + "/links")).lang("ja")
                .json("{\"organisation\":\"\",\"email\":\"not-an-address\"}").send();
        assertJapanese(ja, assertProblem(ja, 400, "validation"));
        Reply en = api.anonymous().post(pub("calls/" + call.getString("id") + "/links")).lang("en")
                .json("{\"organisation\":\"x\",\"email\":\"not-an-address\"}").send();
        assertEnglish(en, assertProblem(en, 400, "validation"));
        assertProblem(api.anonymous().post(pub("application-form")).json("{\"token\":\"../../etc/passwd\"}").send(), 404,
                "not-found");
        assertProblem(api.anonymous().post(pub("applications")).json(application("x".repeat(43), 1).build()).send(), 404,
                "not-found");
        Reply hostile = api.anonymous().post(pub("applications")).json("{\"token\":1,\"projectTitle\":[],\"requestedAmount\":"
                + "\"lots\",\"budgetLines\":{}}").send();
        assertTrue(hostile.status() == 400, hostile::toString);
        // A closed call takes no link request.
        String closed = staff.post(calls).json(GrantIT.call(TODAY.getYear() - 1, 100_000, 50_000, 50, null,
                TODAY.minusDays(40), TODAY.minusDays(10)).build()).send().expect(201).object().getString("id");
        assertProblem(api.anonymous().post(pub("calls/" + closed + "/links")).json(Json.createObjectBuilder()
                .add("organisation", name).add("email", EMAIL).build()).send(), 409, "grant-call-closed");
        assertEquals(0, mails("grant-link").size());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
