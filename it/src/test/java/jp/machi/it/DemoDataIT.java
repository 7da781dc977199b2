package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer sees after the README's run command: MACHI_DEMO=true on an empty database loads
 * the seed documents' municipalities, units, indicators and programs as the documents give them,
 * and a second start with the flag changes nothing.
 */
@MachiTest
class DemoDataIT {

    static final String P = Municipalities.PATH;

    @Test
    void theSeedsAreLoadedFaithfullyAndARestartAddsNothing() {
        try (TestDatabase db = TestDatabase.migrated("demo")) {
            JsonObject toride;
            try (MachiServer server = MachiServer.machiJar("demo", db).env("MACHI_DEMO", "true").start()) {
                Api api = server.api();
                JsonArray municipalities = api.get(P).send().expect(200).object().getJsonArray("items");
                Set<String> codes = new HashSet<>();
                municipalities.forEach(m -> codes.add(m.asJsonObject().getString("code")));
                assertEquals(Set.of("082201", "202070", "082171", "352152", "142077"), codes);

                // Seed 000: つくば市 市長公室 and the four units the program list names.
                JsonObject tree = api.get(P + "/082201/organization-units/tree?asOf=2020-04-01").send().expect(200).object();
                JsonObject office = tree.getJsonArray("roots").getJsonObject(0);
                assertEquals("市長公室", office.getString("nameJa"));
                Set<String> children = new HashSet<>();
                office.getJsonArray("children").forEach(c -> children.add(c.asJsonObject().getString("nameJa")));
                assertEquals(Set.of("秘書課", "広報戦略課", "広聴室", "危機管理課"), children);
                JsonObject programs = api.get(P + "/082201/planning/programs?fiscalYear=R2&size=100").send().expect(200).object();
                assertEquals(13, programs.getInt("totalItems"));
                JsonObject hearing = programs.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                        .filter(p -> p.getString("programNumber").equals("16")).findFirst().orElseThrow();
                assertEquals("市長へのたより・メール等広聴事業", hearing.getString("name"));
                assertEquals("市長公室広聴室", hearing.getString("unitName"));
                assertTrue(hearing.getString("results").contains("40日以内の回答率89.6%"), hearing::toString);

                // The indicator bound to the planning module's live metric: 13 programs in 令和2年度.
                JsonObject bound = api.get(P + "/082201/indicators?q=PLAN-1").send().expect(200).object()
                        .getJsonArray("items").getJsonObject(0);
                JsonObject r2 = IndicatorIT.year(bound, 2020);
                assertEquals(13, r2.getJsonNumber("actual").intValue());
                assertEquals("METRIC", r2.getString("actualSource"));

                // Seed 000 (No.16 広聴事業): 1,562 voices, 713 needing a written answer, 89.6 % within 40 days in
                // 令和2年度, as actuals of the indicators bound to the engagement module's voice metrics.
                String[][] hearingFigures = {{"KOCHO-1", "1562"}, {"KOCHO-2", "713"}, {"KOCHO-3", "89.6"}};
                for (String[] f : hearingFigures) {
                    JsonObject kocho = api.get(P + "/082201/indicators?q=" + f[0]).send().expect(200).object()
                            .getJsonArray("items").getJsonObject(0);
                    JsonObject fy2020 = IndicatorIT.year(kocho, 2020);
                    assertEquals(0, new java.math.BigDecimal(f[1]).compareTo(fy2020.getJsonNumber("actual")
                            .bigDecimalValue()), kocho::toString);
                    assertEquals("METRIC", fy2020.getString("actualSource"));
                }

                // Seed 002: 須坂市's 24 indicators of measures 35–39, ceilings and cumulative ones as written.
                JsonObject suzaka = api.get(P + "/202070/indicators?size=100").send().expect(200).object();
                assertEquals(24, suzaka.getInt("totalItems"));
                JsonObject ratio = find(suzaka.getJsonArray("items"), "37.O2");
                assertEquals("経常収支比率", ratio.getString("nameJa"));
                assertEquals("CEILING", ratio.getString("direction"));
                assertEquals("91.7", ratio.getJsonObject("baseline").getJsonNumber("value").toString());
                assertEquals("令和元年度", ratio.getJsonObject("baseline").getJsonObject("fiscalYear").getString("label"));
                assertEquals("90", ratio.getJsonObject("finalTarget").getJsonNumber("value").toString());
                assertEquals("令和7年度", ratio.getJsonObject("finalTarget").getJsonObject("fiscalYear").getString("label"));
                JsonObject migrants = find(suzaka.getJsonArray("items"), "38.O1");
                assertTrue(migrants.getBoolean("cumulative"));
                assertEquals(186, migrants.getJsonObject("baseline").getJsonNumber("value").intValue());
                assertEquals(336, migrants.getJsonObject("finalTarget").getJsonNumber("value").intValue());

                // Seed 004: 取手市 with a target for every year R2–R6.
                toride = find(api.get(P + "/082171/indicators").send().expect(200).object().getJsonArray("items"), "14");
                // (Bound to the collaboration module's projects, the indicator also shows later years without a target.)
                List<Integer> targets = toride.getJsonArray("years").stream().map(JsonValue::asJsonObject)
                        .filter(y -> y.containsKey("target") && !y.isNull("target"))
                        .map(y -> y.getJsonNumber("target").intValue()).toList();
                assertEquals(List.of(55, 100, 105, 110, 115), targets);
                assertEquals("令和2年度", IndicatorIT.year(toride, 2020).getJsonObject("fiscalYear").getString("label"));

                // Engagement: six invented voice categories, marked so, two of them open to Open311;
                // つくば市's invented voices carry the category their text names.
                Municipalities.setModule(api, "082201", "engagement", true);
                JsonObject categories = api.get(P + "/082201/engagement/voice-categories?size=100").send().expect(200)
                        .object();
                assertEquals(6, categories.getInt("totalItems"));
                categories.getJsonArray("items").forEach(c -> assertTrue(c.asJsonObject().getString("description")
                        .startsWith("（デモ用の架空の分類）"), c::toString));
                assertEquals(Set.of("road-park", "waste"), categories.getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject).filter(c -> c.getBoolean("open311"))
                        .map(c -> c.getString("code")).collect(java.util.stream.Collectors.toSet()));
                JsonObject shelter = api.get(P + "/082201/engagement/voices?size=100").send().expect(200).object()
                        .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                        .filter(v -> v.getString("subject").equals("（架空）避難所の案内表示について")).findFirst().orElseThrow();
                assertEquals("防災", shelter.getString("categoryName"));

                // 周南市's まちづくり提言制度 (seed 001): three invented proposals, marked so; two published.
                Municipalities.setModule(api, "352152", "engagement", true);
                JsonObject proposals = api.get(P + "/352152/engagement/proposals").send().expect(200).object();
                assertEquals(3, proposals.getInt("totalItems"));
                proposals.getJsonArray("items").forEach(p -> assertTrue(p.asJsonObject().getString("title")
                        .startsWith("（架空）"), p::toString));
                assertEquals(List.of("検討中", "一部実現"), api.anonymous().get(P + "/352152/engagement/proposals/published")
                        .send().expect(200).object().getJsonArray("items").stream()
                        .map(p -> p.asJsonObject().getString("statusLabel")).toList());
                // つくば市's FY2020 town meetings (seed 000 #9): the district ones cancelled for COVID-19, the
                // student dialogue held online on 2021-02-19.
                JsonArray meetings = api.anonymous().get(P + "/082201/engagement/meetings/published?fiscalYear=2020")
                        .send().expect(200).object().getJsonArray("items");
                assertEquals(2, meetings.size(), meetings::toString);
                JsonObject students = meetings.stream().map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("kindLabel").equals("学生懇談会")).findFirst().orElseThrow();
                assertEquals("2021-02-19", students.getString("meetingDate"));
                assertTrue(students.getBoolean("online"));
                assertEquals("学生懇談会", students.getString("kindLabel"));
                JsonObject district = meetings.stream().map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("kindLabel").equals("地区別タウンミーティング")).findFirst().orElseThrow();
                assertEquals("中止", district.getString("statusLabel"));
                assertTrue(district.getString("cancelReason").contains("新型コロナ"), district::toString);
            }
            try (MachiServer again = MachiServer.machiJar("demo-again", db).env("MACHI_DEMO", "true").start()) {
                Api api = again.api();
                assertEquals(5, api.get(P).send().expect(200).object().getInt("totalItems"));
                assertEquals(24, api.get(P + "/202070/indicators").send().expect(200).object().getInt("totalItems"));
                assertEquals(13, api.get(P + "/082201/planning/programs").send().expect(200).object().getInt("totalItems"));
                assertEquals(toride, find(api.get(P + "/082171/indicators").send().expect(200).object().getJsonArray("items"), "14"));
                assertEquals(6, api.get(P + "/082201/engagement/voice-categories").send().expect(200).object()
                        .getInt("totalItems"));
                assertEquals(3, api.get(P + "/352152/engagement/proposals").send().expect(200).object().getInt("totalItems"));
                assertEquals(2, api.get(P + "/082201/engagement/meetings").send().expect(200).object().getInt("totalItems"));
            }
        }
    }

    static JsonObject find(JsonArray items, String code) {
        return items.stream().map(JsonValue::asJsonObject).filter(i -> code.equals(i.getString("code", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + code + " in " + items));
    }
}
