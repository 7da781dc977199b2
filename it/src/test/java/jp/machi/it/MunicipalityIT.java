package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registering, reading, renaming, listing and exporting municipalities (地方公共団体) as a client
 * sees it: statuses, Location and ETag, conditional updates, paging, and CSV that Excel opens.
 */
@MachiTest
class MunicipalityIT {

    static final String PATH = Municipalities.PATH;
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Api api;

    MunicipalityIT(Api api) {
        this.api = api;
    }

    @Test
    void registeringAnswers201WithLocationETagAndTheMunicipality() {
        String code = LgCodes.fresh();
        Reply r = api.post(PATH).json(Municipalities.body(code)).send().expect(201);
        String location = r.header("Location").orElseThrow(() -> new AssertionError("no Location: " + r));
        assertTrue(location.endsWith(PATH + "/" + code), r::toString);
        assertNotNull(r.etag(), r::toString);
        JsonObject m = r.object();
        assertEquals(code, m.getString("code"));
        assertEquals("試験市" + code, m.getString("nameJa"));
        assertEquals("しけんし", m.getString("nameKana"));
        assertEquals("Test City " + code, m.getString("nameEn"));
        assertEquals(code.substring(0, 2), m.getJsonObject("prefecture").getString("code"));

        Reply again = api.get(location.substring(location.indexOf(PATH))).send().expect(200);
        assertEquals(m, again.object());
        assertEquals(r.etag(), again.etag());
    }

    @Test
    void registeringTheSameCodeTwiceIs409() {
        String code = Municipalities.register(api);
        Reply r = api.post(PATH).json(Municipalities.body(code)).send();
        JsonObject p = assertJapanese(r, assertProblem(r, 409, "municipality-exists"));
        assertTrue(p.getString("detail").contains(code), r::toString);
    }

