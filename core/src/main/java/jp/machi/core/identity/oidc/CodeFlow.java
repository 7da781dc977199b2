package jp.machi.core.identity.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.oidc.TokenRejectedException.Reason;

/**
 * Browser sign-in with the authorization code flow (OpenID Connect Core 3.1) and PKCE (RFC 7636,
 * S256): the browser is sent to the provider with a fresh {@code state}, {@code nonce} and code
 * challenge; the provider sends it back with a code, which Machi exchanges at the token endpoint
 * (with the code verifier and, for a confidential client, its secret) for an ID token that must
 * carry the same nonce.
 */
final class CodeFlow {

    static final String SCOPE = "openid profile";

    private static final Logger LOG = Logger.getLogger(CodeFlow.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcProvider provider;
    private final TokenVerifier verifier;
    private final ClaimsMapper mapper;

    CodeFlow(OidcProvider provider, TokenVerifier verifier, ClaimsMapper mapper) {
        this.provider = provider;
        this.verifier = verifier;
        this.mapper = mapper;
    }

    /**
     * What one browser's sign-in remembers between leaving for the provider and coming back: kept
     * in a short-lived cookie of that browser, never on the server.
     */
    record Pending(String state, String nonce, String verifier) {

        static Pending fresh() {
            return new Pending(random(), random(), random());
        }

        /** The PKCE S256 challenge: BASE64URL(SHA-256(verifier)). */
        String challenge() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java has SHA-256", e);
            }
        }

        String cookieValue() {
            return state + "." + nonce + "." + verifier;
        }

        static Optional<Pending> fromCookie(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String[] parts = value.split("\\.", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            for (String p : parts) {
                if (!p.matches("[A-Za-z0-9_-]{43}")) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Pending(parts[0], parts[1], parts[2]));
        }

        /** 256 random bits, base64url: 43 characters, also a valid PKCE verifier. */
        private static String random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /** Where to send the browser to sign in at the provider. */
    URI authorizationUri(Pending pending, URI redirectUri) {
        OidcSettings s = provider.settings();
        URI endpoint = provider.metadata().requireAuthorizationEndpoint();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", s.clientId());
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", SCOPE);
        q.put("state", pending.state());
        q.put("nonce", pending.nonce());
        q.put("code_challenge", pending.challenge());
        q.put("code_challenge_method", "S256");
        StringJoiner query = new StringJoiner("&");
        q.forEach((k, v) -> query.add(ProviderHttp.encode(k) + "=" + ProviderHttp.encode(v)));
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    /**
     * Exchanges the code for tokens and turns the verified ID token into the caller.
     *
     * @throws ProviderRefusedException when the token endpoint refuses the code
     * @throws TokenRejectedException when the ID token is not valid or its claims make no Machi caller
     * @throws ProviderUnavailableException when the provider cannot be reached
     */
    Caller finish(String code, Pending pending, URI redirectUri) {
        OidcSettings s = provider.settings();
        ProviderMetadata m = provider.metadata();
        m.requireAuthorizationEndpoint();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", pending.verifier());
        Optional<String> basic = Optional.empty();
        if (s.clientSecret() == null) {
            form.put("client_id", s.clientId());
        } else if (!m.tokenEndpointAuthMethods().contains("client_secret_basic")
                && m.tokenEndpointAuthMethods().contains("client_secret_post")) {
            form.put("client_id", s.clientId());
            form.put("client_secret", s.clientSecret());
        } else {
            // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            String pair = ProviderHttp.encode(s.clientId()) + ":" + ProviderHttp.encode(s.clientSecret());
            basic = Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        ProviderHttp.JsonReply reply = provider.http().postForm(m.tokenEndpoint(), form, basic);
        if (reply.status() != 200) {
            if (reply.json() != null && reply.json().get("error") instanceof String error) {
                throw new ProviderRefusedException(error, "token endpoint answered " + reply.status() + " " + error
                        + ": " + ProviderHttp.shorten(String.valueOf(reply.json().get("error_description"))));
            }
            throw new ProviderUnavailableException("The token endpoint answered " + reply.status() + ": "
                    + ProviderHttp.shorten(reply.text()));
        }
        if (reply.json() == null || !(reply.json().get("id_token") instanceof String idToken)) {
            throw new TokenRejectedException(Reason.INVALID_TOKEN, "the token endpoint's answer has no id_token");
        }
        Caller caller = mapper.caller(verifier.idToken(idToken, s.clientId(), pending.nonce()));
        LOG.info(() -> "Signed in with OpenID Connect: " + caller.name() + " (" + caller.id() + "), " + caller.role()
                + (caller.municipalityCode() == null ? "" : " of " + caller.municipalityCode()));
        return caller;
    }
}
