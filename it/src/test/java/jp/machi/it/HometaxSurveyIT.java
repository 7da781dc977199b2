package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ふるさと納税に関する現況調査: a fiscal year's donations (April–March), per use, the costs of the
 * designation year starting in it per category with their share, and the one-stop applications of
 * the calendar year, as JSON, as one CSV (the sheet in the first column) and as xlsx with a worksheet
 * per sheet; no donor in any of them.
 */
@MachiTest
class HometaxSurveyIT {

    private final Api api;
    private String base;
    private String survey;

    HometaxSurveyIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        survey = base + "/promotion/hometown-tax-survey";
    }

    private String use(String name, int order) {
        return api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", name).add("sortOrder", order).build())
                .send().expect(201).object().getString("id");
    }

    private String donate(String donor, String day, long amount, String use) {
        var b = Json.createObjectBuilder().add("donorId", donor).add("receivedOn", day).add("amount", amount).add("paymentMethod", "CREDIT_CARD");
        if (use != null) {
            b.add("useId", use);
        }
        return api.post(base + "/promotion/donations").json(b.build()).send().expect(201).object().getString("id");
    }

    private static List<List<String>> rows(JsonObject sheet) {
        return sheet.getJsonArray("rows").getValuesAs(JsonObject.class).stream().map(r -> List.of(r.getString("item"),
                r.containsKey("amount") ? r.get("amount").toString() : "", r.containsKey("count") ? r.get("count").toString() : "",
                r.containsKey("percent") ? r.get("percent").toString() : "")).toList();
    }

    @Test
    void theSurveysSheetsAddUpTheYearInTheDatabaseAsJsonCsvAndXlsx() throws IOException {
        String vitality = use("まちの活力づくり", 1);
        String children = use("子育て支援", 2);
        String donor = api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", "調査 花子").build()).send().expect(201)
                .object().getString("id");
        donate(donor, "2024-03-31", 5_000, vitality); // FY2023
        donate(donor, "2024-04-01", 10_000, vitality);
        String october = donate(donor, "2024-10-01", 20_000, children);
        donate(donor, "2025-03-31", 30_000, null);
        donate(donor, "2025-04-01", 40_000, vitality); // FY2025, but designation year 2024
        api.post(base + "/promotion/collection-costs").json(Json.createObjectBuilder().add("designationYear", 2024).add("lines",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("category", "返礼品の調達").add("amount", 15_000))
                        .add(Json.createObjectBuilder().add("category", "広報").add("amount", 3_000))).build()).send().expect(201);
        String apps = base + "/promotion/one-stop-applications";
        api.post(apps).json(Json.createObjectBuilder().add("donorId", donor).add("donationYear", 2024).add("receivedOn", "2024-12-01")
                .add("channel", "MAIL").add("residenceCode", "131130").add("residenceName", "東京都渋谷区").add("identityCheckedOn", "2024-12-02")
                .add("declaresNoTaxReturn", true).add("declaresAtMostFive", true).add("donationIds", Json.createArrayBuilder().add(october)).build()).send().expect(201);
        api.post(apps).json(Json.createObjectBuilder().add("donorId", donor).add("donationYear", 2024).add("receivedOn", "2025-01-08")
                .add("channel", "ONLINE").add("residenceCode", "131130").add("residenceName", "東京都渋谷区").add("declaresNoTaxReturn", true)
                .add("declaresAtMostFive", true).build()).send().expect(201);

        JsonObject s = api.get(survey + "?fiscalYear=R6").send().expect(200).object();
        JsonArray sheets = s.getJsonArray("sheets");
        assertEquals(4, sheets.size());
        assertEquals(List.of("項目", "金額（円）", "件数", "割合（%）"), s.getJsonArray("columns").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        JsonObject received = sheets.getJsonObject(0);
        assertEquals("受入額及び受入件数", received.getString("title"));
        assertEquals("令和6年度", received.getString("period"));
        assertEquals(List.of(List.of("寄附の受入額・受入件数", "60000", "3", "")), rows(received), "April 2024 to March 2025 only");
        assertEquals(List.of(List.of("まちの活力づくり", "10000", "1", ""), List.of("子育て支援", "20000", "1", ""),
                List.of("使途の指定なし", "30000", "1", ""), List.of("合計", "60000", "3", "")), rows(sheets.getJsonObject(1)));
        JsonObject costs = sheets.getJsonObject(2);
        assertEquals("2024年10月〜2025年9月", costs.getString("period"));
        List<List<String>> c = rows(costs);
        assertEquals(List.of("返礼品の調達", "15000", "", ""), c.get(0));
        assertEquals(List.of("広報", "3000", "", ""), c.get(2));
        assertEquals(List.of("募集に要した費用の合計 (寄附額に占める割合)", "18000", "", "20.0"), c.get(c.size() - 2),
                "18,000 of the 90,000 given from October 2024 to September 2025");
        assertEquals(List.of("同じ期間の受入額・受入件数", "90000", "3", ""), c.get(c.size() - 1));
        assertEquals(List.of(List.of("申告特例申請書の件数", "", "2", ""), List.of("うち照合済", "", "1", ""), List.of("通知した寄附者数", "", "1", ""),
                List.of("通知した寄附の件数", "", "1", ""), List.of("通知先の市区町村数", "", "1", ""), List.of("変更届出書の件数", "", "0", "")),
                rows(sheets.getJsonObject(3)));

        String csv = new String(api.get(survey + "?fiscalYear=2024&format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF調査票,対象期間,項目,金額（円）,件数,割合（%）\r\n1 受入額及び受入件数,令和6年度,寄附の受入額・受入件数,60000,3,"), csv);
        assertTrue(csv.contains("3 募集に要した費用,2024年10月〜2025年9月,募集に要した費用の合計 (寄附額に占める割合),18000,,20.0"), csv);
        assertFalse(csv.contains("調査 花子"), "no donor in the survey");
        String en = new String(api.get(survey + "?fiscalYear=2024").header("Accept", "text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFSheet,Period,Item,Amount (yen),Count,Share (%)") && en.contains("FY2024"), en);

        Reply x = api.get(survey + "?fiscalYear=R6&format=xlsx").send().expect(200);
        assertTrue(x.header("Content-Type").orElse("").startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        List<String> names = new java.util.ArrayList<>();
        Map<String, List<List<String>>> cells = new HashMap<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(x.bytes()))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                names.add(sheet.getName());
                List<List<String>> rows = new java.util.ArrayList<>();
                for (org.dhatim.fastexcel.reader.Row row : sheet.read()) {
                    List<String> r2 = new java.util.ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        r2.add(row.getCellText(i));
                    }
                    rows.add(r2);
                }
                cells.put(sheet.getName(), rows);
            }
        }
        assertEquals(List.of("1 受入額及び受入件数", "2 使途別の受入額", "3 募集に要した費用", "4 ワンストップ特例"), names);
        List<List<String>> first = cells.get("1 受入額及び受入件数").stream().filter(r -> !r.isEmpty() && !r.get(0).isBlank()).toList();
        assertTrue(first.get(0).get(0).contains("受入額及び受入件数") && first.get(1).get(0).contains("令和6年度"), first::toString);
        assertEquals(List.of("項目", "金額（円）", "件数", "割合（%）"), first.get(2).subList(0, 4), "the columns under the title and period");
        assertEquals(List.of("寄附の受入額・受入件数", "60000", "3"), first.get(3).subList(0, 3));
        List<String> noUse = cells.get("2 使途別の受入額").stream().filter(r -> !r.isEmpty() && r.get(0).equals("使途の指定なし")).findFirst()
                .orElseThrow();
        assertEquals(List.of("使途の指定なし", "30000", "1"), noUse.subList(0, 3));
        assertFalse(cells.toString().contains("調査 花子"), "no donor in the workbook");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        assertEquals(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1,
                api.get(survey).send().expect(200).object().getJsonObject("fiscalYear").getInt("year"), "this fiscal year when left out");
        assertProblem(api.get(survey + "?fiscalYear=someday").send(), 400, "validation");
        assertProblem(api.get(survey + "?fiscalYear=R6&format=pdf").send(), 400, "validation");
        assertEquals(200, api.as("VIEWER", base.substring(base.lastIndexOf('/') + 1)).get(survey + "?fiscalYear=R6").send().status());
    }
}
