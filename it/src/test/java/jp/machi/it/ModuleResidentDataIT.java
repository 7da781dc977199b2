package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.machi.it.PersonalDataIT.Resident;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * Core's residents' data requests and anonymisation for the personal data of three modules that keep it:
 * collaboration's partner organisations (their representative and contact), engagement's citizen
 * proposals (the proposer) and promotion's vacant-house bank (the owner). For each, in a municipality of
 * its own: an administrator's export by e-mail (in capitals) and by phone (typed with full-width digits
 * and hyphens, or without them) finds exactly the resident's record, under the module's source, with its
 * personal fields and what it is, and nothing of another resident; another municipality's export finds
 * nothing; staff get 403. With a retention of 0 years one run anonymises the closed record (the personal
 * fields 匿名 or gone, the rest kept, {@code anonymisedAt} set; a partner or house refuses having them written
 * back) and none that is open, also one that was closed and taken up again, counting it under the source; afterwards no export finds the resident, a
 * second run anonymises nothing, and the audit trail holds none of the resident's values.
 */
@MachiTest
class ModuleResidentDataIT {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Api api;

    ModuleResidentDataIT(Api api) {
        this.api = api;
    }

    /** A fresh municipality with {@code module} enabled. */
    private String municipality(String module) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, module, true);
        return lg;
    }

    /** The phone as a resident may type it: full-width digits and hyphens (０９０－１２３４－５６７８). */
    static String fullWidth(String phone) {
        StringBuilder b = new StringBuilder();
        for (char c : phone.toCharArray()) {
            b.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c == '-' ? '－' : c);
        }
        return b.toString();
    }

    /** What a module's test states for the shared checks of the export. */
    record Expected(String source, String sourceLabel, String entityType, String id, Set<String> personalFields,
            Map<String, String> data) {
    }

    private static String pd(String lg) {
        return Municipalities.PATH + "/" + lg + "/personal-data";
    }

    private JsonObject export(String lg, JsonObject query) {
        return api.as("MUNICIPALITY_ADMIN", lg).post(pd(lg) + "/resident-exports").json(query).send().expect(200).object();
    }

    private static JsonObject byEmail(String email) {
        return Json.createObjectBuilder().add("email", email).build();
    }

    private static JsonObject byPhone(String phone) {
        return Json.createObjectBuilder().add("phone", phone).build();
    }

    /**
     * The export by e-mail (in capitals), by {@code phoneQuery} and by both finds exactly the one record
     * {@code e} of {@code r}, nothing of {@code other}; as CSV too; another municipality's export finds
     * nothing; staff may not export.
     */
    private void exportFindsOnly(String lg, Resident r, String phoneQuery, Expected e, Resident other, String otherId,
            String module) {
        List<JsonObject> queries = List.of(byEmail(r.email().toUpperCase()), byPhone(phoneQuery),
                Json.createObjectBuilder().add("email", r.email()).add("phone", phoneQuery).build());
        for (JsonObject q : queries) {
            JsonObject found = export(lg, q);
            assertEquals(1, found.getInt("totalRecords"), () -> q + " → " + found);
            JsonObject rec = found.getJsonArray("records").getJsonObject(0);
            assertEquals(e.source(), rec.getString("source"), rec::toString);
            assertEquals(e.sourceLabel(), rec.getString("sourceLabel"), rec::toString);
            assertEquals(e.entityType(), rec.getString("entityType"), rec::toString);
            assertEquals(e.id(), rec.getString("entityId"), rec::toString);
            assertFalse(rec.getBoolean("anonymised"), rec::toString);
            assertEquals(e.personalFields(), rec.getJsonArray("personalFields").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).collect(Collectors.toSet()), rec::toString);
            JsonObject data = rec.getJsonObject("data");
            e.data().forEach((field, value) -> assertEquals(value, data.get(field) instanceof JsonString s ? s.getString()
                    : String.valueOf(data.get(field)), () -> field + " of " + rec));
            String text = found.toString();
            assertFalse(text.contains(otherId), () -> "another resident's record in " + text);
            for (String v : other.values()) {
                assertFalse(text.contains(v), () -> "another resident's " + v + " in " + text);
            }
        }

        Reply csv = api.as("MUNICIPALITY_ADMIN", lg).post(pd(lg) + "/resident-exports?format=csv").json(byPhone(phoneQuery))
                .send().expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains(e.sourceLabel()) && text.contains(e.id()) && text.contains(r.name()), text);
        assertFalse(text.contains(other.name()) || text.contains(otherId), text);

        String elsewhere = municipality(module);
        assertEquals(0, export(elsewhere, byEmail(r.email())).getInt("totalRecords"), "another municipality's export");
        assertEquals(0, export(elsewhere, byPhone(phoneQuery)).getInt("totalRecords"), "another municipality's export");

        assertProblem(api.as("STAFF", lg).post(pd(lg) + "/resident-exports").json(byEmail(r.email())).send(), 403, "forbidden");
    }

    /** Retention 0 years (with If-Match), then one run by an administrator; staff may not run it. */
    private JsonObject anonymise(String lg) {
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        assertProblem(api.as("STAFF", lg).post(pd(lg) + "/anonymisations").json("{}").send(), 403, "forbidden");
        Reply settings = admin.get(pd(lg) + "/settings").send().expect(200);
        admin.put(pd(lg) + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);
        return admin.post(pd(lg) + "/anonymisations").json("{}").send().expect(200).object();
    }

    /** After the run: no export finds {@code r}, a second run anonymises nothing, the audit trail has none of {@code values}. */
    private void goneAfterwards(String lg, Resident r, String phoneQuery, String source, List<String> values) {
        assertEquals(0, export(lg, byEmail(r.email())).getInt("totalRecords"), "the anonymised resident by e-mail");
        assertEquals(0, export(lg, byPhone(phoneQuery)).getInt("totalRecords"), "the anonymised resident by phone");
        assertEquals(0, export(lg, byPhone(r.phoneDigits())).getInt("totalRecords"), "the anonymised resident by phone");
        JsonObject again = api.as("MUNICIPALITY_ADMIN", lg).post(pd(lg) + "/anonymisations").json("{}").send().expect(200)
                .object();
        assertEquals(0, again.getInt("total"), again::toString);
        assertEquals(0, again.getJsonObject("anonymised").getInt(source), again::toString);
        // Parsed and written again, so that Japanese is compared as text whatever the escaping.
        String trail = api.as("MUNICIPALITY_ADMIN", lg).get(Municipalities.PATH + "/" + lg + "/audit-events?size=500").send()
                .expect(200).object().toString();
        assertTrue(trail.contains("READ_PERSONAL"), "the exports were recorded: " + trail);
        for (String v : values) {
            assertFalse(trail.contains(v), () -> v + " in the audit trail: " + trail);
        }
    }

    private static void assertGone(JsonObject row, String... fields) {
        for (String f : fields) {
            assertTrue(!row.containsKey(f) || row.isNull(f), () -> f + " of " + row);
        }
    }

    private static void assertSet(JsonObject row, String field) {
        assertTrue(row.containsKey(field) && !row.isNull(field), () -> field + " of " + row);
    }

    private static Map<String, String> data(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String idIn(Api who, String list, String receipt) {
        return who.get(list + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + receipt)).getString("id");
    }

    // ---- collaboration: partner organisations ----

    private static JsonObjectBuilder partner(String name, Resident r, String phone) {
        return Json.createObjectBuilder().add("name", name).add("kind", "NPO").add("roles", Json.createArrayBuilder().add("PARTNER"))
                .add("area", "市内全域").add("purpose", "地域の見守り活動").add("representativeName", r.name())
                .add("contactName", "連絡" + r.name()).add("contactAddress", r.address()).add("contactPhone", phone)
                .add("contactEmail", r.email());
    }

    @Test
    void aRefusedPartnersContactsAreExportedAndAnonymisedOpenOnesKept() {
        String lg = municipality("collaboration");
        String base = Municipalities.PATH + "/" + lg;
        String partners = base + "/collaboration/partners";
        Api approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
        Resident r = Resident.fresh();
        Resident other = Resident.fresh();
        Resident again = Resident.fresh();
        // The resident typed the phone in full width; the others in ASCII.
        String receipt = api.anonymous().post(partners + "/applications").json(partner("見本子ども見守りの会", r, fullWidth(r.phone()))
                .build()).send().expect(201).object().getString("receiptNumber");
        String otherReceipt = api.anonymous().post(partners + "/applications").json(partner("見本環境の会", other, other.phone())
                .build()).send().expect(201).object().getString("receiptNumber");
        String againReceipt = api.anonymous().post(partners + "/applications").json(partner("見本文化の会", again, again.phone())
                .build()).send().expect(201).object().getString("receiptNumber");
        String id = idIn(approver, partners, receipt);
        String otherId = idIn(approver, partners, otherReceipt);
        String againId = idIn(approver, partners, againReceipt);
        for (String refused : List.of(id, againId)) {
            approver.post(partners + "/" + refused + "/registration/transitions").ifMatch(approver.get(partners + "/" + refused)
                    .send().expect(200).etag()).json("{\"action\":\"refuse\",\"comment\":\"活動実績が確認できないため\"}").send()
                    .expect(200);
        }
        // Refused and taken up again: open once more, so its contacts are kept.
        JsonObject reopened = approver.post(partners + "/" + againId + "/registration/transitions").ifMatch(approver
                .get(partners + "/" + againId).send().expect(200).etag()).json("{\"action\":\"reopen\",\"comment\":\"書類が追加されたため\"}")
                .send().expect(200).object();
        assertEquals("APPLIED", reopened.getString("state"), reopened::toString);

        exportFindsOnly(lg, r, r.phoneDigits(), new Expected("collaboration.partners", "協働の相手方 (団体登録)",
                "collaboration.Partner", id, Set.of("representativeName", "contactName", "contactAddress", "contactPhone",
                        "contactEmail"),
                data("receiptNumber", receipt, "name", "見本子ども見守りの会", "kind", "NPO", "representativeName", r.name(),
                        "contactName", "連絡" + r.name(), "contactAddress", r.address(), "contactPhone", fullWidth(r.phone()),
                        "contactEmail", r.email(), "state", "REFUSED")), other, otherId, "collaboration");

        JsonObject run = anonymise(lg);
        assertEquals(1, run.getJsonObject("anonymised").getInt("collaboration.partners"), run::toString);
        assertEquals(1, run.getInt("total"), run::toString);

        Api staff = api.as("STAFF", lg);
        JsonObject after = staff.get(partners + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", after.getString("representativeName"), after::toString);
        assertEquals("匿名", after.getString("contactName"), after::toString);
        assertGone(after, "contactAddress", "contactPhone", "contactEmail");
        assertEquals(receipt, after.getString("receiptNumber"));
        assertEquals("見本子ども見守りの会", after.getString("name"));
        assertEquals("NPO", after.getString("kind"));
        assertEquals("地域の見守り活動", after.getString("purpose"));
        assertEquals("REFUSED", after.getString("state"));
        assertSet(after, "anonymisedAt");
        // Once anonymised the contacts cannot be written back (as a vacant house's owner or a donor).
        Reply rewrite = staff.put(partners + "/" + id).ifMatch(staff.get(partners + "/" + id).send().expect(200).etag())
                .json(partner("見本子ども見守りの会", r, r.phone()).build()).send();
        assertProblem(rewrite, 409, "partner-anonymised");
        assertEquals("匿名", staff.get(partners + "/" + id + "?reveal=personal-data").send().expect(200).object()
                .getString("representativeName"));
        for (Object[] open : new Object[][] {{otherId, other}, {againId, again}}) {
            Resident o = (Resident) open[1];
            JsonObject kept = staff.get(partners + "/" + open[0] + "?reveal=personal-data").send().expect(200).object();
            assertEquals(o.name(), kept.getString("representativeName"), kept::toString);
            assertEquals(o.address(), kept.getString("contactAddress"), kept::toString);
            assertEquals(o.phone(), kept.getString("contactPhone"), kept::toString);
            assertEquals(o.email(), kept.getString("contactEmail"), kept::toString);
            assertGone(kept, "anonymisedAt");
            assertEquals(1, export(lg, byEmail(o.email())).getInt("totalRecords"), "an open partner is still exported");
        }

        goneAfterwards(lg, r, r.phoneDigits(), "collaboration.partners", values(r, fullWidth(r.phone()), "連絡" + r.name()));
    }

    private static List<String> values(Resident r, String... more) {
        List<String> all = new ArrayList<>(r.values());
        all.addAll(List.of(more));
        return all;
    }

    // ---- engagement: citizen proposals ----

    private static JsonObject proposal(String title, Resident r, String phone) {
        return Json.createObjectBuilder().add("title", title).add("field", "まちづくり")
                .add("body", "駅前の空き店舗を子どもの居場所に使えるようにしてはどうでしょうか。").add("name", r.name())
                .add("address", r.address()).add("phone", phone).add("email", r.email()).build();
    }

    private static void take(Api who, String proposals, String id, String action, String comment) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        who.post(proposals + "/" + id + "/answer/transitions").ifMatch(who.get(proposals + "/" + id).send().expect(200).etag())
                .json(b.build()).send().expect(200);
    }

    /** Routed to {@code lead} with a drafted answer, submitted by the drafter and approved. */
    private static void answer(Api drafter, Api approver, String proposals, String id, String lead) {
        Reply current = drafter.get(proposals + "/" + id).send().expect(200);
        JsonObject p = current.object();
        drafter.put(proposals + "/" + id).ifMatch(current.etag()).json(Json.createObjectBuilder().add("title", p.getString("title"))
                .add("body", p.getString("body")).add("field", p.getString("field")).add("status", "CONSIDERING")
                .add("unitId", lead).add("answer", "空き店舗を活用した子どもの居場所づくりを来年度に試行します。").add("published", false)
                .build()).send().expect(200);
        take(drafter, proposals, id, "submit", null);
        take(approver, proposals, id, "approve", null);
    }

    @Test
    void anAnsweredProposalsProposerIsExportedAndAnonymisedOpenOnesKept() {
        String lg = municipality("engagement");
        String base = Municipalities.PATH + "/" + lg;
        String proposals = base + "/engagement/proposals";
        String lead = TaskListIT.unit(api, base, "01", "都市政策課");
        String hearing = TaskListIT.unit(api, base, "02", "市民の声を聞く課");
        Api drafter = TaskListIT.user(api, base, "STAFF", lead);
        Api approver = TaskListIT.user(api, base, "STAFF", hearing, "engagement.approver");
        Resident r = Resident.fresh();
        Resident other = Resident.fresh();
        Resident returned = Resident.fresh();
        String receipt = api.anonymous().post(proposals).json(proposal("空き店舗の活用", r, r.phone())).send().expect(201).object()
                .getString("receiptNumber");
        String otherReceipt = api.anonymous().post(proposals).json(proposal("公園の遊具", other, fullWidth(other.phone()))).send()
                .expect(201).object().getString("receiptNumber");
        String returnedReceipt = api.anonymous().post(proposals).json(proposal("バス路線の見直し", returned, returned.phone())).send()
                .expect(201).object().getString("receiptNumber");
        String id = idIn(drafter, proposals, receipt);
        String otherId = idIn(drafter, proposals, otherReceipt);
        String returnedId = idIn(drafter, proposals, returnedReceipt);
        // Filed as spam by the honeypot: never listed, never answered, but held with the sender's contact.
        Resident spammer = Resident.fresh();
        String spamReceipt = api.anonymous().post(proposals).json(Json.createObjectBuilder(proposal("格安のご案内", spammer,
                spammer.phone())).add("website", "http://spam.example/").build()).send().expect(201).object()
                .getString("receiptNumber");
        assertTrue(drafter.get(proposals + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .noneMatch(v -> v.asJsonObject().getString("receiptNumber").equals(spamReceipt)), "spam is not listed");
        assertEquals(1, export(lg, byPhone(spammer.phone())).getInt("totalRecords"), "the spam proposal is held");
        answer(drafter, approver, proposals, id, lead);
        assertEquals("ANSWERED", drafter.get(proposals + "/" + id).send().expect(200).object().getString("status"));
        // Answered, then the approved answer returned for revision: no longer answered, so open.
        answer(drafter, approver, proposals, returnedId, lead);
        take(approver, proposals, returnedId, "return", "回答の根拠を追記してください");
        JsonObject back = drafter.get(proposals + "/" + returnedId).send().expect(200).object();
        assertEquals("CONSIDERING", back.getString("status"), back::toString);

        // Asked with full-width digits and hyphens, as residents type them.
        exportFindsOnly(lg, r, fullWidth(r.phone()), new Expected("engagement.proposals", "まちづくり提言",
                "engagement.CitizenProposal", id, Set.of("proposerName", "proposerAddress", "proposerPhone", "proposerEmail"),
                data("receiptNumber", receipt, "field", "まちづくり", "title", "空き店舗の活用", "proposerName", r.name(),
                        "proposerAddress", r.address(), "proposerPhone", r.phone(), "proposerEmail", r.email(),
                        "unitName", "都市政策課", "status", "ANSWERED",
                        "answer", "空き店舗を活用した子どもの居場所づくりを来年度に試行します。")), other, otherId, "engagement");

        // The answered proposal and the spam one (never closed: its period counts from its receipt).
        JsonObject run = anonymise(lg);
        assertEquals(2, run.getJsonObject("anonymised").getInt("engagement.proposals"), run::toString);
        assertEquals(2, run.getInt("total"), run::toString);
        assertEquals(0, export(lg, byPhone(spammer.phone())).getInt("totalRecords"), "the spam proposal's sender is gone");
        assertEquals(0, export(lg, byEmail(spammer.email())).getInt("totalRecords"), "the spam proposal's sender is gone");

        JsonObject after = drafter.get(proposals + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", after.getString("proposerName"), after::toString);
        assertGone(after, "proposerAddress", "proposerPhone", "proposerEmail");
        assertEquals(receipt, after.getString("receiptNumber"));
        assertEquals("空き店舗の活用", after.getString("title"));
        assertEquals("駅前の空き店舗を子どもの居場所に使えるようにしてはどうでしょうか。", after.getString("body"));
        assertEquals("空き店舗を活用した子どもの居場所づくりを来年度に試行します。", after.getString("answer"));
        assertEquals("ANSWERED", after.getString("status"));
        assertSet(after, "answeredAt");
        assertSet(after, "anonymisedAt");
        for (Object[] open : new Object[][] {{otherId, other, fullWidth(other.phone())}, {returnedId, returned, returned.phone()}}) {
            Resident o = (Resident) open[1];
            JsonObject kept = drafter.get(proposals + "/" + open[0] + "?reveal=personal-data").send().expect(200).object();
            assertEquals(o.name(), kept.getString("proposerName"), kept::toString);
            assertEquals(o.address(), kept.getString("proposerAddress"), kept::toString);
            assertEquals(open[2], kept.getString("proposerPhone"), kept::toString);
            assertEquals(o.email(), kept.getString("proposerEmail"), kept::toString);
            assertGone(kept, "anonymisedAt");
            assertEquals(1, export(lg, byPhone(o.phone())).getInt("totalRecords"), "an open proposal is still exported");
        }

        List<String> values = new ArrayList<>(r.values());
        values.addAll(spammer.values());
        goneAfterwards(lg, r, fullWidth(r.phone()), "engagement.proposals", values);
    }

    // ---- promotion: vacant-house owners ----

    private static JsonObject house(String title, Resident r, String phone) {
        return Json.createObjectBuilder().add("title", title).add("area", "須坂市 豊丘地区").add("dealType", "RENT")
                .add("rent", 45000).add("layout", "5DK").add("builtYear", 1978).add("description", "日当たりの良い古民家。")
                .add("ownerName", r.name()).add("ownerAddress", r.address()).add("ownerPhone", phone).add("ownerEmail", r.email())
                .build();
    }

    @Test
    void aClosedVacantHousesOwnerIsExportedAndAnonymisedOpenOnesKept() {
        String lg = municipality("promotion");
        String base = Municipalities.PATH + "/" + lg;
        String houses = base + "/promotion/vacant-houses";
        Api staff = CollaborationPartnerIT.user(api, base, "STAFF");
        Api registrar = CollaborationPartnerIT.user(api, base, "STAFF", "promotion.vacant-house-registrar");
        Resident r = Resident.fresh();
        Resident other = Resident.fresh();
        // The owner's phone as typed on the paper form: full-width digits, the long-vowel mark for hyphens.
        String typed = fullWidth(r.phone()).replace('－', 'ー');
        String id = staff.post(houses).json(house("（テスト）豊丘の古民家", r, typed)).send().expect(201).object().getString("id");
        String otherId = staff.post(houses).json(house("（テスト）井上の平屋", other, other.phone())).send().expect(201).object()
                .getString("id");
        JsonObject closed = registrar.post(houses + "/" + id + "/workflow/transitions").ifMatch(staff.get(houses + "/" + id).send()
                .expect(200).etag()).json("{\"action\":\"withdraw\",\"comment\":\"所有者の意向により取り下げ\"}").send().expect(200)
                .object();
        assertEquals("CLOSED", closed.getString("state"), closed::toString);

        exportFindsOnly(lg, r, r.phoneDigits(), new Expected("promotion.vacant-house-owners", "空き家バンクの物件所有者",
                "promotion.VacantHouse", id, Set.of("ownerName", "ownerAddress", "ownerPhone", "ownerEmail"),
                data("property", "（テスト）豊丘の古民家", "ownerName", r.name(), "ownerAddress", r.address(), "ownerPhone", typed,
                        "ownerEmail", r.email())), other, otherId, "promotion");

        JsonObject run = anonymise(lg);
        assertEquals(1, run.getJsonObject("anonymised").getInt("promotion.vacant-house-owners"), run::toString);
        assertEquals(1, run.getInt("total"), run::toString);

        JsonObject after = staff.get(houses + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", after.getString("ownerName"), after::toString);
        assertGone(after, "ownerAddress", "ownerPhone", "ownerEmail");
        assertEquals("（テスト）豊丘の古民家", after.getString("title"));
        assertEquals("須坂市 豊丘地区", after.getString("area"));
        assertEquals(45000, after.getInt("rent"));
        assertEquals("5DK", after.getString("layout"));
        assertEquals("CLOSED", after.getString("state"));
        assertSet(after, "anonymisedAt");
        assertProblem(staff.put(houses + "/" + id).ifMatch(staff.get(houses + "/" + id).send().expect(200).etag())
                .json(house("（テスト）豊丘の古民家", r, r.phone())).send(), 409, "vacant-house-anonymised");
        JsonObject kept = staff.get(houses + "/" + otherId + "?reveal=personal-data").send().expect(200).object();
        assertEquals(other.name(), kept.getString("ownerName"), kept::toString);
        assertEquals(other.address(), kept.getString("ownerAddress"), kept::toString);
        assertEquals(other.phone(), kept.getString("ownerPhone"), kept::toString);
        assertEquals(other.email(), kept.getString("ownerEmail"), kept::toString);
        assertEquals("APPLIED", kept.getString("state"));
        assertGone(kept, "anonymisedAt");
        assertEquals(1, export(lg, byEmail(other.email())).getInt("totalRecords"), "an open house's owner is still exported");

        goneAfterwards(lg, r, r.phoneDigits(), "promotion.vacant-house-owners", values(r, typed));
    }
}
