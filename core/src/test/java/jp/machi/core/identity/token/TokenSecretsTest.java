package jp.machi.core.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.token.domain.ApiToken;
import jp.machi.core.identity.token.domain.TokenSecrets;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void aSecretIsMachiPrefixAnd32RandomBytesInBase64Url() {
        String s = TokenSecrets.generate();
        assertTrue(s.startsWith("machi_"));
        assertEquals(32, Base64.getUrlDecoder().decode(s.substring(6)).length);
        assertTrue(s.substring(6).matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(s, TokenSecrets.generate());
    }

    @Test
    void theStoredHashIsSha256HexAndTheShownPartIsShort() {
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", TokenSecrets.hash("test"));
        String s = TokenSecrets.generate();
        assertEquals(12, TokenSecrets.shown(s).length());
        assertTrue(s.startsWith(TokenSecrets.shown(s)));
    }

    @Test
    void aTokenIsUsableUntilRevokedOrExpired() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ApiToken t = new ApiToken("082201", Role.STAFF, "import", TokenSecrets.generate(), "admin", now.plusDays(1), null);
        assertTrue(t.isUsableAt(now));
        assertFalse(t.isUsableAt(now.plusDays(1)));
        t.revoke(now);
        assertFalse(t.isUsableAt(now));
        t.revoke(now.plusHours(1));
        assertEquals(now, t.getRevokedAt());
    }

    @Test
    void platformTokensAndOnlyThemAreForPlatformAdministrators() {
        String secret = TokenSecrets.generate();
        assertThrows(IllegalArgumentException.class, () -> new ApiToken("082201", Role.PLATFORM_ADMIN, "x", secret, "a", null, null));
        assertThrows(IllegalArgumentException.class, () -> new ApiToken(null, Role.STAFF, "x", secret, "a", null, null));
    }
}
