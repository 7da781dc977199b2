package jp.machi.core.identity.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * What the provider's discovery document ({@code <issuer>/.well-known/openid-configuration},
 * OpenID Connect Discovery 1.0) says about it: the parts Machi uses.
 *
 * @param issuer the issuer exactly as the provider writes it, which every token's {@code iss} must equal
 * @param tokenEndpointAuthMethods how the token endpoint accepts client credentials (default
 *     {@code client_secret_basic})
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
        List<String> tokenEndpointAuthMethods) {

    /**
     * Reads a discovery document and checks it describes the configured issuer: the spec requires
     * them to be identical; a configured issuer with or without one trailing slash is accepted.
     *
     * @throws ProviderUnavailableException when the document is unusable
     */
    static ProviderMetadata parse(Map<String, Object> doc, String configuredIssuer) {
        String issuer = string(doc, "issuer", true);
        if (!strip(issuer).equals(strip(configuredIssuer))) {
            throw new ProviderUnavailableException("The discovery document describes issuer '" + issuer
                    + "', not the configured MACHI_OIDC_ISSUER '" + configuredIssuer + "'");
        }
        Object methods = doc.get("token_endpoint_auth_methods_supported");
        List<String> auth = methods instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of("client_secret_basic");
        return new ProviderMetadata(issuer, uri(doc, "authorization_endpoint", false), uri(doc, "token_endpoint", false),
                uri(doc, "jwks_uri", true), auth);
    }

    URI requireAuthorizationEndpoint() {
        if (authorizationEndpoint == null || tokenEndpoint == null) {
            throw new ProviderUnavailableException("The provider's discovery document names no authorization or"
                    + " token endpoint: browser sign-in is impossible");
        }
        return authorizationEndpoint;
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String string(Map<String, Object> doc, String name, boolean required) {
        Object v = doc.get(name);
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        if (required) {
            throw new ProviderUnavailableException("The discovery document has no " + name);
        }
        return null;
    }

    private static URI uri(Map<String, Object> doc, String name, boolean required) {
        String s = string(doc, name, required);
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(s);
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                throw new ProviderUnavailableException("The discovery document's " + name + " is not an http(s) URL: " + s);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ProviderUnavailableException("The discovery document's " + name + " is not a URL: " + s, e);
        }
    }
}
