package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 寄附金の使途 (the uses donors of hometown-tax donations choose from): name, description, offered
 * or not, order; names unique per municipality (409); If-Match; field errors ja/en; list order,
 * filters, paging, CSV; the audit trail; another municipality's use is 404.
 */
@MachiTest
class DonationUseIT {

    private final Api api;
    private String lg;
    private String base;
    private String uses;

    DonationUseIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "promotion", true);
        base = Municipalities.PATH + "/" + lg;
        uses = base + "/promotion/donation-uses";
    }

    private static JsonObjectBuilder use(String name, int order) {
        return Json.createObjectBuilder().add("name", name).add("description", name + "に活用します。").add("sortOrder", order);
    }

    @Test
    void usesAreListedInTheirOrderAndRevisedWithIfMatch() {
        Reply children = api.post(uses).json(use("子育て・教育の充実", 2).build()).send();
        children.expect(201);
        JsonObject c = children.object();
        assertTrue(c.getBoolean("active"), "offered unless said otherwise");
        assertEquals(2, c.getInt("sortOrder"));
        api.post(uses).json(use("市長におまかせ", 9).build()).send().expect(201);
        api.post(uses).json(use("産業の振興", 1).add("active", false).build()).send().expect(201);
        JsonObject list = api.get(uses).send().expect(200).object();
        assertEquals(List.of("産業の振興", "子育て・教育の充実", "市長におまかせ"), names(list));
        assertEquals(List.of("市長におまかせ", "子育て・教育の充実", "産業の振興"), names(api.get(uses + "?sort=-sortOrder").send().expect(200).object()));
        assertEquals(List.of("子育て・教育の充実", "市長におまかせ"), names(api.get(uses + "?active=true").send().expect(200).object()));
        assertEquals(List.of("市長におまかせ"), names(api.get(uses + "?q=おまかせ").send().expect(200).object()));
        assertEquals(List.of("子育て・教育の充実"), names(api.get(uses + "?page=1&size=1").send().expect(200).object()));

        String item = uses + "/" + c.getString("id");
        assertProblem(api.put(item).json(use("子育て", 2).build()).send(), 428, null);
        Reply renamed = api.put(item).ifMatch(children.etag()).json(use("子育て・教育", 3).build()).send().expect(200);
        assertNotEquals(children.etag(), renamed.etag());
        assertEquals("子育て・教育", renamed.object().getString("name"));
        assertProblem(api.put(item).ifMatch(children.etag()).json(use("子育て", 2).build()).send(), 412, null);
        Reply dup = api.put(item).ifMatch(renamed.etag()).json(use("市長におまかせ", 3).build()).send();
        assertJapanese(dup, assertProblem(dup, 409, "duplicate"));
        Reply dupEn = api.post(uses).lang("en").json(use("市長におまかせ", 3).build()).send();
        assertEquals("A donation use named \"市長におまかせ\" already exists.", assertProblem(dupEn, 409, "duplicate").getString("detail"));
        assertEquals("en", dupEn.header("Content-Language").orElse(""));

        List<JsonObject> events = api.get(base + "/audit-events?entityId=" + c.getString("id")).send().expect(200).object()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of("UPDATE", "CREATE"), events.stream().map(e -> e.getString("action")).toList());

        String csv = new String(api.get(uses + "?format=csv").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF表示順,使途,説明,受付中"), csv);
        assertTrue(csv.contains("1,産業の振興,産業の振興に活用します。,いいえ"), csv);
        String en = new String(api.get(uses).header("Accept", "text/csv").lang("en").send().expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFFOrder,Use,Description,Offered") && en.contains(",Yes"), en);

        assertProblem(api.delete(item).send(), 428, null);
        assertEquals(204, api.delete(item).ifMatch(renamed.etag()).send().status());
        assertEquals(2, api.get(uses).send().expect(200).object().getInt("totalItems"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNothing() {
        Reply ja = api.post(uses).json(Json.createObjectBuilder().add("name", "").add("description", "x".repeat(2001))
                .add("sortOrder", -1).build()).send();
        String f = Problems.fields(assertJapanese(ja, assertProblem(ja, 400, null)));
        assertTrue(f.contains("\"name\"") && f.contains("\"description\"") && f.contains("\"sortOrder\""), f);
        Reply en = api.post(uses).lang("en").json(Json.createObjectBuilder().add("name", "あ".repeat(201)).build()).send();
        assertTrue(Problems.fields(assertEnglish(en, assertProblem(en, 400, null))).contains("\"name\""));
        Problems.assertClientProblem(api.post(uses).json(Json.createObjectBuilder().add("name", "x").add("active", "yes").build()).send());
        Reply fraction = api.post(uses).json(Json.createObjectBuilder().add("name", "x").add("sortOrder", 1.5).build()).send();
        assertTrue(Problems.fields(assertProblem(fraction, 400, null)).contains("\"sortOrder\""), fraction::toString);
        assertProblem(api.get(uses + "?active=1").send(), 400, null);
        assertEquals(0, api.get(uses).send().expect(200).object().getInt("totalItems"), "nothing written");
        assertEquals(403, api.as("VIEWER", lg).post(uses).json(use("x", 1).build()).send().status());

        String id = api.post(uses).json(use("環境保全", 1).build()).send().expect(201).object().getString("id");
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "promotion", true);
        assertProblem(api.get(Municipalities.PATH + "/" + other + "/promotion/donation-uses/" + id).send(), 404, null);
        assertEquals(404, api.as("STAFF", other).get(uses + "/" + id).send().status());
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(x -> x.getString("name")).toList();
    }
}
