package jp.machi.core.identity.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider's signing keys (its JWKS), fetched on first use and kept. They are fetched again
 * when they are older than {@link #MAX_AGE}, and when a token names a key ({@code kid}) that is not
 * among them: that is how a provider's key rotation reaches Machi. Unknown keys trigger at most one
 * fetch per {@link #MIN_REFETCH_INTERVAL}, so tokens with made-up key ids cannot make Machi hammer
 * the provider. If a periodic fetch fails, the keys already known stay in use.
 */
final class ProviderKeys implements JWKSource<SecurityContext> {

    static final Duration MAX_AGE = Duration.ofMinutes(15);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ProviderKeys.class.getName());

    private final Supplier<Map<String, Object>> fetch;
    private final Clock clock;
    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastAttempt;
    private int fetches;

    /** @param fetch reads the JWKS document (throws {@link ProviderUnavailableException} when it cannot) */
    ProviderKeys(Supplier<Map<String, Object>> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(current());
        if (found.isEmpty()) {
            JWKSet refreshed = refetchForUnknownKey();
            if (refreshed != null) {
                found = selector.select(refreshed);
            }
        }
        return found;
    }

    /** How often the key set was fetched (for tests and the log). */
    synchronized int fetches() {
        return fetches;
    }

    private synchronized JWKSet current() {
        Instant now = clock.instant();
        if (keys == null) {
            if (!mayTry(now)) {
                // The last attempt failed a moment ago: do not make every request wait for a dead provider.
                throw new ProviderUnavailableException("The provider's keys could not be fetched a moment ago");
            }
            return fetchNow(now);
        }
        if (fetchedAt.plus(MAX_AGE).isBefore(now) && mayTry(now)) {
            try {
                return fetchNow(now);
            } catch (ProviderUnavailableException e) {
                LOG.log(Level.WARNING, "Refreshing the OpenID Connect provider''s keys failed; the known ones stay in use: {0}",
                        e.getMessage());
            }
        }
        return keys;
    }

    private synchronized JWKSet refetchForUnknownKey() {
        Instant now = clock.instant();
        if (!mayTry(now)) {
            return null;
        }
        LOG.fine("A token names a key the provider did not publish before: fetching its keys again");
        return fetchNow(now);
    }

    private boolean mayTry(Instant now) {
        return lastAttempt == null || !lastAttempt.plus(MIN_REFETCH_INTERVAL).isAfter(now);
    }

    private JWKSet fetchNow(Instant now) {
        lastAttempt = now;
        Map<String, Object> doc = fetch.get();
        try {
            // Only public keys: a provider that publishes private ones by mistake must not make them usable here.
            JWKSet set = JWKSet.parse(doc).toPublicJWKSet();
            keys = set;
            fetchedAt = now;
            fetches++;
            return set;
        } catch (ParseException e) {
            throw new ProviderUnavailableException("The provider's key set (jwks_uri) is not a JWK set: " + e.getMessage(), e);
        }
    }
}
