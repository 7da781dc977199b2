package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 「あなたの対応待ち」 ({@code GET …/tasks}) as the people of one municipality see it: a division's
 * staff member gets the open voices routed to their unit, overdue first, and the self-evaluations of
 * their unit's programs of this fiscal year and the last — not another unit's, not an old year's,
 * not a step already taken; an evaluator the secondary step; the administrator the unrouted voices
 * and the final decisions; a viewer nothing. Counts cover everything, items are bounded by
 * {@code limit}; a module switched off takes its items along; another municipality is 404.
 */
@MachiTest
class TaskListIT {

    private final Api api;
    private String lg;
    private String base;
    private String hearing;
    private String finance;
    private final int fy = currentFiscalYear();
    private Api staffA;
    private Api staffB;
    private Api evaluator;
    private Api admin;
    private Api viewer;

    TaskListIT(Api api) {
        this.api = api;
    }

    static int currentFiscalYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    static String unit(Api api, String base, String code, String name) {
        return api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", code).add("nameJa", name)
                .add("nameEn", name + " EN").add("kind", "DIVISION").add("validFrom", "2000-04-01").build()).send()
                .expect(201).object().getString("id");
    }

    /** A signed-in user of {@code role} in {@code unit} (null: none) holding {@code moduleRoles}. */
    static Api user(Api api, String base, String role, String unit, String... moduleRoles) {
        return api.signIn(account(api, base, role, unit, moduleRoles));
    }

    static Api.Account account(Api api, String base, String role, String unit, String... moduleRoles) {
        String name = "it-tasks-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        JsonObjectBuilder b = Json.createObjectBuilder().add("login", name).add("displayName", "対応 " + name)
                .add("role", role).add("password", password);
        if (unit != null) {
            b.add("unitId", unit);
        }
        Reply created = api.post(base + "/users").json(b.build()).send().expect(201);
        api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        return new Api.Account(created.object().getString("id"), name, password, role, base.substring(base.lastIndexOf('/') + 1));
    }

    /** A voice registered by staff as received {@code daysAgo} days ago, routed to {@code unit}; its id. */
    static String voice(Api api, String base, String subject, int daysAgo, String unit, String status) {
        LocalDate received = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(daysAgo);
        String receipt = api.post(base + "/engagement/voices").json(Json.createObjectBuilder().add("subject", subject)
                .add("body", subject + "について").add("channel", "LETTER").add("receivedOn", received.toString())
                .add("name", "対応 太郎").build()).send().expect(201).object().getString("receiptNumber");
        String id = api.get(base + "/engagement/voices?size=100").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(v -> v.getString("receiptNumber").equals(receipt))
                .findFirst().orElseThrow().getString("id");
        if (unit != null || status != null) {
            Reply current = api.get(base + "/engagement/voices/" + id).send().expect(200);
            JsonObject v = current.object();
            JsonObjectBuilder h = Json.createObjectBuilder().add("channel", v.getString("channel"))
                    .add("subject", v.getString("subject")).add("body", v.getString("body"))
                    .add("status", status == null ? v.getString("status") : status)
                    .add("answerDue", v.getString("answerDue")).add("published", false);
            if (unit != null) {
                h.add("unitId", unit);
            }
            api.put(base + "/engagement/voices/" + id).ifMatch(current.etag()).json(h.build()).send().expect(200);
        }
        return id;
    }

    static String program(Api api, String base, String number, String name, int year, String unit) {
        return api.post(base + "/planning/programs").json(Json.createObjectBuilder().add("fiscalYear", year)
                .add("programNumber", number).add("name", name).add("unitId", unit).build()).send().expect(201)
                .object().getString("id");
    }

    static void step(Api who, String base, String program, int year, String step) {
        JsonObjectBuilder j = Json.createObjectBuilder();
        if (!"external".equals(step)) {
            j.add("necessity", "A").add("effectiveness", "B").add("efficiency", "B").add("direction", "改善");
        }
        j.add("comment", "適切");
        who.post(base + "/planning/programs/" + program + "/evaluations/" + year + "/steps/" + step).json(j.build())
                .send().expect(200);
    }

    private String voiceDueLater;
    private String voiceOverdue;
    private String voiceOfB;
    private String voiceUnrouted;
    private String programA;
    private String programB;
    private String programOld;
    private String programAtSecondary;
    private String programAtFinal;

    @BeforeEach
    void aMunicipalityWithVoicesAndEvaluations() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        hearing = unit(api, base, "01", "広聴課");
        finance = unit(api, base, "02", "財政課");
        staffA = user(api, base, "STAFF", hearing);
        staffB = user(api, base, "STAFF", finance);
        evaluator = user(api, base, "STAFF", finance, "planning.evaluator");
        admin = user(api, base, "MUNICIPALITY_ADMIN", null);
        viewer = user(api, base, "VIEWER", hearing, "planning.evaluator");

        voiceDueLater = voice(api, base, "公園のベンチ", 1, hearing, "IN_PROGRESS");
        voiceOverdue = voice(api, base, "道路の穴", 60, hearing, null);
        voice(api, base, "対応を終えた声", 70, hearing, "CLOSED");
        voiceOfB = voice(api, base, "税の相談", 2, finance, null);
        voiceUnrouted = voice(api, base, "担当の決まらない声", 3, null, null);

        programA = program(api, base, "A-1", "広聴事業", fy, hearing);
        programB = program(api, base, "B-1", "財政運営事業", fy, finance);
        programOld = program(api, base, "A-0", "昔の広聴事業", fy - 3, hearing);
        programAtSecondary = program(api, base, "A-2", "市民相談事業", fy, hearing);
        step(staffA, base, programAtSecondary, fy, "self");
        programAtFinal = program(api, base, "B-2", "市税徴収事業", fy - 1, finance);
        step(staffB, base, programAtFinal, fy - 1, "self");
        step(evaluator, base, programAtFinal, fy - 1, "secondary");
        step(evaluator, base, programAtFinal, fy - 1, "external");
    }

    private static JsonObject tasks(Api who, String lg, String query) {
        return who.get(Municipalities.PATH + "/" + lg + "/tasks" + query).send().expect(200).object();
    }

    private static Optional<JsonObject> group(JsonObject tasks, String module, String kind) {
        return tasks.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("module").equals(module) && g.getString("kind").equals(kind)).findFirst();
    }

    private static List<String> ids(JsonObject group) {
        return group.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("recordId")).toList();
    }

    private static List<String> kinds(JsonObject tasks) {
        return tasks.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .map(g -> g.getString("module") + "/" + g.getString("kind")).toList();
    }

    @Test
    void aDivisionsStaffMemberSeesTheirUnitsVoicesOverdueFirstAndTheirProgramsSelfEvaluation() {
        JsonObject t = tasks(staffA, lg, "");
        assertEquals(List.of("engagement/voice-to-answer", "planning/evaluation-self"), kinds(t), t.toString());
        JsonObject voices = group(t, "engagement", "voice-to-answer").orElseThrow();
        assertEquals("回答待ちの市民の声", voices.getString("label"));
        assertEquals(2, voices.getInt("total"), "open voices of 広聴課 only: not answered ones, not 財政課's, not unrouted");
        assertEquals(1, voices.getInt("overdue"));
        assertEquals(List.of(voiceOverdue, voiceDueLater), ids(voices), "overdue first");
        JsonObject first = voices.getJsonArray("items").getJsonObject(0);
        assertTrue(first.getBoolean("overdue"));
        assertEquals("道路の穴", first.getString("title"));
        assertTrue(first.getString("reference").startsWith("V-"), first.toString());
        assertEquals(LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(60).plusDays(40).toString(), first.getString("due"));
        assertEquals("広聴課", first.getString("unitName"));
        assertEquals(hearing, first.getString("unitId"));
        assertEquals("engagement/engagement-voices/" + voiceOverdue, first.getString("route"));
        assertEquals("citizen-voice", first.getString("recordType"));
        assertFalse(voices.getJsonArray("items").getJsonObject(1).getBoolean("overdue"));
        assertFalse(t.toString().contains("対応 太郎"), "no sender's data in the task list");

        JsonObject self = group(t, "planning", "evaluation-self").orElseThrow();
        assertEquals("自己評価待ちの事務事業", self.getString("label"));
        assertEquals(1, self.getInt("total"), "this year's program of 広聴課 only: not 財政課's, not an old year's, not one evaluated");
        JsonObject item = self.getJsonArray("items").getJsonObject(0);
        assertEquals(programA + "/" + fy, item.getString("recordId"));
        assertEquals("広聴事業", item.getString("title"));
        assertEquals("A-1", item.getString("reference"));
        assertEquals(fy, item.getJsonObject("fiscalYear").getInt("year"));
        assertTrue(!item.containsKey("due") || item.isNull("due"), "an evaluation has no due date");
        assertFalse(item.getBoolean("overdue"));
        assertEquals("planning/planning-programs/" + programA + "/evaluation/" + fy, item.getString("route"));
        assertEquals(3, t.getInt("total"));
        assertEquals(1, t.getInt("overdue"));
        assertFalse(t.toString().contains(programOld), "an old year's program is not work");
        assertFalse(t.toString().contains(programAtSecondary), "the self step of this program is done");

        // English labels and unit names by Accept-Language.
        JsonObject en = staffA.get(base + "/tasks").lang("en").send().expect(200).object();
        assertEquals("Citizen voices to answer", group(en, "engagement", "voice-to-answer").orElseThrow().getString("label"));
        assertEquals("Programs awaiting self-evaluation", group(en, "planning", "evaluation-self").orElseThrow().getString("label"));
        assertEquals("広聴課 EN", group(en, "engagement", "voice-to-answer").orElseThrow().getJsonArray("items")
                .getJsonObject(0).getString("unitName"));

        // The other division sees its own voice and program, not 広聴課's.
        JsonObject b = tasks(staffB, lg, "");
        assertEquals(List.of(voiceOfB), ids(group(b, "engagement", "voice-to-answer").orElseThrow()));
        assertEquals(List.of(programB + "/" + fy), ids(group(b, "planning", "evaluation-self").orElseThrow()));
        assertTrue(group(b, "planning", "evaluation-secondary").isEmpty(), "no evaluator role, no secondary step");
    }

    @Test
    void anAnswerSubmittedForApprovalWaitsForTheApproverNoLongerForTheUnit() {
        Api approver = user(api, base, "STAFF", finance, "engagement.approver");
        assertTrue(group(tasks(approver, lg, ""), "engagement", "voice-answer-to-approve").isEmpty(),
                "nothing submitted yet: no group of approvals");
        String voice = base + "/engagement/voices/" + voiceDueLater;
        Reply current = staffA.get(voice).send().expect(200);
        JsonObject v = current.object();
        Reply drafted = staffA.put(voice).ifMatch(current.etag()).json(Json.createObjectBuilder()
                .add("channel", v.getString("channel")).add("subject", v.getString("subject"))
                .add("body", v.getString("body")).add("status", "IN_PROGRESS").add("answerDue", v.getString("answerDue"))
                .add("unitId", hearing).add("answer", "ベンチを直します。").add("published", false).build()).send().expect(200);
        staffA.post(voice + "/answer/transitions").ifMatch(drafted.etag())
                .json(Json.createObjectBuilder().add("action", "submit").build()).send().expect(200);

        JsonObject a = tasks(approver, lg, "");
        JsonObject pending = group(a, "engagement", "voice-answer-to-approve").orElseThrow();
        assertEquals("決裁待ちの回答", pending.getString("label"));
        assertEquals(List.of(voiceDueLater), ids(pending));
        assertEquals(List.of(voiceOfB), ids(group(a, "engagement", "voice-to-answer").orElseThrow()),
                "the approver's own unit's voice still waits for them as staff");
        assertEquals(List.of(voiceOverdue), ids(group(tasks(staffA, lg, ""), "engagement", "voice-to-answer")
                .orElseThrow()), "the submitted answer no longer waits for its unit");
        assertTrue(group(tasks(staffB, lg, ""), "engagement", "voice-answer-to-approve").isEmpty(),
                "without the approver role, no approvals");
    }

    @Test
    void aVoiceFiledAsSpamWaitsForNobody() {
        String subject = "スパム" + System.nanoTime();
        api.anonymous().post(base + "/engagement/voices").json(Json.createObjectBuilder().add("subject", subject)
                .add("body", "広告です").add("website", "https://spam.example").build()).send().expect(201);
        assertFalse(tasks(admin, lg, "").toString().contains(subject), "a honeypot catch is no task");
        assertEquals(List.of(voiceUnrouted), ids(group(tasks(admin, lg, ""), "engagement", "voice-to-route").orElseThrow()));
    }

    @Test
    void anEvaluatorSeesTheSecondaryStepAndTheAdministratorTheFinalOneAndTheUnroutedVoices() {
        JsonObject e = tasks(evaluator, lg, "");
        JsonObject secondary = group(e, "planning", "evaluation-secondary").orElseThrow();
        assertEquals("二次評価待ちの事務事業", secondary.getString("label"));
        assertEquals(List.of(programAtSecondary + "/" + fy), ids(secondary));
        assertEquals("広聴課", secondary.getJsonArray("items").getJsonObject(0).getString("unitName"));
        assertTrue(group(e, "planning", "evaluation-final").isEmpty(), "the final step is the administrator's");
        assertTrue(group(e, "engagement", "voice-to-route").isEmpty(), "staff with a unit do not route voices");

        JsonObject a = tasks(admin, lg, "");
        JsonObject fin = group(a, "planning", "evaluation-final").orElseThrow();
        assertEquals("最終決定待ちの事務事業", fin.getString("label"));
        assertEquals(List.of(programAtFinal + "/" + (fy - 1)), ids(fin));
        assertEquals(fy - 1, fin.getJsonArray("items").getJsonObject(0).getJsonObject("fiscalYear").getInt("year"));
        JsonObject route = group(a, "engagement", "voice-to-route").orElseThrow();
        assertEquals("担当課が未定の市民の声", route.getString("label"));
        assertEquals(List.of(voiceUnrouted), ids(route));
        assertTrue(group(a, "planning", "evaluation-self").isEmpty(), "an administrator without a unit has no self-evaluation");
        assertTrue(group(a, "planning", "evaluation-secondary").isEmpty());

        // Taking the step moves the item on: decided, it waits for nobody.
        step(admin, base, programAtFinal, fy - 1, "final");
        assertTrue(group(tasks(admin, lg, ""), "planning", "evaluation-final").isEmpty());
    }

    @Test
    void aViewerHasNothingWaitingEvenWithTheEvaluatorRole() {
        JsonObject v = tasks(viewer, lg, "");
        assertEquals(0, v.getInt("total"));
        assertEquals(0, v.getInt("overdue"));
        assertTrue(v.getJsonArray("groups").isEmpty(), v.toString());
    }

    @Test
    void countsCoverAllWhileItemsAreBoundedByTheLimit() {
        JsonObject t = tasks(staffA, lg, "?limit=1");
        JsonObject voices = group(t, "engagement", "voice-to-answer").orElseThrow();
        assertEquals(2, voices.getInt("total"));
        assertEquals(List.of(voiceOverdue), ids(voices), "the most urgent one");
        for (String bad : new String[] {"0", "101", "x", "-1", "1.5"}) {
            Reply r = staffA.get(base + "/tasks?limit=" + bad).send();
            assertTrue(Problems.fields(assertJapanese(r, assertProblem(r, 400, "validation"))).contains("limit"), r.toString());
            Reply en = staffA.get(base + "/tasks?limit=" + bad).lang("en").send();
            assertEnglish(en, assertProblem(en, 400, "validation"));
        }
    }

    @Test
    void aModuleSwitchedOffTakesItsItemsAlong() {
        Municipalities.setModule(api, lg, "engagement", false);
        assertEquals(List.of("planning/evaluation-self"), kinds(tasks(staffA, lg, "")));
        Municipalities.setModule(api, lg, "planning", false);
        assertTrue(tasks(staffA, lg, "").getJsonArray("groups").isEmpty());
        Municipalities.setModule(api, lg, "engagement", true);
        assertEquals(List.of("engagement/voice-to-answer"), kinds(tasks(staffA, lg, "")));
    }

    @Test
    void anotherMunicipalitysTasksAre404() {
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "engagement", true);
        Reply r = staffA.get(Municipalities.PATH + "/" + other + "/tasks").send();
        assertProblem(r, 404, null);
        // …and its staff see nothing of this one's.
        String otherBase = Municipalities.PATH + "/" + other;
        Api otherStaff = user(api, otherBase, "STAFF", unit(api, otherBase, "01", "広聴課"));
        JsonObject t = tasks(otherStaff, other, "");
        assertFalse(t.toString().contains(voiceOverdue) || t.toString().contains(voiceUnrouted), t.toString());
        assertProblem(api.anonymous().get(base + "/tasks").send(), 401, null);
    }
}
