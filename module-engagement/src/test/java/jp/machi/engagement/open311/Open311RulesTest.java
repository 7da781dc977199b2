package jp.machi.engagement.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.machi.engagement.open311.domain.Open311Key;
import jp.machi.engagement.voice.domain.VoiceCategory;
import org.junit.jupiter.api.Test;

/** Open311 rules that need no server: key secrets and their hashes, category names and codes. */
class Open311RulesTest {

    @Test
    void aKeySecretIsRandomPrefixedAndOnlyItsHashIsKept() {
        String one = Open311Key.newSecret();
        String two = Open311Key.newSecret();
        assertTrue(one.startsWith(Open311Key.PREFIX));
        assertEquals(Open311Key.PREFIX.length() + 43, one.length(), "32 random bytes in base64url");
        assertNotEquals(one, two);
        assertEquals(64, Open311Key.hash(one).length());
        assertEquals(Open311Key.hash(one), Open311Key.hash(one));
        assertNotEquals(Open311Key.hash(one), Open311Key.hash(two));
        Open311Key k = new Open311Key("app", one, "admin", java.time.OffsetDateTime.now());
        assertEquals(one.substring(0, Open311Key.PREFIX.length() + 6), k.getKeyPrefix());
        assertFalse(k.isRevoked());
        assertTrue(k.revoke(java.time.OffsetDateTime.now()));
        assertFalse(k.revoke(java.time.OffsetDateTime.now()), "revoked once");
    }

    @Test
    void aCategoryIsAServiceOnlyActiveAndOpenAndNamedInTheAskedLanguage() {
        VoiceCategory c = new VoiceCategory(new VoiceCategory.Fields("road", "道路", "Roads", null, null, 1, true, true));
        assertTrue(c.isOpen311Service());
        assertEquals("Roads", c.name(true));
        assertEquals("道路", c.name(false));
        c.set(new VoiceCategory.Fields("road", "道路", null, null, null, 1, false, true));
        assertFalse(c.isOpen311Service(), "inactive");
        assertEquals("道路", c.name(true), "no English name: the Japanese one");
        c.set(new VoiceCategory.Fields("road", "道路", null, null, null, 1, true, false));
        assertFalse(c.isOpen311Service(), "not open to Open311");
        for (String ok : new String[] {"road", "road-park", "A_1", "x".repeat(40)}) {
            assertTrue(ok.matches(VoiceCategory.CODE_PATTERN), ok);
        }
        for (String bad : new String[] {"", "-road", "道路", "a b", "a/b", "a.json", "x".repeat(41)}) {
            assertFalse(bad.matches(VoiceCategory.CODE_PATTERN), bad);
        }
    }
}
