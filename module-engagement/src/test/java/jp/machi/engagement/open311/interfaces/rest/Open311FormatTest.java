package jp.machi.engagement.open311.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.engagement.open311.application.Open311Service;
import org.junit.jupiter.api.Test;

/** The POSTed fields' rules and the W3C date-times GET requests reads. */
class Open311FormatTest {

    private static MultivaluedMap<String, String> form(String... pairs) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.add(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static List<String> refused(MultivaluedMap<String, String> f) {
        ApiException e = assertThrows(ApiException.class, () -> Open311Resource.submission(f, UUID.randomUUID()));
        return e.errors().stream().map(ApiException.FieldErrorKey::field).toList();
    }

    @Test
    void aRequestNeedsAServiceAndALocationAndBoundedFields() {
        Open311Service.Submission ok = Open311Resource.submission(form("service_code", "road", "lat", "36.1",
                "long", "140.1", "first_name", "太郎", "last_name", "試験", "attribute[size]", "30cm"), UUID.randomUUID());
        assertEquals("試験 太郎", ok.name());
        assertEquals(36.1, ok.lat());
        assertEquals(Map.of("size", "30cm"), ok.attributes());
        assertEquals("駅前", Open311Resource.submission(form("service_code", "road", "address_string", "駅前"),
                UUID.randomUUID()).addressString());

        assertEquals(List.of("service_code"), refused(form("address_id", "A1")));
        assertEquals(List.of("lat"), refused(form("service_code", "road")));
        assertEquals(List.of("long"), refused(form("service_code", "road", "lat", "36")));
        assertEquals(List.of("lat"), refused(form("service_code", "road", "lat", "91", "long", "140")));
        assertEquals(List.of("long"), refused(form("service_code", "road", "lat", "36", "long", "NaN")));
        assertEquals(List.of("email"), refused(form("service_code", "road", "address_id", "1", "email", "x")));
        assertEquals(List.of("phone"), refused(form("service_code", "road", "address_id", "1", "phone", "12")));
        assertEquals(List.of("media_url"), refused(form("service_code", "road", "address_id", "1",
                "media_url", "javascript:alert(1)")));
        assertEquals(List.of("description"), refused(form("service_code", "road", "address_id", "1",
                "description", "x".repeat(4001))));
        assertEquals(List.of("attribute"), refused(form("service_code", "road", "address_id", "1", "attribute", "x")));
    }

    @Test
    void datesAreW3cDateTimesDatesAloneInJapan() {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        assertEquals("2026-04-01T09:00+09:00", Open311Resource.dateTime("start_date", "2026-04-01T09:00:00+09:00",
                errors).toString());
        assertEquals("2026-04-01T00:00+09:00", Open311Resource.dateTime("start_date", "2026-04-01", errors).toString());
        assertEquals("2026-04-01T12:30+09:00", Open311Resource.dateTime("start_date", "2026-04-01T12:30:00", errors)
                .toString());
        assertTrue(errors.isEmpty());
        assertNull(Open311Resource.dateTime("end_date", "yesterday", errors));
        assertEquals("end_date", errors.get(0).field());
    }

    @Test
    void xmlTextDropsWhatXmlCannotCarry() {
        assertEquals("a\tb\nc", Open311Format.xmlText("a\u0001\tb\nc\u0000"));
        assertEquals("道路🚧", Open311Format.xmlText("道路🚧"));
    }
}
