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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider's signing keys (its JWKS), fetched on first use and kept. They are fetched again
 * when they are older than {@link #MAX_AGE}, and when a token names a key ({@code kid}) that is not
 * among them: that is how a provider's key rotation reaches Machi. Unknown keys trigger at most one
 * fetch per {@link #MIN_REFETCH_INTERVAL}, so tokens with made-up key ids cannot make Machi hammer
 * the provider. If a periodic fetch fails, the keys already known stay in use; while one request
 * refreshes them, the others go on with the known keys instead of waiting.
 */
final class ProviderKeys implements JWKSource<SecurityContext> {

    static final Duration MAX_AGE = Duration.ofMinutes(15);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ProviderKeys.class.getName());

    /** Keys as fetched at one moment. */
    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final Supplier<Map<String, Object>> fetch;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Snapshot snapshot;
    /** Guarded by {@link #fetching}. */
    private Instant lastAttempt;

    /** @param fetch reads the JWKS document (throws {@link ProviderUnavailableException} when it cannot) */
    ProviderKeys(Supplier<Map<String, Object>> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot known = current();
        List<JWK> found = selector.select(known.keys());
        if (found.isEmpty()) {
            Snapshot refreshed = refetchForUnknownKey(known);
            if (refreshed != null) {
                found = selector.select(refreshed.keys());
            }
        }
        return found;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            fetching.lock();
            try {
                if (snapshot != null) {
                    return snapshot;
                }
                if (!mayTry()) {
                    // The last attempt failed a moment ago: do not make every request wait for a dead provider.
                    throw new ProviderUnavailableException("The provider's keys could not be fetched a moment ago");
                }
                return fetchNow();
            } finally {
                fetching.unlock();
            }
        }
        if (s.fetchedAt().plus(MAX_AGE).isBefore(clock.instant()) && fetching.tryLock()) {
            try {
                if (snapshot == s && mayTry()) {
                    return fetchNow();
                }
            } catch (ProviderUnavailableException e) {
                LOG.log(Level.WARNING, "Refreshing the OpenID Connect provider''s keys failed; the known ones stay in use: {0}",
                        e.getMessage());
            } finally {
                fetching.unlock();
            }
        }
        return snapshot;
    }

    private Snapshot refetchForUnknownKey(Snapshot known) {
        fetching.lock();
        try {
            if (snapshot != known) {
                return snapshot; // someone else fetched meanwhile
            }
            if (!mayTry()) {
                return null;
            }
            LOG.fine("A token names a key the provider did not publish before: fetching its keys again");
            return fetchNow();
        } finally {
            fetching.unlock();
        }
    }

    private boolean mayTry() {
        return lastAttempt == null || !lastAttempt.plus(MIN_REFETCH_INTERVAL).isAfter(clock.instant());
    }

    private Snapshot fetchNow() {
        Instant now = clock.instant();
        lastAttempt = now;
        Map<String, Object> doc = fetch.get();
        try {
            // Only public keys: a provider that publishes private ones by mistake must not make them usable here.
            Snapshot s = new Snapshot(JWKSet.parse(doc).toPublicJWKSet(), now);
            snapshot = s;
            return s;
        } catch (ParseException e) {
            throw new ProviderUnavailableException("The provider's key set (jwks_uri) is not a JWK set: " + e.getMessage(), e);
        }
    }
}
