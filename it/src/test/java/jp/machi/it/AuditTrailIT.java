package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (監査証跡) as a municipality administrator reads it: every create, update and
 * delete, in core and in a module, leaves exactly one event with what changed before and after;
 * refused requests leave none; the list filters, pages and exports as CSV; a municipality sees
 * only its own events; nothing in the API can change or delete them.
 *
 * <p>Who the actor is depends on authentication, so the assertions ask only that every event
 * names an actor and that the events of one client name the same one.
 */
@MachiTest
class AuditTrailIT {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Api api;
    private String lg;
    private String base;
    private String audit;

    AuditTrailIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        base = Municipalities.PATH + "/" + lg;
        audit = base + "/audit-events";
    }

    // ---- helpers ----

    private JsonObject page(String query) {
        return api.get(audit + (query.isEmpty() ? "" : "?" + query)).send().expect(200).object();
    }

    /** Every event matching {@code query}, newest first (asks for one big page). */
    private List<JsonObject> events(String query) {
        JsonObject p = page("size=500" + (query.isEmpty() ? "" : "&" + query));
        List<JsonObject> out = new ArrayList<>();
        p.getJsonArray("items").forEach(v -> out.add(v.asJsonObject()));
        assertEquals(out.size(), p.getInt("totalItems"), p::toString);
        return out;
    }

    private List<JsonObject> eventsOf(String entityId) {
        return events("entityId=" + entityId);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> actions(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("action")).toList();
    }

    /** Every event names an actor, and the events of this test's one client all name the same one. */
    private static void assertOneActor(List<JsonObject> events) {
        JsonObject first = events.get(0).getJsonObject("actor");
        for (String field : List.of("id", "name", "method")) {
            assertFalse(first.getString(field, "").isBlank(), () -> "actor." + field + " of " + events.get(0));
        }
        for (JsonObject e : events) {
            assertEquals(first, e.getJsonObject("actor"), () -> "one client, one actor: " + events);
        }
    }

    static JsonObjectBuilder indicator(String name, JsonArrayBuilder years) {
        return Json.createObjectBuilder().add("nameJa", name).add("kind", "OUTCOME").add("unit", "件")
                .add("direction", "HIGHER_IS_BETTER").add("years", years);
    }

    static JsonObjectBuilder year(int fy, Integer target, Integer actual) {
        JsonObjectBuilder y = Json.createObjectBuilder().add("fiscalYear", fy);
        if (target != null) {
            y.add("target", target);
        }
        if (actual != null) {
            y.add("actual", actual);
        }
        return y;
    }

    /** A yearly row as the trail summarises it. */
    /** A yearly row as the trail records it: target, actual and the actual's note (実績入力), none written here. */
    static JsonObject row(int fy, Integer target, Integer actual) {
        return Json.createObjectBuilder().add("fiscalYear", fy)
                .add("target", target == null ? JsonValue.NULL : Json.createValue(target))
                .add("actual", actual == null ? JsonValue.NULL : Json.createValue(actual))
                .add("actualNote", JsonValue.NULL).build();
    }

    private Reply createIndicator(String name) {
        return api.post(base + "/indicators").json(indicator(name, Json.createArrayBuilder()
                .add(year(2020, 55, 48)).add(year(2021, 100, null))).build()).send().expect(201);
    }

    // ---- what is recorded ----

    @Test
    void anIndicatorSentBackUnchangedLeavesNoEventAndKeepsItsVersion() {
        Reply created = createIndicator("相談件数");
        String id = created.object().getString("id");
        String item = base + "/indicators/" + id;
        // The same numbers as sent (55, not the stored 55.0000): nothing changed, nothing to record.
        Reply same = api.put(item).ifMatch(created.etag()).json(indicator("相談件数", Json.createArrayBuilder()
                .add(year(2020, 55, 48)).add(year(2021, 100, null))).build()).send().expect(200);
        assertEquals(created.etag(), same.etag(), "an update that changes nothing keeps the version");
        List<JsonObject> events = eventsOf(id);
        assertEquals(List.of("CREATE"), actions(events), events::toString);
    }

    @Test
    void creatingUpdatingAndDeletingAnIndicatorLeaveOneEventEachWithBeforeAndAfter() {
        Reply created = createIndicator("協働事業件数");
        String id = created.object().getString("id");
        String item = base + "/indicators/" + id;
        Reply updated = api.put(item).ifMatch(created.etag()).json(indicator("市民協働事業件数", Json.createArrayBuilder()
                .add(year(2020, 60, 48)).add(year(2022, 105, null))).build()).send().expect(200);
        api.delete(item).ifMatch(updated.etag()).send().expect(204);

        List<JsonObject> events = eventsOf(id);
        assertEquals(List.of("DELETE", "UPDATE", "CREATE"), actions(events), events::toString);
        events.forEach(e -> {
            assertEquals("Indicator", e.getString("entityType"));
            assertEquals(id, e.getString("entityId"));
        });
        assertOneActor(events);

        JsonObject create = events.get(2);
        assertEquals("作成", create.getString("actionLabel"));
        JsonObject after = create.getJsonObject("changes").getJsonObject("after");
        assertEquals(Set.of("after"), create.getJsonObject("changes").keySet());
        assertEquals("協働事業件数", after.getString("nameJa"));
        assertEquals("OUTCOME", after.getString("kind"));
        assertEquals("HIGHER_IS_BETTER", after.getString("direction"));
        assertTrue(after.isNull("nameEn"), after::toString);
        assertFalse(after.containsKey("id") || after.containsKey("version"), after::toString);
        assertEquals(Json.createArrayBuilder().add(row(2020, 55, 48)).add(row(2021, 100, null)).build(),
                after.getJsonArray("values"));

        JsonObject update = events.get(1).getJsonObject("changes");
        assertEquals(Json.createObjectBuilder().add("nameJa", "協働事業件数").add("values",
                Json.createArrayBuilder().add(row(2020, 55, 48)).add(row(2021, 100, null))).build(),
                update.getJsonObject("before"), "only what changed, as it was");
        assertEquals(Json.createObjectBuilder().add("nameJa", "市民協働事業件数").add("values",
                Json.createArrayBuilder().add(row(2020, 60, 48)).add(row(2022, 105, null))).build(),
                update.getJsonObject("after"), "only what changed, as it is");

        JsonObject before = events.get(0).getJsonObject("changes").getJsonObject("before");
        assertEquals(Set.of("before"), events.get(0).getJsonObject("changes").keySet());
        assertEquals("市民協働事業件数", before.getString("nameJa"));
        assertEquals("件", before.getString("unit"));
        assertEquals(Json.createArrayBuilder().add(row(2020, 60, 48)).add(row(2022, 105, null)).build(),
                before.getJsonArray("values"));

        // One event by its id, as in the list.
        for (JsonObject e : events) {
            assertEquals(e, api.get(audit + "/" + e.getString("id")).send().expect(200).object());
        }
    }

    @Test
    void renamingAMunicipalityIsAnUpdateListedUnderIt() {
        List<JsonObject> registered = events("entityType=Municipality");
        assertEquals(List.of("CREATE"), actions(registered), registered::toString);
        assertEquals(lg, registered.get(0).getJsonObject("changes").getJsonObject("after").getString("code"));

        Reply current = api.get(base).send().expect(200);
        api.put(base).ifMatch(current.etag()).json(Json.createObjectBuilder().add("nameJa", "改名市")
                .add("nameKana", "しけんし").add("nameEn", "Renamed City").build()).send().expect(200);

        List<JsonObject> events = events("entityType=Municipality");
        assertEquals(List.of("UPDATE", "CREATE"), actions(events), events::toString);
        assertEquals(registered.get(0).getString("entityId"), events.get(0).getString("entityId"));
        JsonObject changes = events.get(0).getJsonObject("changes");
        assertEquals(Json.createObjectBuilder().add("nameJa", "試験市" + lg).add("nameEn", "Test City " + lg).build(),
                changes.getJsonObject("before"));
        assertEquals(Json.createObjectBuilder().add("nameJa", "改名市").add("nameEn", "Renamed City").build(),
                changes.getJsonObject("after"));
        assertOneActor(events);
    }

    @Test
    void switchingAModuleOnAndOffIsRecorded() {
        Municipalities.setModule(api, lg, "planning", true);
        Municipalities.setModule(api, lg, "planning", false);
        Municipalities.setModule(api, lg, "planning", false); // no change, no event

        List<JsonObject> events = events("entityType=ModuleEnablement");
        assertEquals(List.of("UPDATE", "CREATE"), actions(events), events::toString);
        JsonObject created = events.get(1).getJsonObject("changes").getJsonObject("after");
        assertEquals("planning", created.getString("moduleId"));
        assertTrue(created.getBoolean("enabled"));
        JsonObject switched = events.get(0).getJsonObject("changes");
        assertTrue(switched.getJsonObject("before").getBoolean("enabled"));
        assertFalse(switched.getJsonObject("after").getBoolean("enabled"));
        assertOneActor(events);
    }

    @Test
    void aModulesEntitiesAreRecordedUnderTheModulesName() {
        Municipalities.setModule(api, lg, "planning", true);
        String programs = base + "/planning/programs";
        JsonObjectBuilder program = Json.createObjectBuilder().add("fiscalYear", 2024).add("programNumber", "7")
                .add("name", "地域防災計画事業");
        Reply created = api.post(programs).json(program.build()).send().expect(201);
        String id = created.object().getString("id");
        Reply revised = api.put(programs + "/" + id).ifMatch(created.etag()).json(Json.createObjectBuilder()
                .add("fiscalYear", 2024).add("programNumber", "7").add("name", "地域防災計画事業")
                .add("purpose", "災害に強いまちをつくる。").build()).send().expect(200);
        api.delete(programs + "/" + id).ifMatch(revised.etag()).send().expect(204);

        List<JsonObject> events = eventsOf(id);
        assertEquals(List.of("DELETE", "UPDATE", "CREATE"), actions(events), events::toString);
        events.forEach(e -> assertEquals("planning.AdministrativeProgram", e.getString("entityType")));
        JsonObject after = events.get(2).getJsonObject("changes").getJsonObject("after");
        assertEquals("地域防災計画事業", after.getString("name"));
        assertEquals(2024, after.getInt("fiscalYear"));
        assertEquals(Json.createObjectBuilder().add("before", Json.createObjectBuilder().addNull("purpose"))
                .add("after", Json.createObjectBuilder().add("purpose", "災害に強いまちをつくる。")).build(),
                events.get(1).getJsonObject("changes"));
        assertEquals("災害に強いまちをつくる。",
                events.get(0).getJsonObject("changes").getJsonObject("before").getString("purpose"));
        assertOneActor(events);
        assertTrue(api.get(audit + "/entity-types").send().expect(200).array()
                .contains(Json.createValue("planning.AdministrativeProgram")));
    }

    @Test
    void refusedRequestsLeaveNoEvent() {
        Municipalities.setModule(api, lg, "planning", true);
        Reply created = createIndicator("A");
        String item = base + "/indicators/" + created.object().getString("id");
        Reply updated = api.put(item).ifMatch(created.etag()).json(indicator("B", Json.createArrayBuilder()).build())
                .send().expect(200);
        List<JsonObject> before = events("");

        JsonObject change = indicator("C", Json.createArrayBuilder()).build();
        assertProblem(api.put(item).json(change).send(), 428, "precondition-required");
        assertProblem(api.put(item).ifMatch(created.etag()).json(change).send(), 412, "stale-version");
        assertProblem(api.delete(item).ifMatch(created.etag()).send(), 412, "stale-version");
        assertProblem(api.put(item).ifMatch(updated.etag()).json(indicator(" ", Json.createArrayBuilder()).build())
                .send(), 400, "validation");
        assertProblem(api.post(base + "/indicators").json(indicator("D", Json.createArrayBuilder())
                .add("ownerUnitId", UUID.randomUUID().toString()).build()).send(), 400, "invalid-reference");
        assertProblem(api.post(base + "/indicators").json("{\"nameJa\":").send(), 400, "malformed-json");
        assertProblem(api.post(base + "/planning/programs").json("{\"fiscalYear\":2024}").send(), 400, "validation");
        assertProblem(api.put(base + "/modules/no-such-module").json("{\"enabled\":true}").send(), 404, null);
        assertProblem(api.put(base).ifMatch("\"999\"").json(Json.createObjectBuilder().add("nameJa", "x")
                .add("nameKana", "えっくす").add("nameEn", "x").build()).send(), 412, "stale-version");

        assertEquals(before, events(""), "nothing refused was recorded");
        assertEquals("B", api.get(item).send().expect(200).object().getString("nameJa"));
    }

    // ---- reading the trail ----

    @Test
    void filtersNarrowTheListAndPagesAreNewestFirst() {
        String a = createIndicator("A").object().getString("id");
        Reply b = createIndicator("B");
        createIndicator("C");
        api.put(base + "/indicators/" + b.object().getString("id")).ifMatch(b.etag())
                .json(indicator("B2", Json.createArrayBuilder()).build()).send().expect(200);

        List<JsonObject> all = events("");
        assertEquals(List.of("UPDATE", "CREATE", "CREATE", "CREATE", "CREATE"), actions(all), all::toString);
        assertEquals("Municipality", all.get(4).getString("entityType"), "registration is the oldest");
        assertOneActor(all);

        assertEquals(4, events("entityType=Indicator").size());
        assertEquals(1, events("entityType=Municipality").size());
        assertEquals(0, events("entityType=indicator").size(), "names are exact");
        assertEquals(List.of(all.get(0)), events("action=UPDATE"));
        assertEquals(List.of(all.get(0)), events("action=update"));
        assertEquals(1, events("entityId=" + a).size());
        assertEquals(1, events("entityType=Indicator&action=UPDATE&entityId=" + b.object().getString("id")).size());
        JsonObject actor = all.get(0).getJsonObject("actor");
        assertEquals(all, events("actor=" + enc(actor.getString("id"))));
        assertEquals(all, events("actor=" + enc(actor.getString("name"))));
        assertEquals(List.of(), events("actor=" + enc("nobody-" + UUID.randomUUID())));

        // Dates are whole days in Japan time, both ends included; date-times are exact, "to" excluded.
        OffsetDateTime newest = OffsetDateTime.parse(all.get(0).getString("occurredAt"));
        OffsetDateTime oldest = OffsetDateTime.parse(all.get(4).getString("occurredAt"));
        LocalDate first = oldest.atZoneSameInstant(JAPAN).toLocalDate();
        LocalDate last = newest.atZoneSameInstant(JAPAN).toLocalDate();
        assertEquals(all, events("from=" + first + "&to=" + last));
        assertEquals(List.of(), events("from=" + last.plusDays(1)));
        assertEquals(List.of(), events("to=" + first.minusDays(1)));
        assertEquals(List.of(all.get(0)), events("from=" + enc(newest.toString())));
        assertEquals(all.subList(1, 5), events("to=" + enc(newest.toString())));

        // Paging: newest first, pages cover the list exactly once.
        JsonObject p0 = page("size=2");
        assertEquals(5, p0.getInt("totalItems"));
        assertEquals(3, p0.getInt("totalPages"));
        List<JsonObject> paged = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            page("size=2&page=" + p).getJsonArray("items").forEach(v -> paged.add(v.asJsonObject()));
        }
        assertEquals(all, paged);
        assertEquals(0, page("size=2&page=3").getJsonArray("items").size());

        assertTrue(api.get(audit + "/entity-types").send().expect(200).array()
                .containsAll(List.of(Json.createValue("Indicator"), Json.createValue("Municipality"))));
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"action=DESTROY", "action"}, {"from=2025-13-01", "from"},
                {"to=yesterday", "to"}, {"from=2025-04-02&to=2025-04-01", "to"}, {"page=-1", "page"},
                {"size=0", "size"}, {"format=xml", "format"}, {"from=%2B999999999-12-31", "from"},
                {"from=-999999999-01-01", "from"}, {"to=%2B999999999-12-31T00:00:00Z", "to"}, {"to=0001-01-01", "to"}}) {
            Reply r = api.get(audit + "?" + bad[0]).lang("en").send();
            JsonObject p = assertEnglish(r, assertProblem(r, 400, "validation"));
            assertTrue(Problems.fields(p).contains("\"" + bad[1] + "\""), () -> bad[0] + ": " + r);
        }
        assertProblem(api.get(audit + "/" + UUID.randomUUID()).send(), 404, "not-found");
    }

    @Test
    void csvExportHasTheByteOrderMarkLocalizedHeadersAndTheEvents() {
        String id = createIndicator("輸出確認").object().getString("id");
        for (Reply r : List.of(api.get(audit + "?format=csv").send().expect(200),
                api.get(audit).accept("text/csv").send().expect(200))) {
            assertTrue(r.contentType().startsWith("text/csv"), r::toString);
            byte[] bytes = r.bytes();
            assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "UTF-8 byte-order mark for Excel");
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            assertEquals("日時,操作,対象の種類,対象の ID,操作者,操作者 ID,認証方法,変更内容", lines.get(0));
            assertEquals(3, lines.size(), text);
            assertTrue(lines.get(1).contains(",作成,Indicator," + id + ","), text);
            assertTrue(lines.get(1).contains("輸出確認"), text);
            assertTrue(lines.get(2).contains(",作成,Municipality,"), text);
        }
        Reply en = api.get(audit + "?format=csv&entityType=Indicator").lang("en").send().expect(200);
        List<String> lines = new String(en.bytes(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("Time,Action,Entity type,Entity id,Actor,Actor id,Sign-in method,Changes", lines.get(0));
        assertEquals(2, lines.size(), "filters apply to the export");
        assertTrue(lines.get(1).contains(",Create,Indicator,"), lines::toString);
    }

    // ---- whose trail, and nobody edits it ----

    @Test
    void aMunicipalityNeverSeesAnotherMunicipalitysEvents() {
        String other = Municipalities.register(api);
        String otherAudit = Municipalities.PATH + "/" + other + "/audit-events";
        String id = createIndicator("越境しない指標").object().getString("id");
        JsonObject event = eventsOf(id).get(0);

        JsonObject othersList = api.get(otherAudit + "?size=500").send().expect(200).object();
        assertFalse(othersList.toString().contains(id), othersList::toString);
        othersList.getJsonArray("items").forEach(e -> assertEquals(other,
                e.asJsonObject().getJsonObject("changes").getJsonObject("after").getString("code"), e::toString));
        assertEquals(0, api.get(otherAudit + "?entityId=" + id).send().expect(200).object().getInt("totalItems"));
        assertFalse(api.get(otherAudit + "?format=csv").send().expect(200).text().contains(id));
        assertProblem(api.get(otherAudit + "/" + event.getString("id")).send(), 404, "not-found");
        assertEquals(event, api.get(audit + "/" + event.getString("id")).send().expect(200).object());
    }

    @Test
    void eventsCannotBeAddedChangedOrDeletedThroughTheApi() {
        String id = createIndicator("不変").object().getString("id");
        JsonObject event = eventsOf(id).get(0);
        String one = audit + "/" + event.getString("id");
        String body = event.toString();
        List<Reply> attempts = List.of(
                api.post(audit).json(body).send(), api.put(audit).json(body).send(),
                api.delete(audit).send(), api.method("PATCH", audit).json(body).send(),
                api.post(one).json(body).send(), api.put(one).ifMatch("\"0\"").json(body).send(),
                api.delete(one).ifMatch("\"0\"").send(), api.method("PATCH", one).json(body).send());
        for (Reply r : attempts) {
            assertProblem(r, 405, "method-not-allowed");
            assertTrue(r.header("Allow").orElse("").contains("GET"), r::toString);
        }
        assertEquals(event, api.get(one).send().expect(200).object(), "the event is as it was");

        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        paths.forEach((path, item) -> {
            if (path.contains("/audit-events")) {
                assertEquals(Set.of("get"), methodsOf(item.asJsonObject()), path);
            }
        });
    }

    private static Set<String> methodsOf(JsonObject pathItem) {
        Set<String> methods = new java.util.HashSet<>(pathItem.keySet());
        methods.retainAll(Set.of("get", "put", "post", "delete", "patch"));
        return methods;
    }

    @Test
    void eventsAreReadableInEnglish() {
        createIndicator("E");
        JsonArray items = api.get(audit).lang("en").send().expect(200).object().getJsonArray("items");
        assertEquals("Create", items.getJsonObject(0).getString("actionLabel"));
    }

    // ---- the platform's own trail ----

    @Test
    void platformLevelEventsAreListedForPlatformAdministratorsOnly() {
        Api.Account platformAdmin = api.newUser("PLATFORM_ADMIN", null);
        String platformAudit = "/api/v1/audit-events";
        JsonObject page = api.get(platformAudit + "?entityId=" + platformAdmin.id()).send().expect(200).object();
        assertEquals(1, page.getInt("totalItems"), page::toString);
        JsonObject created = page.getJsonArray("items").getJsonObject(0);
        assertEquals("CREATE", created.getString("action"));
        assertEquals("UserAccount", created.getString("entityType"));
        JsonObject after = created.getJsonObject("changes").getJsonObject("after");
        assertEquals(platformAdmin.login(), after.getString("login"));
        assertEquals("***", after.getString("passwordHash"), "secrets stay out of the trail");

        // Newest first, paged, filtered; none of them belongs to a municipality's trail.
        JsonObject all = api.get(platformAudit + "?size=2&action=CREATE&entityType=UserAccount").send().expect(200)
                .object();
        assertTrue(all.getInt("totalItems") >= 1 && all.getJsonArray("items").size() <= 2, all::toString);
        assertEquals(0, page(("entityId=" + platformAdmin.id())).getInt("totalItems"));

        Reply csv = api.get(platformAudit + "?format=csv&entityId=" + platformAdmin.id()).send().expect(200);
        assertArrayEquals(BOM, Arrays.copyOf(csv.bytes(), 3));
        List<String> lines = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals("日時,操作,対象の種類,対象の ID,操作者,操作者 ID,認証方法,変更内容", lines.get(0));
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(1).contains(",作成,UserAccount," + platformAdmin.id() + ","), lines::toString);

        for (String q : List.of("action=BURN", "from=yesterday", "page=-1", "from=%2B999999999-12-31",
                "to=-999999999-01-01")) {
            Reply bad = api.get(platformAudit + "?" + q).lang("en").send();
            assertEnglish(bad, assertProblem(bad, 400, null));
            assertTrue(Problems.fields(bad.object()).contains(q.substring(0, q.indexOf('='))), bad::toString);
        }
        assertProblem(api.as("MUNICIPALITY_ADMIN", lg).get(platformAudit).send(), 403, "forbidden");
        assertProblem(api.anonymous().get(platformAudit).send(), 401, "unauthenticated");
    }
}
