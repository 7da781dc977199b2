package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicRevalidationTest {

    @Test
    void theTagFollowsTheBytes() {
        String a = PublicRevalidation.tagOf("{\"items\":[]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(a, PublicRevalidation.tagOf("{\"items\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, PublicRevalidation.tagOf("{\"items\":[1]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(a.matches("W/\"[A-Za-z0-9_-]{22}\""), a);
    }

    @Test
    void ifNoneMatchComparesWeaklyAgainstEveryListedTag() {
        String tag = "W/\"abc\"";
        assertTrue(PublicRevalidation.matches("W/\"abc\"", tag));
        assertTrue(PublicRevalidation.matches("\"abc\"", tag), "weak comparison ignores W/");
        assertTrue(PublicRevalidation.matches("\"x\", W/\"abc\"", tag));
        assertTrue(PublicRevalidation.matches("*", tag));
        assertFalse(PublicRevalidation.matches("W/\"abd\"", tag));
        assertFalse(PublicRevalidation.matches("", tag));
        assertFalse(PublicRevalidation.matches(null, tag));
        assertFalse(PublicRevalidation.matches("abc", tag), "an unquoted value is no tag");
    }
}
