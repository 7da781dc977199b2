package jp.machi.it;

import static jp.machi.it.support.Problems.assertClientProblem;
import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, the answer is a 4xx problem document: never a 500, never an HTML error
 * page, never a Java class name or SQL; and a refused request writes nothing.
 */
@MachiTest
class BadInputIT {

    static final String PATH = Municipalities.PATH;

    private final Api api;

    BadInputIT(Api api) {
        this.api = api;
    }

    /** Bodies for POST /municipalities; each mentions a fresh code so a write would be visible. */
    static Stream<Arguments> badRegistrations() {
        String c = "\"" + LgCodes.fresh() + "\"";
        return Stream.of(
                Arguments.of("truncated JSON", "{\"code\":" + c + ",\"nameJa\":\"水戸", 400),
                Arguments.of("not JSON at all", "code=" + c, 400),
                Arguments.of("trailing garbage", "{\"code\":" + c + "}}}", 400),
                Arguments.of("number for text", "{\"code\":" + c + ",\"nameJa\":1,\"nameKana\":2,\"nameEn\":3}", 400),
                Arguments.of("array for text", "{\"code\":" + c + ",\"nameJa\":[\"水戸市\"],\"nameKana\":\"みとし\",\"nameEn\":\"Mito\"}", 400),
                Arguments.of("object for text", "{\"code\":{\"v\":" + c + "},\"nameJa\":\"水戸市\",\"nameKana\":\"みとし\",\"nameEn\":\"Mito\"}", 400),
                Arguments.of("JSON array body", "[" + c + "]", 400),
                Arguments.of("JSON string body", c, 400),
                Arguments.of("JSON null body", "null", 400),
                Arguments.of("empty object", "{}", 400),
                Arguments.of("nulls", "{\"code\":null,\"nameJa\":null,\"nameKana\":null,\"nameEn\":null}", 400),
                Arguments.of("blank names", "{\"code\":" + c + ",\"nameJa\":\" \",\"nameKana\":\" \",\"nameEn\":\" \"}", 400),
                Arguments.of("too long name", "{\"code\":" + c + ",\"nameJa\":\"" + "長".repeat(101)
                        + "\",\"nameKana\":\"ながい\",\"nameEn\":\"Long\"}", 400),
                Arguments.of("deeply nested", "{\"code\":" + c + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badBodyIsA4xxProblemAndWritesNothing(String what, String body, int status) {
        List<String> before = codes();
        Reply r = api.post(PATH).json(body).send();
        assertJapanese(r, assertProblem(r, status, null));
        assertEquals(before, codes(), "a refused request wrote nothing: " + what);

        Reply en = api.post(PATH).lang("en").json(body).send();
        assertEnglish(en, assertProblem(en, status, null));
    }

    @Test
    void emptyBodyIs400() {
        Reply r = api.post(PATH).body(new byte[0], "application/json").send();
        assertProblem(r, 400, null);
        Reply put = api.put(PATH + "/" + Municipalities.register(api) + "/modules/planning")
                .body(new byte[0], "application/json").send();
        assertProblem(put, 400, null);
    }

    @Test
    void bodyOverTheLimitIs413AndWritesNothing() {
        List<String> before = codes();
        String code = LgCodes.fresh();
        byte[] pad = new byte[2 * 1024 * 1024];
        Arrays.fill(pad, (byte) 'a');
        String json = "{\"code\":\"" + code + "\",\"nameJa\":\"水戸市\",\"nameKana\":\"みとし\",\"nameEn\":\""
                + new String(pad, StandardCharsets.US_ASCII) + "\"}";
        Reply r = api.post(PATH).json(json).expectContinue().send();
        JsonObject p = assertJapanese(r, assertProblem(r, 413, "payload-too-large"));
        assertTrue(p.getString("detail").contains("1,048,576"), r::toString);
        assertEquals(before, codes());
        assertProblem(api.get(PATH + "/" + code).send(), 404, "not-found");

        // Also when the client does not wait for 100 Continue and just sends it all.
        Reply direct = api.post(PATH).json(json).send();
        assertProblem(direct, 413, "payload-too-large");
        assertEquals(before, codes());
    }

    @Test
    void unknownPathIs404Problem() {
        for (String path : List.of("/api/v1/no-such-thing", "/api/v1/municipalities/082201/no-such-module",
                "/api/v1/modules/planning/extra/segments", "/api/v1", "/api/v2/modules", "/api", "/api/x/y")) {
            Reply r = api.get(path).send();
            assertJapanese(r, assertProblem(r, 404, null));
        }
        Reply en = api.get("/api/v1/no-such-thing").lang("en").send();
        assertEnglish(en, assertProblem(en, 404, "not-found"));
        // Outside the API the servlet container answers: still Machi's problem document, or its own page
        // for a browser, never the server's error report.
        Reply file = api.get("/ui/no-such-script.js").send();
        assertJapanese(file, assertProblem(file, 404, "not-found"));
        Reply page = api.get("/ui/no-such-page.html").header("Accept", "text/html").lang("en").send();
        assertEquals(404, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html") && page.text().contains("<html lang=\"en\"")
                && page.text().contains("Not found") && !page.text().contains("Payara"), page::toString);
    }

    /** A malformed id in a path names the parameter; nothing about a JSON body that a GET does not have. */
    @Test
    void aMalformedIdInThePathNamesTheParameter() {
        String code = Municipalities.register(api);
        Municipalities.setModule(api, code, "planning", true);
        for (String path : List.of("/api/v1/municipalities/" + code + "/planning/programs/not-a-uuid",
                "/api/v1/municipalities/" + code + "/planning/plans/123/nodes")) {
            Reply ja = api.get(path).send();
            JsonObject p = assertJapanese(ja, assertProblem(ja, 400, "validation"));
            String errors = jp.machi.it.support.Problems.fields(p);
            assertTrue(errors.contains("値の形式が正しくありません"), ja::toString);
            assertFalse(ja.text().contains("JSON"), ja::toString);
            Reply en = api.get(path).lang("en").send();
            JsonObject pe = assertEnglish(en, assertProblem(en, 400, "validation"));
            assertTrue(jp.machi.it.support.Problems.fields(pe).contains("not in the expected form"), en::toString);
            assertFalse(en.text().contains("JSON"), en::toString);
        }
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() {
        List<String> before = codes();
        Reply r = api.delete(PATH).send();
        assertJapanese(r, assertProblem(r, 405, "method-not-allowed"));
        String allow = r.header("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST"), r::toString);
        assertProblem(api.post("/api/v1/modules").json("{}").send(), 405, "method-not-allowed");
        // PATCH is where PUT is (a JSON Merge Patch, MergePatchIT): not on the collection; an unknown one is 404.
        assertProblem(api.method("PATCH", PATH).json("{}").send(), 405, "method-not-allowed");
        assertProblem(api.method("PATCH", PATH + "/" + LgCodes.UNREGISTERED).json("{}").ifMatch("\"0\"").send(), 404, "not-found");
        assertEquals(before, codes());
    }

    @Test
    void wrongContentTypeIs415AndWritesNothing() {
        List<String> before = codes();
        String body = Municipalities.body(LgCodes.fresh()).toString();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv")) {
            Reply r = api.post(PATH).body(body.getBytes(StandardCharsets.UTF_8), type).send();
            assertJapanese(r, assertProblem(r, 415, "unsupported-media-type"));
        }
        Reply none = api.post(PATH).body(body.getBytes(StandardCharsets.UTF_8), null).send();
        assertClientProblem(none);
        assertEquals(before, codes());
    }

    /**
     * A JSON body is read in the charset its Content-Type declares (UTF-8 when none): Shift_JIS
     * declared as such is stored as the same Japanese text; bytes that are not valid in the declared
     * (or default) charset are 400 {@code invalid-encoding}, an unknown charset 415, an empty
     * Content-Type header (refused by the container before the API) a problem document in ja/en, not
     * the server's HTML page; nothing is written.
     */
    @Test
    void aJsonBodyIsReadInItsDeclaredCharsetOrRefused() {
        String sjis = LgCodes.fresh();
        Reply created = api.post(PATH).body(Municipalities.body(sjis).toString().getBytes(java.nio.charset.Charset
                .forName("Shift_JIS")), "application/json; charset=Shift_JIS").send().expect(201);
        assertEquals("試験市" + sjis, created.object().getString("nameJa"), created::toString);
        assertEquals("しけんし", api.get(PATH + "/" + sjis).send().expect(200).object().getString("nameKana"));

        List<String> before = codes();
        String utf8 = LgCodes.fresh();
        byte[] asSjis = Municipalities.body(utf8).toString().getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        Reply undeclared = api.post(PATH).body(asSjis, "application/json").send();
        assertJapanese(undeclared, assertProblem(undeclared, 400, "invalid-encoding"));
        Reply declaredUtf8 = api.post(PATH).body(asSjis, "application/json; charset=UTF-8").lang("en").send();
        assertEnglish(declaredUtf8, assertProblem(declaredUtf8, 400, "invalid-encoding"));
        Reply unknown = api.post(PATH).body(Municipalities.body(utf8).toString().getBytes(StandardCharsets.UTF_8),
                "application/json; charset=x-no-such-charset").send();
        assertJapanese(unknown, assertProblem(unknown, 415, "unsupported-charset"));
        Reply empty = api.post(PATH).body(Municipalities.body(utf8).toString().getBytes(StandardCharsets.UTF_8), "")
                .send();
        assertJapanese(empty, assertClientProblem(empty));
        Reply emptyEn = api.post(PATH).body(Municipalities.body(utf8).toString().getBytes(StandardCharsets.UTF_8), "")
                .lang("en").send();
        assertEnglish(emptyEn, assertClientProblem(emptyEn));
        assertFalse(empty.text().contains("Payara") || empty.text().contains("<html"), empty::toString);
        assertEquals(before, codes());
    }

    @Test
    void oddHeadersAndParametersAreStill4xxProblems() {
        // A malformed Accept-Language falls back to Japanese rather than failing.
        Reply lang = api.get(PATH + "/" + LgCodes.UNREGISTERED).lang(";;;q=x,,").send();
        assertProblem(lang, 404, "not-found");
        assertClientProblem(api.get(PATH + "?size=%FF").send());
        // An encoded NUL never reaches the application: the HTTP layer (Grizzly) refuses the URI
        // with a bare "400 Invalid URI". Not a problem document, but a 4xx that shows nothing.
        Reply nul = api.get(PATH + "/%00%00%00").send();
        assertEquals(400, nul.status(), nul::toString);
        assertEquals("", nul.text(), nul::toString);
        assertClientProblem(api.get(PATH + "/" + "9".repeat(5000)).send());
        assertClientProblem(api.get(PATH + "/'%20OR%201=1--").send());
    }

    /**
     * What the HTTP listener used to refuse with an empty 400 before any servlet (issue 16): an
     * invalid UTF-8 escape, an encoded slash and unencoded braces in a path now reach Machi and get
     * its problem document; a request target over 8 KB is 414, headers over 16 KB 431, Japanese by
     * default and English when asked. machi.jar configures the listener for this (pre-boot commands:
     * {@code uri-encoding}, {@code header-buffer-length-bytes}); what no setting reaches stays a bare
     * 4xx that shows nothing (README, "Errors the server answers itself").
     */
    @Test
    void whatTheListenerUsedToRefuseIsNowMachisProblemDocument() throws Exception {
        for (String path : List.of(PATH + "/%C3%28", PATH + "/%FF", PATH + "/%FF/modules", PATH + "/a%2Fb",
                "/ui/%FF", "/api/v1/%C3%28", PATH + "?size=%C3%28")) {
            Reply ja = api.get(path).send();
            assertJapanese(ja, assertClientProblem(ja));
            Reply en = api.get(path).lang("en").send();
            assertEnglish(en, assertClientProblem(en));
        }
        Reply page = api.get("/ui/%FF").header("Accept", "text/html").lang("en").send();
        assertEquals(404, page.status(), page::toString);
        assertTrue(page.text().contains("<html lang=\"en\"") && !page.text().contains("Payara"), page::toString);

        String braces = raw("GET /api/v1/municipalities/{x} HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(braces.startsWith("HTTP/1.1 400") && braces.contains("application/problem+json")
                && braces.contains("\"status\":400"), braces);

        Reply longTarget = api.get(PATH + "/" + "1".repeat(9_000)).send();
        JsonObject p = assertJapanese(longTarget, assertProblem(longTarget, 414, "uri-too-long"));
        assertTrue(p.getString("detail").contains("8,192"), longTarget::toString);
        Reply longQuery = api.get(PATH + "?q=" + "a".repeat(20_000)).lang("en").send();
        assertEnglish(longQuery, assertProblem(longQuery, 414, "uri-too-long"));
        Reply bigHeaders = api.get(PATH).header("X-Padding", "a".repeat(20_000)).lang("en").send();
        JsonObject h = assertEnglish(bigHeaders, assertProblem(bigHeaders, 431, "request-header-fields-too-large"));
        assertTrue(h.getString("detail").contains("16,384"), bigHeaders::toString);

        // Beyond the listener's 64 KiB header buffer it refuses on its own: a 4xx that shows nothing.
        Reply huge = api.get(PATH + "/" + "1".repeat(70_000)).send();
        assertTrue(huge.status() >= 400 && huge.status() < 500 && !huge.text().contains("Payara"), huge::toString);
    }

    /** One request written to the socket as given (for what java.net.URI refuses to build), the whole answer. */
    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket(api.base().getHost(), api.base().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every registered code, in order (well below one page of 500 in a test run). */
    private List<String> codes() {
        JsonObject page = api.get(PATH + "?size=500").send().expect(200).object();
        assertTrue(page.getJsonNumber("totalItems").longValue() <= 500, "more than one page of municipalities");
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(m -> m.getString("code")).toList();
    }
}
