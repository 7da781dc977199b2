package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public portal, as anybody on the internet reaches it, signed in nowhere: {@code /p/{lgCode}/}
 * serves the page shell with a Content-Security-Policy for a registered municipality and a page in
 * Japanese with 404 for anything else; {@code GET …/portal} lists the portal pages of the modules
 * the municipality has enabled, and only those; the public plan endpoints answer for published
 * plans only; and nothing public ever contains a person's name, login or e-mail address.
 */
@MachiTest
class PortalIT {

    private final Api api;
    private Api anonymous;
    private String lg;
    private String base;

    PortalIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipalityWithPlanning() {
        anonymous = api.anonymous();
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        base = Municipalities.PATH + "/" + lg;
    }

    @Test
    void theShellIsServedWithAContentSecurityPolicyForARegisteredMunicipality() {
        for (String path : List.of("/p/" + lg + "/", "/p/" + lg + "/planning-progress", "/p/" + lg + "/some/deeper-page")) {
            Reply r = anonymous.get(path).send().expect(200);
            assertTrue(r.contentType().startsWith("text/html"), r::toString);
            String csp = r.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'self'")
                    && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
            String html = r.text();
            assertTrue(html.contains("<html lang=\"ja\">"), html);
            assertTrue(html.contains("src=\"/ui/portal/portal.js\"") && html.contains("/webjars/chart.js/"), html);
            assertFalse(html.matches("(?s).*<script>(?!</script>).*"), "no inline script: " + html);
            assertTrue(html.contains("本文へ移動"), "skip link: " + html);
        }
        Reply noSlash = anonymous.get("/p/" + lg).send();
        assertEquals(301, noSlash.status(), noSlash::toString);
        assertTrue(noSlash.header("Location").orElse("").endsWith("/p/" + lg + "/"), noSlash::toString);
    }

    @Test
    void unknownAndMalformedCodesAre404InJapanese() {
        for (String code : List.of(LgCodes.UNREGISTERED, LgCodes.withWrongCheckDigit(lg), "abc", "12345", "1234567",
                "%E3%81%82")) {
            Reply r = anonymous.get("/p/" + code + "/").send();
            assertEquals(404, r.status(), r::toString);
            assertTrue(r.contentType().startsWith("text/html"), r::toString);
            assertTrue(r.text().contains("ページが見つかりません"), r::toString);
            assertTrue(r.header("Content-Security-Policy").isPresent(), r::toString);
        }
        assertEquals(404, anonymous.get("/p/").send().status());
        assertEquals(404, anonymous.get("/p/" + lg + "/a%20b").send().status());
    }

    @Test
    void theScriptsAndStylesAndChartJsAreServed() {
        assertTrue(anonymous.get("/ui/portal/portal.js").send().expect(200).text().contains("machi.lang"));
        anonymous.get("/ui/portal/portal.css").send().expect(200);
        assertTrue(anonymous.get("/ui/planning/progress.js").send().expect(200).text().contains("export default async function render"));
        String html = anonymous.get("/p/" + lg + "/").send().expect(200).text();
        int i = html.indexOf("/webjars/chart.js/");
        String chart = html.substring(i, html.indexOf('"', i));
        assertTrue(anonymous.get(chart).send().expect(200).text().contains("Chart"), chart);
    }

