package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Supplier;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 回答の決裁: a citizen voice's answer is drafted by the responsible division, submitted for
 * approval, and approved or returned with a reason by a holder of {@code engagement.approver}, with
 * real signed-in people. Only an approved answer makes the voice 回答済 and may be published. Every
 * refusal — the wrong person (403), an action not possible now (409 transition-not-allowed, naming
 * the state and what is possible), a return without a reason (400), a stale or missing If-Match —
 * is a problem in Japanese and English and writes nothing. The history says who did what, when.
 */
@MachiTest
class VoiceAnswerApprovalIT {

    private static final String DRAFT = "段差を解消する工事を来年度に予定しています。";

    private final Api api;
    private String base;
    private String voice;
    private String answer;
    private Api drafter;
    private Api otherStaff;
    private Api approver;
    private Api viewerApprover;
    private final String[] drafterLogin = new String[1];
    private final String[] approverLogin = new String[1];

    VoiceAnswerApprovalIT(Api api) {
        this.api = api;
    }

    private String unit(String code, String name) {
        return api.post(base + "/organization-units").json(Json.createObjectBuilder().add("code", code).add("nameJa", name)
                .add("kind", "DIVISION").add("validFrom", "2020-04-01").build()).send().expect(201).object().getString("id");
    }

    /** A user of {@code role} in {@code unit}, holding {@code moduleRoles}, signed in. */
    private Api user(String role, String unit, String[] login, String... moduleRoles) {
        String name = "it-approval-" + role.toLowerCase().replace('_', '-') + "-" + Long.toString(System.nanoTime(), 36);
        String password = Api.newPassword();
        JsonObjectBuilder b = Json.createObjectBuilder().add("login", name).add("displayName", "決裁 " + name)
                .add("role", role).add("password", password).add("unitId", unit);
        Reply created = api.post(base + "/users").json(b.build()).send().expect(201);
        api.grantModuleRoles(base + "/users/" + created.object().getString("id"), created.etag(), moduleRoles);
        if (login != null) {
            login[0] = name;
        }
        return api.signIn(name, password);
    }

    @BeforeEach
    void aVoiceRoutedToADivisionAndItsPeople() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        String division = unit("01", "道路管理課");
        String other = unit("02", "広聴室");
        drafter = user("STAFF", division, drafterLogin);
        otherStaff = user("STAFF", other, null);
        approver = user("STAFF", other, approverLogin, "engagement.approver");
        viewerApprover = user("VIEWER", other, null, "engagement.approver");

