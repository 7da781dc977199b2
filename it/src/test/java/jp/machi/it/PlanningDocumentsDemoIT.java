package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.Demo;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import org.junit.jupiter.api.Test;

/**
 * With {@code MACHI_DEMO=true} the planning documents are there as the seeds give them, on one
 * server: 周南市 (352152) its FY2023 department operating policy (seed 001), 茅ヶ崎市 (142077) its
 * FY2019 division business plan (seed 003), 取手市 (082171) reform items 14–17 (seed 004) linked to
 * its indicators; and seed 000 imported again into つくば市 (082201) is refused row by row, because
 * the demo already holds its 13 programs.
 */
@MachiTest
class PlanningDocumentsDemoIT {

    static final String P = Municipalities.PATH;

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void theSeedsDocumentsAreLoadedFaithfully(@Demo MachiServer server) {
        Api api = server.api();
        shunan(api);
        chigasaki(api);
        toride(api);

        // Seed 000 again into つくば市: all 13 rows exist already, so nothing is imported.
        byte[] seed = ProgramImportIT.seed();
        var again = api.post(P + "/082201/planning/programs/imports").body(seed, "text/tab-separated-values").send();
        assertEquals(422, again.status(), again::toString);
        assertEquals(13, again.object().getJsonArray("errors").size());
        assertEquals(13, api.get(P + "/082201/planning/programs?fiscalYear=R2").send().expect(200).object()
                .getInt("totalItems"));
    }

