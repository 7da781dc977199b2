package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 協働事業 (seed 004 #14): projects of a unit with registered partners in a fiscal year, in a form
 * from the municipality's list; edited by holders of {@code collaboration.editor} (403 for other
 * staff), partners only registered organisations of this municipality (400 otherwise), If-Match on
 * every change (a partner-only change moves the ETag; one of two writers wins), lists filtered and
 * exported, and the metric {@code collaboration:projects-per-fiscal-year} (total and by form) that
 * an indicator binds to, as 取手市's 市民と行政との協働事業件数 is in the demo.
 */
@MachiTest
class CollaborativeProjectIT {

    static final String METRIC = "collaboration:projects-per-fiscal-year";

    private final Api api;
    private String lg;
    private String base;
    private String projects;
    private String unit;
    private String partnerA;
    private String partnerB;
    private String applied;
    private Api editor;
    private Api staff;

    CollaborativeProjectIT(Api api) {
        this.api = api;
    }

    /** A registered partner: applied from the portal, approved. */
    static String registeredPartner(Api api, String base, Api approver, String name) {
        String partners = base + "/collaboration/partners";
        String receipt = api.anonymous().post(partners + "/applications").json(CollaborationPartnerIT.application(name)
                .build()).send().expect(201).object().getString("receiptNumber");
        String id = approver.get(partners + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow().getString("id");
        String etag = approver.get(partners + "/" + id).send().expect(200).etag();
        approver.post(partners + "/" + id + "/registration/transitions").ifMatch(etag).json("{\"action\":\"approve\"}")
                .send().expect(200);
        return id;
    }

    @BeforeEach
    void aUnitAndRegisteredPartners() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "collaboration", true);
        base = Municipalities.PATH + "/" + lg;
        projects = base + "/collaboration/projects";
        unit = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01")
                .add("nameJa", "市民協働課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send()
                .expect(201).object().getString("id");
        Api approver = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.approver");
        editor = CollaborationPartnerIT.user(api, base, "STAFF", "collaboration.editor");
        staff = CollaborationPartnerIT.user(api, base, "STAFF");
        partnerA = registeredPartner(api, base, approver, "見本まちの里親の会");
        partnerB = registeredPartner(api, base, approver, "見本アート協議会");
        applied = api.anonymous().post(base + "/collaboration/partners/applications")
                .json(CollaborationPartnerIT.application("申請中の会").build()).send().expect(201).object()
                .getString("receiptNumber");
    }

