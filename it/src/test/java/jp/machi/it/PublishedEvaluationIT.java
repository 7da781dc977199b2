package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Published evaluation results (issue 5): a municipality administrator publishes a fiscal year's
 * decided evaluations; anyone then reads them under {@code …/planning/public/evaluations} — program,
 * division, what each step rated, the final direction and comment, counts by direction — and never
 * who evaluated. Unpublished years answer 404 like missing ones; the portal lists the page only while
 * planning is enabled.
 */
@MachiTest
class PublishedEvaluationIT {

    private final Api api;
    private final Api anonymous;
    private String lg;
    private String base;
    private String division;
    private Api divisionStaff;
    private Api evaluator;
    private Api admin;
    private final List<String> personal = new ArrayList<>();

    PublishedEvaluationIT(Api api) {
        this.api = api;
        this.anonymous = api.anonymous();
    }

    /** A signed-in user with a distinctive name, login and e-mail address (remembered as personal data). */
    private Api user(String role, String unit, String... moduleRoles) {
        String login = "it-pubeval-" + Long.toString(System.nanoTime(), 36);
        String name = "評価者 花子" + System.nanoTime();
        String email = login + "@example.jp";
        String password = Api.newPassword();
        JsonObjectBuilder b = Json.createObjectBuilder().add("login", login).add("displayName", name).add("email", email)
                .add("role", role).add("password", password);
        if (unit != null) {
            b.add("unitId", unit);
        }
        Reply created = api.post(base + "/users").json(b.build()).send().expect(201);
        api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        personal.addAll(List.of(login, name, email, created.object().getString("id")));
        return api.signIn(login, password);
    }

