package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import org.junit.jupiter.api.Test;

/**
 * 基金 through the server: a fund with its opening balance, donations and interest per year (child rows
 * raising the version), a call it finances, and the ledger whose grants out are the adopted grants of
 * that call (granted, then paid and not returned after the settlement); CSV with BOM; another
 * municipality's fund is 404 and cannot finance a call; the metrics.
 */
@MachiTest
class FundIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final Api api;

    FundIT(Api api) {
        this.api = api;
    }

    static JsonObjectBuilder fund(int firstYear, long opening, long donation) {
        return Json.createObjectBuilder().add("name", "市民活動げんき基金").add("purpose", "市民活動の支援")
                .add("firstYear", String.valueOf(firstYear)).add("openingBalance", opening)
                .add("entries", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", String.valueOf(firstYear)).add("kind", "DONATION")
                                .add("amount", donation).add("note", "市民からの寄附"))
                        .add(Json.createObjectBuilder().add("fiscalYear", String.valueOf(firstYear)).add("kind", "INTEREST")
                                .add("amount", 1_000)));
    }

    @Test
    void theLedgerSumsDonationsInterestAndTheGrantsOfTheCallsTheFundFinances() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        String base = Municipalities.PATH + "/" + lg;
        Api staff = api.as("STAFF", lg);
        Api approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
        int fy = TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1;
        var created = staff.post(base + "/collaboration/grants/funds").json(fund(fy, 4_109_000, 50_000).build()).send()
                .expect(201);
        String fund = created.header("Location").orElseThrow();
        String id = created.object().getString("id");
        // A change of the entries alone is a new version; If-Match required.
        assertProblem(staff.put(fund).json(fund(fy, 4_109_000, 60_000).build()).send(), 428, null);
        var revised = staff.put(fund).ifMatch(created.etag()).json(fund(fy, 4_109_000, 60_000).build()).send().expect(200);
        assertNotEquals(created.etag(), revised.etag());

        String partner = CollaborativeProjectIT.registeredPartner(api, base, approver, "見本の会");
        JsonObject call = staff.post(base + "/collaboration/grants/calls").json(GrantIT.call(fy, 1_000_000, 300_000, 100, null,
                TODAY.minusDays(5), TODAY.plusDays(20)).add("fundId", id).build()).send().expect(201).object();
        assertEquals(id, call.getString("fundId"));
        // The ETag of the new call is its version: a revision with it is accepted and keeps the fund.
        var created2 = staff.get(base + "/collaboration/grants/calls/" + call.getString("id")).send().expect(200);
        assertEquals("\"" + call.getInt("version") + "\"", created2.etag());
        String app = base + "/collaboration/grants/applications/" + staff.post(base + "/collaboration/grants/calls/"
                + call.getString("id") + "/applications").json(GrantIT.application(partner, "見本の事業", fy, 200_000, 200_000, 0)
                .build()).send().expect(201).object().getString("id");
        staff.post(app + "/completeness").ifMatch(staff.get(app).send().etag()).json("{\"complete\":true}").send().expect(200);
        approver.post(app + "/decision").ifMatch(approver.get(app).send().etag())
                .json("{\"adopt\":true,\"grantedAmount\":200000}").send().expect(200);

        JsonObject year = staff.get(fund + "/ledger").send().expect(200).array().getJsonObject(0);
        assertEquals(fy, year.getInt("fiscalYear"));
        assertEquals(4_109_000, year.getJsonNumber("opening").longValue());
        assertEquals(60_000, year.getJsonNumber("donations").longValue());
        assertEquals(1_000, year.getJsonNumber("interest").longValue());
        assertEquals(200_000, year.getJsonNumber("grantsOut").longValue());
        assertEquals(4_109_000 + 60_000 + 1_000 - 200_000, year.getJsonNumber("closing").longValue());
        // Settled: paid 200,000, spent 150,000 → 50,000 returned to the fund.
        approver.put(app + "/settlement").ifMatch(approver.get(app).send().etag()).json("{\"paid\":200000,\"spent\":150000}")
                .send().expect(200);
        year = staff.get(fund + "/ledger").send().expect(200).array().getJsonObject(0);
        assertEquals(150_000, year.getJsonNumber("grantsOut").longValue());

        byte[] csv = staff.get(fund + "/ledger?format=csv").send().expect(200).bytes();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF") && text.contains("年度末残高") && text.contains("4020000"), text);

        // The metric, bound to an indicator: the closing balance of the year; none before the fund's first year.
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "基金残高")
                .add("kind", "ACTIVITY").add("unit", "円").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "collaboration:fund-balance-per-fiscal-year").add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", fy).add("target", 1))
                        .add(Json.createObjectBuilder().add("fiscalYear", fy - 2).add("target", 1)))
                .build()).send().expect(201).object();
        assertEquals(4_020_000, IndicatorIT.year(indicator, fy).getJsonNumber("actual").longValue(), indicator::toString);
        JsonObject none = IndicatorIT.year(indicator, fy - 2);
        assertTrue(!none.containsKey("actual") || none.isNull("actual"), indicator::toString);

        // Another municipality: the fund is 404 there and cannot finance its calls.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "collaboration", true);
        String otherBase = Municipalities.PATH + "/" + other;
        assertProblem(api.as("STAFF", other).get(otherBase + "/collaboration/grants/funds/" + id).send(), 404, "not-found");
        assertProblem(api.as("STAFF", other).post(otherBase + "/collaboration/grants/calls").json(GrantIT.call(fy, 1, 1, 1,
                null, TODAY, TODAY).add("fundId", id).build()).send(), 400, "invalid-reference");
        assertProblem(staff.get(base + "/collaboration/grants/funds/" + UUID.randomUUID()).send(), 404, "not-found");
        assertProblem(staff.post(base + "/collaboration/grants/funds").json("{\"name\":\"x\",\"firstYear\":\"R6\","
                + "\"openingBalance\":-1}").send(), 400, "validation");
    }
}
