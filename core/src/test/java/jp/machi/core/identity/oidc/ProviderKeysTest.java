package jp.machi.core.identity.oidc;

import static jp.machi.core.identity.oidc.TestKeys.KEY_1;
import static jp.machi.core.identity.oidc.TestKeys.KEY_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderKeysTest {

    private final TestKeys.Endpoint endpoint = new TestKeys.Endpoint(KEY_1);
    private final TestKeys.MovableClock clock = new TestKeys.MovableClock();
    private final ProviderKeys keys = new ProviderKeys(endpoint, clock);

    private static JWKSelector kid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    @Test
    void keysAreFetchedOnFirstUseAndKept() {
        assertEquals(0, endpoint.reads.get());
        assertEquals(1, keys.get(kid("key-1"), null).size());
        assertEquals(1, keys.get(kid("key-1"), null).size());
        assertEquals(1, endpoint.reads.get());
    }

    @Test
    void onlyPublicKeysAreKeptEvenIfTheProviderPublishesPrivateOnes() {
        endpoint.current = new com.nimbusds.jose.jwk.JWKSet(KEY_1).toJSONObject(false);
        List<JWK> found = keys.get(kid("key-1"), null);
        assertFalse(found.get(0).isPrivate());
    }

    @Test
    void oldKeysAreRefreshedAndKeptWhenTheRefreshFails() {
        keys.get(kid("key-1"), null);
        clock.advance(ProviderKeys.MAX_AGE.plusSeconds(1));
        endpoint.down = true;
        assertEquals(1, keys.get(kid("key-1"), null).size(), "the known keys stay in use");
        assertEquals(2, endpoint.reads.get());
        endpoint.down = false;
        endpoint.current = TestKeys.jwks(KEY_2);
        clock.advance(Duration.ofSeconds(11));
        assertEquals(1, keys.get(kid("key-2"), null).size());
        assertEquals(0, keys.get(kid("key-1"), null).size(), "a key the provider withdrew is gone after the refresh");
    }

    @Test
    void aProviderThatIsDownIsNotAskedOnEveryRequest() {
        endpoint.down = true;
        assertThrows(ProviderUnavailableException.class, () -> keys.get(kid("key-1"), null));
        assertThrows(ProviderUnavailableException.class, () -> keys.get(kid("key-1"), null));
        assertEquals(1, endpoint.reads.get());
        endpoint.down = false;
        clock.advance(Duration.ofSeconds(11));
        assertEquals(1, keys.get(kid("key-1"), null).size());
    }

    @Test
    void somethingThatIsNotAKeySetIsTheProvidersFault() {
        endpoint.current = Map.of("keys", "none");
        assertTrue(assertThrows(ProviderUnavailableException.class, () -> keys.get(kid("key-1"), null)).getMessage()
                .contains("not a JWK set"));
    }
}
