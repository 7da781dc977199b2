package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.Charset;
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
 * ふるさと納税: donations imported from a portal site's export by the site's saved column mapping:
 * UTF-8 or Shift_JIS, a dry run that previews and writes nothing, all or nothing with every failing
 * row and column named (ja/en), duplicates across files (the site's order id; the same donor, day
 * and amount), donors matched or created, My Number refused, the mapping edited with If-Match.
 */
@MachiTest
class DonationImportIT {

    static final String HEADER = "受付番号,入金日,寄附金額,寄附者氏名,寄附者氏名（カナ）,郵便番号,住所,電話番号,メールアドレス,決済方法,"
            + "寄附金の使い道,返礼品,氏名公表\n";
    static final Charset SJIS = Charset.forName("Windows-31J");

    private final Api api;
    private String lg;
    private String base;
    private String sites;
    private String site;
    private String imports;

    DonationImportIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        sites = base + "/promotion/import-sites";
        site = api.post(sites).json(siteBody("ふるさとチョイス")).send().expect(201).object().getString("id");
        imports = base + "/promotion/donations/bulk-imports?site=" + site;
        api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", "子育て支援").build()).send()
                .expect(201);
    }

    private static JsonObject siteBody(String name) {
        return Json.createObjectBuilder().add("name", name).add("defaultPaymentMethod", "CREDIT_CARD")
                .add("columns", Json.createObjectBuilder().add("orderId", "受付番号").add("receivedOn", "入金日")
                        .add("amount", "寄附金額").add("name", "寄附者氏名").add("kana", "寄附者氏名（カナ）").add("postalCode", "郵便番号")
                        .add("address", "住所").add("phone", "電話番号").add("email", "メールアドレス").add("payment", "決済方法")
                        .add("use", "寄附金の使い道").add("publishName", "氏名公表"))
                .build();
    }

    private static String row(String order, String day, String amount, String name, String email) {
        return order + "," + day + "," + amount + "," + name + ",シュウナン タロウ,745-8655,山口県周南市岐山通1丁目1番地,0834-22-8211," + email
                + ",クレジットカード決済,子育て支援,,希望しない\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private int donations() {
        return api.get(base + "/promotion/donations").send().expect(200).object().getInt("totalItems");
    }

    private int donors() {
        return api.get(base + "/promotion/donors").send().expect(200).object().getInt("totalItems");
    }

    @Test
    void aDryRunPreviewsWhatChangesAndWritesNothingThenTheImportWritesItAll() {
        // A donor already registered by hand: matched by e-mail, not created again.
        api.post(base + "/promotion/donors").json(Json.createObjectBuilder().add("name", "周南一郎")
                .add("email", "ichiro@example.jp").build()).send().expect(201);
        String file = HEADER + row("C-0001", "2024/10/01", "\"10,000\"", "周南一郎", "ichiro@example.jp")
                + row("C-0002", "2024/10/02", "20000", "徳山花子", "hanako@example.jp")
                + row("C-0003", "2024/12/31 23:59:59", "30000円", "徳山花子", "hanako@example.jp")
                + "\"C-0004\",2025-01-05,5000,\"新南陽,次郎\",,,,,jiro@example.jp,コンビニ払い,,,希望する\n";
        Reply dry = api.post(imports + "&dryRun=true").body(utf8(file), "text/csv").send();
        JsonObject d = dry.expect(200).object();
        assertTrue(d.getBoolean("dryRun"));
        assertEquals("ふるさとチョイス", d.getString("site"));
        assertEquals("UTF-8", d.getString("charset"));
        assertEquals(4, d.getInt("rowCount"));
        assertEquals(4, d.getInt("newCount"));
        assertEquals(0, d.getInt("imported"));
        assertEquals(1, d.getInt("donorsMatched"));
        assertEquals(2, d.getInt("donorsCreated"));
        assertEquals(65000, d.getJsonNumber("amount").longValue());
        JsonObject first = d.getJsonArray("rows").getJsonObject(0);
        assertEquals(2, first.getInt("line"));
        assertEquals("新規", first.getString("statusLabel"));
        assertEquals("登録済みの寄附者", first.getString("donorMatchLabel"));
        assertEquals("クレジットカード", first.getString("paymentMethod"));
        assertEquals("周＊＊＊", first.getString("donorName"), "personal data masked in the preview");
        assertEquals("ファイル内の寄附者", d.getJsonArray("rows").getJsonObject(2).getString("donorMatchLabel"));
        assertEquals("コンビニ払い", d.getJsonArray("rows").getJsonObject(3).getString("paymentMethod"));
        assertFalse(dry.text().contains("徳山花子") || dry.text().contains("hanako@"), dry::toString);
        assertEquals(0, donations(), "a dry run writes nothing");
        assertEquals(1, donors());

        Reply done = api.post(imports).body(utf8(file), "text/csv").send();
        JsonObject r = done.expect(201).object();
        assertEquals(4, r.getInt("imported"));
        assertTrue(done.header("Location").orElseThrow().contains("/promotion/donations?channel="), done::toString);
        assertEquals(4, donations());
        assertEquals(3, donors());
        JsonObject oct = api.get(base + "/promotion/donations?from=2024-10-01&to=2024-10-01").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("ふるさとチョイス", oct.getString("channel"));
        assertEquals("子育て支援", oct.getString("useName"));
        assertEquals(10000, oct.getInt("amount"));
        assertEquals(2024, oct.getInt("designationYear"));
        JsonObject jan = api.get(base + "/promotion/donations?from=2025-01-05&to=2025-01-05").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertTrue(jan.getBoolean("publishName"));
        assertEquals("CONVENIENCE_STORE", jan.getString("paymentMethod"));

        // Audited, one CREATE per donation and per new donor, with no copy of the personal data.
        String donationId = r.getJsonArray("rows").getJsonObject(1).getString("donationId");
        JsonObject event = api.get(base + "/audit-events?action=CREATE&entityId=" + donationId).send().expect(200).object();
        assertEquals(1, event.getInt("totalItems"), event::toString);
        String newDonor = r.getJsonArray("rows").getJsonObject(1).getString("donorId");
        JsonObject donorEvent = api.get(base + "/audit-events?action=CREATE&entityId=" + newDonor).send().expect(200).object();
        assertEquals(1, donorEvent.getInt("totalItems"));
        assertFalse(donorEvent.toString().contains("徳山花子") || donorEvent.toString().contains("hanako@"), donorEvent::toString);

        // The donations' CSV, donor names masked.
        String csv = new String(api.get(base + "/promotion/donations?format=csv&sort=receivedOn").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), csv);
        assertTrue(csv.contains("2024-10-02,令和6年度,徳＊＊＊,20000,クレジットカード,ふるさとチョイス,子育て支援"), csv);
        assertFalse(csv.contains("徳山花子"), csv);
    }

    @Test
    void shiftJisIsDetectedOrDeclaredAndBytesInNeitherAreRefused() {
        String file = HEADER + row("S-1", "2024/11/03", "12000", "周南一郎", "ichiro@example.jp");
        byte[] sjis = file.getBytes(SJIS);
        JsonObject d = api.post(imports + "&dryRun=true").body(sjis, "text/csv").send().expect(200).object();
        assertEquals("windows-31j", d.getString("charset").toLowerCase(), d::toString);
        assertEquals(1, d.getInt("newCount"));
        JsonObject r = api.post(imports).body(sjis, "text/csv; charset=Shift_JIS").send().expect(201).object();
        assertEquals(1, r.getInt("imported"));
        JsonObject x = api.get(base + "/promotion/donations").send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals("子育て支援", x.getString("useName"), "the Japanese text read right");

        Reply wrong = api.post(imports).body(sjis, "text/csv; charset=UTF-8").send();
        assertJapanese(wrong, assertProblem(wrong, 400, "invalid-encoding"));
        assertEquals(1, donations());
    }

    @Test
    void duplicatesAcrossFilesAreSkippedByOrderIdAndSuspectedBySameDonorDayAndAmount() {
        String first = HEADER + row("C-1", "2024/10/01", "10000", "周南一郎", "ichiro@example.jp")
                + row("C-2", "2024/10/02", "20000", "周南一郎", "ichiro@example.jp");
        assertEquals(2, api.post(imports).body(utf8(first), "text/csv").send().expect(201).object().getInt("imported"));
        // The site's next export repeats C-2, adds C-3, and C-4 is the same donor, day and amount as C-1.
        String second = HEADER + row("C-2", "2024/10/02", "20000", "周南一郎", "ichiro@example.jp")
                + row("C-3", "2024/10/03", "30000", "周南一郎", "ichiro@example.jp")
                + row("C-3", "2024/10/03", "30000", "周南一郎", "ichiro@example.jp")
                + row("C-4", "2024/10/01", "10000", "周南一郎", "ichiro@example.jp");
        JsonObject dry = api.post(imports + "&dryRun=true").body(utf8(second), "text/csv").send().expect(200).object();
        assertEquals(1, dry.getInt("newCount"));
        assertEquals(2, dry.getInt("duplicateOrders"));
        assertEquals(1, dry.getInt("suspectedDuplicates"));
        assertEquals("DUPLICATE_ORDER", dry.getJsonArray("rows").getJsonObject(0).getString("status"));
        assertEquals(3, dry.getJsonArray("rows").getJsonObject(2).getInt("duplicateOfLine"));
        assertEquals("重複の疑い（同じ寄附者・日・金額）", dry.getJsonArray("rows").getJsonObject(3).getString("statusLabel"));
        JsonObject r = api.post(imports).body(utf8(second), "text/csv").send().expect(201).object();
        assertEquals(1, r.getInt("imported"));
        assertEquals(3, donations());
        assertEquals(1, donors(), "one donor, matched every time");
        JsonObject again = api.post(imports + "&importSuspected=true").body(utf8(second), "text/csv").send().expect(201).object();
        assertEquals(1, again.getInt("imported"), "the suspected one, when asked");
        assertEquals(4, donations());
    }

    @Test
    void anyRowErrorRefusesTheWholeFileNamingRowAndColumnInJapaneseAndEnglish() {
        String file = HEADER + row("E-1", "2024/10/01", "10000", "周南一郎", "ichiro@example.jp")
                + row("E-2", "2024/13/01", "10000", "周南二郎", "jiro@example.jp")
                + row("E-3", "2024/10/01", "十円", "周南三郎", "saburo@example.jp")
                + row("", "2024/10/01", "1000", "", "not-an-email")
                + "E-5,2024/10/01,1000,周南五郎,,,,,,小切手,存在しない使途,,たぶん\n";
        Reply ja = api.post(imports).body(utf8(file), "text/csv").send();
        JsonObject p = assertJapanese(ja, assertProblem(ja, 422, "import-rejected"));
        assertTrue(p.getString("detail").contains("4 行"), p::toString);
        Map<String, String> byField = new HashMap<>();
        for (JsonValue v : p.getJsonArray("errors")) {
            byField.put(v.asJsonObject().getString("field"), v.asJsonObject().getString("message"));
        }
        assertEquals("3 行目「入金日」列: 「2024/13/01」は日付（2024/04/01 など、2008年以降）として読めません。",
                byField.get("line[3].receivedOn"), byField::toString);
        assertTrue(byField.get("line[4].amount").startsWith("4 行目「寄附金額」列: 「十円」"), byField::toString);
        assertEquals("5 行目「受付番号」列: 値がありません。", byField.get("line[5].orderId"));
        assertNotNull(byField.get("line[5].name"));
        assertNotNull(byField.get("line[5].email"));
        assertTrue(byField.get("line[6].payment").contains("「小切手」"), byField::toString);
        assertTrue(byField.get("line[6].use").contains("「存在しない使途」"), byField::toString);
        assertNotNull(byField.get("line[6].publishName"));
        assertFalse(byField.keySet().stream().anyMatch(f -> f.startsWith("line[2]")), "row 2 is fine");

        Reply en = api.post(imports).lang("en").body(utf8(file), "text/csv").send();
        JsonObject pe = assertEnglish(en, assertProblem(en, 422, "import-rejected"));
        assertTrue(pe.getJsonArray("errors").getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("message")
                .equals("Row 5, column \"受付番号\": no value.")), pe::toString);
        assertEquals(0, donations(), "nothing written");
        assertEquals(0, donors(), "no donor created");
    }

    @Test
    void aMyNumberInAnyColumnIsRefusedAndNeverStored() {
        String file = HEADER.replace("\n", ",個人番号\n")
                + row("M-1", "2024/10/01", "10000", "周南一郎", "ichiro@example.jp").replace("\n", ",1234 5678 9012\n");
        Reply r = api.post(imports).body(utf8(file), "text/csv").send();
        JsonObject p = assertProblem(r, 422, "import-rejected");
        String messages = p.getJsonArray("errors").toString();
        assertTrue(messages.contains("マイナンバー"), messages);
        assertFalse(r.text().contains("1234 5678 9012") || r.text().contains("123456789012"), r::toString);
        assertEquals(0, donations());
        assertEquals(0, donors());
    }

    @Test
    void badRequestsAreClearProblems() {
        Reply header = api.post(imports).body(utf8("番号,日付\nX,2024/10/01\n"), "text/csv").send();
        JsonObject h = assertProblem(header, 422, "import-rejected");
        assertTrue(h.getJsonArray("errors").toString().contains("見出し行に「受付番号」の列（受付番号）がありません"), h::toString);
        assertProblem(api.post(imports).body(new byte[0], "text/csv").send(), 422, "import-rejected");
        assertProblem(api.post(imports).body(utf8(HEADER), "text/csv").send(), 422, "import-rejected");
        assertProblem(api.post(base + "/promotion/donations/bulk-imports").body(utf8(HEADER), "text/csv").send(), 400, null);
        assertProblem(api.post(base + "/promotion/donations/bulk-imports?site=nope").body(utf8(HEADER), "text/csv").send(), 400,
                null);
        assertProblem(api.post(imports + "&dryRun=maybe").body(utf8(HEADER), "text/csv").send(), 400, null);
        assertProblem(api.post(imports + "&preview=5000").body(utf8(HEADER), "text/csv").send(), 400, null);
        assertEquals(403, api.as("VIEWER", lg).post(imports).body(utf8(HEADER), "text/csv").send().status());
        // Another municipality's site is not found.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        assertProblem(api.post(Municipalities.PATH + "/" + other + "/promotion/donations/bulk-imports?site=" + site)
                .body(utf8(HEADER), "text/csv").send(), 404, null);
    }

    @Test
    void theColumnMappingIsSavedPerSiteAndEditedWithIfMatch() {
        Reply got = api.get(sites + "/" + site).send().expect(200);
        JsonObject s = got.object();
        assertEquals("ふるさとチョイス", s.getString("name"));
        assertEquals("受付番号", s.getJsonArray("columns").getJsonObject(0).getString("column"));
        assertEquals("受付番号", s.getJsonArray("columns").getJsonObject(0).getString("label"));
        assertEquals(1, api.get(sites).send().expect(200).object().getInt("totalItems"));

        JsonObject renamed = Json.createObjectBuilder(siteBody("ふるさとチョイス")).add("columns",
                Json.createObjectBuilder().add("orderId", "寄附番号").add("receivedOn", "入金日").add("amount", "寄附金額")
                        .add("name", "寄附者氏名")).build();
        assertProblem(api.put(sites + "/" + site).json(renamed).send(), 428, null);
        assertProblem(api.put(sites + "/" + site).ifMatch("\"99\"").json(renamed).send(), 412, null);
        Reply updated = api.put(sites + "/" + site).ifMatch(got.etag()).json(renamed).send().expect(200);
        assertEquals("寄附番号", updated.object().getJsonArray("columns").getJsonObject(0).getString("column"));
        String file = "寄附番号,入金日,寄附金額,寄附者氏名\nR-1,2024/10/01,10000,周南一郎\n";
        assertEquals(1, api.post(imports).body(utf8(file), "text/csv").send().expect(201).object().getInt("imported"));

        assertProblem(api.post(sites).json(siteBody("ふるさとチョイス")).send(), 409, null);
        JsonObject noOrder = Json.createObjectBuilder().add("name", "楽天ふるさと納税")
                .add("columns", Json.createObjectBuilder().add("receivedOn", "日").add("amount", "額").add("name", "名")
                        .add("nonsense", "x")).build();
        Reply bad = api.post(sites).json(noOrder).send();
        JsonObject bp = assertProblem(bad, 400, null);
        assertTrue(bp.toString().contains("columns.orderId"), bp::toString);
        assertTrue(bp.toString().contains("nonsense"), bp::toString);
        assertEquals(403, api.as("VIEWER", lg).post(sites).json(siteBody("さとふる")).send().status());
        assertProblem(api.delete(sites + "/" + site).send(), 428, null);
        api.delete(sites + "/" + site).ifMatch(updated.etag()).send().expect(204);
        assertEquals(1, donations(), "the imported donations stay");
        assertEquals(List.of(), api.get(sites).send().expect(200).object().getJsonArray("items"));
    }
}
