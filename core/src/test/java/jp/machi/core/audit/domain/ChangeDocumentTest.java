package jp.machi.core.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.indicator.domain.Direction;
import org.junit.jupiter.api.Test;

class ChangeDocumentTest {

    private static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], AuditValues.normalize(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void aCreationHoldsEveryAttributeUnderAfterInTheOrderGiven() {
        String text = ChangeDocument.created(values("nameJa", "協働事業件数", "kind", Direction.CEILING,
                "baselineValue", new BigDecimal("86.5000"), "cumulative", false, "note", null));
        assertEquals("{\"after\":{\"nameJa\":\"協働事業件数\",\"kind\":\"CEILING\",\"baselineValue\":86.5,"
                + "\"cumulative\":false,\"note\":null}}", text);
    }

    @Test
    void aDeletionHoldsEveryAttributeUnderBefore() {
        JsonObject doc = json(ChangeDocument.deleted(values("name", "x", "serialNumber", 3)));
        assertEquals(Json.createObjectBuilder().add("before",
                Json.createObjectBuilder().add("name", "x").add("serialNumber", 3)).build(), doc);
    }

    @Test
    void anUpdateKeepsOnlyTheAttributesThatDifferWithBothValues() {
        Optional<String> text = ChangeDocument.updated(values("nameJa", "A", "unit", "件", "target", new BigDecimal("55.0000")),
                values("nameJa", "B", "unit", "件", "target", new BigDecimal("55")));
        assertEquals(Optional.of("{\"before\":{\"nameJa\":\"A\"},\"after\":{\"nameJa\":\"B\"}}"), text);
    }

    @Test
    void anUpdateThatChangesNothingOnceNormalizedHasNoDocument() {
        assertEquals(Optional.empty(), ChangeDocument.updated(values("target", new BigDecimal("90.0"), "note", null),
                values("target", new BigDecimal("90.0000"), "note", null)));
    }

    @Test
    void aValueSetFromNothingShowsNullBefore() {
        JsonObject doc = json(ChangeDocument.updated(values("nameEn", null), values("nameEn", "Tsukuba")).orElseThrow());
        assertTrue(doc.getJsonObject("before").isNull("nameEn"));
        assertEquals("Tsukuba", doc.getJsonObject("after").getString("nameEn"));
    }

    @Test
    void anAttributeWhoseEarlierValueIsUnknownAppearsOnlyAfter() {
        JsonObject doc = json(ChangeDocument.updated(values("a", 1), values("a", 2, "b", "new")).orElseThrow());
        assertFalse(doc.getJsonObject("before").containsKey("b"));
        assertEquals("new", doc.getJsonObject("after").getString("b"));
    }

    @Test
    void aMaskedAttributeThatChangedIsRecordedWithoutItsValues() {
        JsonObject doc = json(ChangeDocument.updated(values("passwordHash", AuditValues.MASKED),
                values("passwordHash", AuditValues.MASKED)).orElseThrow());
        assertEquals("***", doc.getJsonObject("before").getString("passwordHash"));
        assertEquals("***", doc.getJsonObject("after").getString("passwordHash"));
    }

    @Test
    void childRowsAreListedAsObjectsInTheirNaturalOrder() {
        List<Object> was = new ArrayList<>();
        was.add(values("fiscalYear", 2021, "target", 100, "actual", null));
        was.add(values("fiscalYear", 2020, "target", 55, "actual", 48));
        List<Object> now = new ArrayList<>();
        now.add(values("fiscalYear", 2022, "target", 105, "actual", null));
        now.add(values("fiscalYear", 2020, "target", new BigDecimal("60.0000"), "actual", 48));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("values", AuditValues.sorted(was));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("values", AuditValues.sorted(now));
        assertEquals("{\"before\":{\"values\":[{\"fiscalYear\":2020,\"target\":55,\"actual\":48},"
                + "{\"fiscalYear\":2021,\"target\":100,\"actual\":null}]},"
                + "\"after\":{\"values\":[{\"fiscalYear\":2020,\"target\":60,\"actual\":48},"
                + "{\"fiscalYear\":2022,\"target\":105,\"actual\":null}]}}",
                ChangeDocument.updated(before, after).orElseThrow());
    }

    @Test
    void theSameRowsInAnotherOrderAreNoChange() {
        Map<String, Object> before = Map.of("values", AuditValues.sorted(List.of(values("y", 2), values("y", 1))));
        Map<String, Object> after = Map.of("values", AuditValues.sorted(List.of(values("y", 1), values("y", 2))));
        assertEquals(Optional.empty(), ChangeDocument.updated(before, after));
    }

    @Test
    void valuesAreWrittenAsTheyReadEverywhere() {
        UUID id = UUID.fromString("6a1f5a5e-3f43-4c1e-9a56-1f0b2f7c9d10");
        Map<String, Object> v = values("id", id, "day", LocalDate.of(2025, 4, 1),
                "at", OffsetDateTime.of(2025, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC), "count", 7L, "ratio", 0.25,
                "big", new BigDecimal("1E+3"), "bytes", new byte[3], "text", "改行\nと\"引用符\"");
        JsonObject after = json(ChangeDocument.created(v)).getJsonObject("after");
        assertEquals(id.toString(), after.getString("id"));
        assertEquals("2025-04-01", after.getString("day"));
        assertEquals("2025-04-01T00:00Z", after.getString("at"));
        assertEquals("7", after.get("count").toString());
        assertEquals("0.25", after.get("ratio").toString());
        assertEquals("1000", after.get("big").toString());
        assertEquals("(3 bytes)", after.getString("bytes"));
        assertEquals("改行\nと\"引用符\"", after.getString("text"));
    }

    @Test
    void timesKeepTheMicrosecondsADatabaseKeeps() {
        Map<String, Object> v = values("at", OffsetDateTime.of(2025, 4, 1, 9, 0, 0, 123_456_789, ZoneOffset.ofHours(9)));
        assertEquals("2025-04-01T09:00:00.123456+09:00", json(ChangeDocument.created(v)).getJsonObject("after").getString("at"));
    }

    @Test
    void aReadOfPersonalDataNamesTheFields() {
        assertEquals("{\"fields\":[\"name\",\"address\"]}", ChangeDocument.personalDataRead(List.of("name", "address")));
    }

    @Test
    void storedChangesParseBackForTheApi() {
        String text = ChangeDocument.created(values("a", 1));
        assertEquals(json(text), ChangeDocument.parse(text));
        assertTrue(ChangeDocument.parse(null).isEmpty());
    }
}
