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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Indicators (指標) as a planning division uses them: targets per fiscal year or only a final one,
 * actuals, achievement rate and rating per year, directions including 未満 ceilings, the
 * municipality's own rating thresholds, conditional updates, filters and CSV.
 */
@MachiTest
class IndicatorIT {

    private final Api api;
    private String lg;
    private String path;

    IndicatorIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        path = Municipalities.PATH + "/" + lg + "/indicators";
    }

    static JsonObjectBuilder indicator(String name, String kind, String direction) {
        return Json.createObjectBuilder().add("nameJa", name).add("kind", kind).add("unit", "件")
                .add("direction", direction);
    }

    static JsonObject year(JsonObject indicator, int fiscalYear) {
        for (JsonValue v : indicator.getJsonArray("years")) {
            JsonObject y = v.asJsonObject();
            if (y.getJsonObject("fiscalYear").getInt("year") == fiscalYear) {
                return y;
            }
        }
        throw new AssertionError("no fiscal year " + fiscalYear + " in " + indicator);
    }

    private JsonObject create(JsonObjectBuilder body) {
        return api.post(path).json(body.build()).send().expect(201).object();
    }

    @Test
    void yearlyTargetsAndAnActualGiveAchievementAndRatingLabelledInWareki() {
        // 取手市 改革項目14: 市民と行政との協働事業件数, targets R2–R6 as the plan gives them.
        JsonObject created = create(indicator("市民と行政との協働事業件数", "ACTIVITY", "HIGHER_IS_BETTER")
                .add("category", "行政改革")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", "R2").add("target", 55).add("actual", 48))
                        .add(Json.createObjectBuilder().add("fiscalYear", "令和3年度").add("target", 100))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 105))
                        .add(Json.createObjectBuilder().add("fiscalYear", "FY2023").add("target", 110))
                        .add(Json.createObjectBuilder().add("fiscalYear", Json.createObjectBuilder().add("year", 2024)).add("target", 115))));
        JsonArray years = created.getJsonArray("years");
        assertEquals(5, years.size(), created::toString);
        JsonObject r2 = year(created, 2020);
        assertEquals("令和2年度", r2.getJsonObject("fiscalYear").getString("label"));
        assertEquals(55, r2.getJsonNumber("target").intValue());
        assertEquals(48, r2.getJsonNumber("actual").intValue());
        assertEquals("87.3", r2.getJsonNumber("achievementRate").toString());
        assertEquals("B", r2.getString("rating"));
        assertFalse(r2.getBoolean("met"));
        assertEquals("令和6年度", year(created, 2024).getJsonObject("fiscalYear").getString("label"));
        assertFalse(year(created, 2021).containsKey("rating"), "no actual, no rating");
        assertEquals("B", created.getJsonObject("latest").getString("rating"));
    }

    @Test
    void anInterimYearIsRatedOnlyAsTheMunicipalityChoosesAndTheFirstYearOfReiwaIsGannen() {
        // 須坂市 施策35: 「広報須坂」を読んでいる人の割合 86.5 (2019) → 90.0 (2025); 72 in 2022 is a test figure.
        JsonObject created = create(indicator("「広報須坂」を読んでいる人の割合", "OUTCOME", "HIGHER_IS_BETTER")
                .add("unit", "%").add("category", "市民取組指標")
                .add("baseline", Json.createObjectBuilder().add("value", 86.5).add("fiscalYear", "H31"))
                .add("finalTarget", Json.createObjectBuilder().add("value", 90.0).add("fiscalYear", 2025))
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2022).add("actual", 72))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2025).add("actual", 81))));
        String item = path + "/" + created.getString("id");
        assertEquals("令和元年度", created.getJsonObject("baseline").getJsonObject("fiscalYear").getString("label"));

        // By default a year before the final target year without a target of its own has none: not rated.
        JsonObject r4 = year(created, 2022);
        assertEquals("NONE", r4.getString("targetSource"), r4::toString);
        assertFalse(r4.containsKey("target"), r4::toString);
        assertFalse(r4.containsKey("achievementRate"), r4::toString);
        assertFalse(r4.containsKey("rating"), r4::toString);
        // The final target year is measured against the final target.
        JsonObject r7 = year(created, 2025);
        assertEquals("FINAL", r7.getString("targetSource"));
        assertEquals("90.0", r7.getJsonNumber("achievementRate").toString());
        assertEquals("B", r7.getString("rating"), "81 of 90 = 90 %: B on the default scale");

        String scalePath = Municipalities.PATH + "/" + lg + "/rating-scale";
        Reply scale = api.get(scalePath).send().expect(200);
        assertEquals("NO_TARGET", scale.object().getString("interimYears"));
        assertTrue(scale.object().getString("interimYearsLabel").contains("評価しない"), scale::toString);
        JsonArray grades = scale.object().getJsonArray("grades");

        // The municipality chooses the line from the baseline: 86.5 + (90.0 − 86.5) × 3/6 = 88.25 in 2022.
        Reply interpolating = api.put(scalePath).ifMatch(scale.etag())
                .json(Json.createObjectBuilder().add("grades", grades).add("interimYears", "INTERPOLATE").build()).lang("en").send()
                .expect(200);
        assertEquals("INTERPOLATE", interpolating.object().getString("interimYears"));
        assertEquals("Rated against the line from the baseline to the final target",
                interpolating.object().getString("interimYearsLabel"));
        assertNotEquals(scale.etag(), interpolating.etag(), "the rule is part of the scale's version");
        r4 = year(api.get(item).send().expect(200).object(), 2022);
        assertEquals("INTERPOLATED", r4.getString("targetSource"), r4::toString);
        assertEquals("88.25", r4.getJsonNumber("target").toString());
        assertEquals("81.6", r4.getJsonNumber("achievementRate").toString());
        assertEquals("B", r4.getString("rating"));

        // Or the final target as if it were the year's.
        Reply finalRule = api.put(scalePath).ifMatch(interpolating.etag())
                .json(Json.createObjectBuilder().add("grades", grades).add("interimYears", "FINAL_TARGET").build()).send()
                .expect(200);
        r4 = year(api.get(item).send().expect(200).object(), 2022);
        assertEquals("FINAL", r4.getString("targetSource"));
        assertEquals("80.0", r4.getJsonNumber("achievementRate").toString());
        assertEquals("B", r4.getString("rating"));

        // An unknown rule is refused at its field, in the asked-for language, and nothing changes.
        JsonObject unknown = Json.createObjectBuilder().add("grades", grades).add("interimYears", "SOMETIMES").build();
        Reply ja = api.put(scalePath).ifMatch(finalRule.etag()).json(unknown).send();
        assertTrue(Problems.fields(assertJapanese(ja, assertProblem(ja, 400, "validation"))).contains("interimYears"), ja::toString);
        Reply en = api.put(scalePath).ifMatch(finalRule.etag()).lang("en").json(unknown).send();
        assertEnglish(en, assertProblem(en, 400, "validation"));
        assertEquals("FINAL_TARGET", api.get(scalePath).send().expect(200).object().getString("interimYears"));

        // A full PUT without the rule goes back to the default.
        api.put(scalePath).ifMatch(finalRule.etag()).json(Json.createObjectBuilder().add("grades", grades).build()).send()
                .expect(200);
        assertEquals("NONE", year(api.get(item).send().expect(200).object(), 2022).getString("targetSource"));
    }

    @Test
    void lowerIsBetterDividesTargetByActual() {
        JsonObject created = create(indicator("待機時間", "OUTCOME", "LOWER_IS_BETTER").add("unit", "分")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 90).add("actual", 91.7))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 90).add("actual", 150))));
        assertEquals("98.1", year(created, 2023).getJsonNumber("achievementRate").toString());
        assertEquals("B", year(created, 2023).getString("rating"));
        assertEquals("60.0", year(created, 2024).getJsonNumber("achievementRate").toString());
        assertEquals("C", year(created, 2024).getString("rating"));
    }

    @Test
    void aCeilingIsMetOnlyStrictlyBelowAndHasNoRate() {
        // 須坂市 施策37: 経常収支比率 90.0 未満.
        JsonObject created = create(indicator("経常収支比率", "OUTCOME", "CEILING").add("unit", "%")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2022).add("target", 90.0).add("actual", 90.0))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 90.0).add("actual", 89.9))));
        JsonObject at = year(created, 2022);
        assertFalse(at.getBoolean("met"));
        assertEquals("D", at.getString("rating"));
        assertFalse(at.containsKey("achievementRate"));
        JsonObject below = year(created, 2023);
        assertTrue(below.getBoolean("met"));
        assertEquals("A", below.getString("rating"));
        assertEquals("上限 (未満)", created.getString("directionLabel"));
    }

    @Test
    void theMunicipalitysOwnThresholdsDecideTheRating() {
        String scalePath = Municipalities.PATH + "/" + lg + "/rating-scale";
        Reply current = api.get(scalePath).send().expect(200);
        assertEquals(4, current.object().getJsonArray("grades").size());
        JsonObject scale = Json.createObjectBuilder().add("grades", Json.createArrayBuilder()
                .add(grade("S", 120)).add(grade("A", 100)).add(grade("B", 70)).add(grade("C", 0))).build();

        assertProblem(api.put(scalePath).json(scale).send(), 428, "precondition-required");
        api.put(scalePath).ifMatch(current.etag()).json(scale).send().expect(200);

        JsonObject created = create(indicator("協働事業件数", "ACTIVITY", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("fiscalYear", 2020).add("target", 55).add("actual", 48))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 100).add("actual", 130))));
        assertEquals("B", year(created, 2020).getString("rating"));
        assertEquals("S", year(created, 2021).getString("rating"));

        // Another municipality still has the default scale.
        String other = Municipalities.register(api);
        JsonArray grades = api.get(Municipalities.PATH + "/" + other + "/rating-scale").send().expect(200).object()
                .getJsonArray("grades");
        assertEquals("A", grades.getJsonObject(0).getString("label"));
    }

    @Test
    void aScaleThatLeavesRatesWithoutAGradeIsRefusedWithTheReason() {
        String scalePath = Municipalities.PATH + "/" + lg + "/rating-scale";
        Reply current = api.get(scalePath).send().expect(200);
        JsonObject scale = Json.createObjectBuilder().add("grades", Json.createArrayBuilder()
                .add(grade("A", 100)).add(grade("B", 50))).build();
        Reply r = api.put(scalePath).ifMatch(current.etag()).lang("en").json(scale).send();
        JsonObject p = assertEnglish(r, assertProblem(r, 400, "validation"));
        assertTrue(Problems.fields(p).contains("0 %"), r::toString);
        assertEquals(current.object(), api.get(scalePath).send().expect(200).object(), "nothing was saved");

        // A threshold finer than the database keeps (hundredths of a percent) would be stored rounded into a scale
        // that was never checked: it is refused at its field, and the scale and the indicators still answer.
        JsonObject tooFine = Json.createObjectBuilder().add("grades", Json.createArrayBuilder()
                .add(grade("A", 100)).add(grade("B", 50)).add(Json.createObjectBuilder().add("label", "C")
                        .add("minimumPercent", new java.math.BigDecimal("0.001")))
                .add(grade("D", 0))).build();
        Reply fine = api.put(scalePath).ifMatch(current.etag()).json(tooFine).send();
        assertTrue(Problems.fields(assertProblem(fine, 400, "validation")).contains("grades[2].minimumPercent"),
                fine::toString);
        assertEquals(current.object(), api.get(scalePath).send().expect(200).object(), "nothing was saved");
        api.get(path).send().expect(200);
    }

    static JsonObjectBuilder grade(String label, int minimum) {
        return Json.createObjectBuilder().add("label", label).add("minimumPercent", minimum);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        Reply created = api.post(path).json(indicator("A", "OUTCOME", "HIGHER_IS_BETTER").build()).send().expect(201);
        String item = path + "/" + created.object().getString("id");
        JsonObject change = indicator("B", "OUTCOME", "HIGHER_IS_BETTER").build();

        assertProblem(api.put(item).json(change).send(), 428, "precondition-required");
        Reply updated = api.put(item).ifMatch(created.etag()).json(change).send().expect(200);
        assertEquals("B", updated.object().getString("nameJa"));
        assertNotEquals(created.etag(), updated.etag());

        Reply stale = api.put(item).ifMatch(created.etag()).json(indicator("C", "OUTCOME", "HIGHER_IS_BETTER").build()).send();
        assertJapanese(stale, assertProblem(stale, 412, "stale-version"));
        assertEquals("B", api.get(item).send().expect(200).object().getString("nameJa"));

        assertProblem(api.delete(item).ifMatch(created.etag()).send(), 412, "stale-version");
        api.delete(item).ifMatch(updated.etag()).send().expect(204);
        assertProblem(api.get(item).send(), 404, "not-found");
    }

    /**
     * An indicator's code names one indicator of the municipality: a second indicator with it, or
     * another renamed to it, is 409 naming the field, in ja/en, and nothing is written; an indicator
     * keeps its own code on an edit; another municipality may use the same code.
     */
    @Test
    void aCodeNamesOneIndicatorOfTheMunicipality() {
        Reply first = api.post(path).json(indicator("番号の重複 1", "OUTCOME", "HIGHER_IS_BETTER").add("code", "U.1").build())
                .send().expect(201);
        Reply second = api.post(path).json(indicator("番号の重複 2", "OUTCOME", "HIGHER_IS_BETTER").add("code", "U.1").build())
                .send();
        JsonObject p = assertProblem(second, 409, "indicator-code-exists");
        assertJapanese(second, p);
        assertEquals("code", p.getJsonArray("errors").getJsonObject(0).getString("field"), p::toString);
        Reply other = api.post(path).json(indicator("番号の重複 2", "OUTCOME", "HIGHER_IS_BETTER").add("code", "U.2").build())
                .send().expect(201);
        Reply renamed = api.put(path + "/" + other.object().getString("id")).ifMatch(other.etag()).lang("en")
                .json(indicator("番号の重複 2", "OUTCOME", "HIGHER_IS_BETTER").add("code", "U.1").build()).send();
        assertEnglish(renamed, assertProblem(renamed, 409, "indicator-code-exists"));
        api.put(path + "/" + first.object().getString("id")).ifMatch(first.etag())
                .json(indicator("番号の重複 1 改", "OUTCOME", "HIGHER_IS_BETTER").add("code", "U.1").build()).send().expect(200);
        assertEquals(1, api.get(path + "?q=" + java.net.URLEncoder.encode("番号の重複 2", java.nio.charset.StandardCharsets.UTF_8))
                .send().expect(200).object().getInt("totalItems"));

        String elsewhere = Municipalities.register(api);
        api.post(Municipalities.PATH + "/" + elsewhere + "/indicators")
                .json(indicator("別の団体", "OUTCOME", "HIGHER_IS_BETTER").add("code", "U.1").build()).send().expect(201);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        Reply dup = api.post(path).json(indicator("x", "OUTCOME", "HIGHER_IS_BETTER").add("years", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("fiscalYear", 2020))
                .add(Json.createObjectBuilder().add("fiscalYear", "R2"))).build()).send();
        assertTrue(Problems.fields(assertProblem(dup, 400, "validation")).contains("years[1].fiscalYear"), dup::toString);

        Reply era = api.post(path).json(indicator("x", "OUTCOME", "HIGHER_IS_BETTER").add("years", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("fiscalYear", "令和0年度"))).build()).send();
        assertTrue(assertProblem(era, 400, "invalid-fiscal-year").getString("detail").contains("令和0年度"), era::toString);

        Reply kind = api.post(path).json("{\"nameJa\":\"x\",\"kind\":\"RESULT\",\"unit\":\"件\",\"direction\":\"CEILING\"}").send();
        assertProblem(kind, 400, null);

        Reply missing = api.post(path).json("{\"nameJa\":\"\"}").send();
        String fields = Problems.fields(assertProblem(missing, 400, "validation"));
        for (String f : new String[] {"nameJa", "kind", "unit", "direction"}) {
            assertTrue(fields.contains("\"" + f + "\""), () -> f + " not named: " + missing);
        }

        // A constraint on a list element names the element as the JSON addresses it (years[1].target),
        // so that a form can show the message next to that field.
        Reply digits = api.post(path).json(indicator("x", "OUTCOME", "HIGHER_IS_BETTER").add("years", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("fiscalYear", 2020))
                .add(Json.createObjectBuilder().add("fiscalYear", 2021).add("target", 1.123456))).build()).send();
        assertTrue(Problems.fields(assertProblem(digits, 400, "validation")).contains("\"years[1].target\""), digits::toString);

        Reply unit = api.post(path).json(indicator("x", "OUTCOME", "HIGHER_IS_BETTER")
                .add("ownerUnitId", "7f1e7c3a-0000-4000-8000-000000000000").build()).send();
        assertTrue(Problems.fields(assertProblem(unit, 400, "invalid-reference")).contains("ownerUnitId"), unit::toString);

        assertEquals(0, api.get(path).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void listsFilterPageAndExportAsCsvWithABom() {
        create(indicator("読者の割合", "OUTCOME", "HIGHER_IS_BETTER").add("category", "市民取組指標").add("code", "35.O1"));
        create(indicator("フォロワー数", "OUTCOME", "HIGHER_IS_BETTER").add("category", "統計指標").add("code", "35.O2"));
        create(indicator("閲覧者数", "PROCESS", "HIGHER_IS_BETTER").add("code", "35.P1"));

        assertEquals(2, api.get(path + "?kind=OUTCOME").send().expect(200).object().getInt("totalItems"));
        assertEquals(1, api.get(path + "?category=%E7%B5%B1%E8%A8%88%E6%8C%87%E6%A8%99").send().expect(200).object()
                .getInt("totalItems"));
        assertEquals(1, api.get(path + "?q=35.P").send().expect(200).object().getInt("totalItems"));
        JsonObject page = api.get(path + "?size=2&page=1").send().expect(200).object();
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(2, page.getInt("totalPages"));
        assertEquals(1, page.getJsonArray("items").size());
        assertProblem(api.get(path + "?kind=SOMETHING").send(), 400, "validation");
        JsonArray categories = api.get(path + "/categories").send().expect(200).array();
        assertEquals(2, categories.size(), categories::toString);
        assertTrue(categories.contains(Json.createValue("市民取組指標")) && categories.contains(Json.createValue("統計指標")),
                categories::toString);

        Reply csv = api.get(path + "?format=csv").send().expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        byte[] bytes = csv.bytes();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("コード,指標名"), text);
        assertTrue(text.contains("35.O2,フォロワー数"), text);
        assertEquals(4, text.split("\r\n").length, text);

        String english = new String(api.get(path).accept("text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(english.substring(1).startsWith("Code,Name (Japanese)"), english);
    }
}
