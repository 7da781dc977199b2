package jp.machi.core.identity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.Optional;
import jp.machi.core.identity.session.BrowserSessions;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser's signed-in session: the caller and the CSRF token every state-changing request
 * made with the session cookie must repeat in {@code X-CSRF-Token}. The session lives in the
 * database ({@link BrowserSessions}), so every node of a cluster serves it and a node's death signs
 * nobody out; the browser holds its secret in the cookie {@value #COOKIE} ({@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} unless {@code MACHI_COOKIE_SECURE=false}, no expiry of its
 * own). Signing in (password or OpenID Connect) goes through {@link #signIn}, which always starts a
 * new session with a new secret and ends the one the browser came with, so a session id planted
 * before sign-in is worthless. The request's session is looked up once, by the authentication filter
 * ({@link #resolve}), and kept in a request attribute.
 */
public final class SignedInSessions {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The session cookie's name. */
    public static final String COOKIE = "machi-session";
    static final String CURRENT = SignedInSessions.class.getName() + ".current";

    private SignedInSessions() {
    }

    private static BrowserSessions store() {
        return CDI.current().select(BrowserSessions.class).get();
    }

    /** The secret in the request's session cookie, if it sent one. */
    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** Looks the request's session up (once per request; the authentication filter does it first). */
    public static Optional<BrowserSessions.Found> resolve(HttpServletRequest request) {
        Object known = request.getAttribute(CURRENT);
        if (known != null) {
            return ((Holder) known).session();
        }
        Optional<BrowserSessions.Found> found = cookie(request).flatMap(secret -> store().find(secret));
        request.setAttribute(CURRENT, new Holder(found));
        return found;
    }

    /** Starts a new session for {@code caller}, sets its cookie and returns its CSRF token. */
    public static String signIn(HttpServletRequest request, HttpServletResponse response, Caller caller) {
        BrowserSessions.Started started = store().start(caller, cookie(request).orElse(null));
        request.setAttribute(CURRENT, new Holder(Optional.of(started.session())));
        response.addHeader("Set-Cookie", COOKIE + "=" + started.secret() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookies() ? "; Secure" : ""));
        return started.session().csrfToken();
    }

    /** Ends the request's session (in the database, so on every node) and tells the browser to forget the cookie. */
    public static void signOut(HttpServletRequest request, HttpServletResponse response) {
        Optional<BrowserSessions.Found> session = resolve(request);
        session.ifPresent(s -> store().end(s.secretHash()));
        request.setAttribute(CURRENT, new Holder(Optional.empty()));
        if (session.isPresent() || cookie(request).isPresent()) {
            response.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                    + (secureCookies() ? "; Secure" : ""));
        }
    }

    public static Optional<Caller> caller(HttpServletRequest request) {
        return resolve(request).map(BrowserSessions.Found::caller);
    }

    public static Optional<String> csrfToken(HttpServletRequest request) {
        return resolve(request).map(BrowserSessions.Found::csrfToken);
    }

    /** When the request's session was signed in (or its owner last changed their own password in it). */
    public static Optional<OffsetDateTime> signedInAt(HttpServletRequest request) {
        return resolve(request).map(BrowserSessions.Found::signedInAt);
    }

    /** The request's session counts as signed in now: a password changed before this moment no longer ends it. */
    public static void markSignedIn(HttpServletRequest request) {
        resolve(request).ifPresent(s -> {
            OffsetDateTime at = store().markSignedIn(s.secretHash());
            request.setAttribute(CURRENT, new Holder(Optional.of(
                    new BrowserSessions.Found(s.secretHash(), s.caller(), s.csrfToken(), at))));
        });
    }

    static boolean secureCookies() {
        return ConfigProvider.getConfig(SignedInSessions.class.getClassLoader())
                .getOptionalValue("machi.cookie.secure", Boolean.class).orElse(true);
    }

    private record Holder(Optional<BrowserSessions.Found> session) {
    }
}
