package jp.machi.core.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static Optional<OidcSettings> read(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return OidcSettings.read(name -> Optional.ofNullable(m.get(name)));
    }

    @Test
    void withoutAnIssuerOpenIdConnectIsOff() {
        assertEquals(Optional.empty(), read());
        assertEquals(Optional.empty(), read("machi.oidc.issuer", "  ", "machi.oidc.client-id", "machi"));
    }

    @Test
    void theClaimsDefaultToMachiRoleAndMachiMunicipalityAndTheAudienceToTheClient() {
        OidcSettings s = read("machi.oidc.issuer", "https://sso.example.jp/realms/machi", "machi.oidc.client-id", "machi")
                .orElseThrow();
        assertEquals(URI.create("https://sso.example.jp/realms/machi"), s.issuer());
        assertEquals("machi", s.audience());
        assertEquals("machi_role", s.roleClaim());
        assertEquals("machi_municipality", s.municipalityClaim());
        assertNull(s.clientSecret());
        assertNull(s.redirectUri());
        assertTrue(s.browserSignIn());
        assertFalse(s.insecureTransport());
    }

    @Test
    void everySettingCanBeGiven() {
        OidcSettings s = read("machi.oidc.issuer", "https://sso.example.jp/realms/machi/", "machi.oidc.client-id", "machi",
                "machi.oidc.client-secret", "s3cret", "machi.oidc.audience", "machi-api", "machi.oidc.role-claim",
                "realm_access.roles", "machi.oidc.municipality-claim", "lg_code", "machi.oidc.redirect-uri",
                "https://machi.example.jp/api/v1/session/oidc/callback").orElseThrow();
        assertEquals("https://sso.example.jp/realms/machi", s.issuerBase());
        assertEquals("machi-api", s.audience());
        assertEquals("realm_access.roles", s.roleClaim());
        assertEquals("lg_code", s.municipalityClaim());
        assertEquals("s3cret", s.clientSecret());
        assertEquals(URI.create("https://machi.example.jp/api/v1/session/oidc/callback"), s.redirectUri());
        assertFalse(s.toString().contains("s3cret"), "the secret never reaches a log");
    }

    @Test
    void bearerTokensAloneNeedOnlyAnAudience() {
        OidcSettings s = read("machi.oidc.issuer", "https://sso.example.jp/realms/machi", "machi.oidc.audience", "machi-api")
                .orElseThrow();
        assertFalse(s.browserSignIn());
    }

    @Test
    void unusableSettingsNameTheVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("machi.oidc.issuer", "sso.example.jp"))
                .getMessage().contains("MACHI_OIDC_ISSUER"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("machi.oidc.issuer", "ftp://sso.example.jp",
                "machi.oidc.client-id", "machi")).getMessage().contains("MACHI_OIDC_ISSUER"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("machi.oidc.issuer", "https://sso.example.jp"))
                .getMessage().contains("MACHI_OIDC_AUDIENCE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("machi.oidc.issuer", "https://sso.example.jp",
                "machi.oidc.client-id", "machi", "machi.oidc.redirect-uri", "/callback")).getMessage()
                .contains("MACHI_OIDC_REDIRECT_URI"));
    }

    @Test
    void plainHttpIsFlaggedUnlessTheProviderRunsOnThisMachine() {
        assertTrue(read("machi.oidc.issuer", "http://sso.example.jp/realms/machi", "machi.oidc.client-id", "m").orElseThrow()
                .insecureTransport());
        assertFalse(read("machi.oidc.issuer", "http://127.0.0.1:8180/realms/machi", "machi.oidc.client-id", "m")
                .orElseThrow().insecureTransport());
        assertFalse(read("machi.oidc.issuer", "http://localhost:8180/realms/machi", "machi.oidc.client-id", "m")
                .orElseThrow().insecureTransport());
    }
}
