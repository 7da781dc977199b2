package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7396 as the API applies it, and the cut of a representation to a PUT body's members. */
class MergePatchTest {

    static JsonValue json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }

    public static class Year {
        public String fiscalYear;
        public Integer target;
    }

    public static class Body {
        public String nameJa;
        public String nameEn;
        public UUID ownerUnitId;
        public List<UUID> partnerIds;
        public List<Year> years;
        public static final String IGNORED = "x";
        public transient String notSent;
    }

    @Test
    void rfc7396ExamplesMergeReplaceAndRemove() {
        // RFC 7396, section 3.
        JsonValue target = json("{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
                + "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}");
        JsonValue patch = json("{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\",\"author\":{\"familyName\":null},"
                + "\"tags\":[\"example\"]}");
        assertEquals(json("{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},\"tags\":[\"example\"],"
                + "\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}"), MergePatch.apply(target, patch));
        assertEquals(json("{\"a\":\"b\"}"), MergePatch.apply(json("{\"a\":\"b\"}"), json("{}")));
    }

    @Test
    void aRepresentationIsCutToTheBodysMembersRecursively() {
        JsonValue shown = json("{\"id\":\"x\",\"nameJa\":\"指標\",\"kindLabel\":\"成果\",\"years\":[{\"fiscalYear\":\"R6\","
                + "\"target\":5,\"rating\":\"A\"}],\"latest\":{\"rating\":\"A\"}}");
        assertEquals(json("{\"nameJa\":\"指標\",\"years\":[{\"fiscalYear\":\"R6\",\"target\":5}]}"),
                MergePatch.project(shown, Body.class));
    }

    @Test
    void recordsShownByIdAreTakenById() {
        JsonValue shown = json("{\"nameJa\":\"事業\",\"partners\":[{\"id\":\"a\",\"name\":\"会\"},{\"id\":\"b\"}],"
                + "\"ownerUnit\":{\"id\":\"u\",\"name\":\"課\"}}");
        assertEquals(json("{\"nameJa\":\"事業\",\"ownerUnitId\":\"u\",\"partnerIds\":[\"a\",\"b\"]}"),
                MergePatch.project(shown, Body.class));
        assertNull(MergePatch.reference(json("{\"partners\":[\"a\"]}").asJsonObject(), "partnerIds"), "not records");
    }

    @Test
    void aPatchThatIsNotJsonIsNullAndScalarsAreRead() {
        assertNull(MergePatchRequests.read("{\"a\":".getBytes()));
        assertNull(MergePatchRequests.read("".getBytes()));
        assertEquals(JsonValue.ValueType.STRING, MergePatchRequests.read("\"x\"".getBytes()).getValueType());
        assertEquals(JsonValue.ValueType.OBJECT, MergePatchRequests.read(" {\"a\":null} ".getBytes()).getValueType());
    }

    @Test
    void aBodyNestedDeeperThanAnyBodyIsMalformedNotAStackOverflow() {
        String deep = "[".repeat(40_000);
        org.junit.jupiter.api.Assertions.assertNull(MergePatchRequests.read(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String fine = "{\"a\":" + "[".repeat(10) + "\"[[[[\"" + "]".repeat(10) + "}";
        org.junit.jupiter.api.Assertions.assertNotNull(MergePatchRequests.read(fine.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String quoted = "{\"a\":\"" + "[".repeat(1_000) + "\"}";
        org.junit.jupiter.api.Assertions.assertFalse(MergePatchRequests.tooDeep(quoted), "brackets in a string do not nest");
    }
}
