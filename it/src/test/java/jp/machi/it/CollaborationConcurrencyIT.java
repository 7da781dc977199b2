package jp.machi.it;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.machi.it.support.Api;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyCase.Fixture;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;

/** The concurrency contract ({@link ConcurrencyContract}) for the collaboration module's guarded operations. */
@MachiTest
class CollaborationConcurrencyIT extends ConcurrencyContract {

    static final String M = "/api/v1/municipalities/{lgCode}/collaboration";
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The unit and partner of the last created project or promoter (their bodies name them). */
    private volatile String unit;
    private volatile String partner;

    /** A partner's application or revision (invented), {@code n} in its purpose; {@code extra} more fields. */
    static String partnerBody(String name, int n, String extra) {
        return "{\"name\":\"" + name + "\",\"nameKana\":\"みほんのかい\",\"kind\":\"NPO\",\"roles\":[\"PARTNER\"],"
                + "\"fieldsOfActivity\":[\"まちづくり\"],\"area\":\"市内全域\",\"purpose\":\"地域の見守り " + n + "\","
                + "\"representativeName\":\"見本 太郎\",\"contactName\":\"見本 花子\",\"contactAddress\":\"見本市本町1-2-3\","
                + "\"contactPhone\":\"0297-00-0000\",\"contactEmail\":\"partner@example.jp\"" + extra + "}";
    }

