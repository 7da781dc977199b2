package jp.machi.core.identity.oidc;

import static jp.machi.core.identity.oidc.TestKeys.KEY_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.oidc.CodeFlow.Pending;
import jp.machi.core.identity.oidc.TokenRejectedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow against a small provider on a local port (JDK HTTP server): what
 * Machi sends, and what it does with the answers. The provider here checks what a real one checks
 * at the token endpoint: the code, the redirect URI, the PKCE verifier and the client's secret. The
 * black-box tests run the same flow against a complete provider (it/OidcSignInIT).
 */
class CodeFlowTest {

    private static final URI REDIRECT = URI.create("https://machi.example.jp/api/v1/session/oidc/callback");

    private HttpServer server;
    private String issuer;
    private String discoveredIssuer;
    private List<String> authMethods = List.of("client_secret_basic", "client_secret_post");
    /** code → what the provider remembers of the authorization request, as a real one does. */
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private UnaryOperator<JWTClaimsSet.Builder> idTokenEdit = b -> b;
    private volatile Map<String, String> lastTokenRequest;
    private volatile String lastAuthorization;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/machi";
        discoveredIssuer = issuer;
        server.createContext("/realms/machi/.well-known/openid-configuration", x -> json(x, 200, Map.of(
                "issuer", discoveredIssuer, "authorization_endpoint", issuer + "/protocol/openid-connect/auth",
                "token_endpoint", issuer + "/protocol/openid-connect/token", "jwks_uri", issuer + "/certs",
                "token_endpoint_auth_methods_supported", authMethods)));
        server.createContext("/realms/machi/certs", x -> json(x, 200, TestKeys.jwks(KEY_1)));
        server.createContext("/realms/machi/protocol/openid-connect/token", this::token);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CodeFlow flow(String secret) {
        OidcSettings s = new OidcSettings(URI.create(issuer), "machi", secret, "machi", "machi_role",
                "machi_municipality", null);
        OidcProvider p = new OidcProvider(s, new ProviderHttp(), Clock.systemUTC());
        return new CodeFlow(p, new TokenVerifier(() -> p.metadata().issuer(), p.keys()),
                new ClaimsMapper("machi_role", "machi_municipality", Set.of("082201")::contains));
    }

    /** The person signs in at the provider: it issues a code bound to the authorization request. */
    private String signInAtProvider(URI authorization, Map<String, Object> userClaims) {
        Map<String, String> request = query(authorization.getRawQuery());
        Map<String, String> remembered = new LinkedHashMap<>(request);
        userClaims.forEach((k, v) -> remembered.put("claim:" + k, String.valueOf(v)));
        String code = "code-" + codes.size();
        codes.put(code, remembered);
        return code;
    }

    @Test
    void theBrowserIsSentToTheProviderWithStateNonceAndAnS256Challenge() {
        Pending p = Pending.fresh();
        URI to = flow("s3cret").authorizationUri(p, REDIRECT);
        assertTrue(to.toString().startsWith(issuer + "/protocol/openid-connect/auth?"), to.toString());
        Map<String, String> q = query(to.getRawQuery());
        assertEquals("code", q.get("response_type"));
        assertEquals("machi", q.get("client_id"));
        assertEquals(REDIRECT.toString(), q.get("redirect_uri"));
        assertTrue(q.get("scope").contains("openid"));
        assertEquals(p.state(), q.get("state"));
        assertEquals(p.nonce(), q.get("nonce"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(p.challenge(), q.get("code_challenge"));
        assertTrue(!q.containsValue(p.verifier()), "the verifier never leaves Machi before the token request");
    }

    @Test
    void everySignInHasItsOwnStateNonceAndVerifier() {
        Pending a = Pending.fresh();
        Pending b = Pending.fresh();
        assertTrue(!a.state().equals(b.state()) && !a.nonce().equals(b.nonce()) && !a.verifier().equals(b.verifier()));
        assertEquals(43, a.verifier().length());
        assertEquals(a, Pending.fromCookie(a.cookieValue()).orElseThrow());
        assertTrue(Pending.fromCookie("x.y.z").isEmpty());
        assertTrue(Pending.fromCookie(a.cookieValue() + ".more").isEmpty());
    }

    @Test
    void theCodeIsExchangedWithVerifierAndSecretAndTheIdTokenNamesTheCaller() {
        CodeFlow flow = flow("s3cret");
        Pending p = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(p, REDIRECT), Map.of("machi_role", "municipality-admin"));
        Caller c = flow.finish(code, p, REDIRECT);
        assertEquals(Role.MUNICIPALITY_ADMIN, c.role());
        assertEquals("082201", c.municipalityCode());
        assertEquals("oidc:user-1", c.id());
        assertEquals("tanaka", c.name());
        assertEquals(Caller.Method.OIDC, c.method());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("machi:s3cret".getBytes(StandardCharsets.UTF_8)),
                lastAuthorization);
        assertEquals(p.verifier(), lastTokenRequest.get("code_verifier"));
    }

