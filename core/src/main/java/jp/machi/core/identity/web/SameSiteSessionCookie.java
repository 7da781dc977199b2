package jp.machi.core.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code SameSite=Strict} on the session cookie on every server. {@link SessionCookies} asks for it
 * the standard way ({@code SessionCookieConfig.setAttribute}), which none of the three servers
 * applies: Payara honours only its {@code payara-web.xml} property, WildFly 38 only the WAR's
 * {@code WEB-INF/undertow-handlers.conf} ({@code samesite-cookie}; Undertow adds the session
 * cookie after this filter has seen the headers), and GlassFish 7 neither. Before the response is
 * committed, this adds the attribute to a session cookie the server set without one (GlassFish); a
 * cookie that has one (Payara, WildFly) is left as it is.
 */
@WebFilter(filterName = "machi-samesite", urlPatterns = "/*", asyncSupported = true)
public class SameSiteSessionCookie extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        Fixing wrapped = new Fixing(response, name == null || name.isBlank() ? "JSESSIONID" : name);
        try {
            chain.doFilter(request, wrapped);
        } finally {
            wrapped.fix();
        }
    }

    /** Adds {@code SameSite=Strict} to the session cookie in {@code cookies}; null when nothing needs it. */
    static List<String> withSameSite(Collection<String> cookies, String sessionCookie) {
        boolean changed = false;
        List<String> out = new ArrayList<>(cookies.size());
        for (String c : cookies) {
            if (c.startsWith(sessionCookie + "=") && !c.toLowerCase(Locale.ROOT).contains("samesite=")) {
                out.add(c + "; SameSite=Strict");
                changed = true;
            } else {
                out.add(c);
            }
        }
        return changed ? out : null;
    }

    private static final class Fixing extends HttpServletResponseWrapper {

        private final String sessionCookie;

        Fixing(HttpServletResponse response, String sessionCookie) {
            super(response);
            this.sessionCookie = sessionCookie;
        }

        void fix() {
            HttpServletResponse r = (HttpServletResponse) getResponse();
            if (r.isCommitted()) {
                return;
            }
            List<String> fixed = withSameSite(r.getHeaders("Set-Cookie"), sessionCookie);
            if (fixed == null) {
                return;
            }
            r.setHeader("Set-Cookie", fixed.get(0));
            for (int i = 1; i < fixed.size(); i++) {
                r.addHeader("Set-Cookie", fixed.get(i));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            fix();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            fix();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            fix();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            fix();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            fix();
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            fix();
            super.sendRedirect(location);
        }
    }
}