    private JsonObjectBuilder project(int fy, String title, String form, String... partners) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (String p : partners) {
            ids.add(p);
        }
        return Json.createObjectBuilder().add("fiscalYear", fy).add("title", title).add("unitId", unit).add("form", form)
                .add("partnerIds", ids).add("description", "見本の事業").add("budget", 120000).add("outcome", "参加者 40 人");
    }

    @Test
    void editorsRegisterProjectsWithRegisteredPartnersOnly() {
        assertEquals(List.of("共催", "委託", "補助", "事業協力", "後援", "実行委員会", "企画立案への参画", "情報提供・意見交換"),
                staff.get(projects + "/forms").send().expect(200).object().getJsonArray("forms")
                        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        // Staff without the editor role: 403 in Japanese, nothing written.
        Reply refused = staff.post(projects).json(project(2024, "公共施設の里親制度", "事業協力", partnerA).build()).send();
        assertJapanese(refused, assertProblem(refused, 403, "forbidden"));
        assertProblem(api.as("VIEWER", lg).post(projects).json(project(2024, "x", "共催").build()).send(), 403, null);

        Reply created = editor.post(projects).json(project(2024, "公共施設の里親制度", "事業協力", partnerA, partnerB).build())
                .send().expect(201);
        JsonObject c = created.object();
        assertEquals("令和6年度", c.getString("fiscalYearLabel"));
        assertEquals("市民協働課", c.getString("unitName"));
        assertEquals("見本まちの里親の会", c.getJsonArray("partners").getJsonObject(0).getString("name"));
        assertEquals(120000, c.getJsonNumber("budget").intValue());

        // A form not in the list, an unknown or unregistered partner, a unit that is not ours: 400 by field.
        String pending = api.get(base + "/collaboration/partners?state=APPLIED").send().expect(200).object()
                .getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(v -> v.getString("receiptNumber").equals(applied)).findFirst().orElseThrow().getString("id");
        Reply bad = editor.post(projects).json(project(2024, "x", "寄付", partnerA).build()).send();
        assertTrue(Problems.fields(assertProblem(bad, 400, null)).contains("form"));
        Reply unregistered = editor.post(projects).lang("en").json(project(2024, "x", "共催", pending, partnerA, partnerA)
                .build()).send();
        JsonObject p = assertEnglish(unregistered, assertProblem(unregistered, 400, null));
        assertTrue(Problems.fields(p).contains("partnerIds[0]") && Problems.fields(p).contains("partnerIds[2]"), p::toString);
        String otherLg = Municipalities.register(api);
        Municipalities.setModule(api, otherLg, "collaboration", true);
        String otherBase = Municipalities.PATH + "/" + otherLg;
        String foreign = registeredPartner(api, otherBase, CollaborationPartnerIT.user(api, otherBase, "STAFF",
                "collaboration.approver"), "よその町の会");
        assertProblem(editor.post(projects).json(project(2024, "x", "共催", foreign).build()).send(), 400, null);
        assertProblem(editor.get(otherBase + "/collaboration/projects").send(), 404, null);
        Reply tooBig = editor.post(projects).json(project(2024, "x".repeat(201), "共催").add("budget", -1).build()).send();
        assertTrue(Problems.fields(assertProblem(tooBig, 400, null)).contains("budget"));
        assertEquals(1, editor.get(projects).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void everyChangeNeedsIfMatchAndAPartnerOnlyChangeMovesTheETag() {
        Reply created = editor.post(projects).json(project(2024, "壁画によるまちづくり事業", "共催", partnerB).build()).send()
                .expect(201);
        String one = base + "/collaboration/projects/" + created.object().getString("id");
        JsonObject revised = project(2024, "壁画によるまちづくり事業", "共催", partnerB, partnerA).build();
        assertProblem(editor.put(one).json(revised).send(), 428, null);
        Reply partnersOnly = editor.put(one).ifMatch(created.etag()).json(revised).send().expect(200);
        assertNotEquals(created.etag(), partnersOnly.etag(), "a partner-only change moves the ETag");
        assertEquals(2, partnersOnly.object().getJsonArray("partners").size());

        JsonObject w1 = project(2024, "壁画によるまちづくり事業", "共催", partnerB).add("outcome", "壁画 2 面").build();
        JsonObject w2 = project(2024, "壁画によるまちづくり事業", "共催", partnerB).add("outcome", "壁画 3 面").build();
        List<Integer> statuses = List.of(editor.put(one).ifMatch(partnersOnly.etag()).json(w1).send().status(),
                editor.put(one).ifMatch(partnersOnly.etag()).json(w2).send().status());
        assertEquals(List.of(200, 412), statuses);
        assertEquals("壁画 2 面", editor.get(one).send().expect(200).object().getString("outcome"));
        Reply current = editor.get(one).send().expect(200);
        assertProblem(editor.delete(one).send(), 428, null);
        assertProblem(staff.delete(one).ifMatch(current.etag()).send(), 403, null);
        editor.delete(one).ifMatch(current.etag()).send().expect(204);
        assertProblem(editor.get(one).send(), 404, null);
    }

    @Test
    void listsFilterAndExportAndTheMetricCountsProjectsPerYearAndForm() {
        editor.post(projects).json(project(2023, "市民活動フェア", "共催", partnerA).build()).send().expect(201);
        editor.post(projects).json(project(2024, "公共施設の里親制度", "事業協力", partnerA).build()).send().expect(201);
        editor.post(projects).json(project(2024, "壁画によるまちづくり事業", "共催", partnerB).build()).send().expect(201);

        assertEquals(2, editor.get(projects + "?fiscalYear=R6").send().expect(200).object().getInt("totalItems"));
        assertEquals(2, editor.get(projects + "?form=" + java.net.URLEncoder.encode("共催", StandardCharsets.UTF_8))
                .send().expect(200).object().getInt("totalItems"));
        assertEquals(2, editor.get(projects + "?partnerId=" + partnerA).send().expect(200).object().getInt("totalItems"));
        assertEquals(List.of("公共施設の里親制度", "壁画によるまちづくり事業", "市民活動フェア"),
                editor.get(projects).send().expect(200).object().getJsonArray("items").stream()
                        .map(v -> v.asJsonObject().getString("title")).toList());
        JsonObject combined = editor.get(projects + "?q=" + java.net.URLEncoder.encode("里親", StandardCharsets.UTF_8)
                + "&fiscalYear=R6&unitId=" + unit + "&partnerId=" + partnerA + "&form="
                + java.net.URLEncoder.encode("事業協力", StandardCharsets.UTF_8) + "&sort=-budget").send().expect(200).object();
        assertEquals(1, combined.getInt("totalItems"), combined::toString);
        assertProblem(editor.get(projects + "?fiscalYear=someday&unitId=x&sort=outcome").send(), 400, null);
        String csv = new String(editor.get(projects + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF年度,事業名,担当課,協働の形態,協働の相手方"), csv);
        assertTrue(csv.contains("令和6年度,公共施設の里親制度,市民協働課,事業協力,見本まちの里親の会"), csv);
        String en = new String(editor.get(projects).accept("text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFFiscal year,Project,Unit,Form of collaboration,Partners"), en);

        assertTrue(api.get(base + "/metric-sources").send().expect(200).array().toString().contains(METRIC));
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "市民と行政との協働事業件数").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", METRIC)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 4))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 1)))
                .build()).send().expect(201).object();
        JsonObject r6 = IndicatorIT.year(indicator, 2024);
        assertEquals(2, r6.getJsonNumber("actual").intValue());
        assertEquals("METRIC", r6.getString("actualSource"));
        assertEquals(1, IndicatorIT.year(indicator, 2023).getJsonNumber("actual").intValue());
        JsonObject byForm = api.post(base + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "協働事業件数 (共催)").add("kind", "ACTIVITY").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("metricSource", "collaboration:projects-by-form-cosponsorship")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 2)))
                .build()).send().expect(201).object();
        assertEquals(1, IndicatorIT.year(byForm, 2024).getJsonNumber("actual").intValue());
        // Live: a project registered afterwards counts at once.
        editor.post(projects).json(project(2024, "協働提案型公募補助事業", "補助", partnerB).build()).send().expect(201);
        JsonObject again = api.get(base + "/indicators/" + indicator.getString("id")).send().expect(200).object();
        assertEquals(3, IndicatorIT.year(again, 2024).getJsonNumber("actual").intValue());
    }

    @Test
    void eachUnitNamesOnePromoterAYearWhoseNameIsMasked() {
        String promoters = base + "/collaboration/promoters";
        JsonObject body = Json.createObjectBuilder().add("fiscalYear", "令和6年度").add("unitId", unit)
                .add("personName", "見本 推進").add("position", "主査").add("appointedOn", "2024-04-01").build();
        assertProblem(staff.post(promoters).json(body).send(), 403, "forbidden");
        Reply created = editor.post(promoters).json(body).send().expect(201);
        JsonObject p = created.object();
        assertEquals("令和6年度", p.getString("fiscalYearLabel"));
        assertEquals("市民協働課", p.getString("unitName"));
        assertNotEquals("見本 推進", p.getString("personName"), "masked");
        String one = promoters + "/" + p.getString("id");
        assertEquals("見本 推進", editor.get(one + "?reveal=personal-data").send().expect(200).object()
                .getString("personName"));
        // One per unit and year.
        Reply second = editor.post(promoters).json(body).send();
        assertJapanese(second, assertProblem(second, 409, "duplicate"));
        String csv = new String(editor.get(promoters + "?format=csv&fiscalYear=R6").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF年度,課,氏名,役職,任命日") && csv.contains("市民協働課") && !csv.contains("見本 推進"), csv);
        JsonObject changed = Json.createObjectBuilder().add("fiscalYear", 2024).add("unitId", unit)
                .add("personName", "見本 次郎").build();
        assertProblem(editor.put(one).json(changed).send(), 428, null);
        Reply saved = editor.put(one).ifMatch(created.etag()).json(changed).send().expect(200);
        assertNotEquals(created.etag(), saved.etag());
        assertProblem(editor.put(one).ifMatch(created.etag()).json(changed).send(), 412, null);
        assertProblem(editor.get(promoters + "?unitId=nope").send(), 400, null);
        editor.delete(one).ifMatch(saved.etag()).send().expect(204);
    }
}
