package jp.machi.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How browsers keep the console's and the portal's files (issue 15). The container tags a static file
 * by its size and its date, and the build gives every file the same date (reproducible builds), so a
 * changed file of the same size kept its tag, and without {@code Cache-Control} a browser reused its
 * copy for days by the date alone: after an upgrade it could run the old scripts against the new API.
 * <ul>
 * <li>{@code /webjars/…} carry their version in the path (a new version is a new address):
 * {@code Cache-Control: public, max-age=31536000, immutable}, never asked again.</li>
 * <li>{@code /ui/…} and the console's page ({@code /}, {@code /index.html}): {@code no-cache} (a browser
 * keeps the copy and asks each time) with a tag made from the file's bytes ({@code W/"<SHA-256>"}), so a
 * 304 means the same bytes; the date is neither sent nor used ({@code If-Modified-Since} is ignored).</li>
 * </ul>
 * A file's tag is computed once (the files of a deployment do not change while it runs).
 */
@WebFilter(filterName = "machi-static-caching", urlPatterns = {"/", "/index.html", "/ui/*", "/webjars/*"},
        asyncSupported = true)
public class StaticAssetCaching extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Path → tag, for the files the application has (a path without one is not remembered). */
    private final transient Map<String, Optional<String>> tags = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/webjars/")) {
            chain.doFilter(request, new Headers(response, IMMUTABLE, null));
            return;
        }
        String file = "/".equals(path) ? "/index.html" : path;
        Optional<String> tag = tags.get(file);
        if (tag == null) {
            tag = tagOf(file);
            if (tag.isPresent()) {
                tags.put(file, tag); // only files that exist: any path can be asked for
            }
        }
        if (tag.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (PublicRevalidation.matches(request.getHeader("If-None-Match"), tag.get())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader("ETag", tag.get());
            response.setHeader("Cache-Control", "no-cache");
            return;
        }
        chain.doFilter(new WithoutValidators(request), new Headers(response, "no-cache", tag.get()));
    }

    /** {@code W/"<22 characters of the SHA-256 of the file>"}, or empty when there is no such file. */
    private Optional<String> tagOf(String file) {
        if (file.contains("..") || file.endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = getServletContext().getResourceAsStream(file)) {
            if (in == null) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, n);
            }
            return Optional.of("W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 22)
                    + "\"");
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** The request without the validators the container would answer by size and date. */
    private static final class WithoutValidators extends HttpServletRequestWrapper {

        WithoutValidators(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return "If-None-Match".equalsIgnoreCase(name) || "If-Modified-Since".equalsIgnoreCase(name)
                    || "If-Match".equalsIgnoreCase(name) || "If-Unmodified-Since".equalsIgnoreCase(name)
                    || "If-Range".equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden(name) ? -1 : super.getDateHeader(name);
        }
    }

    /** The answer with this {@code Cache-Control} and, when given, this tag instead of the container's (and no date). */
    private static final class Headers extends HttpServletResponseWrapper {

        private final String tag;

        Headers(HttpServletResponse response, String cacheControl, String tag) {
            super(response);
            this.tag = tag;
            response.setHeader("Cache-Control", cacheControl);
            if (tag != null) {
                response.setHeader("ETag", tag);
            }
        }

        private boolean ours(String name) {
            return tag != null && ("ETag".equalsIgnoreCase(name) || "Last-Modified".equalsIgnoreCase(name))
                    || "Cache-Control".equalsIgnoreCase(name);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!ours(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!ours(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!ours(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!ours(name)) {
                super.addDateHeader(name, date);
            }
        }
    }
}
