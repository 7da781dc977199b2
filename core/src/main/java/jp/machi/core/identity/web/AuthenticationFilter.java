package jp.machi.core.identity.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.identity.BearerAuthenticator;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.InvalidCredentialsException;
import jp.machi.core.identity.SignedInSessions;
import jp.machi.core.identity.token.application.TokenCallers;
import jp.machi.core.identity.token.domain.TokenSecrets;
import jp.machi.core.identity.user.application.UserAccountService;

/**
 * Finds out who is calling, for every request, and keeps it in {@link CallerContext} until the
 * request is over (also when it fails):
 * <ol>
 *   <li>{@code Authorization: Bearer machi_…}: one of Machi's API tokens;</li>
 *   <li>{@code Authorization: Bearer <other>}: offered to each {@link BearerAuthenticator} bean
 *       (OpenID Connect access tokens…);</li>
 *   <li>else the signed-in session ({@link SignedInSessions}), whose account is looked at again on
 *       every request: the session of a deactivated account, or of one whose password changed
 *       since, ends; a changed role applies at once.</li>
 * </ol>
 * A bearer token that is presented but not valid is refused here with 401, whatever the endpoint:
 * a script with a revoked token must hear so rather than be served as anonymous. A state-changing
 * request authenticated by the session must repeat the session's CSRF token in
 * {@value SignedInSessions#CSRF_HEADER}, or it is refused with 403 {@code csrf}; signing in itself
 * is exempt (it proves itself with the password). Whether the caller may call the endpoint is for
 * the JAX-RS filters of {@code identity.access} to decide.
 *
 * <p>A servlet filter rather than a Jakarta Security {@code HttpAuthenticationMechanism}: see
 * docs/adr/0004-identity.md.
 */
@WebFilter(filterName = "machi-authentication", urlPatterns = "/*", asyncSupported = true)
public class AuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String SIGN_IN_PATH = "/api/v1/session";

    @Inject
    transient TokenCallers tokens;

    @Inject
    transient UserAccountService accounts;

    @Inject
    @Any
    transient Instance<BearerAuthenticator> bearerAuthenticators;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            Optional<String> bearer = bearerToken(request);
            if (bearer.isPresent()) {
                Optional<Caller> caller = authenticateBearer(bearer.get());
                if (caller.isEmpty()) {
                    ServletProblems.write(request, response, 401, "invalid-credentials", "access.invalidToken");
                    return;
                }
                CallerContext.set(caller.get());
            } else {
                Optional<Caller> caller = sessionCaller(request, response);
                if (caller.isPresent()) {
                    if (!SAFE_METHODS.contains(request.getMethod()) && !isSignIn(request) && !csrfMatches(request)) {
                        ServletProblems.write(request, response, 403, "csrf", "access.csrf", SignedInSessions.CSRF_HEADER);
                        return;
                    }
                    CallerContext.set(caller.get());
                }
            }
            chain.doFilter(request, response);
        } finally {
            CallerContext.clear();
        }
    }

    /** The token of {@code Authorization: Bearer …}; other schemes (a proxy's Basic) are not Machi's business. */
    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.substring(0, 6).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        return Optional.of(header.substring(6).strip());
    }

    private Optional<Caller> authenticateBearer(String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (TokenSecrets.looksLikeOurs(token)) {
                return Optional.of(tokens.authenticate(token));
            }
            for (BearerAuthenticator a : bearerAuthenticators) {
                Optional<Caller> caller = a.authenticate(token);
                if (caller.isPresent()) {
                    return caller;
                }
            }
            return Optional.empty();
        } catch (InvalidCredentialsException e) {
            LOG.fine(() -> "Bearer token refused: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A bearer token could not be checked; it is refused", e);
            return Optional.empty();
        }
    }

    private Optional<Caller> sessionCaller(HttpServletRequest request, HttpServletResponse response) {
        Optional<Caller> signedIn = SignedInSessions.caller(request);
        if (signedIn.isEmpty() || signedIn.get().method() != Caller.Method.PASSWORD) {
            return signedIn;
        }
        Optional<Caller> now = accounts.currentCaller(signedIn.get().id(), SignedInSessions.signedInAt(request).orElse(null));
        if (now.isEmpty()) {
            SignedInSessions.signOut(request, response);
        }
        return now;
    }

    private static boolean isSignIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && SIGN_IN_PATH.equals(path);
    }

    private static boolean csrfMatches(HttpServletRequest request) {
        String sent = request.getHeader(SignedInSessions.CSRF_HEADER);
        Optional<String> expected = SignedInSessions.csrfToken(request);
        return sent != null && expected.isPresent() && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
    }
}
