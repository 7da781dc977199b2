package jp.machi.it;

import static jp.machi.it.support.Problems.assertClientProblem;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * One deployment, many municipalities: a request about municipality A never reads or changes B's
 * rows. Walks the server's own /openapi, so every endpoint that exists, and every one added later,
 * is tried with B's ids under A's code: reading, replacing and deleting answer 404, lists under A
 * show nothing of B, references to B's rows from A are refused, and afterwards B's data is exactly
 * as it was.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    static final Set<String> METHODS = Set.of("get", "put", "delete", "post", "patch");
    static final String MARK = "越境確認用データ";

    private final Api api;
    private String a;
    private String b;
    private String bUnit;
    private final Map<String, String> bIds = new LinkedHashMap<>();

    TenantIsolationIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void twoMunicipalitiesAndBsData() {
        a = Municipalities.register(api);
        b = Municipalities.register(api);
        // Every module on for both: a module that is off answers 404 module-not-enabled for everything,
        // which would prove nothing about its records.
        for (String lg : List.of(a, b)) {
            for (String module : List.of("planning", "engagement", "collaboration", "promotion")) {
                Municipalities.setModule(api, lg, module, true);
            }
        }
        String base = Municipalities.PATH + "/" + b;
        bUnit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "B01")
                .add("nameJa", MARK + "課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build())
                .send().expect(201).object().getString("id");
        bIds.put("organization unit", bUnit);
        bIds.put("donation use", api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder()
                .add("name", MARK + "使途").build()).send().expect(201).object().getString("id"));
        bIds.put("return gift", api.post(base + "/promotion/return-gifts").json(Json.createObjectBuilder()
                .add("name", MARK + "返礼品").add("supplier", MARK + "事業者").add("ground", "PRODUCED_LOCALLY")
                .add("procurementCost", 3000).add("shippingCost", 1000).add("donationAmount", 10000).build())
                .send().expect(201).object().getString("id"));
        bIds.put("collection costs", api.post(base + "/promotion/collection-costs").json(Json.createObjectBuilder()
                .add("designationYear", 2023).add("note", MARK + "募集費用").add("lines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("category", "広報").add("amount", 1000))).build())
                .send().expect(201).object().getString("id"));
        String bDonor = api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", MARK + "寄附者").build())
                .send().expect(201).object().getString("id");
        bIds.put("donor", bDonor);
        bIds.put("one-stop application", api.post(base + "/promotion/one-stop-applications").json(Json.createObjectBuilder()
                .add("donorId", bDonor).add("donationYear", 2024).add("receivedOn", "2024-12-01").add("channel", "MAIL")
                .add("residenceCode", "131130").add("residenceName", MARK + "区").add("declaresNoTaxReturn", true).add("declaresAtMostFive", true)
                .build()).send().expect(201).object().getString("id"));
        bIds.put("use report", api.post(base + "/promotion/use-reports").json(Json.createObjectBuilder()
                .add("fiscalYear", "2023").add("summary", MARK + "活用報告").add("publishedOn", "2024-06-01").add("lines", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("useId", bIds.get("donation use")).add("spent", 1000))).build())
                .send().expect(201).object().getString("id"));
        bIds.put("marriage-support activity", api.post(base + "/promotion/marriage-support").json(Json.createObjectBuilder()
                .add("kind", "EVENT").add("heldOn", "2024-06-01").add("title", MARK + "交流イベント").add("participants", 10).build())
                .send().expect(201).object().getString("id"));
        bIds.put("PR channel", api.post(base + "/promotion/pr-channels").json(Json.createObjectBuilder().add("name", MARK + "広報紙")
                .add("kind", "BULLETIN").add("months", Json.createArrayBuilder()).build()).send().expect(201).object().getString("id"));
        bIds.put("PR content item", api.post(base + "/promotion/pr-contents").json(Json.createObjectBuilder()
                .add("channelId", bIds.get("PR channel")).add("title", MARK + "記事").add("publishedOn", "2024-06-01").add("unitId", bUnit)
                .build()).send().expect(201).object().getString("id"));
        bIds.put("indicator", api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", MARK + "指標")
                .add("kind", "OUTCOME").add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("ownerUnitId", bUnit)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023)
                        .add("target", 10).add("actual", 9)))
                .build()).send().expect(201).object().getString("id"));
        bIds.put("program", api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", 2023)
                .add("programNumber", "1").add("name", MARK + "事業").add("unitId", bUnit).build())
                .send().expect(201).object().getString("id"));
        String plan = api.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", MARK + "計画")
                .add("firstFiscalYear", 2021).add("lastFiscalYear", 2025).build()).send().expect(201).object().getString("id");
        bIds.put("plan", plan);
        String node = api.post(base + "/planning/plans/" + plan + "/nodes").json(Json.createObjectBuilder()
                .add("title", MARK + "施策").add("responsibleUnitIds", Json.createArrayBuilder().add(bUnit)).build())
                .send().expect(201).object().getString("id");
        bIds.put("plan node", node);
        bIds.put("indicator link", api.post(base + "/planning/plans/" + plan + "/nodes/" + node + "/indicators")
                .json(Json.createObjectBuilder().add("indicatorId", bIds.get("indicator")).build()).send().expect(201)
                .object().getString("id"));
        // Records of the engagement and collaboration modules too, so that their paths are tried with ids
        // that exist (in B), not only with ids that exist nowhere.
        String receipt = api.post(base + "/engagement/voices").json(Json.createObjectBuilder().add("subject", MARK + "の声")
                .add("body", "本文").add("name", "見本 太郎").add("email", "taro@example.jp").add("channel", "LETTER")
                .add("receivedOn", "2024-05-01").build()).send().expect(201).object().getString("receiptNumber");
        bIds.put("citizen voice", idIn(base + "/engagement/voices?size=200", "receiptNumber", receipt));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        bIds.put("survey", api.post(base + "/engagement/surveys").json(Json.createObjectBuilder()
                .add("fiscalYear", today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1)
                .add("title", MARK + "アンケート").add("opensOn", today.plusDays(10).toString())
                .add("closesOn", today.plusDays(20).toString()).add("questions", SurveyIT.questions("読んでいる")).build())
                .send().expect(201).object().getString("id"));
        String partnerReceipt = api.anonymous().post(base + "/collaboration/partners/applications")
                .json(CollaborationConcurrencyIT.partnerBody(MARK + "の会", 0, "")).send().expect(201).object()
                .getString("receiptNumber");
        bIds.put("partner", idIn(base + "/collaboration/partners?size=100", "receiptNumber", partnerReceipt));
        bIds.put("community facility", api.post(base + "/collaboration/facilities")
                .json(CollaborationConcurrencyIT.facility(0, 40)).send().expect(201).object().getString("id"));
        Reply scale = api.get(base + "/rating-scale").send().expect(200);
        api.put(base + "/rating-scale").ifMatch(scale.etag()).json(Json.createObjectBuilder().add("grades",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "甲").add("minimumPercent", 90))
                        .add(Json.createObjectBuilder().add("label", "乙").add("minimumPercent", 0))).build())
                .send().expect(200);
    }

    /** The id of the item of a list whose {@code field} is {@code value}. */
    private String idIn(String list, String field, String value) {
        return api.get(list).send().expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(x -> value.equals(x.getString(field, null))).findFirst().orElseThrow().getString("id");
    }

    /** Method and path template from /openapi. */
    record Operation(String method, String template) {
        /** A record's id in the path; a module id or a fiscal year names no record of B's. */
        boolean hasIdBeyondMunicipality() {
            return template.replace("{lgCode}", "").matches(".*\\{(?!moduleId\\}|fiscalYear\\})[^}]+\\}.*");
        }

        String under(String lgCode, String id) {
            return template.replace("{lgCode}", lgCode).replace("{fiscalYear}", "2023").replaceAll("\\{[^}/]+\\}", id);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    private List<Operation> operations() {
        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((template, item) -> {
            if (template.contains("{lgCode}")) {
                item.asJsonObject().keySet().stream().filter(METHODS::contains).sorted()
                        .forEach(m -> ops.add(new Operation(m, template)));
            }
        });
        return ops;
    }

    /** What B sees at every readable path that names one of its ids: status, ETag, body. */
    private Map<String, String> snapshotOfB() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Operation op : operations()) {
            if (!op.method().equals("get") || !op.hasIdBeyondMunicipality()) {
                continue;
            }
            for (String id : bIds.values()) {
                Reply r = api.get(op.under(b, id)).send();
                if (r.status() == 200) {
                    seen.put(op.under(b, id), r.etag() + " " + r.text());
                }
            }
        }
        for (Operation op : operations()) {
            if (op.method().equals("get") && !op.hasIdBeyondMunicipality()) {
                Reply r = api.get(op.under(b, "")).send();
                seen.put(op.under(b, ""), r.status() + " " + r.text());
            }
        }
        return seen;
    }

    @TestFactory
    Stream<DynamicTest> bsIdsUnderAsCodeAreNotFoundForEveryMethod() {
        Map<String, String> before = snapshotOfB();
        assertTrue(before.keySet().stream().anyMatch(p -> p.contains(bIds.get("indicator"))), before::toString);
        assertTrue(before.keySet().stream().anyMatch(p -> p.contains(bIds.get("program"))), before::toString);
        assertTrue(before.keySet().stream().anyMatch(p -> p.contains(bUnit)), before::toString);
        assertTrue(before.keySet().stream().anyMatch(p -> p.contains(bIds.get("plan"))), before::toString);
        for (String kind : List.of("citizen voice", "survey", "partner", "community facility")) {
            assertTrue(before.keySet().stream().anyMatch(p -> p.contains(bIds.get(kind))), () -> kind + ": " + before);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations()) {
            if (!op.hasIdBeyondMunicipality()) {
                continue;
            }
            for (Map.Entry<String, String> id : bIds.entrySet()) {
                tests.add(DynamicTest.dynamicTest(op + " with B's " + id.getKey(), () -> tryUnderA(op, id.getValue())));
            }
        }
        tests.add(DynamicTest.dynamicTest("B's data is unchanged afterwards",
                () -> assertEquals(before, snapshotOfB())));
        return tests.stream();
    }

    private void tryUnderA(Operation op, String id) {
        String underA = op.under(a, id);
        Reply asB = api.get(op.under(b, id)).send();
        String body = asB.status() == 200 ? asB.text() : "{}";
        String etag = asB.status() == 200 && asB.etag() != null ? asB.etag() : "\"0\"";
        Reply r = switch (op.method()) {
            case "get" -> api.get(underA).send();
            case "delete" -> api.delete(underA).ifMatch(etag).send();
            default -> api.method(op.method().toUpperCase(), underA).ifMatch(etag).json(body).send();
        };
        if (asB.status() == 200 || op.method().equals("get") || op.method().equals("delete")) {
            assertProblem(r, 404, null);
        } else {
            assertClientProblem(r);
        }
    }

    @Test
    void listsAndExportsUnderAShowNothingOfB() {
        for (Operation op : operations()) {
            if (!op.method().equals("get") || op.hasIdBeyondMunicipality()) {
                continue;
            }
            for (String suffix : List.of("", "?format=csv")) {
                Reply r = api.get(op.under(a, "") + suffix).send();
                assertFalse(r.text().contains(MARK), () -> op + suffix + " under A shows B's data: " + r);
                for (String id : bIds.values()) {
                    assertFalse(r.text().contains(id), () -> op + suffix + " under A shows B's id: " + r);
                }
            }
        }
    }

    @Test
    void aCannotReferToBsRows() {
        String base = Municipalities.PATH + "/" + a;
        Reply indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "x")
                .add("kind", "OUTCOME").add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("ownerUnitId", bUnit)
                .build()).send();
        assertProblem(indicator, 400, "invalid-reference");
        Reply program = api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", 2023)
                .add("programNumber", "9").add("name", "x").add("unitId", bUnit).build()).send();
        assertProblem(program, 400, "invalid-reference");
        String plan = api.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", "x")
                .add("firstFiscalYear", 2021).add("lastFiscalYear", 2025).build()).send().expect(201).object().getString("id");
        String nodes = base + "/planning/plans/" + plan + "/nodes";
        assertProblem(api.post(nodes).json(Json.createObjectBuilder().add("title", "x")
                .add("responsibleUnitIds", Json.createArrayBuilder().add(bUnit)).build()).send(), 400, "invalid-reference");
        assertProblem(api.post(nodes).json(Json.createObjectBuilder().add("title", "x")
                .add("parentId", bIds.get("plan node")).build()).send(), 400, "invalid-reference");
        String node = api.post(nodes).json(Json.createObjectBuilder().add("title", "x").build()).send().expect(201)
                .object().getString("id");
        assertProblem(api.post(nodes + "/" + node + "/indicators").json(Json.createObjectBuilder()
                .add("indicatorId", bIds.get("indicator")).build()).send(), 400, "invalid-reference");
        Reply child = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "A9")
                .add("nameJa", "x").add("kind", "SECTION").add("parentId", bUnit).add("validFrom", "2021-04-01").build()).send();
        assertClientProblem(child);
        // With A's chart ETag, so that the refusal is about B's unit and not a missing If-Match.
        String chart = api.get(base + "/organization-units/tree").send().expect(200).etag();
        Reply reorganization = api.post(base + "/organization-units/reorganizations").ifMatch(chart).json(Json.createObjectBuilder()
                .add("effectiveDate", "2024-04-01").add("predecessorIds", Json.createArrayBuilder().add(bUnit))
                .add("successor", Json.createObjectBuilder().add("code", "A8").add("nameJa", "x").add("kind", "DIVISION"))
                .build()).send();
        assertClientProblem(reorganization);

        assertEquals(0, api.get(base + "/indicators").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(base + "/planning/programs").send().expect(200).object().getInt("totalItems"));
        assertEquals(0, api.get(base + "/organization-units?history=true").send().expect(200).object().getInt("totalItems"));
        JsonObject bUnitNow = api.get(Municipalities.PATH + "/" + b + "/organization-units/" + bUnit).send().expect(200).object();
        assertFalse(bUnitNow.toString().contains("\"validTo\":\"2024-03-31\""), bUnitNow::toString);
    }

    @Test
    void settingsAndModulesOfOneMunicipalityDoNotReachAnother() {
        JsonObject scaleOfA = api.get(Municipalities.PATH + "/" + a + "/rating-scale").send().expect(200).object();
        assertEquals("A", scaleOfA.getJsonArray("grades").getJsonObject(0).getString("label"));
        assertFalse(scaleOfA.getBoolean("custom"));

        String c = Municipalities.register(api);
        String d = Municipalities.register(api);
        Municipalities.setModule(api, c, "engagement", true);
        api.get(Municipalities.PATH + "/" + c + "/engagement").send().expect(200);
        assertProblem(api.get(Municipalities.PATH + "/" + d + "/engagement").send(), 404, "module-not-enabled");
    }
}
