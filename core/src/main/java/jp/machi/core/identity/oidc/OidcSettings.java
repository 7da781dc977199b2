package jp.machi.core.identity.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How Machi talks to an external OpenID Connect provider (外部認証基盤), read from the environment
 * (MicroProfile Config: {@code MACHI_OIDC_ISSUER} is {@code machi.oidc.issuer} and so on). Without
 * an issuer there are no settings at all: OpenID Connect is off.
 *
 * @param issuer the provider's issuer URL exactly as it appears in its tokens (Keycloak:
 *     {@code https://sso.example.jp/realms/machi})
 * @param clientId Machi's client at the provider; needed for browser sign-in, which is off without it
 * @param clientSecret that client's secret; absent for a public client (PKCE alone)
 * @param audience what an access token's {@code aud} must contain to be accepted as a bearer
 *     token; defaults to the client id
 * @param roleClaim the claim holding the Machi role ({@code machi_role})
 * @param municipalityClaim the claim holding the local government code ({@code machi_municipality})
 * @param redirectUri the callback URL the provider sends the browser back to; derived from the
 *     request when absent (set it behind a reverse proxy)
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, String audience, String roleClaim,
        String municipalityClaim, URI redirectUri) {

    public static final String DEFAULT_ROLE_CLAIM = "machi_role";
    public static final String DEFAULT_MUNICIPALITY_CLAIM = "machi_municipality";

    /**
     * Reads the settings; empty when {@code machi.oidc.issuer} is unset or blank.
     *
     * @param config a property name ({@code machi.oidc.issuer}) → its value, if set
     * @throws IllegalArgumentException when a value is unusable, naming the environment variable
     */
    public static Optional<OidcSettings> read(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> get = name -> config.apply(name).map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> issuer = get.apply("machi.oidc.issuer");
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        URI issuerUri = absoluteHttpUrl("MACHI_OIDC_ISSUER", issuer.get());
        if (issuerUri.getRawQuery() != null || issuerUri.getRawFragment() != null) {
            throw new IllegalArgumentException("MACHI_OIDC_ISSUER must not have a query or fragment: " + issuer.get());
        }
        String clientId = get.apply("machi.oidc.client-id").orElse(null);
        String audience = get.apply("machi.oidc.audience").orElse(clientId);
        if (audience == null) {
            throw new IllegalArgumentException("MACHI_OIDC_ISSUER is set but neither MACHI_OIDC_AUDIENCE nor"
                    + " MACHI_OIDC_CLIENT_ID is: Machi cannot tell which access tokens are meant for it.");
        }
        URI redirect = get.apply("machi.oidc.redirect-uri").map(v -> absoluteHttpUrl("MACHI_OIDC_REDIRECT_URI", v))
                .orElse(null);
        return Optional.of(new OidcSettings(issuerUri, clientId, get.apply("machi.oidc.client-secret").orElse(null),
                audience, get.apply("machi.oidc.role-claim").orElse(DEFAULT_ROLE_CLAIM),
                get.apply("machi.oidc.municipality-claim").orElse(DEFAULT_MUNICIPALITY_CLAIM), redirect));
    }

    /** Browser sign-in needs a client; bearer tokens alone need only the issuer and the audience. */
    public boolean browserSignIn() {
        return clientId != null;
    }

    /** The issuer without a trailing slash, to which {@code /.well-known/openid-configuration} is appended. */
    public String issuerBase() {
        String s = issuer.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Plain http to anything but this machine sends codes and tokens readable on the way. */
    public boolean insecureTransport() {
        return "http".equals(issuer.getScheme()) && !isLoopback(issuer.getHost());
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "***") + ", audience=" + audience + ", roleClaim=" + roleClaim
                + ", municipalityClaim=" + municipalityClaim + ", redirectUri=" + redirectUri + "]";
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }

    private static URI absoluteHttpUrl(String variable, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(variable + " must be an http(s) URL, not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a URL: '" + value + "'", e);
        }
    }
}