        String receipt = api.anonymous().post(base + "/engagement/voices")
                .json("{\"subject\":\"歩道の段差\",\"body\":\"駅前の歩道に段差があり危ないです。\"}").send().expect(201)
                .object().getString("receiptNumber");
        JsonObject listed = drafter.get(base + "/engagement/voices").send().expect(200).object().getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).filter(v -> v.getString("receiptNumber").equals(receipt))
                .findFirst().orElseThrow();
        voice = base + "/engagement/voices/" + listed.getString("id");
        answer = voice + "/answer";
        Reply current = drafter.get(voice).send().expect(200);
        drafter.put(voice).ifMatch(current.etag()).json(handling(current.object(), "IN_PROGRESS", DRAFT, false)
                .add("unitId", division).build()).send().expect(200);
        JsonObject v = drafter.get(voice).send().expect(200).object();
        assertEquals(division, v.getString("unitId"));
    }

    /** The voice's handling as the console sends it, with {@code status}, {@code answerText} and publication. */
    private static JsonObjectBuilder handling(JsonObject v, String status, String answerText, boolean publish) {
        JsonObjectBuilder h = Json.createObjectBuilder().add("channel", v.getString("channel"))
                .add("subject", v.getString("subject")).add("body", v.getString("body")).add("status", status)
                .add("answerDue", v.getString("answerDue")).add("answer", answerText).add("published", publish);
        if (v.containsKey("unitId") && !v.isNull("unitId")) {
            h.add("unitId", v.getString("unitId"));
        }
        if (publish) {
            h.add("publishedSummary", "歩道の段差についてのご意見");
        }
        return h;
    }

    private Reply take(Api who, String action, String comment, String etag) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        Api.Call call = who.post(answer + "/transitions").json(b.build());
        return (etag == null ? call : call.ifMatch(etag)).send();
    }

    private String etag() {
        return api.get(voice).send().expect(200).etag();
    }

    private JsonObject approval(Api who) {
        return who.get(answer).send().expect(200).object();
    }

    private static List<String> actions(JsonObject approval) {
        return approval.getJsonArray("actions").stream().map(a -> a.asJsonObject().getString("action")).toList();
    }

    /** Refused with {@code status} and {@code type} in Japanese, and nothing written: same ETag, state, history. */
    private JsonObject refused(Supplier<Reply> call, int status, String type) {
        String etagBefore = etag();
        JsonObject before = approval(api);
        Reply r = call.get();
        JsonObject p = assertJapanese(r, assertProblem(r, status, type));
        assertEquals(etagBefore, etag(), "nothing written");
        JsonObject after = approval(api);
        assertEquals(before.getString("state"), after.getString("state"));
        assertEquals(before.getJsonArray("history").size(), after.getJsonArray("history").size());
        return p;
    }

    @Test
    void draftedSubmittedReturnedWithAReasonResubmittedApprovedThenPublished() {
        JsonObject start = approval(drafter);
        assertEquals("DRAFT", start.getString("state"));
        assertEquals("起案中", start.getString("stateLabel"));
        assertFalse(start.getBoolean("approved"));
        assertEquals(List.of("submit"), actions(start), "the division may submit its draft");
        assertEquals(List.of(), actions(approval(approver)), "nothing for the approver yet");
        assertEquals(List.of(), actions(approval(otherStaff)), "another division's staff may do nothing");
        assertEquals(0, start.getJsonArray("history").size());
        assertEquals("Drafting", drafter.get(answer).lang("en").send().expect(200).object().getString("stateLabel"));

        // Not yet approved: neither 回答済 nor published.
        Reply drafted = drafter.get(voice).send().expect(200);
        JsonObject answered = refused(() -> drafter.put(voice).ifMatch(drafted.etag())
                .json(handling(drafted.object(), "ANSWERED", DRAFT, false).build()).send(), 400, "validation");
        assertTrue(Problems.fields(answered).contains("status"), answered::toString);
        JsonObject published = refused(() -> drafter.put(voice).ifMatch(drafted.etag())
                .json(handling(drafted.object(), "IN_PROGRESS", DRAFT, true).build()).send(), 400, "validation");
        assertTrue(Problems.fields(published).contains("published"), published::toString);

        // Out of order: approving a draft is not possible now (409), naming the state and what is possible.
        JsonObject notNow = refused(() -> take(approver, "approve", null, etag()), 409, "transition-not-allowed");
        assertTrue(notNow.getString("detail").contains("起案中"), notNow::toString);
        assertTrue(notNow.getString("detail").contains("決裁に回す"), notNow::toString);
        Reply en = approver.post(answer + "/transitions").lang("en").ifMatch(etag()).json("{\"action\":\"approve\"}")
                .send();
        JsonObject enProblem = assertEnglish(en, assertProblem(en, 409, "transition-not-allowed"));
        assertTrue(enProblem.getString("detail").contains("Drafting"), enProblem::toString);
        assertTrue(enProblem.getString("detail").contains("Submit for approval"), enProblem::toString);

        // The wrong people (403): the drafter approving, another division submitting, a viewer holding the role.
        refused(() -> take(drafter, "approve", null, etag()), 403, "transition-forbidden");
        refused(() -> take(otherStaff, "submit", null, etag()), 403, "transition-forbidden");
        refused(() -> take(viewerApprover, "approve", null, etag()), 403, null);
        Reply forbiddenEn = drafter.post(answer + "/transitions").lang("en").ifMatch(etag())
                .json("{\"action\":\"approve\"}").send();
        assertEnglish(forbiddenEn, assertProblem(forbiddenEn, 403, "transition-forbidden"));

        // Unknown action, missing and stale If-Match.
        JsonObject unknown = refused(() -> take(drafter, "publish", null, etag()), 400, "validation");
        assertTrue(Problems.fields(unknown).contains("action"), unknown::toString);
        refused(() -> take(drafter, "submit", null, null), 428, null);
        String stale = etag();

        // Submitted: the version rises, the answer is locked, the voice is being answered.
        Reply submitted = take(drafter, "submit", null, etag()).expect(200);
        assertEquals("PENDING", submitted.object().getString("state"));
        assertEquals("決裁待ち", submitted.object().getString("stateLabel"));
        assertNotEquals(stale, submitted.etag());
        assertEquals(submitted.etag(), etag(), "the answer's ETag is the voice's");
        refused(() -> take(approver, "approve", null, stale), 412, null);
        assertEquals(List.of("approve", "return"), actions(approval(approver)));
        assertEquals(List.of(), actions(approval(drafter)));
        refused(() -> take(drafter, "submit", null, etag()), 409, "transition-not-allowed");
        Reply pending = drafter.get(voice).send().expect(200);
        assertEquals("IN_PROGRESS", pending.object().getString("status"));
        JsonObject locked = refused(() -> drafter.put(voice).ifMatch(pending.etag())
                .json(handling(pending.object(), "IN_PROGRESS", "書き換えた回答", false).build()).send(), 400, "validation");
        assertTrue(Problems.fields(locked).contains("answer"), locked::toString);

        // Returning needs a reason (400, ja and en).
        JsonObject noReason = refused(() -> take(approver, "return", null, etag()), 400, "validation");
        assertTrue(Problems.fields(noReason).contains("comment"), noReason::toString);
        refused(() -> take(approver, "return", "   ", etag()), 400, "validation");
        Reply noReasonEn = approver.post(answer + "/transitions").lang("en").ifMatch(etag())
                .json("{\"action\":\"return\"}").send();
        assertEnglish(noReasonEn, assertProblem(noReasonEn, 400, "validation"));
        take(approver, "return", "工事の時期を具体的に書いてください。", etag()).expect(200);
        assertEquals("DRAFT", approval(drafter).getString("state"));

        // Redrafted, resubmitted, approved: now 回答済.
        Reply current = drafter.get(voice).send().expect(200);
        String redraft = "段差を解消する工事を令和8年6月に行います。";
        drafter.put(voice).ifMatch(current.etag()).json(handling(current.object(), "IN_PROGRESS", redraft, false).build())
                .send().expect(200);
        take(drafter, "submit", null, etag()).expect(200);
        Reply approved = take(approver, "approve", null, etag()).expect(200);
        assertEquals("APPROVED", approved.object().getString("state"));
        assertEquals("決裁済み", approved.object().getString("stateLabel"));
        assertTrue(approved.object().getBoolean("approved"));
        refused(() -> take(approver, "approve", null, etag()), 409, "transition-not-allowed");
        JsonObject v = drafter.get(voice).send().expect(200).object();
        assertEquals("ANSWERED", v.getString("status"));
        assertEquals(redraft, v.getString("answer"));

        // The history: who did what, when, from and to, with the reason of the return.
        JsonArray h = approval(api).getJsonArray("history");
        assertEquals(List.of("submit", "return", "submit", "approve"),
                h.stream().map(e -> e.asJsonObject().getString("action")).toList());
        JsonObject ret = h.getJsonObject(1);
        assertEquals("差し戻す", ret.getString("actionLabel"));
        assertEquals("PENDING", ret.getString("from"));
        assertEquals("DRAFT", ret.getString("to"));
        assertEquals("決裁待ち", ret.getString("fromLabel"));
        assertEquals("工事の時期を具体的に書いてください。", ret.getString("comment"));
        assertEquals("決裁 " + approverLogin[0], ret.getString("by"));
        assertEquals("決裁 " + drafterLogin[0], h.getJsonObject(0).getString("by"));
        assertEquals("決裁 " + approverLogin[0], h.getJsonObject(3).getString("by"));
        assertFalse(h.getJsonObject(3).getString("at").isBlank());
        assertEquals("Return for revision",
                api.get(answer).lang("en").send().expect(200).object().getJsonArray("history").getJsonObject(1)
                        .getString("actionLabel"));

        // Published only now; the public sees the approved answer.
        current = drafter.get(voice).send().expect(200);
        drafter.put(voice).ifMatch(current.etag()).json(handling(current.object(), "ANSWERED", redraft, true).build())
                .send().expect(200);
        JsonObject pub = api.anonymous().get(base + "/engagement/voices/published").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(redraft, pub.getString("answer"));

        // An approved answer returned: no longer answered nor published.
        take(approver, "return", "公開後に誤りが見つかりました。", etag()).expect(200);
        v = drafter.get(voice).send().expect(200).object();
        assertEquals("IN_PROGRESS", v.getString("status"));
        assertFalse(v.getBoolean("published"));
        assertEquals(0, api.anonymous().get(base + "/engagement/voices/published").send().expect(200).object()
                .getInt("totalItems"));
    }
}
