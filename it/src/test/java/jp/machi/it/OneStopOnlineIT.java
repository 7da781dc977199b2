package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ワンストップ特例 online (issue 12): a donor sends the items of the 申告特例申請書 from the portal
 * through core's public intake (a receipt number only, Idempotency-Key, honeypot, consent, both
 * declarations required); it lands with channel ONLINE in the staff list, the applicant masked (in
 * full only by an audited reveal), with the donations they listed and donors of the same e-mail, and
 * is checked and matched like a mailed one; refused from January 11 of the year after the donations
 * with the reason; the five-municipality rule is a declaration on every application, staff's too;
 * My Number is nowhere: not in the form, not in the API, not a column of the database.
 */
@MachiTest
class OneStopOnlineIT {

    static final String SHIBUYA = "131130";
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Api api;
    private String lg;
    private String base;
    private String intake;
    private String apps;

    OneStopOnlineIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        intake = base + "/promotion/public/one-stop-applications";
        apps = base + "/promotion/one-stop-applications";
    }

    static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    static JsonObjectBuilder form(String name, String email, Object... donations) {
        JsonArrayBuilder ds = Json.createArrayBuilder();
        for (int i = 0; i < donations.length; i += 2) {
            ds.add(Json.createObjectBuilder().add("donatedOn", donations[i].toString()).add("amount", ((Number) donations[i + 1]).longValue()));
        }
        return Json.createObjectBuilder().add("name", name).add("kana", "シブヤ ハナコ").add("postalCode", "150-0041")
                .add("address", "東京都渋谷区神南1-19-11").add("residenceCode", SHIBUYA).add("residenceName", "東京都渋谷区")
                .add("phone", "03-0000-1234").add("email", email).add("birthDate", "1985-06-15").add("donations", ds)
                .add("declaresNoTaxReturn", true).add("declaresAtMostFive", true).add("consent", true);
    }

    @Test
    void anOnlineApplicationLandsMaskedAndIsMatchedLikeAMailedOne() {
        LocalDate today = today();
        int year = today.getYear();
        String email = "hanako." + lg + "@example.jp";
        // The donor as the office knows them (from the portal site's export), with the same e-mail.
        String donor = api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", "渋谷 花子").add("nameKana", "シブヤ ハナコ")
                .add("postalCode", "1500041").add("address", "東京都渋谷区神南1-19-11").add("email", email).build()).send().expect(201)
                .object().getString("id");
        String donation = api.post(base + "/promotion/donations").json(Json.createObjectBuilder().add("donorId", donor)
                .add("receivedOn", today.toString()).add("amount", 30_000).add("paymentMethod", "CREDIT_CARD").add("channel", "ふるさとチョイス")
                .build()).send().expect(201).object().getString("id");

        // Without the declarations, consent or a donation: refused with the reasons, in the portal user's language; nothing stored.
        Reply bad = api.anonymous().post(intake).json(form("渋谷 花子", email, today, 30_000).add("declaresNoTaxReturn", false)
                .add("declaresAtMostFive", false).add("consent", false).build()).send();
        JsonObject problem = assertJapanese(bad, assertProblem(bad, 400, "validation"));
        String fields = Problems.fields(problem);
        assertTrue(fields.contains("declaresNoTaxReturn") && fields.contains("declaresAtMostFive") && fields.contains("consent"), fields);
        assertTrue(problem.toString().contains("5団体以内") && problem.toString().contains("確定申告"), problem::toString);
        Reply badEn = api.anonymous().post(intake).lang("en").json(form("渋谷 花子", email, today, 30_000).add("declaresAtMostFive", false).build()).send();
        assertTrue(assertEnglish(badEn, assertProblem(badEn, 400, "validation")).toString().contains("at most five"), badEn::text);
        Reply none = api.anonymous().post(intake).json(form("渋谷 花子", email).build()).send();
        assertTrue(Problems.fields(assertProblem(none, 400, "validation")).contains("donations"), none::text);
        Reply wrongDigit = api.anonymous().post(intake).json(form("渋谷 花子", email, today, 30_000).add("residenceCode", "131131").build()).send();
        assertTrue(assertProblem(wrongDigit, 400, "validation").toString().contains(SHIBUYA), "says the right check digit: " + wrongDigit.text());
        assertEquals(0, api.get(apps).send().expect(200).object().getInt("totalItems"), "nothing stored on a refusal");

        // Accepted: a receipt number only; a retry with the same key gives the first answer; a bot filling the honeypot stores nothing.
        Reply r = api.anonymous().post(intake).header("Idempotency-Key", "os-" + lg).json(form("渋谷 花子", email, today, 30_000).build()).send()
                .expect(201);
        String receipt = r.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("W-"), receipt);
        assertEquals(1, r.object().size(), "a receipt number only: " + r.object());
        assertFalse(r.text().contains("渋谷") || r.text().contains(email), r.text());
        assertEquals(receipt, api.anonymous().post(intake).header("Idempotency-Key", "os-" + lg).json(form("渋谷 花子", email, today, 30_000).build())
                .send().expect(201).object().getString("receiptNumber"), "a retry gives the first answer");
        api.anonymous().post(intake).json(form("ボット", "bot@example.jp", today, 1).add("website", "http://spam.example").build()).send().expect(201);

        // Staff see it with channel ONLINE, not checked, the applicant masked in the list and the CSV.
        JsonObject list = api.get(apps + "?state=TO_MATCH").send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"), list::toString);
        JsonObject item = list.getJsonArray("items").getJsonObject(0);
        assertEquals(receipt, item.getString("receiptNumber"));
        assertEquals("ONLINE", item.getString("channel"));
        assertEquals("RECEIVED", item.getString("state"));
        assertEquals(year, item.getInt("donationYear"));
        assertEquals(today.toString(), item.getString("receivedOn"));
        assertTrue(item.getBoolean("declaresNoTaxReturn") && item.getBoolean("declaresAtMostFive"), item::toString);
        assertEquals("確定申告不要・5団体以内を申告済", item.getString("declarationsLabel"));
        assertFalse(list.toString().contains("渋谷 花子") || list.toString().contains(email) || list.toString().contains("神南")
                || list.toString().contains("1985-06-15") || list.toString().contains("0000-1234"), "masked in the list: " + list);
        String csv = new String(api.get(apps + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("受付番号") && csv.contains(receipt) && csv.contains("オンライン"), csv);
        assertFalse(csv.contains("渋谷 花子") || csv.contains(email), csv);

        // One application: the donations listed, the donor with the same e-mail as a candidate, still masked.
        String id = item.getString("id");
        Reply one = api.get(apps + "/" + id).send().expect(200);
        JsonObject a = one.object();
        assertEquals(30_000, a.getJsonArray("declaredDonations").getJsonObject(0).getJsonNumber("amount").longValue());
        assertEquals(today.toString(), a.getJsonArray("declaredDonations").getJsonObject(0).getString("donatedOn"));
        assertEquals(donor, a.getJsonArray("donorCandidates").getJsonObject(0).getString("id"));
        assertFalse(a.toString().contains("渋谷 花子") || a.toString().contains(email) || a.toString().contains("1985-06-15"), a::toString);
        assertTrue(a.getJsonObject("applicant").getString("name").startsWith("渋"), a::toString);

        // In full only on an audited reveal, for staff and above.
        Api staff = api.as("STAFF", lg);
        JsonObject full = staff.get(apps + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("渋谷 花子", full.getJsonObject("applicant").getString("name"));
        assertEquals("1985-06-15", full.getJsonObject("applicant").getString("birthDate"));
        assertEquals("東京都渋谷区神南1-19-11", full.getJsonObject("applicant").getString("address"));
        assertTrue(api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object().getInt("totalItems") >= 1);
        assertProblem(api.as("VIEWER", lg).get(apps + "/" + id + "?reveal=personal-data").send(), 403, null);
        assertProblem(api.anonymous().get(apps).send(), 401, null);

        // Matched like a mailed one: the donor chosen, identity checked today (never the number), the donation ticked; If-Match.
        JsonObject match = Json.createObjectBuilder().add("donorId", donor).add("donationYear", year).add("receivedOn", today.toString())
                .add("channel", "ONLINE").add("residenceCode", SHIBUYA).add("residenceName", "東京都渋谷区").add("identityCheckedOn", today.toString())
                .add("donationIds", Json.createArrayBuilder().add(donation)).build();
        assertProblem(staff.put(apps + "/" + id).json(match).send(), 428, null);
        Reply matched = staff.put(apps + "/" + id).ifMatch(one.etag()).json(match).send().expect(200);
        assertNotEquals(one.etag(), matched.etag());
        assertEquals("MATCHED", matched.object().getString("state"));
        assertEquals(30_000, matched.object().getJsonNumber("donationAmount").longValue());
        assertTrue(matched.object().getBoolean("declaresAtMostFive"), "an update without the declarations keeps them");
        assertEquals(receipt, matched.object().getString("receiptNumber"));
        JsonObject notices = api.get(apps + "/notifications?year=" + year).send().expect(200).object();
        assertTrue(notices.toString().contains(SHIBUYA), notices::toString);
        assertEquals(0, api.get(apps + "?state=TO_MATCH").send().expect(200).object().getInt("totalItems"));

        // Core's residents' data request finds what the applicant sent, by e-mail.
        JsonObject export = api.as("MUNICIPALITY_ADMIN", lg).post(base + "/personal-data/resident-exports")
                .json("{\"email\":\"" + email + "\"}").send().expect(200).object();
        assertTrue(export.toString().contains("promotion.one-stop-applications") && export.toString().contains("1985-06-15"), export::toString);
    }

    @Test
    void lateOrUndeclaredApplicationsAreRefusedWithTheReason() {
        LocalDate today = today();
        int year = today.getYear();
        String email = "taro." + lg + "@example.jp";

        // Donations of two years ago: their deadline (January 10 of last year) has passed, whatever today is.
        LocalDate old = LocalDate.of(year - 2, 6, 1);
        Reply late = api.anonymous().post(intake).json(form("世田谷 太郎", email, old, 10_000).build()).send();
        JsonObject p = assertJapanese(late, assertProblem(late, 400, "validation"));
        assertTrue(p.toString().contains("期限") && p.toString().contains((year - 1) + "-01-10") && p.toString().contains("確定申告"), p::toString);
        Reply lateEn = api.anonymous().post(intake).lang("en").json(form("世田谷 太郎", email, old, 10_000).build()).send();
        assertTrue(assertEnglish(lateEn, assertProblem(lateEn, 400, "validation")).toString().contains("file a tax return"), lateEn::text);
        // One year per application; no donation in the future.
        Reply mixed = api.anonymous().post(intake).json(form("世田谷 太郎", email, today, 10_000, LocalDate.of(year - 1, 12, 31), 5_000).build()).send();
        assertTrue(Problems.fields(assertProblem(mixed, 400, "validation")).contains("donations[1].donatedOn"), mixed::text);
        Reply future = api.anonymous().post(intake).json(form("世田谷 太郎", email, today.plusDays(1), 10_000).build()).send();
        assertTrue(Problems.fields(assertProblem(future, 400, "validation")).contains("donations[0].donatedOn"), future::text);
        assertEquals(0, api.get(apps).send().expect(200).object().getInt("totalItems"));

        // Staff entry carries the declarations too: a new application without them is refused, naming both, in ja and en.
        String donor = api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", "世田谷 太郎").add("email", email).build())
                .send().expect(201).object().getString("id");
        java.util.function.Supplier<JsonObjectBuilder> mailed = () -> Json.createObjectBuilder().add("donorId", donor).add("donationYear", year)
                .add("receivedOn", today.toString()).add("channel", "MAIL").add("residenceCode", SHIBUYA).add("residenceName", "東京都渋谷区");
        Reply undeclared = api.post(apps).json(mailed.get().build()).send();
        JsonObject up = assertJapanese(undeclared, assertProblem(undeclared, 400, "validation"));
        assertTrue(Problems.fields(up).contains("declaresNoTaxReturn") && Problems.fields(up).contains("declaresAtMostFive"), up::toString);
        assertTrue(up.toString().contains("5団体以内") && up.toString().contains("他の団体への申請を確認できない"), up::toString);
        Reply sixth = api.post(apps).lang("en").json(mailed.get().add("declaresNoTaxReturn", true).add("declaresAtMostFive", false).build()).send();
        JsonObject sp = assertEnglish(sixth, assertProblem(sixth, 400, "validation"));
        assertTrue(Problems.fields(sp).contains("declaresAtMostFive") && !Problems.fields(sp).contains("declaresNoTaxReturn"), sp::toString);
        assertTrue(sp.toString().contains("cannot see applications to others"), sp::toString);
        assertEquals(0, api.get(apps).send().expect(200).object().getInt("totalItems"), "nothing written by the refusals");

        Reply created = api.post(apps).json(mailed.get().add("declaresNoTaxReturn", true).add("declaresAtMostFive", true).build()).send().expect(201);
        assertTrue(created.object().getBoolean("declaresNoTaxReturn") && created.object().getBoolean("declaresAtMostFive"));
        assertFalse(created.object().containsKey("receiptNumber") && !created.object().isNull("receiptNumber"), "staff entry has no receipt");
        String item = apps + "/" + created.object().getString("id");
        // An update may leave the declarations out (they stay) but never withdraw one.
        JsonObject withdrawn = mailed.get().add("declaresNoTaxReturn", true).add("declaresAtMostFive", false).build();
        assertProblem(api.put(item).ifMatch(created.etag()).json(withdrawn).send(), 400, "validation");
        JsonObject kept = Json.createObjectBuilder().add("donorId", donor).add("donationYear", year).add("receivedOn", today.toString())
                .add("channel", "MAIL").add("residenceCode", SHIBUYA).add("residenceName", "東京都渋谷区").add("note", "再確認").build();
        Reply updated = api.put(item).ifMatch(created.etag()).json(kept).send().expect(200);
        assertTrue(updated.object().getBoolean("declaresAtMostFive"), updated::text);
    }

    @Test
    void myNumberIsNeitherAskedNorTakenNorAColumn() {
        LocalDate today = today();
        String email = "jiro." + lg + "@example.jp";
        // The form: no field for it, and it says the office checks it separately.
        String js = api.anonymous().get("/ui/promotion/one-stop-application.js").send().expect(200).text();
        assertFalse(js.toLowerCase(Locale.ROOT).contains("mynumber") || js.contains("individualNumber"), "no My Number field in the form");
        assertTrue(js.contains("個人番号 (マイナンバー) を受け付けません"), "the form says so");
        JsonObject portal = api.anonymous().get(base + "/portal").send().expect(200).object();
        assertTrue(portal.toString().contains("one-stop-application.js"), portal::toString);

        // The API: the request's schema has no such property.
        JsonObject openapi = api.get("/openapi?format=json").send().expect(200).object();
        String path = openapi.getJsonObject("paths").keySet().stream().filter(k -> k.endsWith("/promotion/public/one-stop-applications")).findFirst()
                .orElseThrow();
        JsonObject schema = openapi.getJsonObject("paths").getJsonObject(path).getJsonObject("post").getJsonObject("requestBody")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            schema = openapi.getJsonObject("components").getJsonObject("schemas").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        String props = schema.getJsonObject("properties").keySet().toString();
        assertTrue(props.contains("declaresAtMostFive") && props.contains("birthDate"), props);
        assertFalse(props.toLowerCase(Locale.ROOT).contains("number"), props);

        // A 12-digit number typed anywhere is refused without being echoed; a stray myNumber property is never stored.
        Reply typed = api.anonymous().post(intake).json(form("渋谷 次郎", email, today, 10_000).add("address", "東京都渋谷区 1234 5678 9018").build()).send();
        assertFalse(assertProblem(typed, 400, "validation").toString().contains("9018"), typed::text);
        api.anonymous().post(intake).json(form("渋谷 次郎", email, today, 10_000).add("myNumber", "123456789018").build()).send().expect(201);
        String id = api.get(apps).send().expect(200).object().getJsonArray("items").getJsonObject(0).getString("id");
        String shown = api.as("STAFF", lg).get(apps + "/" + id + "?reveal=personal-data").send().expect(200).text();
        assertTrue(shown.contains("渋谷 次郎"), shown);
        assertFalse(shown.contains("123456789018"), shown);
        JsonObject export = api.as("MUNICIPALITY_ADMIN", lg).post(base + "/personal-data/resident-exports")
                .json("{\"email\":\"" + email + "\"}").send().expect(200).object();
        assertFalse(export.toString().contains("123456789018"), export::toString);

        // The database: no column of any table is for it, after every module's migrations (a copy of the
        // database a first start of this build migrated, read while no server has it open).
        try (TestDatabase db = TestDatabase.migrated("no-my-number")) {
            List<List<String>> columns = db.rows("SELECT LOWER(table_name), LOWER(column_name) FROM information_schema.columns"
                    + " WHERE LOWER(table_schema) = 'public'");
            assertTrue(columns.size() > 100 && columns.stream().anyMatch(c -> c.get(1).equals("declares_at_most_five")), columns::toString);
            List<List<String>> suspicious = columns.stream().filter(c -> c.get(1).matches(".*(my_?number|individual_number|kojin_bango).*")).toList();
            assertEquals(List.of(), suspicious);
        }
    }
}
