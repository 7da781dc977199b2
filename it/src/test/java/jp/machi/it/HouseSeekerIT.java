package jp.machi.it;

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
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * 空き家バンクの利用登録: someone looking for a house registers from the portal (core's public intake: a
 * receipt number only, Idempotency-Key, honeypot, consent required); staff see the registration masked
 * (list, CSV) and in full only by an audited reveal, approve it (it runs for the registration period
 * of properties, two years by default) or refuse another with a reason, each with If-Match and once;
 * the approvals of a fiscal year are the metric promotion:vacant-house-seekers-per-fiscal-year; core's
 * residents' data request finds the person.
 */
@MachiTest
class HouseSeekerIT {

    private final Api api;

    HouseSeekerIT(Api api) {
        this.api = api;
    }

    static JsonObjectBuilder seeker(String name, String email) {
        return Json.createObjectBuilder().add("name", name).add("kana", "すざか いちろう").add("address", "東京都世田谷区太子堂1丁目")
                .add("phone", "03-0000-0000").add("email", email).add("householdSize", 3).add("household", "夫婦と子ども1人")
                .add("wishedArea", "豊丘地区").add("dealType", "RENT").add("budget", 50000).add("moveIn", "令和9年春").add("consent", true);
    }

    @Test
    void aSeekerRegistersFromThePortalAndStaffApproveOrRefuseAndCountIt() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        String base = Municipalities.PATH + "/" + lg;
        String intake = base + "/promotion/public/house-seekers";
        String seekers = base + "/promotion/house-seekers";
        String email = "ichiro." + lg + "@example.jp";

        // Consent and the required fields, in the portal user's language.
        Reply bad = api.anonymous().post(intake).json(seeker("須坂 一郎", email).add("consent", false).add("email", "nope").build()).send();
        String fields = Problems.fields(assertJapanese(bad, assertProblem(bad, 400, null)));
        assertTrue(fields.contains("consent") && fields.contains("email"), fields);
        assertEquals(0, api.get(seekers).send().expect(200).object().getInt("totalItems"), "nothing stored on a refusal");

        Reply r = api.anonymous().post(intake).header("Idempotency-Key", "hs-" + lg).json(seeker("須坂 一郎", email).build()).send().expect(201);
        String receipt = r.object().getString("receiptNumber");
        assertTrue(receipt.startsWith("H-"), receipt);
        assertEquals(1, r.object().size(), "a receipt number only: " + r.object());
        assertEquals(receipt, api.anonymous().post(intake).header("Idempotency-Key", "hs-" + lg).json(seeker("須坂 一郎", email).build())
                .send().expect(201).object().getString("receiptNumber"), "a retry gives the first answer");
        // A bot filling the honeypot gets a receipt; nothing is stored.
        api.anonymous().post(intake).json(seeker("ボット", "bot@example.jp").add("website", "http://spam").build()).send().expect(201);
        api.anonymous().post(intake).json(seeker("豊丘 二郎", "jiro." + lg + "@example.jp").add("dealType", "SALE").add("budget", 3000000).build())
                .send().expect(201);

