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
                ConcurrencyCase.of("市民協働推進員")
                        .as(CollaborationConcurrencyIT::approver)
                        .create(f -> {
                            unit = PlanningConcurrencyIT.unit(f, "DIVISION", null);
                            return f.item("/collaboration/promoters", f.post("/collaboration/promoters", promoter(0)));
                        })
                        .put(this::promoter).delete()
                        .covers("PUT " + M + "/promoters/{id}", "DELETE " + M + "/promoters/{id}"));
    }

    /** The unique name of the last created association. */
    private volatile String associationName;

    Object association(int n) {
        return jakarta.json.Json.createObjectBuilder().add("name", associationName).add("district", "地区 " + n).build();
    }
}
