package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ふるさと納税の寄附者と寄附: donors' personal data masked in lists, CSV and reads, shown in full
 * only with {@code ?reveal=personal-data} (an audit event), exported and anonymised by core's
 * residents' data requests; donations with fiscal and designation years, references checked
 * (another municipality's donor, use or gift is 400), filters, sort, paging and CSV in the
 * database; metrics an indicator binds to; the printable 寄附金受領証明書.
 */
@MachiTest
class DonationIT {

    static final String NAME = "周南花子";
    static final String ADDRESS = "山口県周南市岐山通1丁目1番地";
    static final String EMAIL = "hanako.shunan@example.jp";
    static final String PHONE = "0834-22-8211";

    private final Api api;
    private String lg;
    private String base;
    private String donors;
    private String donations;

    DonationIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        donors = base + "/promotion/donors";
        donations = base + "/promotion/donations";
    }

    private JsonObjectBuilder person(String name, String email) {
        return Json.createObjectBuilder().add("name", name).add("nameKana", "シュウナンハナコ").add("postalCode", "7458655")
                .add("address", ADDRESS).add("phone", PHONE).add("email", email);
    }

    private String donor(String name, String email) {
        return api.post(donors).json(person(name, email).build()).send().expect(201).object().getString("id");
    }

    private String use(String name) {
        return api.post(base + "/promotion/donation-uses").json(Json.createObjectBuilder().add("name", name).build()).send()
                .expect(201).object().getString("id");
    }

    private String gift(String name, long amount) {
        return api.post(base + "/promotion/return-gifts").json(Json.createObjectBuilder().add("name", name)
                .add("supplier", "周南市物産協会").add("ground", "PRODUCED_LOCALLY").add("procurementCost", amount * 3 / 10)
                .add("shippingCost", 1000).add("donationAmount", amount).build()).send().expect(201).object().getString("id");
    }

    private static JsonObjectBuilder donation(String donorId, String day, long amount) {
        return Json.createObjectBuilder().add("donorId", donorId).add("receivedOn", day).add("amount", amount)
                .add("paymentMethod", "CREDIT_CARD").add("channel", "ふるさとチョイス");
    }

    @Test
    void aDonorsPersonalDataIsMaskedAndShownInFullOnlyOnAnAuditedRequest() {
        Reply created = api.post(donors).json(person(NAME, EMAIL).build()).send();
        created.expect(201);
        assertFalse(created.text().contains(NAME) || created.text().contains(EMAIL) || created.text().contains("岐山通"), created::toString);
        String id = created.object().getString("id");
        JsonObject masked = api.get(donors + "/" + id).send().expect(200).object();
        assertEquals("周＊＊＊", masked.getString("name"));
        assertEquals("h***@example.jp", masked.getString("email"));
        assertEquals("0834-**-8211".length(), masked.getString("phone").length(), masked::toString);
        assertFalse(masked.toString().contains("岐山通"), masked::toString);
        JsonObject list = api.get(donors).send().expect(200).object();
        assertFalse(list.toString().contains(NAME) || list.toString().contains(EMAIL), list::toString);
        String csv = new String(api.get(donors + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF氏名,フリガナ,郵便番号,住所,電話番号,メールアドレス,寄附件数,登録日"), csv);
        assertFalse(csv.contains(NAME) || csv.contains(EMAIL) || csv.contains("岐山通"), csv);

        assertTrue(api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object()
                .getJsonArray("items").isEmpty());
        JsonObject full = api.as("STAFF", lg).get(donors + "/" + id + "?reveal=personal-data").send().expect(200).object();
        assertEquals(NAME, full.getString("name"));
        assertEquals("745-8655", full.getString("postalCode"), "written the usual way");
        assertEquals(ADDRESS, full.getString("address"));
        assertEquals(EMAIL, full.getString("email"));
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + id).send().expect(200).object()
                .getInt("totalItems"));
        assertProblem(api.as("VIEWER", lg).get(donors + "/" + id + "?reveal=personal-data").send(), 403, null);
        assertProblem(api.get(donors + "/" + id + "?reveal=everything").send(), 400, null);

        // The audit trail keeps no copy of the values.
        JsonObject create = api.get(base + "/audit-events?action=CREATE&entityId=" + id).send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertFalse(create.toString().contains(NAME) || create.toString().contains(EMAIL), create::toString);
    }

    @Test
    void badDonorDataIsRefusedFieldByField() {
        Reply ja = api.post(donors).json(Json.createObjectBuilder().add("name", " ").add("nameKana", "Hanako")
                .add("postalCode", "74-58655").add("phone", "12").add("email", "hanako@").build()).send();
        String f = Problems.fields(assertJapanese(ja, assertProblem(ja, 400, null)));
        assertTrue(f.contains("\"name\""), f);
        Reply more = api.post(donors).lang("en").json(Json.createObjectBuilder().add("name", "周南花子").add("nameKana", "Hanako")
                .add("postalCode", "74-58655").add("phone", "12").add("email", "hanako@").build()).send();
        String g = Problems.fields(assertEnglish(more, assertProblem(more, 400, null)));
        for (String field : List.of("nameKana", "postalCode", "phone", "email")) {
            assertTrue(g.contains("\"" + field + "\""), field + " in " + g);
        }
        assertTrue(g.contains("katakana") && g.contains("7 digits"), g);
        assertEquals(0, api.get(donors).send().expect(200).object().getInt("totalItems"), "nothing written");
    }

    @Test
    void donationsAreRecordedCheckedListedAndExported() {
        String hanako = donor(NAME, EMAIL);
        String taro = donor("徳山太郎", "taro@example.jp");
        String children = use("子育て支援");
        String nature = use("自然環境の保全");
        String fugu = gift("ふぐ刺身セット", 20000);

        Reply first = api.post(donations).json(donation(hanako, "2024-04-01", 20000).add("useId", children)
                .add("returnGiftId", fugu).add("publishName", true).build()).send();
        first.expect(201);
        JsonObject d = first.object();
        assertEquals(2024, d.getJsonObject("fiscalYear").getInt("year"));
        assertEquals("令和6年度", d.getJsonObject("fiscalYear").getString("label"));
        assertEquals(2023, d.getInt("designationYear"), "April 2024 is in October 2023 – September 2024");
        assertEquals("クレジットカード", d.getString("paymentMethodLabel"));
        assertEquals("子育て支援", d.getString("useName"));
        assertEquals("ふぐ刺身セット", d.getString("returnGiftName"));
        assertEquals("周＊＊＊", d.getString("donorName"));
        api.post(donations).json(donation(hanako, "2024-10-01", 10000).add("useId", nature).add("paymentMethod", "BANK_TRANSFER")
                .remove("channel").build()).send().expect(201);
        api.post(donations).json(donation(taro, "2025-03-31", 30000).add("useId", children).add("channel", "楽天ふるさと納税").build())
                .send().expect(201);
        api.post(donations).json(donation(taro, "2023-12-24", 5000).build()).send().expect(201);

        assertEquals(List.of("2025-03-31", "2024-10-01", "2024-04-01", "2023-12-24"), days(api.get(donations).send().expect(200).object()));
        assertEquals(List.of("2025-03-31", "2024-04-01", "2024-10-01", "2023-12-24"),
                days(api.get(donations + "?sort=-amount").send().expect(200).object()));
        assertEquals(3, api.get(donations + "?fiscalYear=R6").send().expect(200).object().getInt("totalItems"));
        assertEquals(3, api.get(donations + "?fiscalYear=2024").send().expect(200).object().getInt("totalItems"));
        assertEquals(List.of("2025-03-31", "2024-10-01"), days(api.get(donations + "?designationYear=2024").send().expect(200).object()));
        assertEquals(List.of("2025-03-31", "2024-04-01"), days(api.get(donations + "?useId=" + children).send().expect(200).object()));
        assertEquals(List.of("2024-04-01"), days(api.get(donations + "?returnGiftId=" + fugu).send().expect(200).object()));
        assertEquals(List.of("2024-10-01"), days(api.get(donations + "?direct=true").send().expect(200).object()));
        assertEquals(List.of("2025-03-31"), days(api.get(donations + "?channel=楽天ふるさと納税").send().expect(200).object()));
        assertEquals(List.of("2024-10-01"), days(api.get(donations + "?paymentMethod=BANK_TRANSFER").send().expect(200).object()));
        assertEquals(List.of("2025-03-31", "2023-12-24"), days(api.get(donations + "?donorId=" + taro).send().expect(200).object()));
        assertEquals(List.of("2024-10-01", "2024-04-01"),
                days(api.get(donations + "?from=2024-04-01&to=2024-12-31").send().expect(200).object()));
        JsonObject page = api.get(donations + "?size=3&page=1").send().expect(200).object();
        assertEquals(4, page.getInt("totalItems"));
        assertEquals(List.of("2023-12-24"), days(page));
        for (String bad : List.of("fiscalYear=R", "designationYear=abc", "from=2024-13-01", "donorId=x", "paymentMethod=GOLD",
                "direct=maybe", "sort=donorName")) {
            Reply r = api.get(donations + "?" + bad).send();
            assertTrue(Problems.fields(assertProblem(r, 400, null)).contains(bad.substring(0, bad.indexOf('=')).replace("donorName", "sort")),
                    bad + ": " + r);
        }

        String csv = new String(api.get(donations + "?format=csv&fiscalYear=R6&sort=receivedOn").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF受領日,年度,寄附者,寄附金額（円）,支払方法,受付経路,使途,返礼品,氏名の公表"), csv);
        assertTrue(csv.contains("2024-04-01,令和6年度,周＊＊＊,20000,クレジットカード,ふるさとチョイス,子育て支援,ふぐ刺身セット,はい"), csv);
        assertTrue(csv.contains("2024-10-01,令和6年度,周＊＊＊,10000,銀行振込,直接 (自治体へ),自然環境の保全,,いいえ"), csv);
        assertFalse(csv.contains(NAME) || csv.contains("徳山太郎"), csv);
        String en = new String(api.get(donations + "?fiscalYear=R6").header("Accept", "text/csv").lang("en").send().expect(200).bytes(),
                StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFReceived,Fiscal year,Donor,Amount (yen)") && en.contains("FY2024") && en.contains("Bank transfer"), en);

        // A use, gift or donor with donations stays.
        assertProblem(api.delete(base + "/promotion/donation-uses/" + children)
                .ifMatch(api.get(base + "/promotion/donation-uses/" + children).send().etag()).send(), 409, "in-use");
        assertProblem(api.delete(base + "/promotion/return-gifts/" + fugu)
                .ifMatch(api.get(base + "/promotion/return-gifts/" + fugu).send().etag()).send(), 409, "in-use");
        assertProblem(api.delete(donors + "/" + taro).ifMatch(api.get(donors + "/" + taro).send().etag()).send(), 409,
                "donor-has-donations");
    }

    private static List<String> days(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(x -> x.getString("receivedOn")).toList();
    }

    @Test
    void referencesAndFiguresAreCheckedAndNothingIsHalfWritten() {
        String hanako = donor(NAME, EMAIL);
        String fugu = gift("ふぐ刺身セット", 20000);
        Reply below = api.post(donations).json(donation(hanako, "2024-04-01", 10000).add("returnGiftId", fugu).build()).send();
        JsonObject p = assertJapanese(below, assertProblem(below, 400, "invalid-reference"));
        assertTrue(Problems.fields(p).contains("寄附金額 20,000 円以上") && Problems.fields(p).contains("returnGiftId"), p::toString);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
        Reply future = api.post(donations).lang("en").json(donation(hanako, tomorrow, 10000).build()).send();
        assertTrue(Problems.fields(assertEnglish(future, assertProblem(future, 400, null))).contains("receivedOn"));
        Reply bad = api.post(donations).json(Json.createObjectBuilder().add("donorId", hanako).add("receivedOn", "2024-02-30")
                .add("amount", 1000.5).add("paymentMethod", "GOLD").build()).send();
        assertTrue(Problems.fields(assertProblem(bad, 400, null)).contains("amount"), bad::toString);
        Reply bad2 = api.post(donations).json(donation(hanako, "2024-02-30", 1000).add("paymentMethod", "GOLD").build()).send();
        String f2 = Problems.fields(assertProblem(bad2, 400, null));
        assertTrue(f2.contains("receivedOn") && f2.contains("paymentMethod"), f2);
        assertProblem(api.post(donations).json(donation(hanako, "2024-04-01", 0).build()).send(), 400, null);
        assertProblem(api.post(donations).json(donation(hanako, "2024-04-01", 10_000_000_000L).build()).send(), 400, null);

        // Another municipality's donor, use and gift are references that do not exist here.
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        String ob = Municipalities.PATH + "/" + other + "/promotion";
        String theirDonor = api.post(ob + "/donors").json(person("他市の人", "other@example.jp").build()).send().expect(201)
                .object().getString("id");
        String theirUse = api.post(ob + "/donation-uses").json(Json.createObjectBuilder().add("name", "他市の使途").build())
                .send().expect(201).object().getString("id");
        Reply foreign = api.post(donations).json(donation(theirDonor, "2024-04-01", 10000).add("useId", theirUse).build()).send();
        String ff = Problems.fields(assertProblem(foreign, 400, "invalid-reference"));
        assertTrue(ff.contains("donorId") && ff.contains("useId"), ff);
        assertEquals(0, api.get(donations).send().expect(200).object().getInt("totalItems"), "nothing written");

        String id = api.post(donations).json(donation(hanako, "2024-04-01", 20000).build()).send().expect(201).object().getString("id");
        assertProblem(api.get(ob + "/donations/" + id).send(), 404, null);
        assertProblem(api.get(ob + "/donations/" + id + "/receipt").send(), 404, null);
        assertProblem(api.get(ob + "/donors/" + hanako).send(), 404, null);

        // If-Match on a donation, and two writers with one ETag.
        String item = donations + "/" + id;
        Reply now = api.get(item).send().expect(200);
        assertProblem(api.put(item).json(donation(hanako, "2024-04-02", 20000).build()).send(), 428, null);
        Reply moved = api.put(item).ifMatch(now.etag()).json(donation(hanako, "2024-04-02", 20000).build()).send().expect(200);
        assertNotEquals(now.etag(), moved.etag());
        assertProblem(api.put(item).ifMatch(now.etag()).json(donation(hanako, "2024-04-03", 20000).build()).send(), 412, null);
        assertEquals("2024-04-02", api.get(item).send().expect(200).object().getString("receivedOn"));
        assertEquals(403, api.as("VIEWER", lg).put(item).ifMatch(moved.etag()).json(donation(hanako, "2024-04-05", 20000).build())
                .send().status());
        assertProblem(api.delete(item).send(), 428, null);
        assertEquals(204, api.delete(item).ifMatch(moved.etag()).send().status());
    }

    @Test
    void theReceiptIsAPrintablePageForStaffAndARecordedRead() {
        String hanako = donor(NAME, EMAIL);
        String children = use("子育て支援");
        String id = api.post(donations).json(donation(hanako, "2024-12-01", 30000).add("useId", children).build()).send()
                .expect(201).object().getString("id");
        Reply page = api.as("STAFF", lg).get(donations + "/" + id + "/receipt").header("Accept", "text/html").send().expect(200);
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        String html = page.text();
        for (String s : List.of("<h1>寄附金受領証明書</h1>", NAME + " 様", ADDRESS, "〒745-8655", "金 30,000 円", "令和6年12月1日", "子育て支援",
                "所得税法第78条第2項第1号", "地方税法第37条の2第1項第1号及び第314条の7第1項第1号")) {
            assertTrue(html.contains(s), s + " in " + html);
        }
        assertFalse(html.contains("<script"), html);
        assertTrue(page.header("Content-Security-Policy").orElse("").contains("default-src 'none'"), page::toString);
        assertEquals("no-store", page.header("Cache-Control").orElse(""));
        assertEquals(1, api.get(base + "/audit-events?action=READ_PERSONAL&entityId=" + hanako).send().expect(200).object()
                .getInt("totalItems"), "printing the receipt is a full read of the donor");
        assertEquals(403, api.as("VIEWER", lg).get(donations + "/" + id + "/receipt").header("Accept", "text/html").send().status());
        assertEquals(200, api.get("/ui/promotion/receipt.css").send().status());
    }

    @Test
    void indicatorsBindToTheDonationMetricsPerFiscalYear() {
        String hanako = donor(NAME, EMAIL);
        api.post(donations).json(donation(hanako, "2023-05-01", 10000).build()).send().expect(201);
        api.post(donations).json(donation(hanako, "2024-03-31", 15000).build()).send().expect(201);
        api.post(donations).json(donation(hanako, "2024-04-01", 50000).build()).send().expect(201);
        String offered = api.get(base + "/metric-sources").send().expect(200).text();
        assertTrue(offered.contains("promotion:donation-amount-per-fiscal-year") && offered.contains("promotion:donations-per-fiscal-year"),
                offered);
        JsonObject amount = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "ふるさと納税の寄附額")
                .add("kind", "OUTCOME").add("unit", "円").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:donation-amount-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 20000))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2024).add("target", 50000))
                        .add(Json.createObjectBuilder().add("fiscalYear", 2025).add("target", 50000))).build())
                .send().expect(201).object();
        assertEquals(25000, IndicatorIT.year(amount, 2023).getJsonNumber("actual").intValue());
        assertEquals(50000, IndicatorIT.year(amount, 2024).getJsonNumber("actual").intValue());
        assertTrue(!IndicatorIT.year(amount, 2025).containsKey("actual") || IndicatorIT.year(amount, 2025).isNull("actual"),
                "no donations, no figure");
        JsonObject count = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "ふるさと納税の寄附件数")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("metricSource", "promotion:donations-per-fiscal-year")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("target", 2))).build())
                .send().expect(201).object();
        assertEquals(2, IndicatorIT.year(count, 2023).getJsonNumber("actual").intValue());
    }

    @Test
    void aDonorIsExportedAndAnonymisedByCoresPersonalDataRequests() {
        String hanako = donor(NAME, EMAIL);
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        api.post(donations).json(donation(hanako, today, 12000).build()).send().expect(201);
        String pd = base + "/personal-data";
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        JsonObject export = admin.post(pd + "/resident-exports").json("{\"email\":\"HANAKO.SHUNAN@example.jp\"}").send().expect(200).object();
        JsonObject rec = export.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("source").equals("promotion.donors")).findFirst().orElseThrow(() -> new AssertionError(export));
        assertEquals(NAME, rec.getJsonObject("data").getString("name"));
        assertEquals(ADDRESS, rec.getJsonObject("data").getString("address"));
        assertTrue(rec.getJsonObject("data").getJsonArray("donations").getString(0).contains("12000"), rec::toString);
        JsonObject byPhone = admin.post(pd + "/resident-exports").json("{\"phone\":\"０８３４２２８２１１\"}").send().expect(200).object();
        assertTrue(byPhone.toString().contains(hanako), byPhone::toString);

        // Within the retention period nothing happens; with 0 years the donor is anonymised, the donation stays.
        assertEquals(0, admin.post(pd + "/anonymisations").json("{}").send().expect(200).object().getInt("total"));
        Reply settings = admin.get(pd + "/settings").send().expect(200);
        admin.put(pd + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);
        JsonObject run = admin.post(pd + "/anonymisations").json("{}").send().expect(200).object();
        assertEquals(1, run.getJsonObject("anonymised").getInt("promotion.donors"), run::toString);
        JsonObject after = api.as("STAFF", lg).get(donors + "/" + hanako + "?reveal=personal-data").send().expect(200).object();
        assertEquals("匿名", after.getString("name"));
        for (String f : List.of("nameKana", "postalCode", "address", "phone", "email")) {
            assertTrue(!after.containsKey(f) || after.isNull(f), () -> f + " of " + after);
        }
        assertFalse(after.isNull("anonymisedAt"));
        assertEquals(1, api.get(donations + "?donorId=" + hanako).send().expect(200).object().getInt("totalItems"));
        assertProblem(api.put(donors + "/" + hanako).ifMatch(api.get(donors + "/" + hanako).send().etag())
                .json(person(NAME, EMAIL).build()).send(), 409, "donor-anonymised");
        assertEquals(0, admin.post(pd + "/anonymisations").json("{}").send().expect(200).object().getInt("total"), "once");
    }
}
