package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static jp.machi.it.support.Problems.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;

/**
 * Categories of citizen voices per municipality: municipality administrators add, change (If-Match),
 * deactivate and delete them (not while voices carry them), staff and viewers read them (paged,
 * sorted, filtered, CSV in ja/en), anyone reads the active ones for the portal's form; a voice sent
 * with a category carries it, staff change it, the list filters by it; another municipality's
 * category is 404 under our code and 400 as a reference.
 */
@MachiTest
class VoiceCategoryIT {

    private final Api api;

    VoiceCategoryIT(Api api) {
        this.api = api;
    }

    private String municipality() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        return lg;
    }

    static String categories(String lg) {
        return Municipalities.PATH + "/" + lg + "/engagement/voice-categories";
    }

    private static String voices(String lg) {
        return Municipalities.PATH + "/" + lg + "/engagement/voices";
    }

    static JsonObjectBuilder category(String code, String nameJa, int order) {
        return Json.createObjectBuilder().add("code", code).add("nameJa", nameJa).add("nameEn", code + " (en)")
                .add("groupName", "生活環境").add("sortOrder", order);
    }

    @Test
    void administratorsKeepCategoriesStaffReadThemAnyoneSeesTheActiveOnes() {
        String lg = municipality();
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Api staff = api.as("STAFF", lg);
        Api viewer = api.as("VIEWER", lg);

        Reply created = admin.post(categories(lg)).json(category("road", "道路・公園", 20).add("open311", true)
                .add("description", "道路の穴、公園の遊具").build()).send().expect(201);
        JsonObject road = created.object();
        assertTrue(created.header("Location").orElse("").endsWith("/voice-categories/" + road.getString("id")));
        assertEquals("\"" + road.getInt("version") + "\"", created.etag());
        assertEquals("道路・公園", road.getString("nameJa"));
        assertTrue(road.getBoolean("active"));
        assertTrue(road.getBoolean("open311"));
        JsonObject waste = admin.post(categories(lg)).json(category("waste", "ごみ", 10).build()).send().expect(201)
                .object();
        assertFalse(waste.getBoolean("open311"), "not open to Open311 by default");
        JsonObject old = admin.post(categories(lg)).json(category("old", "旧分類", 30).add("active", false).build())
                .send().expect(201).object();

        // Staff and viewers read, in the municipality's order; filters; sort.
        List<String> codes = viewer.get(categories(lg)).send().expect(200).object().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("code")).toList();
        assertEquals(List.of("waste", "road", "old"), codes);
        assertEquals(List.of("old", "road", "waste"), staff.get(categories(lg) + "?sort=code").send().expect(200)
                .object().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("code")).toList());
        assertEquals(1, staff.get(categories(lg) + "?active=false").send().expect(200).object().getInt("totalItems"));
        assertEquals("road", staff.get(categories(lg) + "?open311=true").send().expect(200).object()
                .getJsonArray("items").getJsonObject(0).getString("code"));
        Reply badFilter = staff.get(categories(lg) + "?active=yes").send();
        JsonObject bad = assertJapanese(badFilter, assertProblem(badFilter, 400, null));
        assertTrue(fields(bad).contains("active"), bad::toString);
        assertProblem(staff.get(categories(lg) + "?sort=version").send(), 400, null);

        // CSV with BOM, Japanese headers, English ones on request.
        Reply csv = staff.get(categories(lg) + "?format=csv").send().expect(200);
        assertTrue(csv.text().startsWith("\uFEFFコード,名称"), csv::toString);
        assertTrue(csv.text().contains("road") && csv.text().contains("道路・公園"), csv::toString);
        Reply en = staff.get(categories(lg)).accept("text/csv").lang("en").send().expect(200);
        assertTrue(en.text().startsWith("\uFEFFCode,Name (Japanese)"), en::toString);

        // Anyone: the active ones only, with what the form needs.
        List<JsonObject> offered = api.anonymous().get(categories(lg) + "/public").send().expect(200).array().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("ごみ", "道路・公園"), offered.stream().map(o -> o.getString("nameJa")).toList());
        assertEquals(Set.of("id", "nameJa", "nameEn", "groupName"), offered.get(0).keySet());

        // Only administrators write.
        assertProblem(staff.post(categories(lg)).json(category("x", "x", 1).build()).send(), 403, "forbidden");
        assertProblem(staff.delete(categories(lg) + "/" + old.getString("id")).ifMatch("\"0\"").send(), 403,
                "forbidden");
        assertNotEquals(road.getString("id"), waste.getString("id"));
    }

    @Test
    void badCategoriesAreRefusedFieldByFieldAndWriteNothing() {
        String lg = municipality();
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        admin.post(categories(lg)).json(category("road", "道路", 1).build()).send().expect(201);

        Reply duplicate = admin.post(categories(lg)).json(category("road", "別の道路", 2).build()).send();
        JsonObject p = assertJapanese(duplicate, assertProblem(duplicate, 409, "category-code-taken"));
        assertTrue(fields(p).contains("code"), p::toString);
        Reply duplicateEn = admin.post(categories(lg)).lang("en").json(category("road", "別の道路", 2).build()).send();
        assertEnglish(duplicateEn, assertProblem(duplicateEn, 409, "category-code-taken"));

        for (JsonObject body : List.of(
                category("has space", "x", 1).build(),
                category("a/b", "x", 1).build(),
                category("x".repeat(41), "x", 1).build(),
                category("ok1", "", 1).build(),
                category("ok2", "x".repeat(101), 1).build(),
                category("ok3", "x", -1).build(),
                category("ok4", "x", 10000).build(),
                Json.createObjectBuilder().add("nameJa", "コードなし").build())) {
            Reply r = admin.post(categories(lg)).json(body).send();
            JsonObject problem = assertJapanese(r, assertProblem(r, 400, null));
            assertFalse(fields(problem).isEmpty(), problem::toString);
        }
        assertProblem(admin.post(categories(lg)).json("{\"code\":\"ok5\",\"nameJa\":\"x\",\"sortOrder\":\"first\"}")
                .send(), 400, null);
        assertProblem(admin.post(categories(lg)).json("{\"code\":").send(), 400, null);
        assertEquals(1, admin.get(categories(lg)).send().expect(200).object().getInt("totalItems"), "nothing written");
    }

    @Test
    void updatesNeedIfMatchAndOneOfTwoWritersWins() {
        String lg = municipality();
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Reply created = admin.post(categories(lg)).json(category("road", "道路", 1).build()).send().expect(201);
        String path = categories(lg) + "/" + created.object().getString("id");
        String body = category("road", "道路・橋", 1).build().toString();

        assertProblem(admin.put(path).json(body).send(), 428, null);
        assertProblem(admin.put(path).ifMatch("\"7\"").json(body).send(), 412, null);
        String etag = admin.get(path).send().expect(200).etag();
        Reply first = admin.put(path).ifMatch(etag).json(body).send();
        Reply second = admin.put(path).ifMatch(etag).json(category("road", "道路・河川", 1).build()).send();
        assertEquals(200, first.status(), first::toString);
        assertProblem(second, 412, null);
        assertNotEquals(etag, first.etag());
        assertEquals("道路・橋", admin.get(path).send().expect(200).object().getString("nameJa"));

        assertProblem(admin.delete(path).send(), 428, null);
        assertProblem(admin.delete(path).ifMatch(etag).send(), 412, null);
        admin.delete(path).ifMatch(first.etag()).send().expect(204);
        assertProblem(admin.get(path).send(), 404, null);
    }

    @Test
    void voicesCarryACategoryAndTheListFiltersByIt() {
        String lg = municipality();
        String other = municipality();
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        Api staff = api.as("STAFF", lg);
        String road = admin.post(categories(lg)).json(category("road", "道路・公園", 1).build()).send().expect(201)
                .object().getString("id");
        String waste = admin.post(categories(lg)).json(category("waste", "ごみ", 2).build()).send().expect(201)
                .object().getString("id");
        Reply inactive = admin.post(categories(lg)).json(category("old", "旧分類", 3).add("active", false).build())
                .send().expect(201);
        String theirs = api.as("MUNICIPALITY_ADMIN", other).post(categories(other)).json(category("road", "道路", 1)
                .build()).send().expect(201).object().getString("id");

        Api resident = api.anonymous();
        String receipt = resident.post(voices(lg)).json(Json.createObjectBuilder().add("subject", "歩道の段差")
                .add("body", "駅前の歩道に段差があります。").add("categoryId", road).build()).send().expect(201).object()
                .getString("receiptNumber");
        resident.post(voices(lg)).json(Json.createObjectBuilder().add("subject", "分類なし").add("body", "本文").build())
                .send().expect(201);

        // Not offered: inactive, another municipality's, unknown, malformed.
        for (String id : List.of(inactive.object().getString("id"), theirs, UUID.randomUUID().toString())) {
            Reply r = resident.post(voices(lg)).json(Json.createObjectBuilder().add("subject", "x").add("body", "y")
                    .add("categoryId", id).build()).send();
            JsonObject p = assertProblem(r, 400, null);
            assertTrue(fields(p).contains("categoryId"), p::toString);
        }
        assertProblem(resident.post(voices(lg)).json("{\"subject\":\"x\",\"body\":\"y\",\"categoryId\":\"road\"}")
                .send(), 400, null);

        JsonObject voice = staff.get(voices(lg) + "?categoryId=" + road).send().expect(200).object()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(receipt, voice.getString("receiptNumber"));
        assertEquals(road, voice.getString("categoryId"));
        assertEquals("道路・公園", voice.getString("categoryName"));
        assertEquals(1, staff.get(voices(lg) + "?categoryId=" + road).send().expect(200).object().getInt("totalItems"));
        assertEquals(0, staff.get(voices(lg) + "?categoryId=" + waste).send().expect(200).object().getInt("totalItems"));
        assertEquals(0, staff.get(voices(lg) + "?categoryId=" + theirs).send().expect(200).object().getInt("totalItems"));
        assertProblem(staff.get(voices(lg) + "?categoryId=road").send(), 400, null);
        assertTrue(staff.get(voices(lg) + "?format=csv&categoryId=" + road).send().expect(200).text()
                .contains("道路・公園"));

        // Staff move it to another category (the ETag moves), not to another municipality's.
        String path = voices(lg) + "/" + voice.getString("id");
        Reply current = staff.get(path).send().expect(200);
        JsonObject v = current.object();
        java.util.function.Function<String, String> handling = category -> Json.createObjectBuilder()
                .add("channel", v.getString("channel")).add("subject", v.getString("subject"))
                .add("body", v.getString("body")).add("status", "IN_PROGRESS").add("answerDue", v.getString("answerDue"))
                .add("published", false).add("categoryId", category).build().toString();
        Reply foreign = staff.put(path).ifMatch(current.etag()).json(handling.apply(theirs)).send();
        assertTrue(fields(assertProblem(foreign, 400, "invalid-reference")).contains("categoryId"), foreign::toString);
        Reply moved = staff.put(path).ifMatch(current.etag()).json(handling.apply(waste)).send().expect(200);
        assertEquals("ごみ", moved.object().getString("categoryName"));
        assertNotEquals(current.etag(), moved.etag());
        assertEquals(1, staff.get(voices(lg) + "?categoryId=" + waste).send().expect(200).object().getInt("totalItems"));

        // A category voices carry is not deleted (deactivate it); B's category is 404 under A.
        Reply w = admin.get(categories(lg) + "/" + waste).send().expect(200);
        Reply inUse = admin.delete(categories(lg) + "/" + waste).ifMatch(w.etag()).send();
        assertJapanese(inUse, assertProblem(inUse, 409, "category-in-use"));
        assertProblem(admin.get(categories(lg) + "/" + theirs).send(), 404, null);
        assertProblem(admin.put(categories(lg) + "/" + theirs).ifMatch("\"0\"").json(category("road", "乗っ取り", 1)
                .build()).send(), 404, null);
        assertEquals("道路", api.as("MUNICIPALITY_ADMIN", other).get(categories(other) + "/" + theirs).send()
                .expect(200).object().getString("nameJa"));
    }
}
