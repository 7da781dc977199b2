package jp.machi.core.identity.oidc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The configured provider as Machi knows it: its discovery document, fetched on first use and again
 * once a day, and its signing keys. Nothing is fetched before something needs it, so a Machi
 * without sign-ins makes no calls at all, and a provider that is down at start-up does not stop
 * Machi from starting.
 */
final class OidcProvider {

    static final Duration METADATA_MAX_AGE = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());

    private final OidcSettings settings;
    private final ProviderHttp http;
    private final Clock clock;
    private final ProviderKeys keys;
    private ProviderMetadata metadata;
    private Instant metadataAt;
    private Instant lastAttempt;

    OidcProvider(OidcSettings settings, ProviderHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.keys = new ProviderKeys(() -> http.getJson(metadata().jwksUri()), clock);
    }

    OidcSettings settings() {
        return settings;
    }

    ProviderHttp http() {
        return http;
    }

    ProviderKeys keys() {
        return keys;
    }

    URI discoveryUri() {
        return URI.create(settings.issuerBase() + "/.well-known/openid-configuration");
    }

    /**
     * The discovery document, fetched when first needed and when a day old (the old one stays in
     * use if that fails).
     *
     * @throws ProviderUnavailableException when it has never been fetched and cannot be now
     */
    synchronized ProviderMetadata metadata() {
        Instant now = clock.instant();
        if (metadata != null && metadataAt.plus(METADATA_MAX_AGE).isAfter(now)) {
            return metadata;
        }
        if (lastAttempt != null && lastAttempt.plus(ProviderKeys.MIN_REFETCH_INTERVAL).isAfter(now)) {
            if (metadata != null) {
                return metadata;
            }
            throw new ProviderUnavailableException("The provider's discovery document could not be fetched a moment ago");
        }
        lastAttempt = now;
        try {
            ProviderMetadata fresh = ProviderMetadata.parse(http.getJson(discoveryUri()), settings.issuer().toString());
            if (metadata == null) {
                LOG.info(() -> "OpenID Connect provider " + fresh.issuer() + " discovered: keys at " + fresh.jwksUri());
            }
            metadata = fresh;
            metadataAt = now;
            return fresh;
        } catch (ProviderUnavailableException e) {
            if (metadata != null) {
                LOG.warning(() -> "Refreshing the OpenID Connect discovery document failed; the known one stays in use: "
                        + e.getMessage());
                return metadata;
            }
            throw e;
        }
    }
}