    private static void shunan(Api api) {
        JsonObject list = api.get(P + "/352152/planning/department-policies").send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"));
        JsonObject p = list.getJsonArray("items").getJsonObject(0);
        assertEquals(2023, p.getJsonObject("fiscalYear").getInt("year"));
        assertEquals("令和5年度", p.getJsonObject("fiscalYear").getString("label"));
        assertEquals("シティネットワーク推進部", p.getJsonObject("department").getString("nameJa"));
        assertEquals(3, p.getJsonArray("mission").size());
        assertTrue(strings(p.getJsonArray("mission")).get(0).startsWith("まちづくりに対する市民の意思を幅広く聴取し"));
        assertEquals(List.of("シティプロモーション事業の推進", "市政情報の発信", "まちづくり提言制度等広聴活動の充実", "移住定住の促進",
                "ふるさと周南応援寄附金の増加"), p.getJsonArray("goals").getValuesAs(JsonObject.class).stream()
                        .map(g -> g.getString("title")).toList());
        assertEquals(2, p.getJsonArray("reformCommitments").size());
        JsonObject r = p.getJsonObject("resources");
        assertEquals("12.25", r.getJsonNumber("totalStaff").bigDecimalValue().stripTrailingZeros().toPlainString());
        assertEquals("12", r.getJsonNumber("regularStaff").bigDecimalValue().stripTrailingZeros().toPlainString());
        assertEquals("0.25", r.getJsonNumber("partTimeStaff").bigDecimalValue().stripTrailingZeros().toPlainString());
        assertEquals(85236, r.getInt("personnelCostRegular"));
        assertEquals(274, r.getInt("personnelCostPartTime"));
        assertEquals(14450, r.getInt("revenueBudget"));
        assertEquals(122316, r.getInt("expenditureBudget"));
        assertEquals(6, r.getInt("budgetProgramCount"));
        assertEquals(3, r.getInt("divisionCount"));
        assertTrue(r.getString("notes").contains("R3職員平均給与(7,103 千円)ベース"));
        List<JsonObject> goals = p.getJsonArray("midTermGoals").getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 2, 3, 4, 5), goals.stream().map(g -> g.getInt("priority")).toList());
        assertEquals(List.of("シティプロモーション課", "広報戦略課", "市民の声を聞く課", "シティプロモーション課", "市民の声を聞く課"),
                goals.stream().map(g -> g.getString("divisionName")).toList());
        assertEquals("9 都市経営 3 効率的かつ効果的な行政マネジメントの推進 4 積極的な財源の確保", goals.get(3).getString("measure"));
        assertTrue(goals.stream().allMatch(g -> g.containsKey("divisionId")));
        assertTrue(goals.get(4).getString("outcome").startsWith("市民参画の機会を確保し"));
    }

    private static void chigasaki(Api api) {
        JsonObject list = api.get(P + "/142077/planning/division-plans?fiscalYear=H31").send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"));
        JsonObject p = list.getJsonArray("items").getJsonObject(0);
        assertEquals(2019, p.getJsonObject("fiscalYear").getInt("year"));
        assertEquals("平成31年度 市民自治推進課 業務計画", p.getString("title"));
        assertEquals("市民自治推進課", p.getJsonObject("division").getString("nameJa"));
        assertEquals("17", p.getJsonObject("policyGoal").getString("number"));
        assertEquals("総務部", p.getJsonObject("policyGoal").getString("unitName"));
        assertEquals("それぞれが持つ力を最大限に発揮する行政経営", p.getJsonObject("policyGoal").getString("text"));
        assertEquals("64", p.getJsonObject("measureGoal").getString("number"));
        assertEquals("市民と行政が協力して自治の進展を図る", p.getJsonObject("measureGoal").getString("text"));
        assertEquals(6, p.getJsonArray("approach").size());
        assertEquals(List.of("多様な形態による市民サービスの提供と人材育成の支援", "市民主体の活動の環境づくりと活動支援", "市政への市民参加の推進"),
                p.getJsonArray("aims").getValuesAs(JsonObject.class).stream().map(a -> a.getString("text")).toList());
        List<JsonObject> projects = p.getJsonArray("projects").getValuesAs(JsonObject.class);
        assertEquals(List.of("地域コミュニティ事業", "市民活動団体との協働事業の推進", "市民活動推進補助事業", "市民参加推進・啓発事業",
                "地域集会施設管理運営業務", "市民活動サポートセンター管理運営業務", "自治会活動支援業務", "春の市民まつり等開催事業"),
                projects.stream().map(x -> x.getString("name")).toList());
        assertEquals(Arrays.asList(19954, null, 4109, 1140, 163706, 25736, 16321, 3942), projects.stream()
                .map(x -> x.containsKey("budget") ? x.getInt("budget") : null).toList());
        assertEquals(234908, p.getInt("totalBudget"));
        assertEquals(List.of("拡大", "現状維持", "現状維持", "現状維持", "現状維持", "現状維持", "現状維持", "現状維持"),
                projects.stream().map(x -> x.getString("direction")).toList());
        assertEquals(List.of("市民間", "市民間", "市", "市", "市", "市", "市", "市"),
                projects.stream().map(x -> x.getString("actor")).toList());
        assertEquals(List.of(2, 1, 2, 3, 2, 2, 2, 2), projects.stream()
                .map(x -> x.getJsonArray("aimNumbers").getJsonNumber(0).intValue()).toList());
        assertTrue(projects.stream().allMatch(x -> x.getString("nature").equals("政策的事業")));
        assertEquals(List.of("未設置地区(松林、湘北)への設置"), strings(projects.get(4).getJsonArray("issues")));
        assertTrue(projects.get(4).getString("work").startsWith("市内11箇所の地域集会施設(コミュニティセンター)について"));
        assertEquals(List.of(0, 0, 0, 4, 4, 5, 3, 3), projects.stream().map(x -> x.getJsonArray("schedule").size()).toList());
        // 春の市民まつり: 協議・準備 from April, the festival in June, まとめ in August, preparation again from October.
        List<JsonObject> festival = projects.get(7).getJsonArray("schedule").getJsonObject(0).getJsonArray("months")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3), festival.stream().map(m -> m.getInt("month")).toList());
        assertEquals("実行委員会との【協議・準備】", festival.get(0).getString("label"));
        assertEquals("春の市民まつり", festival.get(2).getString("label"));
        assertEquals("[まとめ]", festival.get(4).getString("label"));
        assertTrue(festival.stream().allMatch(m -> m.getBoolean("active")));
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3), p.getJsonArray("months").getValuesAs(JsonNumber.class)
                .stream().map(JsonNumber::intValue).toList());
        String csv = new String(api.get(P + "/142077/planning/division-plans?format=csv").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("春の市民まつり等開催事業") && csv.contains("163706"), csv);
    }

    private static void toride(Api api) {
        JsonObject list = api.get(P + "/082171/planning/reform-items").send().expect(200).object();
        assertEquals(4, list.getInt("totalItems"));
        List<JsonObject> items = list.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of(14, 15, 16, 17), items.stream().map(i -> i.getInt("itemNumber")).toList());
        assertEquals(List.of("市民協働による事業の推進", "大学等との連携推進", "企業等との連携推進", "市政情報の積極的な提供"),
                items.stream().map(i -> i.getString("title")).toList());
        assertTrue(items.stream().allMatch(i -> i.getString("theme").equals("協働のまちづくり")));
        assertTrue(items.stream().allMatch(i -> i.getJsonObject("firstFiscalYear").getInt("year") == 2020
                && i.getJsonObject("lastFiscalYear").getInt("year") == 2024));
        assertEquals(List.of(List.of("市民協働課"), List.of("文化芸術課", "スポーツ生涯学習課"), List.of("産業振興課"),
                List.of("魅力とりで発信課", "広報広聴課")), items.stream().map(i -> i.getJsonArray("responsibleUnits")
                        .getValuesAs(JsonObject.class).stream().map(u -> u.getString("name")).toList()).toList());
        assertTrue(items.stream().allMatch(i -> i.getJsonArray("responsibleUnits").getValuesAs(JsonObject.class).stream()
                .allMatch(u -> u.containsKey("unitId"))));
        assertEquals(List.of("協働提案型公募補助制度（市民の自発的な公益活動の支援制度）", "公共施設の里親制度（道路などの公共施設の環境美化ボランティア）",
                "壁画によるまちづくり事業（芸術家との協働によるアート・落書き防止）"), strings(items.get(0).getJsonArray("examples")));
        assertTrue(items.get(0).getString("currentState").startsWith("少子高齢化による地域活動の担い手の高齢化や価値観の多様化、"));
        assertEquals(List.of(1, 4, 4, 3), items.stream().map(i -> i.getJsonArray("schedule").size()).toList());
        assertEquals("ＪＩＳ試験など、ウェブアクセシビリティの実現内容の確認と公開",
                items.get(3).getJsonArray("schedule").getJsonObject(2).getString("activity"));
        assertEquals(List.of(1, 0, 2, 1), items.stream().map(i -> i.getJsonArray("indicators").size()).toList());
        assertEquals(List.of(55, 100, 105, 110, 115), targets(items.get(0), 0));
        assertEquals(List.of(127, 147, 167, 187, 207), targets(items.get(2), 0));
        assertEquals("空き店舗活用補助金交付件数", items.get(2).getJsonArray("indicators").getJsonObject(1).getString("nameJa"));
        assertEquals(List.of(6000, 6100, 6200, 6200, 6200), targets(items.get(3), 0));
        // Linked, not duplicated: core's indicators 14, 16, 17 plus the one seed 004 adds for item 16.
        JsonObject indicators = api.get(P + "/082171/indicators?size=100").send().expect(200).object();
        assertEquals(4, indicators.getInt("totalItems"), indicators::toString);
        assertFalse(items.get(0).getJsonArray("indicators").getJsonObject(0).getString("id").isBlank());
    }

    private static List<Integer> targets(JsonObject item, int index) {
        return item.getJsonArray("indicators").getJsonObject(index).getJsonArray("years").getValuesAs(JsonObject.class)
                .stream().map(y -> y.getJsonNumber("target").intValue()).toList();
    }
}
