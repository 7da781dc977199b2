package jp.machi.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The OpenID Connect provider of the black-box tests: {@code no.nav.security:mock-oauth2-server}
 * (pinned in the parent POM), a complete OAuth 2.0 / OpenID Connect server despite its name:
 * discovery, a JWKS of RSA keys generated at start, an authorization endpoint with a login page, a
 * token endpoint that checks the code and its PKCE verifier, ID tokens with the nonce. It runs in
 * the test JVM on a free port of 127.0.0.1 (it is not Machi; Machi, a separate process, talks to it
 * over HTTP exactly as to Keycloak). See docs/adr/0006-openid-connect.md.
 *
 * <p>Issuer {@code http://127.0.0.1:<port>/machi}. Its login page has no passwords: a person types
 * a user name and, optionally, the claims their tokens should carry. The test users below are
 * signed in through that page with their {@code machi_role} and {@code machi_municipality}. Access
 * tokens carry {@code aud} {@value #AUDIENCE}; ID tokens the client id.
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String ISSUER_ID = "machi";
    /** Machi's browser client, as an operator would register it at the provider. */
    public static final String CLIENT_ID = "machi-web";
    public static final String CLIENT_SECRET = "machi-web-secret";
    /** What Machi requires in an access token's {@code aud} (MACHI_OIDC_AUDIENCE). */
    public static final String AUDIENCE = "machi-api";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MockOAuth2Server server;

    /**
     * An account at the provider.
     *
     * @param role the {@code machi_role} claim, or null for an account without one
     * @param municipality the {@code machi_municipality} claim, or null
     */
    public record User(String username, String role, String municipality, String fullName) {

        /** A user whose provider sends no {@code name} claim. */
        public User(String username, String role, String municipality) {
            this(username, role, municipality, null);
        }

        /** What the login page's claims field gets: the Machi claims and a display name. */
        public String claimsJson() {
            JsonObjectBuilder b = Json.createObjectBuilder().add("preferred_username", username);
            if (fullName != null) {
                b.add("name", fullName);
            }
            if (role != null) {
                b.add("machi_role", role);
            }
            if (municipality != null) {
                b.add("machi_municipality", municipality);
            }
            return b.build().toString();
        }
    }

    private IdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    /** Starts a provider with fresh keys on a free port of 127.0.0.1. */
    public static IdentityProvider start() {
        // Access tokens for Machi's API, five minutes; ID tokens get the client id as audience anyway.
        DefaultOAuth2TokenCallback tokens = new DefaultOAuth2TokenCallback(ISSUER_ID, "unused", "JWT", List.of(AUDIENCE),
                Map.of(), 300L);
        // Empty initial keys: generated now, not the fixed ones the jar ships for convenience.
        OAuth2Config config = new OAuth2Config(true, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(), "RS256")), Set.of(tokens), new MockWebServerWrapper());
        MockOAuth2Server server = new MockOAuth2Server(config);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        IdentityProvider p = new IdentityProvider(server);
        System.out.println("[machi-it] OpenID Connect provider at " + p.issuer());
        return p;
    }

    /** {@code http://127.0.0.1:<port>/machi}: what MACHI_OIDC_ISSUER names and every token's {@code iss}. */
    public URI issuer() {
        // The provider names itself after the Host it is asked by: always ask it as 127.0.0.1.
        return URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID);
    }

    /** The environment of a Machi server that signs in with this provider (cookies without Secure: plain http). */
    public Map<String, String> machiEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MACHI_OIDC_ISSUER", issuer().toString());
        env.put("MACHI_OIDC_CLIENT_ID", CLIENT_ID);
        env.put("MACHI_OIDC_CLIENT_SECRET", CLIENT_SECRET);
        env.put("MACHI_OIDC_AUDIENCE", AUDIENCE);
        env.put("MACHI_COOKIE_SECURE", "false");
        return env;
    }

    /**
     * An access token for {@code user}, fetched as a script would: the authorization code flow
     * with PKCE at the provider (its login page, then the token endpoint), entirely over HTTP.
     */
    public String accessToken(User user) {
        return tokens(user).getString("access_token");
    }

    /** The token endpoint's whole answer (access_token, id_token, …) for {@code user}. */
    public JsonObject tokens(User user) {
        Browser browser = new Browser();
        String verifier = random();
        URI redirect = URI.create("http://127.0.0.1:9/script-callback");
        URI authorize = URI.create(discovery().getString("authorization_endpoint") + "?" + Browser.form(Map.of(
                "response_type", "code", "client_id", "machi-script", "redirect_uri", redirect.toString(),
                "scope", "openid", "state", random(), "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")));
        URI back = signIn(browser, authorize, user);
        String code = Browser.query(back).get("code");
        Browser.Page answer = browser.postForm(URI.create(discovery().getString("token_endpoint")), Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirect.toString(),
                "client_id", "machi-script", "client_secret", "machi-script-secret", "code_verifier", verifier));
        if (answer.status() != 200) {
            throw new AssertionError("The provider's token endpoint refused: " + answer);
        }
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /**
     * Signs {@code user} in on the provider's login page that {@code authorize} shows, as a person
     * would, and returns where the provider sends the browser back (the client's redirect URI
     * with {@code code} and {@code state}).
     */
    public URI signIn(Browser browser, URI authorize, User user) {
        Browser.Page login = browser.get(authorize);
        if (login.status() != 200 || !login.body().contains("name=\"username\"")) {
            throw new AssertionError("Expected the provider's login page at " + authorize + ", got " + login);
        }
        // The form posts to the page's own URL (no action attribute).
        Browser.Page done = browser.postForm(authorize, Map.of("username", user.username(), "claims", user.claimsJson()));
        if (done.status() != 302 || done.location() == null) {
            throw new AssertionError("Expected the provider to send the browser back, got " + done);
        }
        return done.location();
    }

    /** The provider's discovery document. */
    public JsonObject discovery() {
        Browser.Page d = new Browser().get(URI.create(issuer() + "/.well-known/openid-configuration"));
        if (d.status() != 200) {
            throw new AssertionError("No discovery document: " + d);
        }
        return Json.createReader(new StringReader(d.body())).readObject();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
