package jp.machi.core.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The browser's signed-in session: the caller and the CSRF token every state-changing request
 * made with the session cookie must repeat in {@code X-CSRF-Token}. Signing in (password or
 * OpenID Connect) goes through {@link #signIn}, which gives the session a new id so a session id
 * planted before sign-in is worthless.
 */
public final class SignedInSessions {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CALLER = SignedInSessions.class.getName() + ".caller";
    static final String CSRF = SignedInSessions.class.getName() + ".csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignedInSessions() {
    }

    /** Starts (or renews) the session for {@code caller} and returns its CSRF token. */
    public static String signIn(HttpServletRequest request, Caller caller) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session = request.getSession(false);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(CALLER, caller);
        session.setAttribute(CSRF, csrf);
        return csrf;
    }

    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    public static Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Caller) session.getAttribute(CALLER));
    }

    public static Optional<String> csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(CSRF));
    }
}