        JsonObject list = api.get(seekers + "?sort=appliedOn").send().expect(200).object();
        assertEquals(2, list.getInt("totalItems"));
        assertFalse(list.toString().contains("須坂 一郎") || list.toString().contains(email) || list.toString().contains("太子堂"),
                "masked in the list: " + list);
        JsonObject first = api.get(seekers + "?dealType=RENT").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals(receipt, first.getString("receiptNumber"));
        assertEquals("申込受付", first.getString("stateLabel"));
        assertEquals("豊丘地区", first.getString("wishedArea"));
        assertEquals(50000, first.getJsonNumber("budget").longValue());
        String id = first.getString("id");
        String csv = new String(api.get(seekers + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("受付番号") && csv.contains(receipt) && csv.contains("令和9年春"), csv);
        assertFalse(csv.contains("須坂 一郎") || csv.contains(email), csv);

        Api staff = api.as("STAFF", lg);
        JsonObject full = staff.get(seekers + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals("須坂 一郎", full.getString("name"));
        assertEquals("東京都世田谷区太子堂1丁目", full.getString("address"));
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object().getInt("totalItems"));
        assertProblem(api.as("VIEWER", lg).get(seekers + "/" + id + "?reveal=personal-data").send(), 403, null);
        assertProblem(api.anonymous().get(seekers).send(), 401, null);

        // Approve with If-Match: registered today for two years (the properties' period); once only.
        String etag = staff.get(seekers + "/" + id).send().expect(200).etag();
        assertProblem(staff.post(seekers + "/" + id + "/decision").json("{\"approve\":true}").send(), 428, "precondition-required");
        assertProblem(api.as("VIEWER", lg).post(seekers + "/" + id + "/decision").ifMatch(etag).json("{\"approve\":true}").send(), 403, null);
        Reply approved = staff.post(seekers + "/" + id + "/decision").ifMatch(etag).json("{\"approve\":true}").send().expect(200);
        assertNotEquals(etag, approved.etag());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertEquals("登録済", approved.object().getString("stateLabel"));
        assertEquals(today.toString(), approved.object().getString("approvedOn"));
        assertEquals(today.plusYears(2).minusDays(1).toString(), approved.object().getString("expiresOn"));
        assertProblem(staff.post(seekers + "/" + id + "/decision").ifMatch(approved.etag()).json("{\"approve\":false,\"reason\":\"x\"}").send(),
                409, "house-seeker-decided");

        // 登録の更新: registered again from today for the period (now 3 years), under If-Match, by staff.
        String settings = base + "/modules/promotion/settings";
        Reply st = api.get(settings).send().expect(200);
        api.put(settings).ifMatch(st.etag()).json("{\"values\":{\"vacantHouseRegistrationYears\":3}}").send().expect(200);
        assertProblem(staff.post(seekers + "/" + id + "/renewal").send(), 428, "precondition-required");
        assertProblem(api.as("VIEWER", lg).post(seekers + "/" + id + "/renewal").ifMatch(approved.etag()).send(), 403, null);
        Reply renewed = staff.post(seekers + "/" + id + "/renewal").ifMatch(approved.etag()).send().expect(200);
        assertEquals(today.plusYears(3).minusDays(1).toString(), renewed.object().getString("expiresOn"));
        assertEquals(today.toString(), renewed.object().getString("approvedOn"), "the day it was approved stays");
        assertEquals("登録済", renewed.object().getString("stateLabel"));
        assertNotEquals(approved.etag(), renewed.etag());
        assertProblem(staff.post(seekers + "/" + id + "/renewal").ifMatch(approved.etag()).send(), 412, "stale-version");

        // Refusing needs a reason.
        String other = api.get(seekers + "?dealType=SALE").send().expect(200).object().getJsonArray("items").getJsonObject(0).getString("id");
        String otherTag = staff.get(seekers + "/" + other).send().expect(200).etag();
        assertProblem(staff.post(seekers + "/" + other + "/decision").ifMatch(otherTag).json("{\"approve\":false}").send(), 400, null);
        JsonObject refused = staff.post(seekers + "/" + other + "/decision").ifMatch(otherTag)
                .json("{\"approve\":false,\"reason\":\"市外への転居予定がないため\"}").send().expect(200).object();
        assertEquals("登録不可", refused.getString("stateLabel"));
        Reply notRenewed = staff.post(seekers + "/" + other + "/renewal").ifMatch(staff.get(seekers + "/" + other).send().expect(200).etag())
                .send();
        assertTrue(assertProblem(notRenewed, 409, "house-seeker-not-registered").getString("detail").contains("登録済"), notRenewed::toString);
        assertEquals(1, api.get(seekers + "?state=APPROVED").send().expect(200).object().getInt("totalItems"));

        // The metric: approvals of this fiscal year (the refusal does not count).
        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        assertTrue(offered.contains("promotion:vacant-house-seekers-per-fiscal-year"), offered);
        int fy = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        JsonObject ind = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "空き家バンクの利用登録者数")
                .add("kind", "PROCESS").add("unit", "人").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:vacant-house-seekers-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fy).add("target", 10))).build())
                .send().expect(201).object();
        assertEquals(1, IndicatorIT.year(ind, fy).getJsonNumber("actual").intValue());

        // Core's residents' data request finds the person by e-mail.
        JsonObject export = api.as("MUNICIPALITY_ADMIN", lg).post(base + "/personal-data/resident-exports")
                .json("{\"email\":\"" + email + "\"}").send().expect(200).object();
        assertTrue(export.toString().contains("promotion.house-seekers") && export.toString().contains("太子堂"), export::toString);
    }
}
