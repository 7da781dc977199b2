package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class JsonbSettingsTest {

    public static class Body {
        public Long amount;
        public Integer count;
    }

    private final Jsonb jsonb = new JsonbSettings().getContext(Body.class);

    @Test
    void wholeNumbersAreRead() {
        Body b = jsonb.fromJson("{\"amount\":10,\"count\":-3}", Body.class);
        assertEquals(10L, b.amount);
        assertEquals(-3, b.count);
        assertEquals(10L, jsonb.fromJson("{\"amount\":10.0}", Body.class).amount);
        assertEquals(12L, jsonb.fromJson("{\"amount\":\"12\"}", Body.class).amount);
        assertNull(jsonb.fromJson("{\"amount\":null}", Body.class).amount);
        assertEquals(Long.MAX_VALUE, jsonb.fromJson("{\"amount\":9223372036854775807}", Body.class).amount);
    }

    @Test
    void aFractionOrANumberBeyondTheTypeIsRefusedNotCutOff() {
        for (String json : new String[] {"{\"amount\":10.5}", "{\"amount\":9223372036854775808}", "{\"amount\":1e30}",
                "{\"count\":2147483648}", "{\"count\":0.1}",
                "{\"amount\":\"10.5\"}", "{\"amount\":true}", "{\"count\":[1]}"}) {
            assertThrows(JsonbException.class, () -> jsonb.fromJson(json, Body.class), json);
        }
    }
}
