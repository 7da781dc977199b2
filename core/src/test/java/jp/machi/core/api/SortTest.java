package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ?sort=}: whitelisted fields, - for descending, the id as tie-break, refusals that name the allowed fields. */
class SortTest {

    private static final Sort.Fields FIELDS = Sort.Fields.of()
            .field("receivedAt", "v.receivedAt")
            .field("subject", "v.subject")
            .nullable("category", "v.category")
            .byDefault("-receivedAt");

    @Test
    void noSortIsTheDefault() {
        assertEquals(" ORDER BY v.receivedAt DESC, v.id ASC", FIELDS.parse(null).orderBy("v.id"));
        assertEquals(" ORDER BY v.receivedAt DESC, v.id ASC", FIELDS.parse("  ").orderBy("v.id"));
    }

    @Test
    void fieldsInOrderAscendingOrDescendingThenTheId() {
        Sort s = FIELDS.parse("subject, -receivedAt");
        assertEquals(" ORDER BY v.subject ASC, v.receivedAt DESC, v.id ASC", s.orderBy("v.id"));
        assertEquals("subject,-receivedAt", s.toString());
        assertTrue(s.nonNull());
        assertEquals(" ORDER BY v.subject ASC, v.id ASC", FIELDS.parse("+subject").orderBy("v.id"));
    }

    @Test
    void aNullableFieldIsKnownAsSuch() {
        assertFalse(FIELDS.parse("category").nonNull());
    }

    @Test
    void noSortAndNoDefaultIsTheIdAlone() {
        assertEquals(" ORDER BY x.id ASC", Sort.Fields.of().field("a", "x.a").parse(null).orderBy("x.id"));
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheAllowedOnes() {
        for (String bad : List.of("sender", "receivedAt,", "-", "receivedat", "v.receivedAt", "receivedAt;DROP")) {
            ApiException e = assertThrows(ApiException.class, () -> FIELDS.parse(bad), bad);
            assertEquals(400, e.status());
            ApiException.FieldErrorKey err = e.errors().get(0);
            assertEquals("sort", err.field());
            assertEquals("paging.sortUnknown", err.key());
            assertEquals("receivedAt, subject, category", err.args()[1]);
        }
    }

    @Test
    void aLongFieldIsShownShortened() {
        ApiException e = assertThrows(ApiException.class, () -> FIELDS.parse("x".repeat(5000)));
        assertEquals(41, ((String) e.errors().get(0).args()[0]).length());
    }

    @Test
    void aRepeatedFieldIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> FIELDS.parse("subject,-subject"));
        assertEquals("paging.sortRepeated", e.errors().get(0).key());
    }
}
