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
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 空き家バンク: a property goes application → survey → registration → publication → negotiation →
 * contract → closed, each step by whom it belongs to (staff; holders of
 * promotion.vacant-house-registrar for registering, contracting, closing, withdrawing, renewing),
 * with If-Match and history; the owner is personal data (masked, never on the portal: the public
 * endpoints have no owner fields and answer 404 for anything not published); the registration
 * expires after the municipality's period unless renewed; the task list; metrics per fiscal year.
 */
@MachiTest
class VacantHouseIT {

    static final String OWNER = "空家太郎";
    static final String OWNER_EMAIL = "akiya.taro@example.jp";
    static final String OWNER_ADDRESS = "長野県須坂市大字須坂1528番地の1";

    private final Api api;
    private String lg;
    private String base;
    private String houses;
    private Api staff;
    private Api registrar;

    VacantHouseIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        houses = base + "/promotion/vacant-houses";
        staff = CollaborationPartnerIT.user(api, base, "STAFF");
        registrar = CollaborationPartnerIT.user(api, base, "STAFF", "promotion.vacant-house-registrar");
    }

    static JsonObjectBuilder house(String title) {
        return Json.createObjectBuilder().add("title", title).add("area", "須坂市 豊丘地区").add("dealType", "RENT_OR_SALE")
                .add("rent", 45000).add("price", 3500000).add("layout", "5DK").add("floorArea", 132.5).add("landArea", 410.25)
                .add("builtYear", 1978).add("description", "日当たりの良い古民家。畑付き。").add("ownerName", OWNER)
                .add("ownerAddress", OWNER_ADDRESS).add("ownerPhone", "026-245-0000").add("ownerEmail", OWNER_EMAIL);
    }

    private Reply step(Api who, String id, String action, String comment) {
        Reply now = api.get(houses + "/" + id).send().expect(200);
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        return who.post(houses + "/" + id + "/workflow/transitions").ifMatch(now.etag()).json(b.build()).send();
    }

    @Test
    void aPropertyGoesThroughTheBankByThosePermittedAndNeverShowsItsOwner() {
        Reply created = staff.post(houses).json(house("（テスト）豊丘の古民家").build()).send();
        created.expect(201);
        JsonObject h = created.object();
        String id = h.getString("id");
        assertEquals("申込受付", h.getString("stateLabel"));
        assertEquals("賃貸・売買", h.getString("dealTypeLabel"));
        assertFalse(created.text().contains(OWNER) || created.text().contains(OWNER_EMAIL) || created.text().contains("1528"), created::toString);
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        assertEquals(LocalDate.parse(today).plusDays(14).toString(), h.getString("surveyDue"));

        // Staff survey; only a registrar registers.
        assertEquals(200, step(staff, id, "survey", null).status());
        Reply refused = step(staff, id, "register", null);
        assertJapanese(refused, assertProblem(refused, 403, null));
        Reply early = step(registrar, id, "publish", null);
        assertProblem(early, 409, null);
        JsonObject registered = step(registrar, id, "register", null).expect(200).object();
        assertEquals("REGISTERED", registered.getString("state"));
        assertEquals(LocalDate.parse(today).plusYears(2).minusDays(1).toString(), registered.getString("expiresOn"),
                "two years unless the municipality sets another period");
        String pub = base + "/promotion/public/vacant-houses";
        assertProblem(api.anonymous().get(pub + "/" + id).send(), 404, null);
        assertEquals(0, api.anonymous().get(pub).send().expect(200).object().getInt("totalItems"));

        step(staff, id, "publish", null).expect(200);
        JsonObject listed = api.anonymous().get(pub).send().expect(200).object();
        assertEquals(1, listed.getInt("totalItems"));
        JsonObject one = api.anonymous().get(pub + "/" + id).send().expect(200).object();
        assertEquals("（テスト）豊丘の古民家", one.getString("title"));
        assertEquals(45000, one.getInt("rent"));
        assertEquals("5DK", one.getString("layout"));
        assertEquals("132.5", one.getJsonNumber("floorArea").bigDecimalValue().stripTrailingZeros().toPlainString());
        for (String s : List.of(listed.toString(), one.toString())) {
            assertFalse(s.contains("owner") || s.contains(OWNER) || s.contains("空＊") || s.contains(OWNER_EMAIL) || s.contains("須坂1528")
                    || s.contains("026-245"), s);
        }
        String page = api.anonymous().get("/p/" + lg + "/vacant-house-bank").send().expect(200).text();
        assertFalse(page.contains(OWNER), page);

        step(staff, id, "negotiate", null).expect(200);
        assertTrue(api.anonymous().get(pub + "/" + id).send().expect(200).object().getBoolean("negotiating"));
        assertEquals(403, step(staff, id, "contract", null).status());
        step(registrar, id, "contract", null).expect(200);
        assertProblem(api.anonymous().get(pub + "/" + id).send(), 404, null);
        JsonObject closed = step(registrar, id, "close", "成約により終了").expect(200).object();
        assertEquals("CLOSED", closed.getString("state"));
        assertEquals(List.of("survey", "register", "publish", "negotiate", "contract", "close"), closed.getJsonArray("history")
                .getValuesAs(JsonObject.class).stream().map(x -> x.getString("action")).toList());
        assertTrue(closed.getJsonArray("actions").isEmpty(), closed::toString);

        // The owner: masked in the list and CSV, in full only on an audited request.
        JsonObject list = api.get(houses).send().expect(200).object();
        assertFalse(list.toString().contains(OWNER) || list.toString().contains(OWNER_EMAIL), list::toString);
        String csv = new String(api.get(houses + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF物件名,所在地区,取引の種類,家賃（円/月）,価格（円）,間取り,延床面積（㎡）,所有者,状態,申込日,登録日,登録期限"), csv);
        assertTrue(csv.contains("（テスト）豊丘の古民家,須坂市 豊丘地区,賃貸・売買,45000,3500000,5DK,132.5") && csv.contains(",終了,"), csv);
        assertFalse(csv.contains(OWNER) || csv.contains(OWNER_EMAIL), csv);
        JsonObject full = staff.get(houses + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals(OWNER, full.getString("ownerName"));
        assertEquals(OWNER_ADDRESS, full.getString("ownerAddress"));
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object()
                .getInt("totalItems"));

        // Metrics per fiscal year: one registration and one contract this year.
        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        assertTrue(offered.contains("promotion:vacant-house-registrations-per-fiscal-year")
                && offered.contains("promotion:vacant-house-contracts-per-fiscal-year"), offered);
        int fy = LocalDate.parse(today).getMonthValue() >= 4 ? LocalDate.parse(today).getYear() : LocalDate.parse(today).getYear() - 1;
        JsonObject ind = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "空き家バンクの成約件数")
                .add("kind", "OUTCOME").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:vacant-house-contracts-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fy).add("target", 3))).build())
                .send().expect(201).object();
        assertEquals(1, IndicatorIT.year(ind, fy).getJsonNumber("actual").intValue());
    }

    @Test
    void aRegistrationExpiresAfterTheMunicipalitysPeriodUnlessRenewed() {
        String id = staff.post(houses).json(house("（テスト）期限の来る家").build()).send().expect(201).object().getString("id");
        step(staff, id, "survey", null).expect(200);
        step(registrar, id, "register", null).expect(200);
        step(staff, id, "publish", null).expect(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

        // Registered before Machi: the registration ran from two years and three days ago, so it ended two days ago.
        Reply now = api.get(houses + "/" + id + "?reveal=personal-data").send().expect(200);
        Reply redated = staff.put(houses + "/" + id).ifMatch(now.etag()).json(house("（テスト）期限の来る家")
                .add("registeredOn", today.minusYears(2).minusDays(1).toString()).build()).send().expect(200);
        assertEquals(today.minusDays(2).toString(), redated.object().getString("expiresOn"));
        assertNotEquals(now.etag(), redated.etag());

        // Staff find it among the registrations running out (registrars), and surveys to do.
        String other = staff.post(houses).json(house("（テスト）調査待ちの家").build()).send().expect(201).object().getString("id");
        String tasks = registrar.get(base + "/tasks").send().expect(200).text();
        assertTrue(tasks.contains("vacant-house-expiring") && tasks.contains(id), tasks);
        assertTrue(tasks.contains("vacant-house-survey") && tasks.contains(other), tasks);
        assertFalse(staff.get(base + "/tasks").send().expect(200).text().contains("vacant-house-expiring"), "registrars only");

        assertEquals(403, staff.post(houses + "/expirations").json("{}").send().status());
        JsonObject run = api.as("MUNICIPALITY_ADMIN", lg).post(houses + "/expirations").json("{}").send().expect(200).object();
        assertEquals(1, run.getInt("expired"));
        JsonObject wf = api.get(houses + "/" + id + "/workflow").send().expect(200).object();
        assertEquals("登録期限切れ", wf.getString("stateLabel"));
        assertEquals("expire", wf.getJsonArray("history").getJsonObject(wf.getJsonArray("history").size() - 1).getString("action"));
        assertProblem(api.anonymous().get(base + "/promotion/public/vacant-houses/" + id).send(), 404, null);
        assertEquals(0, api.as("MUNICIPALITY_ADMIN", lg).post(houses + "/expirations").json("{}").send().expect(200).object()
                .getInt("expired"), "once");

        // Renewed: registered again for the municipality's period, now 3 years.
        String settings = base + "/modules/promotion/settings";
        Reply s = api.get(settings).send().expect(200);
        Reply bad = api.put(settings).ifMatch(s.etag()).json("{\"values\":{\"vacantHouseRegistrationYears\":11}}").send();
        assertTrue(Problems.fields(assertProblem(bad, 400, null)).contains("1〜10 年"), bad::toString);
        api.put(settings).ifMatch(s.etag()).json("{\"values\":{\"vacantHouseRegistrationYears\":3}}").send().expect(200);
        assertEquals(403, step(staff, id, "renew", null).status());
        JsonObject renewed = step(registrar, id, "renew", null).expect(200).object();
        assertEquals("REGISTERED", renewed.getString("state"));
        assertEquals(today.plusYears(3).minusDays(1).toString(), renewed.getString("expiresOn"));
    }

    @Test
    void badPropertiesAreRefusedFieldByFieldAndStepsNeedIfMatch() {
        Reply ja = staff.post(houses).json(Json.createObjectBuilder().add("title", " ").add("area", "須坂市").add("dealType", "LEASE")
                .add("ownerName", OWNER).add("ownerEmail", "taro@").build()).send();
        String f = Problems.fields(assertJapanese(ja, assertProblem(ja, 400, null)));
        assertTrue(f.contains("title"), f);
        Reply en = staff.post(houses).lang("en").json(house("x").add("dealType", "LEASE").add("ownerEmail", "taro@").build()).send();
        String g = Problems.fields(assertEnglish(en, assertProblem(en, 400, null)));
        assertTrue(g.contains("dealType") && g.contains("ownerEmail"), g);
        Reply rent = staff.post(houses).json(house("x").add("dealType", "RENT").remove("rent").build()).send();
        assertTrue(Problems.fields(assertProblem(rent, 400, null)).contains("rent"), rent::toString);
        assertProblem(staff.post(houses).json(house("x").add("floorArea", 1.234).build()).send(), 400, null);
        assertProblem(staff.post(houses).json(house("x").add("price", -1).build()).send(), 400, null);
        assertProblem(staff.post(houses).json(house("x").add("title", "x".repeat(101)).build()).send(), 400, null);
        assertEquals(0, api.get(houses).send().expect(200).object().getInt("totalItems"), "nothing written");

        String id = staff.post(houses).json(house("（テスト）家").build()).send().expect(201).object().getString("id");
        Reply now = api.get(houses + "/" + id).send().expect(200);
        assertProblem(staff.post(houses + "/" + id + "/workflow/transitions").json("{\"action\":\"survey\"}").send(), 428, null);
        Reply surveyed = staff.post(houses + "/" + id + "/workflow/transitions").ifMatch(now.etag()).json("{\"action\":\"survey\"}")
                .send().expect(200);
        assertNotEquals(now.etag(), surveyed.etag());
        assertProblem(staff.post(houses + "/" + id + "/workflow/transitions").ifMatch(now.etag()).json("{\"action\":\"survey\"}")
                .send(), 412, null);
        Reply noReason = step(registrar, id, "withdraw", null);
        assertTrue(Problems.fields(assertProblem(noReason, 400, null)).contains("comment"), noReason::toString);
        assertProblem(step(registrar, id, "fly", null), 400, null);
        assertProblem(staff.put(houses + "/" + id).ifMatch(surveyed.etag()).json(house("（テスト）家").add("registeredOn", "2024-04-01")
                .build()).send(), 400, null);
        assertEquals(403, api.as("VIEWER", lg).post(houses).json(house("x").build()).send().status());

        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/promotion/vacant-houses/" + id).send(), 404, null);
        assertProblem(api.anonymous().get(Municipalities.PATH + "/" + other + "/promotion/public/vacant-houses/" + id).send(), 404, null);

        // An application may be deleted; a registered property is withdrawn instead.
        step(registrar, id, "register", null).expect(200);
        assertProblem(staff.delete(houses + "/" + id).ifMatch(api.get(houses + "/" + id).send().etag()).send(), 409,
                "vacant-house-registered");
        assertEquals("CLOSED", step(registrar, id, "withdraw", "所有者の申出により取下げ").expect(200).object().getString("state"));
    }
}
