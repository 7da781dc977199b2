package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) against the specification, in JSON and in
 * XML (parsed with the JDK's DOM parser): discovery, services, service definitions, POST requests
 * (form-encoded, api_key), GET requests with its filters, one request, tokens; the field names and
 * their types; the error list ({@code [{code, description}]}, {@code <errors><error>}) with 400,
 * 403 and 404. A POSTed request is a citizen voice of channel OPEN311 with its category for staff;
 * no GET ever shows the sender's name, e-mail or phone; a key of A cannot post to B; revoked keys
 * are refused. No Java Open311 client library exists on Maven Central, so the test is the client.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311IT {

    static final String BASE = "/api/v1/open311/v2/";
    static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final Set<String> SERVICE_FIELDS = Set.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");

    private final Api api;
    private String a;
    private String b;
    private String keyA;
    private String keyB;
    private String unique;

    Open311IT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void jurisdictions() {
        a = Municipalities.register(api);
        b = Municipalities.register(api);
        for (String lg : List.of(a, b)) {
            Municipalities.setModule(api, lg, "engagement", true);
            Api admin = api.as("MUNICIPALITY_ADMIN", lg);
            admin.post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("road", "道路・公園", 10)
                    .add("nameEn", "Roads and parks").add("description", "道路の穴、公園の遊具の破損")
                    .add("open311", true).build()).send().expect(201);
            admin.post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("internal", "内部の分類", 20)
                    .build()).send().expect(201);
            admin.post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("retired", "廃止した分類", 30)
                    .add("open311", true).add("active", false).build()).send().expect(201);
        }
        keyA = issue(a, "つくば道路アプリ");
        keyB = issue(b, "別の団体のアプリ");
        unique = Long.toString(System.nanoTime(), 36);
    }

    private String issue(String lg, String name) {
        Reply r = api.as("MUNICIPALITY_ADMIN", lg).post(keys(lg)).json(Json.createObjectBuilder().add("name", name)
                .build()).send().expect(201);
        assertEquals("no-store", r.header("Cache-Control").orElse(""));
        String secret = r.object().getString("apiKey");
        assertTrue(secret.startsWith("o311_") && secret.length() > 40, secret);
        return secret;
    }

    private static String keys(String lg) {
        return Municipalities.PATH + "/" + lg + "/engagement/open311-keys";
    }

    static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private Reply post(String format, Map<String, String> fields) {
        return api.anonymous().post(BASE + "requests." + format).body(form(fields),
                "application/x-www-form-urlencoded").send();
    }

    private Map<String, String> pothole(String jurisdiction, String key) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("jurisdiction_id", jurisdiction);
        f.put("api_key", key);
        f.put("service_code", "road");
        f.put("lat", "36.0835");
        f.put("long", "140.0764");
        f.put("address_string", "つくば市研究学園一丁目 歩道");
        f.put("email", "open311." + unique + "@example.jp");
        f.put("first_name", "太郎" + unique);
        f.put("last_name", "試験");
        f.put("phone", "029-555-" + (1000 + Math.abs(unique.hashCode() % 9000)));
        f.put("description", "歩道に穴が開いています。" + unique);
        f.put("media_url", "https://example.jp/photo/" + unique + ".jpg");
        f.put("attribute[size]", "30cm");
        return f;
    }

    static Document xml(Reply r) {
        assertTrue(r.contentType().startsWith("text/xml"), r::toString);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bytes()));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + r, e);
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    static Set<String> childNames(Element e) {
        return children(e, null).stream().map(Element::getTagName).collect(Collectors.toSet());
    }

    static String child(Element e, String name) {
        List<Element> c = children(e, name);
        assertEquals(1, c.size(), () -> name + " in " + e.getTagName());
        return c.get(0).getTextContent();
    }

    static JsonArray json(Reply r) {
        assertTrue(r.contentType().startsWith("application/json"), r::toString);
        return r.array();
    }

    /** The specification's error list in JSON: each {code, description} with the HTTP status as code. */
    static List<String> jsonErrors(Reply r, int status) {
        assertEquals(status, r.status(), r::toString);
        JsonArray errors = json(r);
        assertFalse(errors.isEmpty(), r::toString);
        List<String> out = new ArrayList<>();
        for (JsonValue v : errors) {
            JsonObject e = v.asJsonObject();
            assertEquals(Set.of("code", "description"), e.keySet(), r::toString);
            assertEquals(status, e.getInt("code"), r::toString);
            assertFalse(e.getString("description").isBlank(), r::toString);
            out.add(e.getString("description"));
        }
        return out;
    }

    static List<String> xmlErrors(Reply r, int status) {
        assertEquals(status, r.status(), r::toString);
        Element root = xml(r).getDocumentElement();
        assertEquals("errors", root.getTagName(), r::toString);
        List<Element> errors = children(root, "error");
        assertFalse(errors.isEmpty(), r::toString);
        List<String> out = new ArrayList<>();
        for (Element e : errors) {
            assertEquals(Set.of("code", "description"), childNames(e), r::toString);
            assertEquals(Integer.toString(status), child(e, "code"));
            out.add(child(e, "description"));
        }
        return out;
    }

    @Test
    void discoveryNamesTheEndpointItsFormatsAndHowToGetAKey() {
        Reply j = api.anonymous().get(BASE + "discovery.json").send().expect(200);
        JsonObject d = j.object();
        assertTrue(d.keySet().containsAll(Set.of("changeset", "contact", "key_service", "endpoints")), d::toString);
        JsonObject endpoint = d.getJsonArray("endpoints").getJsonObject(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.getString("specification"));
        assertTrue(endpoint.getString("url").endsWith("/api/v1/open311/v2"), endpoint::toString);
        assertEquals("production", endpoint.getString("type"));
        assertEquals(List.of("text/xml", "application/json"), endpoint.getJsonArray("formats").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        OffsetDateTime.parse(d.getString("changeset"));

        Element x = xml(api.anonymous().get(BASE + "discovery.xml").send().expect(200)).getDocumentElement();
        assertEquals("discovery", x.getTagName());
        Element e = children(children(x, "endpoints").get(0), "endpoint").get(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", child(e, "specification"));
        assertEquals(List.of("text/xml", "application/json"), children(children(e, "formats").get(0), "format")
                .stream().map(Node::getTextContent).toList());
        assertFalse(child(x, "key_service").isBlank());
    }

    @Test
    void servicesAreTheCategoriesOpenToOpen311() {
        JsonArray services = json(api.anonymous().get(BASE + "services.json?jurisdiction_id=" + a).send().expect(200));
        assertEquals(1, services.size(), services::toString);
        JsonObject road = services.getJsonObject(0);
        assertEquals(SERVICE_FIELDS, road.keySet());
        assertEquals("road", road.getString("service_code"));
        assertEquals("道路・公園", road.getString("service_name"));
        assertEquals("道路の穴、公園の遊具の破損", road.getString("description"));
        assertEquals(JsonValue.FALSE, road.get("metadata"));
        assertEquals("realtime", road.getString("type"));
        assertEquals("生活環境", road.getString("group"));
        assertEquals("Roads and parks", json(api.anonymous().get(BASE + "services.json?jurisdiction_id=" + a).lang("en")
                .send().expect(200)).getJsonObject(0).getString("service_name"));

        Element root = xml(api.anonymous().get(BASE + "services.xml?jurisdiction_id=" + a).send().expect(200))
                .getDocumentElement();
        assertEquals("services", root.getTagName());
        List<Element> list = children(root, "service");
        assertEquals(1, list.size());
        assertEquals(SERVICE_FIELDS, childNames(list.get(0)));
        assertEquals("road", child(list.get(0), "service_code"));
        assertEquals("false", child(list.get(0), "metadata"));

        JsonObject definition = api.anonymous().get(BASE + "services/road.json?jurisdiction_id=" + a).send()
                .expect(200).object();
        assertEquals("road", definition.getString("service_code"));
        assertEquals(0, definition.getJsonArray("attributes").size());
        Element def = xml(api.anonymous().get(BASE + "services/road.xml?jurisdiction_id=" + a).send().expect(200))
                .getDocumentElement();
        assertEquals("service_definition", def.getTagName());
        assertEquals("road", child(def, "service_code"));
        assertEquals(1, children(def, "attributes").size());

        for (String code : List.of("internal", "retired", "nothing")) {
            jsonErrors(api.anonymous().get(BASE + "services/" + code + ".json?jurisdiction_id=" + a).send(), 404);
            xmlErrors(api.anonymous().get(BASE + "services/" + code + ".xml?jurisdiction_id=" + a).send(), 404);
        }
    }

    @Test
    void aPostedRequestIsAVoiceForStaffAndShowsNoPersonalData() {
        Map<String, String> fields = pothole(a, keyA);
        Reply created = post("json", fields);
        assertEquals(201, created.status(), created::toString);
        JsonArray answer = json(created);
        assertEquals(1, answer.size());
        JsonObject receipt = answer.getJsonObject(0);
        assertEquals(Set.of("service_request_id", "service_notice", "account_id"), receipt.keySet());
        String id = receipt.getString("service_request_id");
        assertTrue(id.matches("V-R\\d+-\\d{6}"), id);
        assertFalse(receipt.getString("service_notice").isBlank());
        assertEquals(JsonValue.NULL, receipt.get("account_id"));

        Reply createdXml = post("xml", pothole(a, keyA));
        assertEquals(201, createdXml.status(), createdXml::toString);
        Element root = xml(createdXml).getDocumentElement();
        assertEquals("service_requests", root.getTagName());
        Element request = children(root, "request").get(0);
        assertTrue(child(request, "service_request_id").matches("V-R\\d+-\\d{6}"));
        assertEquals(Set.of("service_request_id", "service_notice", "account_id"), childNames(request));

        // Staff: a voice of channel OPEN311 in the category, the sender masked, revealed in full on request.
        Api staff = api.as("STAFF", a);
        String voices = Municipalities.PATH + "/" + a + "/engagement/voices";
        JsonObject voice = staff.get(voices + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(v -> v.getString("receiptNumber").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among the voices"));
        assertEquals("OPEN311", voice.getString("channel"));
        assertEquals("道路・公園", voice.getString("categoryName"));
        assertTrue(voice.getString("body").contains("歩道に穴が開いています。" + unique), voice::toString);
        assertTrue(voice.getString("body").contains("つくば市研究学園一丁目"), voice::toString);
        assertFalse(voice.toString().contains(unique + "@") || voice.toString().contains("太郎" + unique),
                "masked in the list: " + voice);
        JsonObject full = staff.get(voices + "/" + voice.getString("id") + "?reveal=personal-data").send().expect(200)
                .object();
        assertEquals("試験 太郎" + unique, full.getString("senderName"));
        assertEquals(fields.get("email"), full.getString("senderEmail"));
        assertEquals(fields.get("phone"), full.getString("senderPhone"));

        // Anyone: the request in both formats, with the specification's fields and types, nothing of the sender.
        Reply one = api.anonymous().get(BASE + "requests/" + id + ".json?jurisdiction_id=" + a).send().expect(200);
        JsonObject r = json(one).getJsonObject(0);
        assertEquals(REQUEST_FIELDS, r.keySet());
        assertEquals(id, r.getString("service_request_id"));
        assertEquals("open", r.getString("status"));
        assertEquals("road", r.getString("service_code"));
        assertEquals("道路・公園", r.getString("service_name"));
        assertEquals(36.0835, r.getJsonNumber("lat").doubleValue(), 1e-9);
        assertEquals(140.0764, r.getJsonNumber("long").doubleValue(), 1e-9);
        assertEquals("つくば市研究学園一丁目 歩道", r.getString("address"));
        assertEquals(fields.get("media_url"), r.getString("media_url"));
        OffsetDateTime requested = OffsetDateTime.parse(r.getString("requested_datetime"));
        assertTrue(requested.isAfter(OffsetDateTime.now().minusHours(1)), r::toString);
        OffsetDateTime.parse(r.getString("updated_datetime"));
        OffsetDateTime.parse(r.getString("expected_datetime"));
        assertEquals(JsonValue.NULL, r.get("status_notes"), "nothing published yet");
        assertEquals(JsonValue.NULL, r.get("description"), "the resident's text is not public until published");

        Element x = children(xml(api.anonymous().get(BASE + "requests/" + id + ".xml?jurisdiction_id=" + a).send()
                .expect(200)).getDocumentElement(), "request").get(0);
        assertEquals(REQUEST_FIELDS, childNames(x));
        assertEquals("open", child(x, "status"));
        assertEquals(36.0835, Double.parseDouble(child(x, "lat")), 1e-9);
        OffsetDateTime.parse(child(x, "requested_datetime"));

        for (String path : List.of("requests/" + id + ".json", "requests/" + id + ".xml", "requests.json",
                "requests.xml", "requests.json?service_request_id=" + id, "requests.xml?status=open")) {
            Reply any = api.anonymous().get(BASE + path + (path.contains("?") ? "&" : "?") + "jurisdiction_id=" + a)
                    .send().expect(200);
            String text = any.text();
            for (String personal : List.of(unique + "@", "太郎" + unique, fields.get("phone"),
                    fields.get("phone").replace("-", ""), "歩道に穴が開いています。" + unique)) {
                assertFalse(text.contains(personal), () -> path + " shows " + personal + ": " + text);
            }
        }
    }

    @Test
    void requestsAreFilteredAndPagedInTheDatabase() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        admin.post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("road", "道路", 1).add("open311", true)
                .build()).send().expect(201);
        admin.post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("light", "街灯", 2)
                .add("open311", true).build()).send().expect(201);
        String key = issue(lg, "filters");
        Map<String, String> f = pothole(lg, key);
        String first = json(post("json", f)).getJsonObject(0).getString("service_request_id");
        f.put("service_code", "light");
        f.remove("lat");
        f.remove("long");
        String second = json(post("json", f)).getJsonObject(0).getString("service_request_id");
        // A web voice without an Open311 category never shows.
        api.anonymous().post(Municipalities.PATH + "/" + lg + "/engagement/voices").json(Json.createObjectBuilder()
                .add("subject", "分類なし").add("body", "本文").build()).send().expect(201);

        // Staff close the first: status closed.
        Api staff = api.as("STAFF", lg);
        String voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
        JsonObject v = staff.get(voices + "?size=10").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getString("receiptNumber").equals(first)).findFirst()
                .orElseThrow();
        Reply current = staff.get(voices + "/" + v.getString("id")).send().expect(200);
        staff.put(voices + "/" + v.getString("id")).ifMatch(current.etag()).json(Json.createObjectBuilder()
                .add("channel", "OPEN311").add("subject", v.getString("subject")).add("body", v.getString("body"))
                .add("status", "CLOSED").add("answerDue", v.getString("answerDue")).add("published", false)
                .add("categoryId", v.getString("categoryId")).build()).send().expect(200);

        String q = BASE + "requests.json?jurisdiction_id=" + lg;
        assertEquals(List.of(second, first), ids(api.anonymous().get(q).send().expect(200)), "newest first");
        assertEquals(List.of(first), ids(api.anonymous().get(q + "&status=closed").send().expect(200)));
        assertEquals(List.of(second), ids(api.anonymous().get(q + "&status=open").send().expect(200)));
        assertEquals(List.of(second, first), ids(api.anonymous().get(q + "&status=open,closed").send().expect(200)));
        assertEquals(List.of(second), ids(api.anonymous().get(q + "&service_code=light").send().expect(200)));
        assertEquals(List.of(), ids(api.anonymous().get(q + "&service_code=nothing").send().expect(200)));
        assertEquals(List.of(first), ids(api.anonymous().get(q + "&service_request_id=" + first + "&status=open")
                .send().expect(200)), "ids override the other filters");
        assertEquals(List.of(second, first), ids(api.anonymous().get(q + "&service_request_id=" + first + ","
                + second).send().expect(200)));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertEquals(List.of(second, first), ids(api.anonymous().get(q + "&start_date=" + today.minusDays(1)
                + "T00:00:00%2B09:00&end_date=" + today.plusDays(1) + "T00:00:00%2B09:00").send().expect(200)));
        assertEquals(List.of(), ids(api.anonymous().get(q + "&start_date=" + today.minusDays(30) + "&end_date="
                + today.minusDays(20)).send().expect(200)));
        assertEquals(List.of(), ids(api.anonymous().get(q + "&end_date=" + today.minusDays(2)).send().expect(200)));
        JsonObject closed = json(api.anonymous().get(q + "&status=closed").send().expect(200)).getJsonObject(0);
        assertEquals("closed", closed.getString("status"));
        assertTrue(!OffsetDateTime.parse(closed.getString("updated_datetime"))
                .isBefore(OffsetDateTime.parse(closed.getString("requested_datetime"))));
        assertEquals(JsonValue.NULL, json(api.anonymous().get(q + "&service_code=light").send().expect(200))
                .getJsonObject(0).get("lat"));

        // Bad filters: 400 in the error list of either format.
        for (String bad : List.of("&status=pending", "&start_date=yesterday", "&start_date=" + today.minusDays(200)
                + "&end_date=" + today, "&start_date=" + today + "&end_date=" + today.minusDays(1),
                "&service_request_id=" + "x".repeat(30), "&service_request_id=a;b")) {
            jsonErrors(api.anonymous().get(q + bad).send(), 400);
            xmlErrors(api.anonymous().get(q.replace(".json", ".xml") + bad).send(), 400);
        }
    }

    private static List<String> ids(Reply r) {
        return json(r).stream().map(v -> v.asJsonObject().getString("service_request_id")).toList();
    }

    @Test
    void errorsAreTheSpecificationsListWithItsCodes() {
        // 400: no jurisdiction; 404: an unknown one, one without engagement; also in English.
        jsonErrors(api.anonymous().get(BASE + "services.json").send(), 400);
        xmlErrors(api.anonymous().get(BASE + "services.xml").send(), 400);
        for (String j : List.of("011002", "abc", "99999999")) {
            jsonErrors(api.anonymous().get(BASE + "services.json?jurisdiction_id=" + j).send(), 404);
            xmlErrors(api.anonymous().get(BASE + "requests.xml?jurisdiction_id=" + j).send(), 404);
        }
        String off = Municipalities.register(api);
        jsonErrors(api.anonymous().get(BASE + "services.json?jurisdiction_id=" + off).send(), 404);
        String en = jsonErrors(api.anonymous().get(BASE + "services.json").lang("en").send(), 400).get(0);
        assertTrue(en.contains("jurisdiction_id") && en.matches("[\\x20-\\x7E]+"), en);
        // 404: unknown request, token, format (in JSON).
        jsonErrors(api.anonymous().get(BASE + "requests/V-R1-999999.json?jurisdiction_id=" + a).send(), 404);
        xmlErrors(api.anonymous().get(BASE + "requests/V-R1-999999.xml?jurisdiction_id=" + a).send(), 404);
        jsonErrors(api.anonymous().get(BASE + "tokens/abc.json?jurisdiction_id=" + a).send(), 404);
        xmlErrors(api.anonymous().get(BASE + "tokens/abc.xml?jurisdiction_id=" + a).send(), 404);
        jsonErrors(api.anonymous().get(BASE + "services.html?jurisdiction_id=" + a).send(), 404);

        // 403: no key, an unknown one, B's key to A, a revoked one; nothing is written.
        Map<String, String> f = pothole(a, keyA);
        f.remove("api_key");
        jsonErrors(post("json", f), 403);
        xmlErrors(post("xml", pothole(a, "o311_unknown")), 403);
        jsonErrors(post("json", pothole(a, keyB)), 403);
        jsonErrors(post("json", pothole(b, keyA)), 403);
        String revoked = issue(a, "revoked");
        Api admin = api.as("MUNICIPALITY_ADMIN", a);
        JsonObject listed = admin.get(keys(a) + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(k -> k.getString("name").equals("revoked")).findFirst()
                .orElseThrow();
        assertFalse(listed.toString().contains(revoked), "never listed with its secret");
        String keyPath = keys(a) + "/" + listed.getString("id");
        assertProblem(admin.delete(keyPath).send(), 428, null);
        assertProblem(admin.delete(keyPath).ifMatch("\"9\"").send(), 412, null);
        Reply gone = admin.delete(keyPath).ifMatch(admin.get(keyPath).send().expect(200).etag()).send().expect(200);
        assertTrue(gone.object().getBoolean("revoked"));
        assertProblem(admin.delete(keyPath).ifMatch(gone.etag()).send(), 409, "open311-key-revoked");
        jsonErrors(post("json", pothole(a, revoked)), 403);
        assertProblem(api.as("STAFF", a).get(keys(a)).send(), 403, "forbidden");
        assertProblem(api.as("STAFF", a).post(keys(a)).json("{\"name\":\"x\"}").send(), 403, "forbidden");

        // 400: field by field.
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("service_code", List.of("service_code", ""));
        bad.put("unknown service", List.of("service_code", "internal"));
        bad.put("lat", List.of("lat", "91"));
        bad.put("long", List.of("long", "east"));
        bad.put("email", List.of("email", "not-an-address"));
        bad.put("phone", List.of("phone", "12"));
        bad.put("media_url", List.of("media_url", "javascript:alert(1)"));
        bad.put("description", List.of("description", "x".repeat(4001)));
        for (Map.Entry<String, List<String>> e : bad.entrySet()) {
            Map<String, String> fields = pothole(a, keyA);
            fields.put(e.getValue().get(0), e.getValue().get(1));
            List<String> errors = jsonErrors(post("json", fields), 400);
            assertTrue(errors.stream().anyMatch(d -> d.startsWith(e.getValue().get(0))), e.getKey() + ": " + errors);
        }
        Map<String, String> nowhere = pothole(a, keyA);
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        xmlErrors(post("xml", nowhere), 400);
        Reply json = api.anonymous().post(BASE + "requests.json").json("{\"jurisdiction_id\":\"" + a + "\"}").send();
        assertTrue(json.status() == 415, json::toString);

        // The key's last use is recorded.
        JsonObject used = admin.get(keys(a) + "?size=100").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(k -> k.getString("name").equals("つくば道路アプリ")).findFirst()
                .orElseThrow();
        assertNotNull(used.get("lastUsedAt"));
    }

    @Test
    void overTheRateLimitIs429InTheErrorListWithRetryAfter() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        Api admin = api.as("MUNICIPALITY_ADMIN", lg);
        admin.post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("road", "道路", 1).add("open311", true)
                .build()).send().expect(201);
        String settings = Municipalities.PATH + "/" + lg + "/intake/settings";
        admin.put(settings).ifMatch(admin.get(settings).send().expect(200).etag()).json(Json.createObjectBuilder()
                .add("rateLimitCount", 1).add("rateLimitWindowSeconds", 3600).add("honeypotEnabled", true).build())
                .send().expect(200);
        String key = issue(lg, "limited");
        assertEquals(201, post("json", pothole(lg, key)).status());
        Reply json = post("json", pothole(lg, key));
        jsonErrors(json, 429);
        assertTrue(json.header("Retry-After").isPresent(), json::toString);
        Reply xml = post("xml", pothole(lg, key));
        xmlErrors(xml, 429);
        assertEquals(1, api.as("STAFF", lg).get(Municipalities.PATH + "/" + lg + "/engagement/voices").send()
                .expect(200).object().getInt("totalItems"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGivesTheSameRequest() {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        api.as("MUNICIPALITY_ADMIN", lg).post(VoiceCategoryIT.categories(lg)).json(VoiceCategoryIT.category("road",
                "道路", 1).add("open311", true).build()).send().expect(201);
        String key = issue(lg, "retry");
        byte[] body = form(pothole(lg, key));
        Reply first = api.anonymous().post(BASE + "requests.json").header("Idempotency-Key", "retry-" + unique)
                .body(body, "application/x-www-form-urlencoded").send();
        Reply again = api.anonymous().post(BASE + "requests.xml").header("Idempotency-Key", "retry-" + unique)
                .body(body, "application/x-www-form-urlencoded").send();
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status(), again::toString);
        String id = json(first).getJsonObject(0).getString("service_request_id");
        assertEquals(id, child(children(xml(again).getDocumentElement(), "request").get(0), "service_request_id"));
        assertEquals(1, api.as("STAFF", lg).get(Municipalities.PATH + "/" + lg + "/engagement/voices").send()
                .expect(200).object().getInt("totalItems"));
    }
}
