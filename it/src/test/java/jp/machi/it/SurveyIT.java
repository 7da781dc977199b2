package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 市民意識調査・アンケート end to end: a survey with the five kinds of question, its period, population and
 * attributes; choices as child rows (each change raises the survey's version; questions frozen once
 * answered); anonymous answers on the portal during the period (a retry with its Idempotency-Key stored
 * once), paper answers typed in by staff; invitation codes answering once each; results counted in the
 * database with a cross-tabulation and the response rate; CSV of the list, the codes and the raw answers
 * (free text included, staff only); publication by approvers only after the period; the metric an
 * indicator binds to; bad input as problems in Japanese and English that write nothing.
 */
@MachiTest
class SurveyIT {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final Api api;
    private String base;
    private String surveys;
    private Api staff;
    private Api approver;
    private Api viewer;

    SurveyIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        base = Municipalities.PATH + "/" + lg;
        surveys = base + "/engagement/surveys";
        String kocho = TaskListIT.unit(api, base, "1030", "広聴広報課");
        staff = TaskListIT.user(api, base, "STAFF", kocho);
        approver = TaskListIT.user(api, base, "STAFF", kocho, "engagement.approver");
        viewer = TaskListIT.user(api, base, "VIEWER", kocho);
    }

    static JsonObject ja(Reply r, int status, String type) {
        return assertJapanese(r, assertProblem(r, status, type));
    }

    static JsonObject en(Reply r, int status, String type) {
        return assertEnglish(r, assertProblem(r, status, type));
    }

    static JsonObjectBuilder choice(String label, boolean counted) {
        return Json.createObjectBuilder().add("label", label).add("counted", counted);
    }

    static JsonArrayBuilder questions(String readChoice) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kind", "SINGLE").add("text", "「広報」を読んでいますか。").add("required", true)
                        .add("metricKey", "koho-read").add("choices", Json.createArrayBuilder().add(choice(readChoice, true))
                                .add(choice("時々読んでいる", true)).add(choice("読んでいない", false))))
                .add(Json.createObjectBuilder().add("kind", "MULTIPLE").add("text", "市の情報を何から得ていますか。")
                        .add("choices", Json.createArrayBuilder().add(choice("広報紙", false)).add(choice("ホームページ", false))
                                .add(choice("SNS", false))))
                .add(Json.createObjectBuilder().add("kind", "SCALE").add("text", "市の広報に満足していますか。"))
                .add(Json.createObjectBuilder().add("kind", "NUMBER").add("text", "市に住んで何年になりますか。"))
                .add(Json.createObjectBuilder().add("kind", "TEXT").add("text", "ご意見をお書きください。"));
    }

    JsonObjectBuilder survey(LocalDate opens, LocalDate closes, boolean codes) {
        int fy = opens.getMonthValue() >= 4 ? opens.getYear() : opens.getYear() - 1;
        return Json.createObjectBuilder().add("fiscalYear", fy).add("title", "市民意識調査").add("opensOn", opens.toString())
                .add("closesOn", closes.toString()).add("population", 100).add("usesCodes", codes)
                .add("attributes", Json.createArrayBuilder().add("AGE_GROUP").add("DISTRICT").add("SEX"))
                .add("districts", Json.createArrayBuilder().add("北部").add("南部")).add("questions", questions("読んでいる"));
    }

    static String id(JsonObject survey, int q) {
        return survey.getJsonArray("questions").getJsonObject(q).getString("id");
    }

    static String choiceId(JsonObject survey, int q, int c) {
        return survey.getJsonArray("questions").getJsonObject(q).getJsonArray("choices").getJsonObject(c).getString("id");
    }

    /** An answer sheet: read choice {@code read}, media {@code media}, scale, years, text (null: left out). */
    static JsonObjectBuilder sheet(JsonObject s, int read, int[] media, Integer scale, Integer years, String text) {
        JsonArrayBuilder answers = Json.createArrayBuilder().add(Json.createObjectBuilder().add("questionId", id(s, 0))
                .add("choiceIds", Json.createArrayBuilder().add(choiceId(s, 0, read))));
        if (media != null) {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            Arrays.stream(media).forEach(m -> ids.add(choiceId(s, 1, m)));
            answers.add(Json.createObjectBuilder().add("questionId", id(s, 1)).add("choiceIds", ids));
        }
        if (scale != null) {
            answers.add(Json.createObjectBuilder().add("questionId", id(s, 2)).add("number", scale));
        }
        if (years != null) {
            answers.add(Json.createObjectBuilder().add("questionId", id(s, 3)).add("number", years));
        }
        if (text != null) {
            answers.add(Json.createObjectBuilder().add("questionId", id(s, 4)).add("text", text));
        }
        return Json.createObjectBuilder().add("answers", answers);
    }

    @Test
    void residentsAnswerStaffTypeInPaperAndResultsAreCountedCrossTabulatedAndPublished() {
        Reply created = staff.post(surveys).json(survey(TODAY.minusDays(5), TODAY.plusDays(5), false).build()).send().expect(201);
        JsonObject s = created.object();
        String one = surveys + "/" + s.getString("id");
        assertEquals(5, s.getJsonArray("questions").size());
        assertEquals("5段階評価", s.getJsonArray("questions").getJsonObject(2).getString("kindLabel"));
        assertEquals("OPEN", s.getString("phase"));
        assertFalse(s.getBoolean("questionsFrozen"));

        // A choice is a child row: renaming it raises the survey's version; a stale or missing If-Match is refused.
        JsonObject renamed = survey(TODAY.minusDays(5), TODAY.plusDays(5), false).add("questions", questions("よく読んでいる")).build();
        assertProblem(staff.put(one).json(renamed).send(), 428, null);
        Reply edited = staff.put(one).ifMatch(created.etag()).json(renamed).send().expect(200);
        assertNotEquals(created.etag(), edited.etag());
        assertEquals("よく読んでいる", edited.object().getJsonArray("questions").getJsonObject(0).getJsonArray("choices")
                .getJsonObject(0).getString("label"));
        assertProblem(staff.put(one).ifMatch(created.etag()).json(renamed).send(), 412, null);
        s = edited.object();

        // The portal lists it and gives its form; residents answer anonymously.
        Api resident = api.anonymous();
        JsonObject open = resident.get(surveys + "/open").send().expect(200).object();
        assertTrue(open.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(o -> o.getString("id").equals(edited.object().getString("id"))), open::toString);
        JsonObject form = resident.get(surveys + "/open/" + s.getString("id")).send().expect(200).object();
        assertEquals(3, form.getJsonArray("attributes").size());
        assertFalse(form.toString().contains("counted"), "the portal form does not show what counts for indicators");
        JsonObject first = sheet(s, 0, new int[] {0, 1}, 4, 12, "図書館の開館時間を延ばしてほしい。").add("ageGroup", "AGE_30S")
                .add("district", "北部").add("sex", "FEMALE").build();
        Reply receipt = resident.post(one + "/answers").header("Idempotency-Key", "survey-" + UUID.randomUUID()).json(first).send();
        assertEquals(201, receipt.status(), receipt::text);
        assertTrue(receipt.object().getString("receiptNumber").startsWith("S-"), receipt::text);
        String key = "survey-" + UUID.randomUUID();
        Reply second = resident.post(one + "/answers").header("Idempotency-Key", key).json(sheet(s, 1, new int[] {1}, 2, null, null)
                .add("ageGroup", "AGE_30S").add("district", "南部").add("sex", "MALE").build()).send().expect(201);
        Reply retried = resident.post(one + "/answers").header("Idempotency-Key", key).json(sheet(s, 1, new int[] {1}, 2, null, null)
                .add("ageGroup", "AGE_30S").add("district", "南部").add("sex", "MALE").build()).send().expect(201);
        assertEquals(second.object(), retried.object(), "a retry gives the first receipt and stores nothing");
        resident.post(one + "/answers").json(sheet(s, 2, null, 5, 30, null).add("ageGroup", "AGE_70_PLUS").build()).send().expect(201);
        // A paper form typed in by staff (no code, a day within the period).
        staff.post(one + "/answers").json(sheet(s, 0, new int[] {0}, null, 3, "紙で回答します。").add("receivedOn",
                TODAY.minusDays(1).toString()).add("sex", "FEMALE").build()).send().expect(201);

        JsonObject counted = viewer.get(one).send().expect(200).object();
        assertEquals(4, counted.getInt("responses"));
        assertEquals("4.0", counted.getJsonNumber("responseRate").bigDecimalValue().toPlainString());
        assertTrue(counted.getBoolean("questionsFrozen"));

        JsonObject results = viewer.get(one + "/results").send().expect(200).object();
        assertEquals(4, results.getInt("respondents"));
        JsonObject read = results.getJsonArray("questions").getJsonObject(0);
        assertEquals(4, read.getInt("answered"));
        assertEquals(2, read.getJsonArray("counts").getJsonObject(0).getInt("count"));
        assertEquals("50.0", read.getJsonArray("counts").getJsonObject(0).getJsonNumber("share").bigDecimalValue().toPlainString());
        assertEquals("25.0", read.getJsonArray("counts").getJsonObject(2).getJsonNumber("share").bigDecimalValue().toPlainString());
        JsonObject media = results.getJsonArray("questions").getJsonObject(1);
        assertEquals(3, media.getInt("answered"));
        assertEquals(2, media.getJsonArray("counts").getJsonObject(0).getInt("count"));
        assertEquals(2, media.getJsonArray("counts").getJsonObject(1).getInt("count"));
        JsonObject scale = results.getJsonArray("questions").getJsonObject(2);
        assertEquals(3, scale.getInt("answered"));
        assertEquals("3.67", scale.getJsonNumber("mean").bigDecimalValue().toPlainString(), "(4 + 2 + 5) / 3");
        assertEquals(1, scale.getJsonArray("counts").getJsonObject(3).getInt("count"), "one 4");
        assertEquals("15.00", results.getJsonArray("questions").getJsonObject(3).getJsonNumber("mean").bigDecimalValue()
                .toPlainString(), "(12 + 30 + 3) / 3");
        assertFalse(results.toString().contains("図書館"), "results never show free text");

        // Cross-tabulation by age group: the two 30s answered 読んでいる and 時々読んでいる; the paper form gave no age.
        JsonObject byAge = viewer.get(one + "/results?by=AGE_GROUP").send().expect(200).object();
        assertEquals("年代", byAge.getString("byLabel"));
        List<JsonObject> categories = byAge.getJsonArray("questions").getJsonObject(0).getJsonArray("breakdown")
                .getValuesAs(JsonObject.class);
        JsonObject thirties = categories.stream().filter(c -> c.getString("key").equals("AGE_30S")).findFirst().orElseThrow();
        assertEquals("30代", thirties.getString("label"));
        assertEquals(2, thirties.getInt("answered"));
        assertEquals(1, thirties.getJsonArray("counts").getJsonObject(0).getInt("count"));
        assertEquals("50.0", thirties.getJsonArray("counts").getJsonObject(1).getJsonNumber("share").bigDecimalValue().toPlainString());
        JsonObject none = categories.get(categories.size() - 1);
        assertEquals("無回答", none.getString("label"));
        assertEquals(1, none.getInt("answered"));
        JsonObject byDistrict = viewer.get(one + "/results?by=district").lang("en").send().expect(200).object();
        assertEquals(List.of("北部", "南部", "No answer"), byDistrict.getJsonArray("questions").getJsonObject(0)
                .getJsonArray("breakdown").getValuesAs(JsonObject.class).stream().map(c -> c.getString("label")).toList());
        en(viewer.get(one + "/results?by=income").lang("en").send(), 400, null);

        // Questions are frozen now; the rest may change, with the questions left out.
        ja(staff.put(one).ifMatch(viewer.get(one).send().etag())
                .json(survey(TODAY.minusDays(5), TODAY.plusDays(5), false).add("questions", questions("読む")).build()).send(),
                409, "survey-questions-frozen");

        // Raw answers (staff): one line per sheet, free text included; viewers may not.
        assertEquals(403, viewer.get(one + "/answers").send().status());
        Reply raw = staff.get(one + "/answers").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(raw.bytes(), 3));
        String rawText = new String(raw.bytes(), StandardCharsets.UTF_8);
        assertEquals(5, rawText.strip().split("\r?\n").length, rawText);
        assertTrue(rawText.contains("図書館の開館時間を延ばしてほしい。") && rawText.contains("広報紙、ホームページ")
                && rawText.contains("30代") && rawText.contains("紙"), rawText);
        Reply list = viewer.get(surveys + "?format=csv").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(list.bytes(), 3));
        assertTrue(new String(list.bytes(), StandardCharsets.UTF_8).contains("市民意識調査"));

        // Publishing: approvers only, and only after the period.
        String etag = viewer.get(one).send().etag();
        JsonObject notYet = survey(TODAY.minusDays(5), TODAY.plusDays(5), false).add("resultsPublished", true).build();
        notYet = Json.createObjectBuilder(notYet).remove("questions").build();
        assertProblem(approver.put(one).ifMatch(etag).json(notYet).send(), 409, "survey-not-closed");
        JsonObject closed = Json.createObjectBuilder(survey(TODAY.minusDays(5), TODAY.minusDays(1), false)
                .add("resultsPublished", true).build()).remove("questions").build();
        assertProblem(staff.put(one).ifMatch(etag).json(closed).send(), 403, null);
        assertProblem(resident.get(surveys + "/published/" + s.getString("id")).send(), 404, null);
        Reply published = approver.put(one).ifMatch(etag).json(closed).send().expect(200);
        assertTrue(published.object().getBoolean("resultsPublished"));
        assertEquals("CLOSED", published.object().getString("phase"));
        JsonObject pub = resident.get(surveys + "/published/" + s.getString("id") + "?by=SEX").send().expect(200).object();
        assertEquals(4, pub.getInt("respondents"));
        assertFalse(pub.toString().contains("図書館") || pub.toString().contains("紙で回答"), "no free text on the portal");
        assertTrue(resident.get(surveys + "/published").send().expect(200).object().getInt("totalItems") >= 1);
        // Closed: the portal refuses answers and no longer offers the form; staff may still type in paper.
        assertProblem(resident.post(one + "/answers").json(sheet(s, 0, null, null, null, null).build()).send(), 409,
                "survey-not-open");
        assertProblem(resident.get(surveys + "/open/" + s.getString("id")).send(), 404, null);
        staff.post(one + "/answers").json(sheet(s, 2, null, null, null, null).build()).send().expect(201);
        JsonObject hearing = resident.get(base + "/engagement/hearing").send().expect(200).array().getValuesAs(JsonObject.class)
                .stream().filter(o -> o.getString("id").equals("surveys-results")).findFirst().orElseThrow();
        assertEquals(1, hearing.getInt("count"));
    }

    /** The template's header line (without its BOM) and the given rows, CRLF as Excel writes them. */
    private String file(String one, String... rows) {
        Reply t = staff.get(one + "/answers/template").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(t.bytes(), 3));
        String header = new String(t.bytes(), 3, t.bytes().length - 3, StandardCharsets.UTF_8).strip();
        return header + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    @Test
    void paperAnswersAreImportedFromCsvInUtf8OrShiftJisAndASheetIsStoredOnce() {
        JsonObject s = staff.post(surveys).json(survey(TODAY.minusDays(5), TODAY.plusDays(5), false).build()).send().expect(201).object();
        String one = surveys + "/" + s.getString("id");
        // The template: 整理番号, 受付日, the attributes asked, one column per question; in English for English callers.
        Reply t = staff.get(one + "/answers/template").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(t.bytes(), 3));
        String header = new String(t.bytes(), StandardCharsets.UTF_8).strip();
        assertTrue(header.contains("整理番号,受付日,年代,地区,性別,問1 「広報」を読んでいますか。,問2 市の情報を何から得ていますか。"), header);
        assertTrue(new String(staff.get(one + "/answers/template").lang("en").send().expect(200).bytes(), StandardCharsets.UTF_8)
                .contains("Sheet no.,Received on,Age group,District,Sex,Q1 "));
        assertEquals(403, viewer.get(one + "/answers/template").send().status());

        // UTF-8 without BOM; choices by number or words, several separated by 、; blanks left unanswered.
        String utf8 = file(one,
                "P-001," + TODAY.minusDays(1).toString().replace('-', '/') + ",30代,北部,女性,1,広報紙、SNS,4,12,紙の回答を取り込みます。",
                "p-002,,,,,時々読んでいる,,,,");
        Reply done = staff.post(one + "/answers/bulk-imports").body(utf8.getBytes(StandardCharsets.UTF_8), "text/csv").send();
        assertEquals(201, done.status(), done::text);
        assertEquals(2, done.object().getInt("imported"));
        assertEquals(0, done.object().getInt("skipped"));
        assertEquals("UTF-8", done.object().getString("charset"));
        assertTrue(done.object().getString("firstReceipt").startsWith("S-"), done::text);
        JsonObject results = viewer.get(one + "/results").send().expect(200).object();
        assertEquals(2, results.getInt("respondents"));
        JsonObject read = results.getJsonArray("questions").getJsonObject(0);
        assertEquals(List.of(1, 1, 0), read.getJsonArray("counts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getInt("count")).toList());
        JsonObject media = results.getJsonArray("questions").getJsonObject(1);
        assertEquals(List.of(1, 0, 1), media.getJsonArray("counts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getInt("count")).toList());
        JsonObject byAge = viewer.get(one + "/results?by=AGE_GROUP").send().expect(200).object();
        assertEquals(1, byAge.getJsonArray("questions").getJsonObject(0).getJsonArray("breakdown").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("key").equals("AGE_30S")).findFirst().orElseThrow().getInt("answered"));

        // The same file again stores nothing twice: its sheet numbers are skipped and listed.
        JsonObject again = staff.post(one + "/answers/bulk-imports").body(BOMmed(utf8), "text/csv").send().expect(201).object();
        assertEquals(0, again.getInt("imported"));
        assertEquals(2, again.getInt("skipped"));
        assertEquals(List.of("P-001", "P-002"), again.getJsonArray("skippedSheets").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, again.getInt("responses"));

        // Shift_JIS as Excel writes it (detected, or declared), one sheet new and one repeated.
        byte[] sjis = file(one, "P-003,,70歳以上,南部,その他・答えたくない,読んでいない,ホームページ,5,40,",
                "P-001,,30代,北部,女性,1,広報紙、SNS,4,12,紙の回答を取り込みます。").getBytes(java.nio.charset.Charset.forName("windows-31j"));
        Reply wrong = staff.post(one + "/answers/bulk-imports").body(sjis, "text/csv; charset=UTF-8").send();
        ja(wrong, 400, "invalid-encoding");
        JsonObject sj = staff.post(one + "/answers/bulk-imports").body(sjis, "text/csv").send().expect(201).object();
        assertEquals("windows-31j", sj.getString("charset"));
        assertEquals(1, sj.getInt("imported"));
        assertEquals(1, sj.getInt("skipped"));
        JsonObject counted = viewer.get(one).send().expect(200).object();
        assertEquals(3, counted.getInt("responses"));
        String raw = new String(staff.get(one + "/answers").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("紙の回答を取り込みます。") && raw.contains("70歳以上") && raw.contains("広報紙、SNS"), raw);
    }

    private static byte[] BOMmed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(BOM, BOM.length + body.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    @Test
    void aBadRowRefusesTheWholeFileNamingRowAndColumnAndWritesNothing() {
        JsonObject s = staff.post(surveys).json(survey(TODAY.minusDays(5), TODAY.plusDays(5), false).build()).send().expect(201).object();
        String one = surveys + "/" + s.getString("id");
        String imports = one + "/answers/bulk-imports";
        String bad = file(one,
                "A-1,,20代,北部,男性,読んでいる,,3,5,",
                "A-2,,,,,9,テレビ,7,たくさん,",
                "A-1,2001/01/01,100代,東部,,,,,,",
                "A-4,,,,,1、2,,,,");
        Reply r = staff.post(imports).body(bad.getBytes(StandardCharsets.UTF_8), "text/csv").send();
        JsonObject p = ja(r, 422, "import-rejected");
        assertTrue(p.getString("detail").contains("3 行"), p::toString);
        java.util.Map<String, String> byField = new java.util.HashMap<>();
        p.getJsonArray("errors").getValuesAs(JsonObject.class).forEach(e -> byField.put(e.getString("field"), e.getString("message")));
        assertEquals("3 行目「問1 「広報」を読んでいますか。」列: 「9」はこの設問の選択肢 (番号 1〜3、または選択肢の文言) として読めません。",
                byField.get("line[3].q1"), byField::toString);
        assertTrue(byField.get("line[3].q2").contains("「テレビ」"), byField::toString);
        assertTrue(byField.get("line[3].q3").contains("1 から 5"), byField::toString);
        assertTrue(byField.get("line[3].q4").contains("「たくさん」"), byField::toString);
        assertEquals("4 行目「整理番号」列: 整理番号「A-1」は 2 行目と重複しています。", byField.get("line[4].sheetNumber"));
        assertTrue(byField.containsKey("line[4].receivedOn") && byField.containsKey("line[4].ageGroup")
                && byField.containsKey("line[4].district") && byField.containsKey("line[4].q1"), byField::toString);
        assertTrue(byField.get("line[5].q1").contains("単一選択"), byField::toString);
        assertFalse(byField.keySet().stream().anyMatch(f -> f.startsWith("line[2]")), "row 2 is fine");
        Reply en = staff.post(imports).lang("en").body(bad.getBytes(StandardCharsets.UTF_8), "text/csv").send();
        JsonObject pe = en(en, 422, "import-rejected");
        assertTrue(pe.getJsonArray("errors").getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("message")
                .equals("Row 4, column \"整理番号\": sheet number \"A-1\" repeats row 2.")), pe::toString);
        assertEquals(0, staff.get(one).send().expect(200).object().getInt("responses"), "nothing written");

        // A header the survey does not have, no rows, a missing sheet number, a foreign byte: refused, nothing written.
        ja(staff.post(imports).body("整理番号,好きな色\nA-1,赤\n".getBytes(StandardCharsets.UTF_8), "text/csv").send(), 422,
                "import-rejected");
        ja(staff.post(imports).body(new byte[0], "text/csv").send(), 422, "import-rejected");
        ja(staff.post(imports).body(file(one).getBytes(StandardCharsets.UTF_8), "text/csv").send(), 422, "import-rejected");
        JsonObject noSheet = ja(staff.post(imports).body(file(one, ",,,,,1,,,,").getBytes(StandardCharsets.UTF_8), "text/csv")
                .send(), 422, "import-rejected");
        assertTrue(noSheet.toString().contains("line[2].sheetNumber"), noSheet::toString);
        ja(staff.post(imports).body(new byte[] {'A', (byte) 0xFF, (byte) 0xFE, '\n'}, "text/csv").send(), 400, "invalid-encoding");
        // Its own size limit (2 MiB), beyond which the file is refused unread.
        byte[] huge = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'a');
        en(staff.post(imports).lang("en").body(huge, "text/csv").send(), 413, "payload-too-large");
        // Viewers may not import; a survey not open yet takes no paper answers.
        assertProblem(viewer.post(imports).body(file(one, "A-9,,,,,1,,,,").getBytes(StandardCharsets.UTF_8), "text/csv").send(),
                403, null);
        JsonObject later = staff.post(surveys).json(survey(TODAY.plusDays(3), TODAY.plusDays(10), false).build()).send()
                .expect(201).object();
        String laterOne = surveys + "/" + later.getString("id");
        ja(staff.post(laterOne + "/answers/bulk-imports").body(file(laterOne, "A-1,,,,,1,,,,").getBytes(StandardCharsets.UTF_8),
                "text/csv").send(), 409, "survey-not-open");
        assertEquals(0, staff.get(one).send().expect(200).object().getInt("responses"), "nothing written");
    }

    @Test
    void aDraftSurveyIsDeletedWithIfMatchButNotOnceAnsweredOrWhileOpen() {
        Reply draft = staff.post(surveys).json(survey(TODAY.plusDays(3), TODAY.plusDays(10), true).build()).send().expect(201);
        String one = surveys + "/" + draft.object().getString("id");
        Reply coded = staff.post(one + "/codes").ifMatch(draft.etag()).json("{\"count\":2}").send().expect(201);
        assertProblem(staff.delete(one).send(), 428, null);
        assertProblem(staff.delete(one).ifMatch(draft.etag()).send(), 412, "stale-version");
        assertProblem(viewer.delete(one).ifMatch(coded.etag()).send(), 403, null);
        assertEquals(204, staff.delete(one).ifMatch(coded.etag()).send().status(), "a draft goes, with its questions and codes");
        assertProblem(staff.get(one).send(), 404, null);
        assertProblem(staff.delete(one).ifMatch(coded.etag()).send(), 404, null);

        // Open today: refused while open, even with no answer.
        Reply open = staff.post(surveys).json(survey(TODAY.minusDays(1), TODAY.plusDays(10), false).build()).send().expect(201);
        String openOne = surveys + "/" + open.object().getString("id");
        ja(staff.delete(openOne).ifMatch(open.etag()).send(), 409, "survey-open");
        // Answered (a paper sheet after the period): refused, in the caller's language.
        Reply closed = staff.post(surveys).json(survey(TODAY.minusDays(10), TODAY.minusDays(1), false).build()).send().expect(201);
        String closedOne = surveys + "/" + closed.object().getString("id");
        staff.post(closedOne + "/answers").json(sheet(closed.object(), 0, null, null, null, null).build()).send().expect(201);
        JsonObject p = en(staff.delete(closedOne).lang("en").ifMatch(staff.get(closedOne).send().etag()).send(), 409,
                "survey-has-answers");
        assertTrue(p.getString("detail").contains("1 answer"), p::toString);
        assertEquals(1, staff.get(closedOne).send().expect(200).object().getInt("responses"));
    }

    @Test
    void anInvitationCodeAnswersOnce() {
        Reply created = staff.post(surveys).json(survey(TODAY.minusDays(1), TODAY.plusDays(10), true).build()).send().expect(201);
        String one = surveys + "/" + created.object().getString("id");
        assertProblem(staff.post(one + "/codes").json("{\"count\":3}").send(), 428, null);
        ja(staff.post(one + "/codes").ifMatch(created.etag()).json("{\"count\":0}").send(), 400, null);
        Reply issued = staff.post(one + "/codes").ifMatch(created.etag()).json("{\"count\":3}").send().expect(201);
        assertEquals(3, issued.object().getInt("codesIssued"));
        assertNotEquals(created.etag(), issued.etag());
        Reply csv = staff.get(one + "/codes?format=csv").send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
        List<String> lines = List.of(new String(csv.bytes(), StandardCharsets.UTF_8).strip().split("\r?\n"));
        assertEquals(4, lines.size(), lines::toString);
        String code = lines.get(1).split(",")[1].replace("\"", "");
        assertEquals(10, code.length(), code);

        JsonObject s = created.object();
        Api resident = api.anonymous();
        assertProblem(resident.post(one + "/answers").json(sheet(s, 0, null, null, null, null).build()).send(), 400, null);
        en(resident.post(one + "/answers").lang("en")
                .json(sheet(s, 0, null, null, null, null).add("code", "ZZZZZZZZZZ").build()).send(), 400, null);
        resident.post(one + "/answers").json(sheet(s, 0, null, null, null, null).add("code", code.toLowerCase()).build()).send()
                .expect(201);
        ja(resident.post(one + "/answers").json(sheet(s, 1, null, null, null, null).add("code", code)
                .build()).send(), 409, "survey-code-used");
        assertEquals(1, staff.get(one).send().expect(200).object().getInt("responses"), "the refused answer wrote nothing");
        assertTrue(staff.get(one + "/codes").send().expect(200).object().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getBoolean("used")).count() == 1);

        // A survey without codes issues none.
        Reply plain = staff.post(surveys).json(survey(TODAY.minusDays(1), TODAY.plusDays(10), false).build()).send().expect(201);
        assertProblem(staff.post(surveys + "/" + plain.object().getString("id") + "/codes").ifMatch(plain.etag())
                .json("{\"count\":3}").send(), 409, "survey-without-codes");
    }

    @Test
    void badInputIsAProblemInTheCallersLanguageAndWritesNothing() {
        JsonObject s = staff.post(surveys).json(survey(TODAY.minusDays(1), TODAY.plusDays(10), false).build()).send().expect(201).object();
        String one = surveys + "/" + s.getString("id");
        Api resident = api.anonymous();
        List<JsonObject> sheets = List.of(
                sheet(s, 0, null, 6, null, null).build(),
                sheet(s, 0, null, null, null, null).add("ageGroup", "AGE_30S").add("district", "東部").build(),
                sheet(s, 0, new int[] {0, 0}, null, null, null).build(),
                Json.createObjectBuilder().add("answers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("questionId", UUID.randomUUID().toString()).add("text", "x"))).build(),
                Json.createObjectBuilder().add("answers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("questionId", id(s, 3)).add("number", new java.math.BigDecimal("1e20")))).build(),
                Json.createObjectBuilder().add("answers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("questionId", id(s, 0)).add("choiceIds", Json.createArrayBuilder().add(choiceId(s, 0, 0))
                                .add(choiceId(s, 0, 1))))).build(),
                sheet(s, 0, null, null, null, null).add("channel", "PAPER").build(),
                Json.createObjectBuilder().add("answers", Json.createArrayBuilder()).build());
        for (JsonObject bad : sheets) {
            Reply r = resident.post(one + "/answers").lang("en").json(bad).send();
            assertEnglish(r, assertProblem(r, 400, null));
        }
        ja(resident.post(one + "/answers").json("{\"answers\":[{\"questionId\":\"x\"}]}").send(), 400, null);
        ja(resident.post(one + "/answers").json("{\"answers\":").send(), 400, null);
        assertEquals(0, staff.get(one).send().expect(200).object().getInt("responses"));

        List<JsonObject> surveysBad = List.of(
                survey(TODAY, TODAY.minusDays(1), false).build(),
                survey(TODAY, TODAY, false).add("questions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kind", "TEXT").add("text", "x").add("choices", Json.createArrayBuilder().add(choice("a", false))))).build(),
                survey(TODAY, TODAY, false).add("questions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kind", "SINGLE").add("text", "x").add("metricKey", "Bad Key!").add("choices",
                                Json.createArrayBuilder().add(choice("a", true)).add(choice("b", false))))).build(),
                survey(TODAY, TODAY, false).add("questions", Json.createArrayBuilder()).build(),
                survey(TODAY, TODAY, false).add("questions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kind", "SLIDER").add("text", "x"))).build(),
                survey(TODAY, TODAY, false).add("districts", Json.createArrayBuilder()).build(),
                survey(TODAY, TODAY, false).add("title", "あ".repeat(201)).build(),
                survey(TODAY, TODAY, false).add("population", 0).build(),
                survey(TODAY, TODAY, false).add("unitId", UUID.randomUUID().toString()).build());
        long before = staff.get(surveys).send().expect(200).object().getInt("totalItems");
        for (JsonObject bad : surveysBad) {
            Reply r = staff.post(surveys).lang("en").json(bad).send();
            assertEnglish(r, assertProblem(r, 400, null));
        }
        assertEquals(before, staff.get(surveys).send().expect(200).object().getInt("totalItems"));
        assertProblem(viewer.get(surveys + "?fiscalYear=R1x").send(), 400, null);
        assertProblem(viewer.get(surveys + "?phase=SOON").send(), 400, null);
        assertProblem(viewer.get(surveys + "/" + UUID.randomUUID()).send(), 404, null);
        assertProblem(viewer.post(surveys).json(survey(TODAY, TODAY, false).build()).send(), 403, null);
        assertProblem(api.anonymous().get(surveys).send(), 401, null);
        // Not open yet: the portal refuses answers.
        JsonObject later = staff.post(surveys).json(survey(TODAY.plusDays(3), TODAY.plusDays(10), false).build()).send().expect(201).object();
        assertProblem(resident.post(surveys + "/" + later.getString("id") + "/answers").json(sheet(later, 0, null, null, null, null)
                .build()).send(), 409, "survey-not-open");
    }

    @Test
    void aQuestionMarkedForIndicatorsFeedsABoundIndicator() {
        LocalDate opens = TODAY.minusDays(2);
        int fy = opens.getMonthValue() >= 4 ? opens.getYear() : opens.getYear() - 1;
        JsonObject s = staff.post(surveys).json(survey(opens, TODAY.plusDays(2), false).build()).send().expect(201).object();
        String one = surveys + "/" + s.getString("id");
        Api resident = api.anonymous();
        for (int read : new int[] {0, 0, 1, 2, 2}) {
            resident.post(one + "/answers").json(sheet(s, read, null, null, null, null).build()).send().expect(201);
        }
        List<String> offered = api.get(base + "/metric-sources").send().expect(200).array().getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("id")).toList();
        assertTrue(offered.contains("engagement:survey-share.koho-read"), offered::toString);
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "「広報」を読んでいる人の割合")
                .add("kind", "OUTCOME").add("unit", "%").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "engagement:survey-share.koho-read")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", fy)))
                .build()).send().expect(201).object();
        JsonObject year = IndicatorIT.year(indicator, fy);
        assertEquals(60.0, year.getJsonNumber("actual").doubleValue(), "3 of 5 read or sometimes read");
        assertEquals("METRIC", year.getString("actualSource"));
    }
}
