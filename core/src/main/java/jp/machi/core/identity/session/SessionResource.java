package jp.machi.core.identity.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.SignedInSessions;
import jp.machi.core.identity.oidc.Oidc;
import jp.machi.core.identity.user.application.PasswordSignIn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/session}: a browser signs in with login and password, gets a session cookie and
 * the CSRF token to repeat in {@code X-CSRF-Token} on every state-changing request, asks who it
 * is, and signs out. Scripts use API tokens instead.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "サインイン / signing in")
public class SessionResource {

    @Inject
    PasswordSignIn signIn;

    @Inject
    Oidc oidc;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /** {@code {"login": "…", "password": "…"}}. */
    public static class Credentials {
        @NotNull
        public String login;

        @NotNull
        public String password;
    }

    /** Who is signed in, as the contract of issue 3 has it ({@code municipalityCode} null for a platform administrator). */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "name", "role", "municipalityCode", "moduleRoles"})
    public record CallerView(String id, String name, String role, String municipalityCode,
            java.util.List<String> moduleRoles) {
        public static CallerView of(Caller c) {
            return new CallerView(c.id(), c.name(), c.role().name(), c.municipalityCode(),
                    c.moduleRoles().stream().sorted().toList());
        }
    }

    /** The caller and, for a browser session, its CSRF token (null for a bearer token). */
    @JsonbNillable
    @JsonbPropertyOrder({"caller", "csrfToken"})
    public record SessionView(CallerView caller, String csrfToken) {
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Sign in with login and password: session cookie and CSRF token (401 for any failure)")
    @Answers(SessionView.class)
    public SessionView signIn(@Valid Credentials body) {
        Bodies.require(body);
        Caller caller = signIn.signIn(body.login, body.password)
                .orElseThrow(() -> new ApiException(401, "sign-in-failed", "session.signInFailed"));
        String csrf = SignedInSessions.signIn(request, response, caller);
        return new SessionView(CallerView.of(caller), csrf);
    }

    /** How one can sign in here, for the console's sign-in page (says nothing about anybody). */
    @JsonbPropertyOrder({"password", "oidc"})
    public record MethodsView(boolean password, boolean oidc) {
    }

    @GET
    @Path("methods")
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "How browsers can sign in: password, and OpenID Connect at /api/v1/session/oidc when configured")
    @Answers(MethodsView.class)
    public MethodsView methods() {
        return new MethodsView(true, oidc.browserSignIn());
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Operation(summary = "Who is signed in (401 when nobody)")
    @Answers(SessionView.class)
    public SessionView whoAmI() {
        Caller caller = CallerContext.current().orElseThrow();
        boolean bySession = SignedInSessions.caller(request).filter(s -> s.id().equals(caller.id())).isPresent();
        String csrf = bySession ? SignedInSessions.csrfToken(request).orElse(null) : null;
        return new SessionView(CallerView.of(caller), csrf);
    }

    @DELETE
    @Access(Access.Level.SIGNED_IN)
    @Operation(summary = "Sign out: the session ends (X-CSRF-Token required)")
    @Answers(status = 204)
    public Response signOut() {
        SignedInSessions.signOut(request, response);
        return Response.noContent().build();
    }
}
