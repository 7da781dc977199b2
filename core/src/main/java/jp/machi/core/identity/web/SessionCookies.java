package jp.machi.core.identity.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser session's cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict}
 * (no other site's page sends it along), {@code Secure} unless {@code MACHI_COOKIE_SECURE=false}
 * (for a plain-HTTP test setup: production runs behind TLS), and the session id travels only in
 * that cookie, never in URLs. Sessions end after {@code machi.security.session.minutes} (30) idle.
 * Where the server ignores the standard SameSite attribute, {@link SameSiteSessionCookie} adds it.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Config config = ConfigProvider.getConfig(SessionCookies.class.getClassLoader());
        boolean secure = config.getOptionalValue("machi.cookie.secure", Boolean.class).orElse(true);
        int minutes = config.getOptionalValue("machi.security.session.minutes", Integer.class).orElse(30);
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath("/");
        cookie.setAttribute("SameSite", "Strict");
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout(minutes);
        if (!secure) {
            LOG.warning("MACHI_COOKIE_SECURE=false: the session cookie is sent over plain HTTP too."
                    + " Only for tests and local trials.");
        }
    }
}