    @BeforeEach
    void peopleOfAMunicipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
        division = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "01")
                .add("nameJa", "広報戦略課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        String other = api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", "02")
                .add("nameJa", "企画課").add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201)
                .object().getString("id");
        divisionStaff = user("STAFF", division);
        evaluator = user("STAFF", other, "planning.evaluator");
        admin = user("MUNICIPALITY_ADMIN", null);
    }

    private String program(String number, String name) {
        return base + "/planning/programs/" + api.post(base + "/planning/programs").json(Json.createObjectBuilder()
                .add("fiscalYear", 2024).add("serialNumber", Integer.parseInt(number)).add("programNumber", number)
                .add("name", name).add("unitId", division).add("unitName", "市長公室広報戦略課").build())
                .send().expect(201).object().getString("id");
    }

    private static JsonObject judgement(String n, String e, String f, String direction, String comment) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (n != null) {
            b.add("necessity", n).add("effectiveness", e).add("efficiency", f);
        }
        if (direction != null) {
            b.add("direction", direction);
        }
        return b.add("comment", comment).build();
    }

    /** The four steps of {@code program}'s 2024 evaluation, ending in {@code direction}. */
    private void evaluate(String program, String direction, String finalComment) {
        String e = program + "/evaluations/2024";
        divisionStaff.post(e + "/steps/self").json(judgement("A", "B", "B", "改善", "自己評価のコメント")).send().expect(200);
        evaluator.post(e + "/steps/secondary").json(judgement("A", "C", "B", "縮小", "二次評価のコメント")).send().expect(200);
        evaluator.post(e + "/steps/external").json(judgement(null, null, null, null, "外部評価委員会の意見")).send().expect(200);
        admin.post(e + "/steps/final").json(judgement("A", "B", "B", direction, finalComment)).send().expect(200);
    }

    private void assertNoPersonalData(Reply r) {
        String text = r.text();
        for (String p : personal) {
            assertFalse(text.contains(p), () -> "public answer contains " + p + ": " + text);
        }
        assertFalse(text.contains("\"by\"") || text.contains("actor"), text);
    }

    @Test
    void onlyPublishedYearsArePublicAndNeverWhoEvaluated() {
        String paper = program("8", "広報紙発行事業");
        String site = program("9", "ホームページ運営事業");
        String video = program("10", "広報動画制作事業");
        String results = base + "/planning/public/evaluations";
        String publication = base + "/planning/evaluation-results/2024/publication";

        // Nothing decided: nothing to publish, and nothing public.
        Reply early = admin.post(publication).send();
        assertJapanese(early, assertProblem(early, 409, "nothing-decided"));
        assertEquals(0, anonymous.get(results + "/years").send().expect(200).array().size());
        Reply missing = anonymous.get(results + "?fiscalYear=R6").send();
        assertJapanese(missing, assertProblem(missing, 404, null));
        Reply missingEn = anonymous.get(results + "?fiscalYear=2024").lang("en").send();
        assertEnglish(missingEn, assertProblem(missingEn, 404, null));
        JsonObject none = anonymous.get(results).send().expect(200).object();
        assertTrue(none.isNull("fiscalYear"), none::toString);
        assertEquals(0, none.getJsonArray("results").size());

        evaluate(paper, "改善", "電子版を併用する");
        evaluate(site, "現状維持", "アクセシビリティを確保する");
        // The third is still under way (self-evaluation only): never public.
        divisionStaff.post(video + "/evaluations/2024/steps/self").json(judgement("B", "B", "B", "拡充", "途中")).send()
                .expect(200);

        // Decided but not published: still not public.
        assertProblem(anonymous.get(results + "?fiscalYear=2024").send(), 404, null);
        // Only a municipality administrator publishes.
        assertProblem(divisionStaff.post(publication).send(), 403, null);
        assertProblem(evaluator.post(publication).send(), 403, null);
        assertEquals(0, anonymous.get(results + "/years").send().expect(200).array().size());

        JsonObject published = admin.post(publication).send().expect(200).object();
        assertEquals(2024, published.getJsonObject("fiscalYear").getInt("year"));
        assertEquals(2, published.getInt("decided"));
        assertEquals(published.getString("publishedAt"),
                admin.post(publication).send().expect(200).object().getString("publishedAt"), "publishing again changes nothing");
        assertEquals(1, api.as("VIEWER", lg).get(base + "/planning/evaluation-results").send().expect(200).array().size());

        Reply years = anonymous.get(results + "/years").send().expect(200);
        assertNoPersonalData(years);
        assertEquals(1, years.array().size());
        assertEquals("令和6年度", years.array().getJsonObject(0).getString("fiscalYearLabel"));
        assertEquals(2, years.array().getJsonObject(0).getInt("count"));

        for (String lang : List.of("ja", "en")) {
            Reply r = anonymous.get(results + "?fiscalYear=R6").lang(lang).send().expect(200);
            assertNoPersonalData(r);
            JsonObject y = r.object();
            assertEquals(2, y.getInt("count"));
            JsonArray list = y.getJsonArray("results");
            assertEquals(List.of("8", "9"), list.stream().map(v -> v.asJsonObject().getString("programNumber")).toList());
            JsonObject first = list.getJsonObject(0);
            assertEquals("広報紙発行事業", first.getString("programName"));
            assertEquals("市長公室広報戦略課", first.getString("unitName"));
            assertEquals("改善", first.getString("finalDirection"));
            assertEquals("電子版を併用する", first.getString("comment"));
            List<JsonObject> steps = first.getJsonArray("steps").getValuesAs(JsonObject.class);
            assertEquals(List.of("SELF", "SECONDARY", "EXTERNAL", "FINAL"), steps.stream().map(s -> s.getString("step")).toList());
            assertEquals("C", steps.get(1).getString("effectiveness"));
            assertEquals("外部評価委員会の意見", steps.get(2).getString("comment"));
            assertEquals(lang.equals("ja") ? "二次評価" : "Secondary evaluation", steps.get(1).getString("label"));
            Map<String, Integer> counts = y.getJsonArray("directions").stream().map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(d -> d.getString("direction"), d -> d.getInt("count")));
            assertEquals(1, counts.get("改善"));
            assertEquals(1, counts.get("現状維持"));
            assertEquals(0, counts.get("拡充"), "the program still under way is not counted");
            assertEquals(List.of("A", "B", "C"), y.getJsonArray("scale").stream()
                    .map(v -> v.asJsonObject().getString("code")).toList());
        }
        // Without a year: the latest published one.
        assertEquals(2024, anonymous.get(results).send().expect(200).object().getJsonObject("fiscalYear").getInt("year"));
        // A bad year is a 400, not a 500.
        assertProblem(anonymous.get(results + "?fiscalYear=abc").send(), 400, null);

        // Withdrawn: not public any more.
        assertProblem(divisionStaff.delete(publication).send(), 403, null);
        admin.delete(publication).send().expect(204);
        assertProblem(anonymous.get(results + "?fiscalYear=2024").send(), 404, null);
        assertProblem(admin.delete(publication).send(), 404, null);
        assertProblem(admin.delete(base + "/planning/evaluation-results/not-a-year/publication").send(), 404, null);
        assertEquals(0, anonymous.get(results + "/years").send().expect(200).array().size());
    }

    @Test
    void thePortalListsThePageOnlyWhilePlanningIsEnabled() {
        JsonObject p = anonymous.get(base + "/portal").send().expect(200).object();
        JsonObject page = p.getJsonArray("pages").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("id").equals("planning-evaluations")).findFirst().orElseThrow(() -> new AssertionError(p.toString()));
        assertEquals("/ui/planning/evaluations.js", page.getString("script"));
        assertEquals("事務事業評価の結果", page.getString("label"));
        assertEquals("Program evaluation results", anonymous.get(base + "/portal").lang("en").send().expect(200).object()
                .getJsonArray("pages").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("id").equals("planning-evaluations")).findFirst().orElseThrow().getString("label"));
        assertTrue(anonymous.get("/ui/planning/evaluations.js").send().expect(200).text().contains("export default"));

        Municipalities.setModule(api, lg, "planning", false);
        JsonObject off = anonymous.get(base + "/portal").send().expect(200).object();
        assertTrue(off.getJsonArray("pages").stream().noneMatch(x -> x.asJsonObject().getString("id")
                .equals("planning-evaluations")), off::toString);
        assertProblem(anonymous.get(base + "/planning/public/evaluations/years").send(), 404, "module-not-enabled");
    }
}
