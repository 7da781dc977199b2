package jp.machi.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Machi's own limits on a request's URL and headers, answered as problem documents (or Machi's
 * page) through {@link ErrorPageServlet}: a request target (path and query) over
 * {@value #MAX_TARGET} bytes is 414, header fields over {@value #MAX_HEADERS} bytes in all are 431.
 * machi.jar lets its HTTP listener read up to 64 KiB of headers (pre-boot command
 * {@code header-buffer-length-bytes}), so these, not the listener's empty 400, are what a client
 * sees up to that size; beyond it the listener refuses on its own (README, "Errors the server
 * answers itself").
 */
@WebFilter(filterName = "machi-request-size", urlPatterns = "/*", asyncSupported = true)
public class RequestSizeLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Bytes of path and query (as sent, percent-encoded). */
    public static final int MAX_TARGET = 8_192;
    /** Bytes of header names and values together. */
    public static final int MAX_HEADERS = 16_384;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String uri = req.getRequestURI();
        String query = req.getQueryString();
        long target = (uri == null ? 0 : uri.length()) + (query == null ? 0 : query.length() + 1);
        if (target > MAX_TARGET) {
            res.sendError(414);
            return;
        }
        long headers = 0;
        for (Enumeration<String> names = req.getHeaderNames(); names != null && names.hasMoreElements();) {
            String name = names.nextElement();
            for (Enumeration<String> values = req.getHeaders(name); values.hasMoreElements();) {
                headers += name.length() + values.nextElement().length() + 4;
            }
        }
        if (headers > MAX_HEADERS) {
            res.sendError(431);
            return;
        }
        chain.doFilter(req, res);
    }
}
