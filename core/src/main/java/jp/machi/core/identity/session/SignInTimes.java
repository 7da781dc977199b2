package jp.machi.core.identity.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a password session was signed in, kept in the session: a password changed after that moment
 * (reset by an administrator because it leaked, or changed by its owner elsewhere) ends it.
 */
public final class SignInTimes {

    static final String SIGNED_IN_AT = SignInTimes.class.getName() + ".signedInAt";

    private SignInTimes() {
    }

    /** Marks the request's session as signed in now (after signing in, or after one's own password change). */
    public static void mark(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SIGNED_IN_AT, OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    public static Optional<OffsetDateTime> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((OffsetDateTime) session.getAttribute(SIGNED_IN_AT));
    }
}
