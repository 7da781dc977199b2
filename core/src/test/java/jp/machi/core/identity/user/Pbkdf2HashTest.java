package jp.machi.core.identity.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import jp.machi.core.identity.user.application.PasswordHasher;
import jp.machi.core.identity.user.application.Pbkdf2Hash;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/** Machi's own PBKDF2 (used on every server) and Soteria's (Payara's, GlassFish's) read each other's hashes. */
class Pbkdf2HashTest {

    private static final Map<String, String> MACHI = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Test
    void hashesMadeOnPayaraVerifyWithMachisOwnAndTheOtherWayRound() {
        Pbkdf2PasswordHashImpl soteria = new Pbkdf2PasswordHashImpl();
        soteria.initialize(MACHI);
        Pbkdf2Hash own = new Pbkdf2Hash();
        own.initialize(MACHI);

        String bySoteria = soteria.generate("Correct-Horse-9".toCharArray());
        assertTrue(own.verify("Correct-Horse-9".toCharArray(), bySoteria));
        assertFalse(own.verify("Correct-Horse-8".toCharArray(), bySoteria));

        String byOwn = own.generate("Correct-Horse-9".toCharArray());
        assertTrue(soteria.verify("Correct-Horse-9".toCharArray(), byOwn));
        assertFalse(soteria.verify("correct-Horse-9".toCharArray(), byOwn));
        assertEquals(4, byOwn.split(":").length);
        assertEquals("PBKDF2WithHmacSHA512", byOwn.split(":")[0]);
        assertEquals("210000", byOwn.split(":")[1]);
    }

    @Test
    void theDefaultsAreSoteriasSoAnOldSha256HashVerifies() {
        Pbkdf2PasswordHashImpl soteria = new Pbkdf2PasswordHashImpl();
        String old = soteria.generate("Correct-Horse-9".toCharArray());
        assertTrue(new Pbkdf2Hash().verify("Correct-Horse-9".toCharArray(), old));
        assertTrue(soteria.verify("Correct-Horse-9".toCharArray(), new Pbkdf2Hash().generate("Correct-Horse-9".toCharArray())));
    }

    @Test
    void malformedHashesAreRefusedNotMatched() {
        Pbkdf2Hash own = new Pbkdf2Hash();
        assertThrows(IllegalArgumentException.class, () -> own.verify("x".toCharArray(), "not-a-hash"));
        assertThrows(IllegalArgumentException.class, () -> own.verify("x".toCharArray(), "Nope:1:AAAA:AAAA"));
        PasswordHasher hasher = PasswordHasher.using(own, PasswordHasher.MIN_ITERATIONS);
        assertFalse(hasher.verify("x", "PBKDF2WithHmacSHA512:0:AAAA:AAAA"));
        assertTrue(hasher.verify("Correct-Horse-9", hasher.hash("Correct-Horse-9")));
    }
}