    @Test
    void thePortalListsThePortalPagesOfEnabledModulesOnly() {
        JsonObject p = anonymous.get(base + "/portal").send().expect(200).object();
        assertEquals(lg, p.getString("code"));
        assertEquals("試験市" + lg, p.getString("nameJa"));
        assertEquals("試験市" + lg, p.getString("name"));
        JsonArray pages = p.getJsonArray("pages");
        JsonObject progress = page(pages, "planning-progress");
        assertEquals("planning", progress.getString("moduleId"));
        assertEquals("計画の進捗", progress.getString("label"));
        assertEquals("/ui/planning/progress.js", progress.getString("script"));
        for (JsonValue v : pages) {
            assertFalse(v.asJsonObject().getString("id").equals("planning-plans"), "console pages are not portal pages: " + p);
        }
        JsonObject en = anonymous.get(base + "/portal").lang("en").send().expect(200).object();
        assertEquals("Test City " + lg, en.getString("name"));
        assertEquals("Plan progress", page(en.getJsonArray("pages"), "planning-progress").getString("label"));

        Municipalities.setModule(api, lg, "planning", false);
        JsonObject off = anonymous.get(base + "/portal").send().expect(200).object();
        assertNull(find(off.getJsonArray("pages"), "planning-progress"), off::toString);
        assertProblem(anonymous.get(base + "/planning/public/plans").send(), 404, "module-not-enabled");
        Municipalities.setModule(api, lg, "planning", true);
        assertEquals("/ui/planning/progress.js", page(anonymous.get(base + "/portal").send().expect(200).object()
                .getJsonArray("pages"), "planning-progress").getString("script"));
    }

    @Test
    void thePortalOfAnUnknownOrMalformedMunicipalityIsAProblem() {
        assertProblem(anonymous.get(Municipalities.PATH + "/" + LgCodes.UNREGISTERED + "/portal").send(), 404, "not-found");
        assertProblem(anonymous.get(Municipalities.PATH + "/" + LgCodes.withWrongCheckDigit(lg) + "/portal").send(), 400,
                "invalid-local-government-code");
    }