    @Test
    void aPublicClientSendsItsIdAndNoSecret() {
        CodeFlow flow = flow(null);
        Pending p = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(p, REDIRECT), Map.of());
        assertEquals(Role.STAFF, flow.finish(code, p, REDIRECT).role());
        assertEquals(null, lastAuthorization);
        assertEquals("machi", lastTokenRequest.get("client_id"));
    }

    @Test
    void theSecretGoesInTheFormWhenTheProviderOnlyTakesItThere() {
        authMethods = List.of("client_secret_post");
        CodeFlow flow = flow("s3cret");
        Pending p = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(p, REDIRECT), Map.of());
        flow.finish(code, p, REDIRECT);
        assertEquals("s3cret", lastTokenRequest.get("client_secret"));
        assertEquals(null, lastAuthorization);
    }

    @Test
    void aCodeFromAnotherBrowsersSignInFailsAtTheProvider() {
        CodeFlow flow = flow("s3cret");
        Pending mine = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(mine, REDIRECT), Map.of());
        // Someone else's pending sign-in (another verifier) cannot redeem this code.
        ProviderRefusedException e = assertThrows(ProviderRefusedException.class,
                () -> flow.finish(code, Pending.fresh(), REDIRECT));
        assertEquals("invalid_grant", e.error());
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        CodeFlow flow = flow("s3cret");
        Pending p = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(p, REDIRECT), Map.of());
        idTokenEdit = b -> b.claim("nonce", "replayed");
        assertEquals(Reason.INVALID_TOKEN, assertThrows(TokenRejectedException.class,
                () -> flow.finish(code, p, REDIRECT)).reason());
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        CodeFlow flow = flow("s3cret");
        Pending p = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(p, REDIRECT), Map.of());
        idTokenEdit = b -> b.audience("another-app");
        assertEquals(Reason.INVALID_TOKEN, assertThrows(TokenRejectedException.class,
                () -> flow.finish(code, p, REDIRECT)).reason());
        Pending p2 = Pending.fresh();
        String code2 = signInAtProvider(flow.authorizationUri(p2, REDIRECT), Map.of());
        idTokenEdit = b -> b.audience(List.of("machi", "another-app")).claim("azp", "another-app");
        assertEquals(Reason.INVALID_TOKEN, assertThrows(TokenRejectedException.class,
                () -> flow.finish(code2, p2, REDIRECT)).reason());
    }

    @Test
    void anIdTokenWithoutAMachiRoleIsRefusedWithThatReason() {
        CodeFlow flow = flow("s3cret");
        Pending p = Pending.fresh();
        String code = signInAtProvider(flow.authorizationUri(p, REDIRECT), Map.of("machi_role", "guest"));
        assertEquals(Reason.NO_ROLE, assertThrows(TokenRejectedException.class,
                () -> flow.finish(code, p, REDIRECT)).reason());
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsNotUsed() {
        discoveredIssuer = "https://evil.example/realms/machi";
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> flow("s3cret").authorizationUri(Pending.fresh(), REDIRECT));
        assertTrue(e.getMessage().contains("evil.example"), e.getMessage());
    }

    @Test
    void aProviderThatIsDownIsReportedAsSuch() {
        CodeFlow flow = flow("s3cret");
        server.stop(0);
        assertThrows(ProviderUnavailableException.class, () -> flow.authorizationUri(Pending.fresh(), REDIRECT));
    }

    // --- the provider's token endpoint ---

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastTokenRequest = form;
        lastAuthorization = x.getRequestHeaders().getFirst("Authorization");
        Map<String, String> auth = codes.remove(form.getOrDefault("code", ""));
        if (auth == null || !"authorization_code".equals(form.get("grant_type"))
                || !auth.get("redirect_uri").equals(form.get("redirect_uri"))
                || !new Pending("x", "x", form.getOrDefault("code_verifier", "")).challenge().equals(auth.get("code_challenge"))) {
            json(x, 400, Map.of("error", "invalid_grant", "error_description", "code, redirect_uri or verifier wrong"));
            return;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("machi:s3cret".getBytes(StandardCharsets.UTF_8));
        boolean clientOk = basic.equals(lastAuthorization) || "s3cret".equals(form.get("client_secret"))
                || (lastAuthorization == null && "machi".equals(form.get("client_id")) && !form.containsKey("client_secret"));
        if (!clientOk) {
            json(x, 401, Map.of("error", "invalid_client"));
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().issuer(issuer).audience("machi").subject("user-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", auth.get("nonce"))
                .claim("preferred_username", "tanaka").claim("machi_role", "STAFF").claim("machi_municipality", "082201");
        auth.forEach((k, v) -> {
            if (k.startsWith("claim:")) {
                id.claim(k.substring(6), v);
            }
        });
        json(x, 200, Map.of("token_type", "Bearer", "access_token", "opaque", "expires_in", 300,
                "id_token", TestKeys.sign(KEY_1, idTokenEdit.apply(id).build())));
    }

    private static void json(HttpExchange x, int status, Map<String, ?> body) throws IOException {
        @SuppressWarnings("unchecked")
        byte[] bytes = JSONObjectUtils.toJSONString((Map<String, Object>) body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