    @Test
    void wrongCheckDigitIs400NamingTheRightDigit() {
        // つくば市 is 082201: the check digit of 08220 is 1.
        Reply ja = api.post(PATH).json(Municipalities.body("082202")).send();
        JsonObject p = assertJapanese(ja, assertProblem(ja, 400, "invalid-local-government-code"));
        assertTrue(p.getString("detail").contains("正しい検査数字は 1 です"), ja::toString);
        assertTrue(p.getString("detail").contains("082201"), ja::toString);

        Reply en = api.post(PATH).lang("en").json(Municipalities.body("082202")).send();
        JsonObject pe = assertEnglish(en, assertProblem(en, 400, "invalid-local-government-code"));
        assertTrue(pe.getString("detail").contains("it should be 1 (082201)"), en::toString);

        // Nothing was registered under either code.
        assertProblem(api.get(PATH + "/082202").send(), 400, "invalid-local-government-code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "abcdef", "08-220", "０８２２０１", "", " 082201", "990001"})
    void malformedCodeIs400(String code) {
        Reply r = api.post(PATH).json(Municipalities.body(code)).send();
        JsonObject p = assertProblem(r, 400, null);
        assertTrue(p.getString("type").endsWith("/invalid-local-government-code") || p.getString("type").endsWith("/validation"),
                r::toString);
    }

    @Test
    void unknownMunicipalityIs404AndMalformedCodeInTheUrlIs400() {
        Reply unknown = api.get(PATH + "/" + LgCodes.UNREGISTERED).send();
        JsonObject p = assertJapanese(unknown, assertProblem(unknown, 404, "not-found"));
        assertTrue(p.getString("detail").contains(LgCodes.UNREGISTERED), unknown::toString);
        assertEnglish(api.get(PATH + "/" + LgCodes.UNREGISTERED).lang("en").send(),
                assertProblem(api.get(PATH + "/" + LgCodes.UNREGISTERED).lang("en").send(), 404, "not-found"));
        assertProblem(api.get(PATH + "/abc").send(), 400, "invalid-local-government-code");
    }

    @Test
    void invalidNamesAre400NamingTheFields() {
        JsonObject body = Json.createObjectBuilder().add("code", LgCodes.fresh()).add("nameJa", "")
                .add("nameKana", "mito").add("nameEn", "Mito").build();
        Reply r = api.post(PATH).json(body).send();
        JsonObject p = assertProblem(r, 400, "validation");
        String fields = Problems.fields(p);
        assertTrue(fields.contains("\"nameJa\"") && fields.contains("\"nameKana\""), r::toString);
        assertProblem(api.get(PATH + "/" + body.getString("code")).send(), 404, "not-found");
    }

    @Test
    void updatesAreConditional() {
        String code = Municipalities.register(api);
        Reply loaded = api.get(PATH + "/" + code).send().expect(200);
        String etag = loaded.etag();
        JsonObject names = Json.createObjectBuilder().add("nameJa", "改名市").add("nameKana", "かいめいし")
                .add("nameEn", "Renamed City").build();

        Reply noIfMatch = api.put(PATH + "/" + code).json(names).send();
        assertJapanese(noIfMatch, assertProblem(noIfMatch, 428, "precondition-required"));

        Reply stale = api.put(PATH + "/" + code).ifMatch("\"999\"").json(names).send();
        assertJapanese(stale, assertProblem(stale, 412, "stale-version"));

        Reply malformed = api.put(PATH + "/" + code).ifMatch("not an etag").json(names).send();
        assertProblem(malformed, 400, "malformed-header");

        Reply ok = api.put(PATH + "/" + code).ifMatch(etag).json(names).send().expect(200);
        assertEquals("改名市", ok.object().getString("nameJa"));
        assertNotNull(ok.etag(), ok::toString);
        assertNotEquals(etag, ok.etag(), ok::toString);

        // The colleague who loaded the old version cannot overwrite the new one.
        Reply late = api.put(PATH + "/" + code).ifMatch(etag).lang("en").json(Municipalities.body(code)).send();
        assertEnglish(late, assertProblem(late, 412, "stale-version"));

        Reply now = api.get(PATH + "/" + code).send().expect(200);
        assertEquals("Renamed City", now.object().getString("nameEn"));
        assertEquals(ok.etag(), now.etag());
    }

    @Test
    void listPagesThroughEveryMunicipalityInCodeOrder() {
        long before = api.get(PATH).send().expect(200).object().getJsonNumber("totalItems").longValue();
        List<String> mine = List.of(Municipalities.register(api), Municipalities.register(api), Municipalities.register(api));

        JsonObject first = api.get(PATH + "?page=0&size=2").send().expect(200).object();
        long total = first.getJsonNumber("totalItems").longValue();
        assertTrue(total >= before + 3, first::toString);
        assertEquals(0, first.getInt("page"));
        assertEquals(2, first.getInt("size"));
        assertEquals((total + 1) / 2, first.getJsonNumber("totalPages").longValue(), first::toString);

        List<String> all = new ArrayList<>();
        for (int page = 0; page < first.getInt("totalPages"); page++) {
            JsonObject p = api.get(PATH + "?page=" + page + "&size=2").send().expect(200).object();
            List<JsonObject> items = p.getJsonArray("items").getValuesAs(JsonObject.class);
            assertTrue(items.size() <= 2, p::toString);
            items.forEach(i -> all.add(i.getString("code")));
        }
        assertEquals(all.stream().sorted().toList(), all, "ordered by code");
        assertEquals(new HashSet<>(all).size(), all.size(), "no municipality twice");
        assertTrue(all.containsAll(mine), () -> all + " lacks " + mine);

        JsonObject past = api.get(PATH + "?page=100000&size=2").send().expect(200).object();
        assertEquals(0, past.getJsonArray("items").size(), past::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=501", "size=abc", "size=-1", "page=-1", "page=x", "size=1.5",
        "page=99999999999"})
    void badPagingIs400NamingTheParameter(String query) {
        Reply r = api.get(PATH + "?" + query).send();
        JsonObject p = assertJapanese(r, assertProblem(r, 400, "validation"));
        String param = query.substring(0, query.indexOf('='));
        assertTrue(Problems.fields(p).contains("\"" + param + "\""), r::toString);
        Reply en = api.get(PATH + "?" + query).lang("en").send();
        assertEnglish(en, assertProblem(en, 400, "validation"));
    }

    @Test
    void csvExportStartsWithBomAndJapaneseHeader() {
        String code = Municipalities.register(api);
        for (Reply r : List.of(api.get(PATH + "?format=csv").send(), api.get(PATH).accept("text/csv").send())) {
            r.expect(200);
            assertTrue(r.contentType().startsWith("text/csv"), r::toString);
            assertTrue(r.header("Content-Disposition").orElse("").contains("attachment"), r::toString);
            byte[] bytes = r.bytes();
            assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "UTF-8 byte-order mark for Excel");
            String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
            assertEquals("地方公共団体コード,団体名,団体名 (かな),団体名 (英語),都道府県", lines[0]);
            assertTrue(Arrays.stream(lines).anyMatch(l -> l.startsWith(code + ",試験市" + code + ",しけんし,Test City " + code + ",")),
                    () -> code + " missing from CSV:\n" + String.join("\n", lines));
        }
    }

    @Test
    void csvExportInEnglishOnRequest() {
        String code = Municipalities.register(api);
        Reply r = api.get(PATH + "?format=csv").lang("en").send().expect(200);
        byte[] bytes = r.bytes();
        assertArrayEquals(BOM, Arrays.copyOf(bytes, 3));
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("Local government code,Name,Name (kana),Name (English),Prefecture", lines.get(0));
        String prefecture = api.get(PATH + "/" + code).send().expect(200).object()
                .getJsonObject("prefecture").getString("nameEn");
        assertTrue(lines.contains(code + ",試験市" + code + ",しけんし,Test City " + code + "," + prefecture),
                () -> code + " (" + prefecture + ") missing from CSV:\n" + String.join("\n", lines));
    }

    @Test
    void unknownExportFormatIs400() {
        Reply r = api.get(PATH + "?format=xlsx").send();
        JsonObject p = assertProblem(r, 400, "validation");
        assertTrue(Problems.fields(p).contains("xlsx"), r::toString);
        assertProblem(api.get(PATH).accept("application/xml").send(), 406, "not-acceptable");
    }
}