    @Test
    void onlyPublishedPlansArePublic() {
        String plans = base + "/planning/plans";
        String publicPlans = base + "/planning/public/plans";
        Reply draft = api.post(plans).json(Json.createObjectBuilder().add("name", "下書きの計画").add("firstFiscalYear", 2021)
                .add("lastFiscalYear", 2025).build()).send().expect(201);
        assertFalse(draft.object().getBoolean("published"), draft::toString);
        String draftId = draft.object().getString("id");
        assertEquals(0, anonymous.get(publicPlans).send().expect(200).object().getInt("totalItems"));
        for (String tail : List.of("", "/tree", "/progress", "/progress?fiscalYear=R5")) {
            assertProblem(anonymous.get(publicPlans + "/" + draftId + tail).send(), 404, "not-found");
        }

        Reply published = api.post(plans).json(Json.createObjectBuilder().add("name", "公開する計画").add("firstFiscalYear", 2021)
                .add("lastFiscalYear", 2025).add("published", true).build()).send().expect(201);
        assertTrue(published.object().getBoolean("published"));
        String id = published.object().getString("id");
        String node = api.post(plans + "/" + id + "/nodes").json(Json.createObjectBuilder().add("number", "1")
                .add("title", "子育て").build()).send().expect(201).object().getString("id");
        String indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("code", "1.O1")
                .add("nameJa", "保育所待機児童数の逆数").add("kind", "OUTCOME").add("unit", "%").add("direction", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023)
                        .add("target", 80).add("actual", 60))).build()).send().expect(201).object().getString("id");
        api.post(plans + "/" + id + "/nodes/" + node + "/indicators").json(Json.createObjectBuilder()
                .add("indicatorId", indicator).build()).send().expect(201);

        JsonObject list = anonymous.get(publicPlans).send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"), list::toString);
        assertEquals(id, list.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals("公開する計画", anonymous.get(publicPlans + "/" + id).send().expect(200).object().getString("name"));
        JsonObject tree = anonymous.get(publicPlans + "/" + id + "/tree").send().expect(200).object();
        assertEquals("子育て", tree.getJsonArray("nodes").getJsonObject(0).getString("title"));
        JsonObject progress = anonymous.get(publicPlans + "/" + id + "/progress?fiscalYear=R5").send().expect(200).object();
        assertEquals(2023, progress.getJsonObject("fiscalYear").getInt("year"));
        JsonObject n = progress.getJsonArray("nodes").getJsonObject(0);
        assertEquals("75.0", n.getJsonNumber("score").bigDecimalValue().toPlainString(), n::toString);
        assertEquals(75.0, progress.getJsonNumber("score").doubleValue(), progress::toString);
        assertTrue(n.getJsonObject("formula").getString("ja").contains("75.0"), n::toString);
        assertEquals(progress, api.get(plans + "/" + id + "/progress?fiscalYear=R5").send().expect(200).object(),
                "the public progress is the staff's progress");

        // Unpublished again (the whole plan is sent back, as read, with published false): gone from the public.
        Reply read = api.get(plans + "/" + id).send().expect(200);
        String body = read.text().replace("\"published\":true", "\"published\":false");
        assertFalse(api.put(plans + "/" + id).ifMatch(read.etag()).json(body).send().expect(200).object().getBoolean("published"));
        assertProblem(anonymous.get(publicPlans + "/" + id + "/progress").send(), 404, "not-found");
        assertEquals(0, anonymous.get(publicPlans).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void anotherMunicipalitysPublishedPlanIsNotFoundUnderThisOne() {
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "planning", true);
        String id = api.post(Municipalities.PATH + "/" + other + "/planning/plans").json(Json.createObjectBuilder()
                .add("name", "よその計画").add("firstFiscalYear", 2021).add("lastFiscalYear", 2025).add("published", true)
                .build()).send().expect(201).object().getString("id");
        anonymous.get(Municipalities.PATH + "/" + other + "/planning/public/plans/" + id).send().expect(200);
        for (String tail : List.of("", "/tree", "/progress")) {
            assertProblem(anonymous.get(base + "/planning/public/plans/" + id + tail).send(), 404, "not-found");
        }
        assertEquals(0, anonymous.get(base + "/planning/public/plans").send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void noPublicAnswerContainsPersonalData() {
        String name = "公開確認用 太郎" + System.nanoTime();
        String email = "taro." + System.nanoTime() + "@example.jp";
        String login = "portal-it-" + System.nanoTime();
        String password = Api.newPassword();
        String userId = api.post(base + "/users").json(Json.createObjectBuilder().add("login", login).add("displayName", name)
                .add("email", email).add("password", password).add("role", "STAFF").build()).send().expect(201).object()
                .getString("id");
        // The staff member does what staff do: a published plan with a node and an indicator.
        Api asStaff = api.signIn(login, password);
        String id = asStaff.post(base + "/planning/plans").json(Json.createObjectBuilder().add("name", "公開計画")
                .add("firstFiscalYear", 2021).add("lastFiscalYear", 2025).add("published", true).build()).send().expect(201)
                .object().getString("id");
        asStaff.post(base + "/planning/plans/" + id + "/nodes").json(Json.createObjectBuilder().add("title", "施策")
                .build()).send().expect(201);

        List<String> answers = new ArrayList<>();
        for (String lang : List.of("ja", "en")) {
            JsonObject portal = anonymous.get(base + "/portal").lang(lang).send().expect(200).object();
            answers.add(portal.toString());
            answers.add(anonymous.get("/p/" + lg + "/").lang(lang).send().expect(200).text());
            String publicPlans = base + "/planning/public/plans";
            answers.add(anonymous.get(publicPlans).lang(lang).send().expect(200).text());
            answers.add(anonymous.get(publicPlans + "/" + id).lang(lang).send().expect(200).text());
            answers.add(anonymous.get(publicPlans + "/" + id + "/tree").lang(lang).send().expect(200).text());
            for (int fy = 2021; fy <= 2025; fy++) {
                answers.add(anonymous.get(publicPlans + "/" + id + "/progress?fiscalYear=" + fy).lang(lang).send().expect(200).text());
            }
        }
        for (String a : answers) {
            for (String personal : List.of(name, email, login, userId)) {
                assertFalse(a.contains(personal), () -> "a public answer contains " + personal + ": " + a);
            }
        }
    }

    private static JsonObject page(JsonArray pages, String id) {
        JsonObject p = find(pages, id);
        assertTrue(p != null, () -> id + " not in " + pages);
        return p;
    }

    private static JsonObject find(JsonArray pages, String id) {
        for (JsonValue v : pages) {
            if (v.asJsonObject().getString("id").equals(id)) {
                return v.asJsonObject();
            }
        }
        return null;
    }
}
