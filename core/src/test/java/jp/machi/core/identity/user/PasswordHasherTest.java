package jp.machi.core.identity.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import jp.machi.core.identity.user.application.PasswordHasher;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With Jakarta Security's own implementation (Soteria, as bundled in Payara). */
class PasswordHasherTest {

    /** Each hash takes a good fraction of a second, on purpose: made once, looked at by several tests. */
    private static PasswordHasher hasher;
    private static String stored;

    @BeforeAll
    static void hasher() {
        hasher = PasswordHasher.using(new Pbkdf2PasswordHashImpl(), PasswordHasher.MIN_ITERATIONS);
        stored = hasher.hash("Correct-Horse-9");
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        assertTrue(hasher.verify("Correct-Horse-9", stored));
        assertFalse(hasher.verify("correct-Horse-9", stored));
        assertFalse(hasher.verify("", stored));
        assertFalse(hasher.verify(null, stored));
    }

    @Test
    void storesSha512With210000IterationsA32ByteSaltAndA64ByteKey() {
        String[] parts = stored.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(64, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(stored, hasher.hash("Correct-Horse-9"));
    }

    @Test
    void fewerIterationsThanTheMinimumAreRaisedToIt() {
        PasswordHasher weak = PasswordHasher.using(new Pbkdf2PasswordHashImpl(), 1000);
        assertEquals(PasswordHasher.MIN_ITERATIONS, weak.iterations());
    }

    @Test
    void aHashWithFewerIterationsOrAnotherAlgorithmIsOutdatedButStillVerifies() {
        Pbkdf2PasswordHashImpl old = new Pbkdf2PasswordHashImpl();
        old.initialize(java.util.Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "2048"));
        String oldHash = old.generate("Correct-Horse-9".toCharArray());
        assertTrue(hasher.isOutdated(oldHash));
        assertTrue(hasher.verify("Correct-Horse-9", oldHash));
        assertFalse(hasher.isOutdated(stored));
    }

    @Test
    void aMalformedStoredHashNeverMatches() {
        assertFalse(hasher.verify("Correct-Horse-9", "not-a-hash"));
        assertTrue(hasher.isOutdated("not-a-hash"));
    }
}
