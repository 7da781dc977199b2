package jp.machi.core.identity.oidc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.logging.Logger;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problem;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.SignedInSessions;
import jp.machi.core.identity.oidc.CodeFlow.Pending;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/session/oidc}: signing in with the external OpenID Connect provider (外部認証基盤
 * によるサインイン). The browser opens {@code GET /api/v1/session/oidc}, signs in at the provider
 * and comes back to {@code …/callback}, which starts Machi's session (cookie and CSRF token, as a
 * password sign-in does) and sends it to {@code /}. Every failure is a 401 problem document in the
 * browser's language (502 when the provider cannot be reached); with OpenID Connect off both
 * answer 404.
 *
 * <p>Between the two requests the browser keeps the sign-in's state, nonce and PKCE verifier in
 * a cookie of its own: HttpOnly, ten minutes, {@code SameSite=Lax} because the provider's redirect
 * back is a cross-site navigation that would not carry a Strict cookie, and named with the
 * {@code __Host-} prefix when secure, so no other site (not even a subdomain) can plant one.
 */
@Path("session/oidc")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "サインイン / signing in")
public class OidcSignInResource {

    static final int PENDING_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(OidcSignInResource.class.getName());

    @Inject
    Oidc oidc;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @GET
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Sign in with the OpenID Connect provider: redirects the browser there (404 when not configured)")
    @APIResponse(responseCode = "303", description = "To the provider's sign-in page")
    @Answers(status = 303)
    public Response start() {
        CodeFlow flow = oidc.flow().orElseThrow(OidcSignInResource::notConfigured);
        Pending pending = Pending.fresh();
        try {
            URI to = flow.authorizationUri(pending, redirectUri());
            setPendingCookie(pending.cookieValue(), PENDING_SECONDS);
            return Response.seeOther(to).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (ProviderUnavailableException e) {
            return unavailable(e);
        }
    }

    @GET
    @Path("callback")
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Where the provider sends the browser back: starts the session and redirects to /")
    @APIResponse(responseCode = "303", description = "Signed in; to the start page")
    @APIResponse(responseCode = "401", description = "The sign-in failed (problem document)")
    @Answers(status = 303)
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("iss") String iss) {
        CodeFlow flow = oidc.flow().orElseThrow(OidcSignInResource::notConfigured);
        Cookie cookie = headers.getCookies().get(cookieName());
        Pending pending = Pending.fromCookie(cookie == null ? null : cookie.getValue()).orElse(null);
        if (pending == null || !TokenVerifier.constantTimeEquals(pending.state(), state)) {
            LOG.info(() -> "OpenID Connect sign-in refused: " + (pending == null ? "no sign-in pending in this browser"
                    : "state does not match"));
            return refused(401, "oidc-sign-in-failed", "oidc.signIn.state");
        }
        try {
            if (error != null) {
                throw new ProviderRefusedException(error, "the provider answered the sign-in with error " + error);
            }
            if (iss != null && !iss.equals(oidc.issuer())) {
                // RFC 9207: the answer comes from another provider than the one this sign-in went to.
                throw new TokenRejectedException(TokenRejectedException.Reason.INVALID_TOKEN, "callback iss " + iss
                        + " is not the provider's");
            }
            if (code == null || code.isBlank()) {
                throw new TokenRejectedException(TokenRejectedException.Reason.INVALID_TOKEN, "callback without code");
            }
            URI redirect = redirectUri();
            Caller caller = flow.finish(code, pending, redirect);
            SignedInSessions.signIn(request, response, caller);
            setPendingCookie("", 0);
            return Response.seeOther(redirect.resolve("/")).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (ProviderRefusedException e) {
            LOG.info(() -> "OpenID Connect sign-in refused by the provider: " + e.getMessage());
            return refused(401, "oidc-sign-in-failed", "oidc.signIn.refused", e.error());
        } catch (TokenRejectedException e) {
            LOG.info(() -> "OpenID Connect sign-in refused (" + e.reason() + "): " + e.getMessage());
            String key = switch (e.reason()) {
                case NO_ROLE -> "oidc.signIn.noRole";
                case NO_MUNICIPALITY -> "oidc.signIn.noMunicipality";
                case UNKNOWN_MUNICIPALITY -> "oidc.signIn.unknownMunicipality";
                case INVALID_TOKEN -> "oidc.signIn.invalidToken";
            };
            return refused(401, "oidc-sign-in-failed", key);
        } catch (ProviderUnavailableException e) {
            return unavailable(e);
        }
    }

    private Response unavailable(ProviderUnavailableException e) {
        LOG.warning(() -> "OpenID Connect sign-in impossible, the provider cannot be used: " + e.getMessage());
        return refused(502, "oidc-provider-unavailable", "oidc.providerUnavailable");
    }

    /** A problem document, and the pending sign-in forgotten: every attempt starts afresh. */
    private Response refused(int status, String type, String detailKey, Object... args) {
        setPendingCookie("", 0);
        Response problem = Problems.response(headers, status, type, detailKey, args);
        return Response.fromResponse(problem).type(Problem.MEDIA_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static ApiException notConfigured() {
        return ApiException.notFound("problem.noSuchResource.detail");
    }

    /** The configured callback URL, or this server's own as the request reached it. */
    private URI redirectUri() {
        return oidc.settings().map(OidcSettings::redirectUri)
                .orElseGet(() -> uriInfo.getBaseUriBuilder().path("session/oidc/callback").build());
    }

    private static boolean secureCookies() {
        return ConfigProvider.getConfig(OidcSignInResource.class.getClassLoader())
                .getOptionalValue("machi.cookie.secure", Boolean.class).orElse(true);
    }

    static String cookieName() {
        return secureCookies() ? "__Host-machi-oidc" : "machi-oidc";
    }

    /**
     * Added to the servlet response, next to the session cookie the container adds on sign-in: a
     * {@code Set-Cookie} in the JAX-RS response would replace that one.
     */
    private void setPendingCookie(String value, int maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookieName() + "=" + value + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (secureCookies() ? "; Secure" : ""));
    }
}
