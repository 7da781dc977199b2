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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 協働提案型公募補助 through the server: a call per fiscal year with criteria (child rows raising the
 * version) and schedule; paper applications of registered partners held to the maximum per grant, the
 * subsidy rate of the eligible cost and the years from start-up (counted across calls); completeness,
 * panel scores, weighted totals and ranking; decisions by the approver within the budget; the printed
 * notice; the settlement (returned = paid − spent); CSV; the portal's open calls and funded projects
 * without personal data; the metrics bound to indicators; bad input answered 4xx in ja/en.
 */
@MachiTest
class GrantIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final Api api;
    private String lg;
    private String base;
    private String calls;
    private Api staff;
    private Api approver;
    private String partner;

    GrantIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void aMunicipalityWithARegisteredPartner() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        calls = base + "/collaboration/grants/calls";
        staff = api.as("STAFF", lg);
        approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
        partner = CollaborativeProjectIT.registeredPartner(api, base, approver, "見本まちづくりの会");
    }

    static JsonObjectBuilder call(int fiscalYear, long budget, long max, int rate, Integer years, LocalDate opens,
            LocalDate closes) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fiscalYear", String.valueOf(fiscalYear))
                .add("title", "市民活動げんき基金補助金 " + fiscalYear).add("purpose", "市民活動の推進")
                .add("eligibility", "市内で活動する登録団体").add("budget", budget).add("maxPerGrant", max)
                .add("subsidyRate", rate)
                .add("schedule", Json.createObjectBuilder().add("briefingOn", opens.minusDays(30).toString())
                        .add("workshopOn", opens.minusDays(10).toString()).add("submissionOpensOn", opens.toString())
                        .add("submissionClosesOn", closes.toString()).add("hearingOn", closes.plusDays(20).toString())
                        .add("decisionOn", closes.plusDays(30).toString()))
                .add("criteria", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "公益性").add("weight", 3))
                        .add(Json.createObjectBuilder().add("name", "実現性").add("weight", 2)));
        if (years != null) {
            b.add("maxYears", years);
        }
        return b;
    }

    private JsonObject newCall(int fy, long budget, long max, int rate, Integer years) {
        return staff.post(calls).json(call(fy, budget, max, rate, years, TODAY.minusDays(5), TODAY.plusDays(20)).build())
                .send().expect(201).object();
    }

    static JsonObjectBuilder application(String partnerId, String title, Object startYear, long requested,
            long eligible, long other) {
        JsonArrayBuilder lines = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("item", "講師謝礼").add("amount", eligible).add("eligible", true));
        if (other > 0) {
            lines.add(Json.createObjectBuilder().add("item", "懇親会費").add("amount", other).add("eligible", false));
        }
        return Json.createObjectBuilder().add("partnerId", partnerId).add("projectTitle", title)
                .add("plan", "子どもと高齢者の居場所をつくる").add("startYear", startYear.toString())
                .add("requestedAmount", requested).add("budgetLines", lines);
    }

    private Reply apply(JsonObject call, JsonObjectBuilder body) {
        return staff.post(calls + "/" + call.getString("id") + "/applications").json(body.build()).send();
    }

    private String app(String id) {
        return base + "/collaboration/grants/applications/" + id;
    }

    private JsonObject underReview(JsonObject call, String title, long requested) {
        JsonObject a = apply(call, application(partner, title, call.getInt("fiscalYear"), requested, requested * 2, 0))
                .expect(201).object();
        String etag = staff.get(app(a.getString("id"))).send().expect(200).etag();
        return staff.post(app(a.getString("id")) + "/completeness").ifMatch(etag).json("{\"complete\":true}").send()
                .expect(200).object();
    }

    private Reply decide(Api who, String id, boolean adopt, Long amount) {
        String etag = who.get(app(id)).send().expect(200).etag();
        JsonObjectBuilder b = Json.createObjectBuilder().add("adopt", adopt);
        if (amount != null) {
            b.add("grantedAmount", amount);
        }
        return who.post(app(id) + "/decision").ifMatch(etag).json(b.build()).send();
    }

    @Test
    void aCallKeepsItsCriteriaAndScheduleAndEveryChangeRaisesItsVersion() {
        Reply created = staff.post(calls).json(call(2024, 1_000_000, 300_000, 80, null, TODAY, TODAY.plusDays(30)).build())
                .send().expect(201);
        JsonObject c = created.object();
        assertEquals(6, c.getInt("maxYears"), "the module setting's default (取手市: 6 years)");
        assertEquals("令和6年度", c.getString("fiscalYearLabel"));
        assertEquals(2, c.getJsonArray("criteria").size());
        assertEquals(TODAY.toString(), c.getJsonObject("schedule").getString("submissionOpensOn"));
        assertTrue(c.getBoolean("open"));
        String one = calls + "/" + c.getString("id");

        // Only a criterion's weight changes: a new ETag, and the old one is refused.
        JsonObject revised = call(2024, 1_000_000, 300_000, 80, 6, TODAY, TODAY.plusDays(30))
                .add("criteria", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "公益性").add("weight", 5))
                        .add(Json.createObjectBuilder().add("name", "実現性").add("weight", 2))).build();
        assertProblem(staff.put(one).json(revised).send(), 428, null);
        Reply put = staff.put(one).ifMatch(created.etag()).json(revised).send().expect(200);
        assertNotEquals(created.etag(), put.etag());
        assertEquals(5, put.object().getJsonArray("criteria").getJsonObject(0).getInt("weight"));
        assertProblem(staff.put(one).ifMatch(created.etag()).json(revised).send(), 412, null);

        // Bad input: 4xx in the caller's language, nothing written.
        Reply bad = staff.post(calls).json(call(2024, -1, 300_000, 0, 0, TODAY, TODAY.minusDays(1)).build()).send();
        String fields = Problems.fields(assertJapanese(bad, assertProblem(bad, 400, "validation")));
        assertTrue(fields.contains("budget") && fields.contains("subsidyRate") && fields.contains("maxYears"), fields::toString);
        Reply reversed = staff.post(calls).lang("en").json(call(2024, 1, 1, 50, 3, TODAY, TODAY.minusDays(1)).build()).send();
        assertTrue(Problems.fields(assertEnglish(reversed, assertProblem(reversed, 400, "validation")))
                .contains("schedule.submissionClosesOn"));
        JsonObjectBuilder noCriteria = call(2024, 1, 1, 50, 3, TODAY, TODAY);
        noCriteria.add("criteria", Json.createArrayBuilder());
        assertProblem(staff.post(calls).json(noCriteria.build()).send(), 400, null);
        assertProblem(staff.post(calls).json("{\"fiscalYear\":\"令和九十九年度\"}").send(), 400, null);
        assertProblem(staff.post(calls).json("[1,2").send(), 400, null);
        assertProblem(staff.get(calls + "/" + UUID.randomUUID()).send(), 404, null);
        // A path id that is no UUID: core answers it as a malformed request (400), as for every resource.
        assertProblem(staff.get(calls + "/not-a-uuid").send(), 400, null);
        assertProblem(api.as("VIEWER", lg).post(calls).json(call(2024, 1, 1, 50, 3, TODAY, TODAY).build()).send(), 403, null);

        assertEquals(1, staff.get(calls + "?fiscalYear=R6").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, staff.get(calls + "?fiscalYear=2023").send().expect(200).object().getInt("totalItems"));
        String csv = new String(staff.get(calls + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF年度,募集名,予算額 (円),上限額 (円),補助率 (%),最長年数"), csv);
        assertTrue(csv.contains("令和6年度,市民活動げんき基金補助金 2024,1000000,300000,80,6"), csv);
        assertTrue(csv.contains("公益性 ×5 / 実現性 ×2"), csv);
    }

    @Test
    void applicationsAreHeldToTheMaximumTheRateAndTheYearsFromStartUp() {
        JsonObject call = newCall(2024, 1_000_000, 300_000, 80, 6);
        // Over the maximum per grant, and over 80 % of the eligible cost (the other line does not count).
        Reply over = apply(call, application(partner, "居場所づくり", 2024, 350_000, 500_000, 0));
        assertTrue(Problems.fields(assertJapanese(over, assertProblem(over, 400, "validation"))).contains("requestedAmount"));
        Reply rate = apply(call, application(partner, "居場所づくり", 2024, 170_000, 200_000, 100_000));
        JsonObject problem = assertProblem(rate, 400, "validation");
        assertTrue(problem.toString().contains("160,000") || problem.toString().contains("160000"), problem::toString);
        JsonObject ok = apply(call, application(partner, "居場所づくり", 2024, 160_000, 200_000, 100_000)).expect(201).object();
        assertEquals(200_000, ok.getJsonNumber("eligibleCost").longValue());
        assertEquals(300_000, ok.getJsonNumber("totalCost").longValue());
        assertEquals(1, ok.getInt("fundingYear"));
        assertEquals("見本まちづくりの会", ok.getString("applicantName"));
        assertEquals("SUBMITTED", ok.getString("state"));

        // Toride's rule: at most 6 years from start-up. Started in FY2019: the 6th year passes; FY2018: the 7th fails.
        assertEquals(6, apply(call, application(partner, "見守り事業", "令和元年度", 100_000, 200_000, 0)).expect(201).object()
                .getInt("fundingYear"));
        Reply seventh = apply(call, application(partner, "見守り事業 2", "H30", 100_000, 200_000, 0));
        assertJapanese(seventh, assertProblem(seventh, 409, "grant-years-exceeded"));
        assertProblem(apply(call, application(partner, "未来の事業", 2025, 100_000, 200_000, 0)), 400, "validation");

        // Only a registered partner applies.
        Api viewer = api.as("VIEWER", lg);
        assertProblem(viewer.post(calls + "/" + call.getString("id") + "/applications")
                .json(application(partner, "x", 2024, 1, 2, 0).build()).send(), 403, null);
        assertProblem(apply(call, application(UUID.randomUUID().toString(), "x", 2024, 1, 2, 0)), 400, "invalid-reference");
        Reply en = staff.post(calls + "/" + call.getString("id") + "/applications").lang("en")
                .json(application(partner, "", 2024, -1, 2, 0).build()).send();
        assertEnglish(en, assertProblem(en, 400, "validation"));
        assertProblem(apply(call, application(partner, "x".repeat(201), 2024, 1, 2, 0)), 400, "validation");

        // Revised before the completeness check (budget lines are child rows: a new ETag); not after it.
        String path = app(ok.getString("id"));
        Reply read = staff.get(path).send().expect(200);
        Reply revised = staff.put(path).ifMatch(read.etag()).json(application(partner, "居場所づくり", 2024, 150_000, 200_000, 0)
                .build()).send().expect(200);
        assertNotEquals(read.etag(), revised.etag());
        assertEquals(1, revised.object().getJsonArray("budgetLines").size());
        assertProblem(staff.put(path).ifMatch(read.etag()).json(application(partner, "居場所づくり", 2024, 150_000, 200_000, 0)
                .build()).send(), 412, null);
        Reply checked = staff.post(path + "/completeness").ifMatch(revised.etag()).json("{\"complete\":true}").send().expect(200);
        assertEquals("UNDER_REVIEW", checked.object().getString("state"));
        assertProblem(staff.put(path).ifMatch(checked.etag()).json(application(partner, "居場所づくり", 2024, 150_000, 200_000, 0)
                .build()).send(), 409, "grant-application-under-review");
    }

    @Test
    void yearsOfFundingAreCountedAcrossCalls() {
        // A call allowing 2 years: adopted in FY2022 and FY2023, the same project cannot get a 3rd grant in FY2024,
        // even when the start-up year given is later than it was.
        for (int fy : new int[] {2022, 2023}) {
            JsonObject call = newCall(fy, 1_000_000, 300_000, 100, 2);
            JsonObject a = apply(call, application(partner, "河川清掃", 2022, 100_000, 100_000, 0)).expect(201).object();
            String etag = staff.get(app(a.getString("id"))).send().expect(200).etag();
            staff.post(app(a.getString("id")) + "/completeness").ifMatch(etag).json("{\"complete\":true}").send().expect(200);
            decide(approver, a.getString("id"), true, 100_000L).expect(200);
        }
        JsonObject third = newCall(2024, 1_000_000, 300_000, 100, 2);
        assertProblem(apply(third, application(partner, "河川清掃", 2024, 100_000, 100_000, 0)), 409, "grant-years-exceeded");
        apply(third, application(partner, "新しい事業", 2024, 100_000, 100_000, 0)).expect(201);
    }

    @Test
    void thePanelScoresTheRankingFollowsAndDecisionsStayWithinTheBudget() {
        JsonObject call = newCall(2024, 500_000, 300_000, 100, 6);
        String callPath = calls + "/" + call.getString("id");
        JsonObject a = underReview(call, "見守り", 300_000);
        JsonObject b = underReview(call, "子ども食堂", 250_000);
        String crit1 = call.getJsonArray("criteria").getJsonObject(0).getString("id");
        String crit2 = call.getJsonArray("criteria").getJsonObject(1).getString("id");
        Api reviewer1 = api.as("STAFF", lg);
        Api reviewer2 = api.as("STAFF", lg);
        // a: (5×3 + 4×2 = 23) and (3×3 + 3×2 = 15): 19.00. b: (4×3 + 5×2 = 22) twice: 22.00.
        score(reviewer1, a.getString("id"), crit1, 5, crit2, 4);
        score(reviewer2, a.getString("id"), crit1, 3, crit2, 3);
        score(reviewer1, b.getString("id"), crit1, 4, crit2, 5);
        JsonObject rescored = score(reviewer1, b.getString("id"), crit1, 4, crit2, 5);
        assertEquals(0, new BigDecimal("22").compareTo(rescored.getJsonNumber("weightedTotal").bigDecimalValue()));
        assertEquals(2, rescored.getJsonArray("scores").size(), "a member's new scores replace their old ones");
        JsonObject scoredA = staff.get(app(a.getString("id"))).send().expect(200).object();
        assertEquals(0, new BigDecimal("19").compareTo(scoredA.getJsonNumber("weightedTotal").bigDecimalValue()));
        // Bad scores: out of range, a criterion missing, another call's criterion.
        String etag = staff.get(app(a.getString("id"))).send().expect(200).etag();
        assertProblem(staff.put(app(a.getString("id")) + "/scores").ifMatch(etag).json("{\"scores\":[{\"criterionId\":\"" + crit1
                + "\",\"score\":6},{\"criterionId\":\"" + crit2 + "\",\"score\":1}]}").send(), 400, "validation");
        assertProblem(staff.put(app(a.getString("id")) + "/scores").ifMatch(etag).json("{\"scores\":[{\"criterionId\":\"" + crit1
                + "\",\"score\":1}]}").send(), 400, "validation");

        JsonObject ranking = staff.get(callPath + "/ranking").send().expect(200).object();
        assertEquals(b.getString("id"), ranking.getJsonArray("lines").getJsonObject(0).getString("applicationId"));
        assertEquals(1, ranking.getJsonArray("lines").getJsonObject(0).getInt("rank"));
        assertEquals(2, ranking.getJsonArray("lines").getJsonObject(1).getInt("rank"));
        assertEquals(25, ranking.getInt("maximumTotal"));

        // Staff without the approver role may not decide; the approver adopts within the budget.
        assertProblem(decide(staff, b.getString("id"), true, 250_000L), 403, null);
        assertProblem(decide(approver, b.getString("id"), true, 260_000L), 400, "validation");
        assertProblem(decide(approver, b.getString("id"), true, null), 400, "validation");
        decide(approver, b.getString("id"), true, 250_000L).expect(200);
        Reply overBudget = decide(approver, a.getString("id"), true, 300_000L);
        assertJapanese(overBudget, assertProblem(overBudget, 409, "grant-budget-exceeded"));
        JsonObject adopted = decide(approver, a.getString("id"), true, 250_000L).expect(200).object();
        assertEquals("ADOPTED", adopted.getString("state"));
        assertEquals(250_000, adopted.getJsonNumber("grantedAmount").longValue());
        JsonObject after = staff.get(callPath + "/ranking").send().expect(200).object();
        assertEquals(500_000, after.getJsonNumber("granted").longValue());
        assertEquals(0, after.getJsonNumber("remaining").longValue());
        // Changing a decision: rejecting frees its amount.
        decide(approver, a.getString("id"), false, null).expect(200);
        assertEquals(250_000, staff.get(callPath).send().expect(200).object().getJsonNumber("granted").longValue());

        Reply notice = staff.get(app(b.getString("id")) + "/notice").accept("text/html").send().expect(200);
        assertTrue(notice.contentType().startsWith("text/html"));
        String html = notice.text();
        assertTrue(html.contains("補助金交付決定通知書") && html.contains("250,000円") && html.contains("見本まちづくりの会"), html);
        assertFalse(html.contains("<script"), html);
        assertTrue(staff.get(app(a.getString("id")) + "/notice").accept("text/html").send().expect(200).text()
                .contains("補助金不採択通知書"));
        JsonObject pending = underReview(call, "未決定", 10_000);
        assertProblem(staff.get(app(pending.getString("id")) + "/notice").send(), 409, "grant-undecided");
    }

    private JsonObject score(Api who, String id, String c1, int s1, String c2, int s2) {
        String etag = who.get(app(id)).send().expect(200).etag();
        Reply r = who.put(app(id) + "/scores").ifMatch(etag).json("{\"scores\":[{\"criterionId\":\"" + c1 + "\",\"score\":" + s1
                + "},{\"criterionId\":\"" + c2 + "\",\"score\":" + s2 + "}]}").send().expect(200);
        assertNotEquals(etag, r.etag());
        return r.object();
    }

    @Test
    void afterTheYearTheSettlementGivesTheAmountReturnedAndThePortalShowsOpenCallsAndFundedProjects() {
        JsonObject call = newCall(2024, 1_000_000, 300_000, 100, 6);
        staff.post(calls).json(call(2023, 1, 1, 50, 3, TODAY.minusDays(60), TODAY.minusDays(30)).build()).send().expect(201);
        JsonObject a = underReview(call, "見守り", 200_000);
        String path = app(a.getString("id"));
        String etag = staff.get(path).send().expect(200).etag();
        assertProblem(staff.put(path + "/settlement").ifMatch(etag).json("{\"paid\":1,\"spent\":1}").send(), 409, "grant-not-adopted");
        decide(approver, a.getString("id"), true, 200_000L).expect(200);
        etag = staff.get(path).send().expect(200).etag();
        assertProblem(staff.put(path + "/settlement").ifMatch(etag).json("{\"paid\":200001,\"spent\":1}").send(), 400, "validation");
        assertProblem(staff.put(path + "/settlement").ifMatch(etag).json("{\"paid\":-1,\"spent\":1}").send(), 400, "validation");
        assertProblem(staff.put(path + "/settlement").json("{\"paid\":1,\"spent\":1}").send(), 428, null);
        JsonObject settled = staff.put(path + "/settlement").ifMatch(etag).json("{\"paid\":200000,\"spent\":183500,"
                + "\"resultReport\":\"見守り訪問 120 回\"}").send().expect(200).object();
        assertEquals(16_500, settled.getJsonNumber("returned").longValue());
        JsonObject overspent = staff.put(path + "/settlement").ifMatch(staff.get(path).send().etag())
                .json("{\"paid\":200000,\"spent\":210000}").send().expect(200).object();
        assertEquals(0, overspent.getJsonNumber("returned").longValue());
        assertProblem(decide(approver, a.getString("id"), false, null), 409, "grant-settled");

        String csv = new String(staff.get(calls + "/" + call.getString("id") + "/applications?format=csv").send().expect(200)
                .bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF受付日,団体名,事業名,補助年数 (年目),補助対象経費 (円),申請額 (円),状態,交付決定額 (円),支払額 (円),支出額 (円),返還額 (円)"), csv);
        assertTrue(csv.contains("見本まちづくりの会,見守り,1,400000,200000,採択,200000,200000,210000,0"), csv);
        assertProblem(staff.get(calls + "/" + call.getString("id") + "/applications?state=NOPE").send(), 400, "validation");
        assertEquals(1, staff.get(calls + "/" + call.getString("id") + "/applications?state=adopted").send().expect(200)
                .object().getInt("totalItems"));

        // The portal: anyone sees the open call (not the closed one) and the funded project, no personal data.
        Api anyone = api.anonymous();
        List<JsonObject> open = anyone.get(base + "/collaboration/grants/public/calls").send().expect(200).array()
                .getValuesAs(JsonObject.class);
        assertEquals(1, open.size());
        assertEquals(call.getString("id"), open.get(0).getString("id"));
        JsonObject funded = anyone.get(base + "/collaboration/grants/public/funded").send().expect(200).object();
        assertEquals(1, funded.getInt("totalItems"));
        JsonObject line = funded.getJsonArray("items").getJsonObject(0);
        assertEquals("見本まちづくりの会", line.getString("applicantName"));
        assertEquals(200_000, line.getJsonNumber("grantedAmount").longValue());
        String text = funded.toString();
        assertFalse(text.contains("見本 太郎") || text.contains("@example") || text.contains("partnerId"), text);
        assertProblem(anyone.get(base + "/collaboration/grants/calls").send(), 401, null);
        assertProblem(anyone.get(path).send(), 401, null);

        // Metrics per fiscal year, bound to an indicator: applications, adopted, amount.
        assertTrue(api.get(base + "/metric-sources").send().expect(200).array().toString()
                .contains("collaboration:grant-amount-per-fiscal-year"));
        for (String[] m : new String[][] {{"grant-applications-per-fiscal-year", "1"}, {"grants-adopted-per-fiscal-year", "1"},
            {"grant-amount-per-fiscal-year", "200000"}}) {
            JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", m[0])
                    .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                    .add("metricSource", "collaboration:" + m[0]).add("years", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 1))
                            .add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 1)))
                    .build()).send().expect(201).object();
            assertEquals(0, new BigDecimal(m[1]).compareTo(IndicatorIT.year(indicator, 2024).getJsonNumber("actual")
                    .bigDecimalValue()), indicator::toString);
            JsonObject none = IndicatorIT.year(indicator, 2022);
            assertTrue(!none.containsKey("actual") || none.isNull("actual"), indicator::toString);
        }
    }
}