    /** Applies as an organisation (anonymously) and answers the partner's path; filed as spam when {@code spam}. */
    static String applied(Fixture f, boolean spam) {
        String name = "見本の会 " + SEQ.incrementAndGet();
        String receipt = f.api().anonymous().post(f.base() + "/collaboration/partners/applications")
                .json(partnerBody(name, 0, spam ? ",\"confirmEmail\":\"bot@example.com\"" : "")).send().expect(201)
                .object().getString("receiptNumber");
        String id = f.api().get(f.base() + "/collaboration/partners?size=100" + (spam ? "&spam=true" : "")).send().expect(200)
                .object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("receiptNumber").equals(receipt)).findFirst().orElseThrow().getString("id");
        return f.base() + "/collaboration/partners/" + id;
    }

    /** A staff member who approves partners and edits projects. */
    static Api approver(Fixture f) {
        return CollaborationPartnerIT.user(f.api(), f.base(), "STAFF", "collaboration.approver", "collaboration.editor");
    }

    String project(int n) {
        return "{\"fiscalYear\":2024,\"title\":\"協働事業 " + n + "\",\"unitId\":\"" + unit + "\",\"form\":\"補助\","
                + "\"partnerIds\":[\"" + partner + "\"],\"budget\":" + (120000 + n) + "}";
    }

    String promoter(int n) {
        return "{\"fiscalYear\":\"令和6年度\",\"unitId\":\"" + unit + "\",\"personName\":\"見本 推進\",\"position\":\"主査 " + n
                + "\",\"appointedOn\":\"2024-04-01\"}";
    }

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(
                ConcurrencyCase.of("neighbourhood association")
                        .create(f -> {
                            associationName = "見本町内会 " + SEQ.incrementAndGet();
                            return f.item("/collaboration/associations", f.post("/collaboration/associations", association(0)));
                        })
                        .put(this::association)
                        .covers("PUT " + M + "/associations/{id}"),
                ConcurrencyCase.of("association's fiscal year")
                        .create(f -> {
                            associationName = "見本自治会 " + SEQ.incrementAndGet();
                            String a = f.item("/collaboration/associations", f.post("/collaboration/associations", association(0)));
                            f.api().post(a + "/years").json(jakarta.json.Json.createObjectBuilder().add("fiscalYear", "2024")
                                    .add("households", 500).add("memberHouseholds", 300).add("subsidyPaid", 80_000).build())
                                    .send().expect(201);
                            return a + "/years/2024";
                        })
                        .put(n -> jakarta.json.Json.createObjectBuilder().add("households", 500).add("memberHouseholds", 301 + n)
                                .add("subsidyPaid", 80_000).build())
                        .covers("PUT " + M + "/associations/{id}/years/{fiscalYear}"),
                ConcurrencyCase.of("partner")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> applied(f, false))
                        .put(n -> partnerBody("見本の会 改", n, ""))
                        .covers("PUT " + M + "/partners/{id}"),
                ConcurrencyCase.of("partner filed as spam")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> applied(f, true))
                        .action("/not-spam", "{}", 200)
                        .covers("POST " + M + "/partners/{id}/not-spam"),
                ConcurrencyCase.of("partner's registration")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> applied(f, false))
                        .action("/registration/transitions", "{\"action\":\"approve\"}", 200)
                        .covers("POST " + M + "/partners/{id}/registration/transitions"),
                ConcurrencyCase.of("collaborative project")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> {
                            unit = PlanningConcurrencyIT.unit(f, "DIVISION", null);
                            String p = applied(f, false);
                            String etag = f.api().get(p).send().expect(200).etag();
                            f.api().post(p + "/registration/transitions").ifMatch(etag).json("{\"action\":\"approve\"}")
                                    .send().expect(200);
                            partner = p.substring(p.lastIndexOf('/') + 1);
                            return f.item("/collaboration/projects", f.post("/collaboration/projects", project(0)));
                        })
                        .put(this::project)
                        .counter(this::project, j -> j.getJsonNumber("budget").longValue() - 120000)
                        .delete()
                        .covers("PUT " + M + "/projects/{id}", "DELETE " + M + "/projects/{id}"),
                ConcurrencyCase.of("grant call")
                        .create(f -> f.item("/collaboration/grants/calls", f.post("/collaboration/grants/calls", grantCall(0, 2))))
                        .put(n -> grantCall(n, 2))
                        .childChange(n -> grantCall(0, 1 + n % 90))
                        .covers("PUT " + M + "/grants/calls/{id}"),
                ConcurrencyCase.of("grant application")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> grantApplication(f, 0))
                        .put(n -> grantApplicationBody(1000 + n, 1))
                        .childChange(n -> grantApplicationBody(1000, 2 + n % 20))
                        .action("/completeness", "{\"complete\":false,\"note\":\"収支予算書がありません\"}", 200)
                        .covers("PUT " + M + "/grants/applications/{id}", "POST " + M + "/grants/applications/{id}/completeness"),
                ConcurrencyCase.of("grant application's scores")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> grantApplication(f, 1))
                        .put("/scores", n -> "{\"scores\":[{\"criterionId\":\"" + criteria[0] + "\",\"score\":" + (n % 6)
                                + "},{\"criterionId\":\"" + criteria[1] + "\",\"score\":" + ((n / 6) % 6) + "}]}")
                        .action("/decision", "{\"adopt\":false,\"reason\":\"予算の範囲を超えるため\"}", 200)
                        .covers("PUT " + M + "/grants/applications/{id}/scores", "POST " + M + "/grants/applications/{id}/decision"),
                ConcurrencyCase.of("grant application's documents")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> grantApplication(f, 0))
                        .action("/attachments?fileName=memo.txt&document=%E4%BC%81%E7%94%BB%E6%9B%B8", "{\"memo\":\"企画書の見本\"}", 201)
                        .covers("POST " + M + "/grants/applications/{id}/attachments"),
                ConcurrencyCase.of("grant application's document")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> {
                            String a = grantApplication(f, 0);
                            jp.machi.it.support.Reply r = f.api().post(a + "/attachments?fileName=memo.csv").ifMatch(f.api().get(a).send().expect(200).etag())
                                    .body("番号,内容\n1,会場費\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").send().expect(201);
                            return a + "/attachments/" + r.object().getString("fileId");
                        })
                        .delete()
                        .covers("DELETE " + M + "/grants/applications/{id}/attachments/{fileId}"),
                ConcurrencyCase.of("fund")
                        .create(f -> f.item("/collaboration/grants/funds", f.post("/collaboration/grants/funds",
                                FundIT.fund(2024, 1_000_000, 0).build())))
                        .put(n -> FundIT.fund(2024, 1_000_000 + n, 0).build())
                        .childChange(n -> FundIT.fund(2024, 1_000_000, 1 + n).build())
                        .covers("PUT " + M + "/grants/funds/{id}"),
                ConcurrencyCase.of("grant settlement")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> grantApplication(f, 2))
                        .put("/settlement", n -> "{\"paid\":1000,\"spent\":" + n + "}")
                        .counter(n -> "{\"paid\":1000,\"spent\":" + n + "}", j -> j.getJsonNumber("spent").longValue())
                        .covers("PUT " + M + "/grants/applications/{id}/settlement"),
                ConcurrencyCase.of("community facility")
                        .create(f -> f.item("/collaboration/facilities", f.post("/collaboration/facilities", facility(0, 40))))
                        .put(n -> facility(n, 40))
                        .childChange(n -> facility(0, 40 + n))
                        .covers("PUT " + M + "/facilities/{id}"),
                ConcurrencyCase.of("community facility's monthly use")
                        .create(f -> f.item("/collaboration/facilities", f.post("/collaboration/facilities", facility(0, 40))))
                        .put("/use/2023", n -> "{\"months\":[{\"month\":\"2023-04\",\"bookings\":" + n + ",\"users\":" + (10 * n)
                                + "}]}")
                        .covers("PUT " + M + "/facilities/{id}/use/{fiscalYear}"),
                ConcurrencyCase.of("community facility's monitoring")
                        .create(f -> f.item("/collaboration/facilities", f.post("/collaboration/facilities", facility(0, 40))))
                        .put("/monitoring/2023", n -> "{\"scores\":[{\"item\":\"施設の維持管理\",\"score\":" + (1 + n % 5)
                                + "}],\"rating\":\"A\",\"comment\":\"見本 " + n + "\",\"published\":true}")
                        .covers("PUT " + M + "/facilities/{id}/monitoring/{fiscalYear}"),
                ConcurrencyCase.of("partnership agreement")
                        .create(f -> f.item("/collaboration/partnerships", f.post("/collaboration/partnerships", partnership(0, 1))))
                        .put(n -> partnership(n, 1))
                        .childChange(n -> partnership(0, 2 + n % 50))
                        .action("/activities", "{\"heldOn\":\"2024-10-20\",\"title\":\"ふれあいコンサート\",\"kind\":\"演奏会\","
                                + "\"participants\":300}", 201)
                        .delete()
                        .covers("PUT " + M + "/partnerships/{id}", "DELETE " + M + "/partnerships/{id}",
                                "POST " + M + "/partnerships/{id}/activities"),
                ConcurrencyCase.of("start-up support of a fiscal year")
                        .create(f -> {
                            int fy = 2100 + SEQ.incrementAndGet();
                            f.post("/collaboration/startups/years", "{\"fiscalYear\":" + fy + ",\"entrepreneursSupported\":100,"
                                    + "\"newBusinesses\":10}");
                            return f.base() + "/collaboration/startups/years/" + fy;
                        })
                        .put(n -> "{\"entrepreneursSupported\":" + (100 + n) + ",\"newBusinesses\":10}")
                        .counter(n -> "{\"entrepreneursSupported\":" + (100 + n) + ",\"newBusinesses\":10}",
                                j -> j.getJsonNumber("entrepreneursSupported").longValue() - 100)
                        .delete()
                        .covers("PUT " + M + "/startups/years/{fiscalYear}", "DELETE " + M + "/startups/years/{fiscalYear}"),
                ConcurrencyCase.of("empty-shop grant")
                        .create(f -> f.item("/collaboration/startups/vacant-shop-grants",
                                f.post("/collaboration/startups/vacant-shop-grants", vacantShopGrant(0))))
                        .put(CollaborationConcurrencyIT::vacantShopGrant)
                        .counter(CollaborationConcurrencyIT::vacantShopGrant, j -> j.getJsonNumber("amount").longValue() - 100_000)
                        .delete()
                        .covers("PUT " + M + "/startups/vacant-shop-grants/{id}", "DELETE " + M + "/startups/vacant-shop-grants/{id}"),
                ConcurrencyCase.of("市民協働推進員")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> {
                            unit = PlanningConcurrencyIT.unit(f, "DIVISION", null);
                            return f.item("/collaboration/promoters", f.post("/collaboration/promoters", promoter(0)));
                        })
                        .put(this::promoter).delete()
                        .covers("PUT " + M + "/promoters/{id}", "DELETE " + M + "/promoters/{id}"));
    }

    /** A community facility (invented), {@code n} in its name, one room of {@code capacity}. */
    static String facility(int n, int capacity) {
        return "{\"name\":\"見本コミュニティセンター " + n + "\",\"kind\":\"COMMUNITY_CENTRE\",\"address\":\"見本市本町1-1\","
                + "\"rooms\":[{\"name\":\"集会室\",\"capacity\":" + capacity + "}],"
                + "\"managers\":[{\"organisationName\":\"（架空）見本協議会\",\"fromYear\":2021,\"toYear\":2024}]}";
    }

    /** A partnership agreement (invented) with {@code activities} concerts; {@code n} in its renewal. */
    static Object partnership(int n, int activities) {
        jakarta.json.JsonArrayBuilder a = jakarta.json.Json.createArrayBuilder();
        for (int i = 0; i < activities; i++) {
            a.add(PartnershipIT.activity("2024-05-" + String.format("%02d", 1 + i % 28), "演奏会 " + i, "演奏会", 100 + i));
        }
        return PartnershipIT.agreement("見本大学との連携", "見本大学", "UNIVERSITY", a).add("renewal", "更新 " + n).build();
    }

    /** An empty-shop grant (invented) of 100,000 + n yen. */
    static Object vacantShopGrant(int n) {
        return jakarta.json.Json.createObjectBuilder().add("applicant", "見本商店").add("shopAddress", "見本市本町1丁目")
                .add("amount", 100_000 + n).add("decidedOn", "2024-06-10").build();
    }

    /** The criteria of the last created grant call. */
    private final String[] criteria = new String[2];

    /** A grant call (invented) whose first criterion weighs {@code weight}; {@code n} in its budget. */
    static Object grantCall(int n, int weight) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        return GrantIT.call(2024, 10_000_000 + n, 1_000_000, 100, 6, today.minusDays(1), today.plusDays(30))
                .add("criteria", jakarta.json.Json.createArrayBuilder()
                        .add(jakarta.json.Json.createObjectBuilder().add("name", "公益性").add("weight", weight))
                        .add(jakarta.json.Json.createObjectBuilder().add("name", "実現性").add("weight", 2))).build();
    }

    private volatile String grantPartner;

    Object grantApplicationBody(long requested, int lines) {
        jakarta.json.JsonArrayBuilder b = jakarta.json.Json.createArrayBuilder();
        for (int i = 0; i < lines; i++) {
            b.add(jakarta.json.Json.createObjectBuilder().add("item", "費目 " + i).add("amount", 5000).add("eligible", true));
        }
        return jakarta.json.Json.createObjectBuilder().add("partnerId", grantPartner).add("projectTitle", "見本の事業")
                .add("plan", "見本の計画").add("startYear", "2024").add("requestedAmount", requested).add("budgetLines", b).build();
    }

    /** A grant application (invented) to a new call: received (0), under review (1) or adopted (2). */
    String grantApplication(Fixture f, int stage) {
        String p = applied(f, false);
        f.api().post(p + "/registration/transitions").ifMatch(f.api().get(p).send().expect(200).etag())
                .json("{\"action\":\"approve\"}").send().expect(200);
        grantPartner = p.substring(p.lastIndexOf('/') + 1);
        JsonObject call = f.post("/collaboration/grants/calls", grantCall(0, 3)).expect(201).object();
        criteria[0] = call.getJsonArray("criteria").getJsonObject(0).getString("id");
        criteria[1] = call.getJsonArray("criteria").getJsonObject(1).getString("id");
        String a = f.base() + "/collaboration/grants/applications/" + f.post("/collaboration/grants/calls/" + call.getString("id")
                + "/applications", grantApplicationBody(1000, 1)).expect(201).object().getString("id");
        if (stage >= 1) {
            f.api().post(a + "/completeness").ifMatch(f.api().get(a).send().expect(200).etag()).json("{\"complete\":true}")
                    .send().expect(200);
        }
        if (stage >= 2) {
            f.api().post(a + "/decision").ifMatch(f.api().get(a).send().expect(200).etag())
                    .json("{\"adopt\":true,\"grantedAmount\":1000}").send().expect(200);
        }
        return a;
    }

    /** The unique name of the last created association. */
    private volatile String associationName;

    Object association(int n) {
        return jakarta.json.Json.createObjectBuilder().add("name", associationName).add("district", "地区 " + n).build();
    }
}
