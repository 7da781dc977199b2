package jp.machi.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Conditional GET for what the public reads (issue 15): the public API ({@code …/public/…}) and the
 * portal's pages ({@code /p/…}). A 200 answer gets a weak ETag from the bytes it carries and, unless
 * the endpoint chose its own, {@code Cache-Control: no-cache} (a browser or proxy keeps the copy and asks
 * again each time); a request whose {@code If-None-Match} names that tag gets {@code 304 Not Modified}
 * without a body. The tag comes from the bytes, so whatever changes an answer (a new publication, a
 * rating, the language) changes its tag, with nothing to invalidate, and every node of a cluster gives
 * the same tag for the same answer. Answers are buffered up to {@value #MAX_BUFFER} bytes; a larger one
 * (none of the public answers today) passes through untagged. Staff and API answers are not touched:
 * they carry their own version ETags for If-Match.
 */
@WebFilter(filterName = "machi-public-revalidation", urlPatterns = {"/api/v1/municipalities/*", "/p/*"},
        asyncSupported = true)
public class PublicRevalidation extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final int MAX_BUFFER = 4 * 1024 * 1024;
    private static final Pattern PUBLIC_API = Pattern.compile("^/api/v1/municipalities/[^/]+/(?:[^/]+/)*public(?:/.*)?$");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!applies(request)) {
            chain.doFilter(request, response);
            return;
        }
        Buffered buffered = new Buffered(response);
        chain.doFilter(request, buffered);
        buffered.finish(request);
    }

    static boolean applies(HttpServletRequest request) {
        // GET only: a HEAD answer has no bytes to tag.
        if (!"GET".equals(request.getMethod()) || request.getHeader("Range") != null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/p/") || PUBLIC_API.matcher(path).matches();
    }

    /** {@code W/"<22 characters of the SHA-256 of the bytes>"}. */
    static String tagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 13.1.2: weak comparison against each listed tag, or {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** Holds the body back until the endpoint is done, then tags it, answers 304 or writes it. */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean passThrough;

        Buffered(HttpServletResponse response) {
            super(response);
        }

        private HttpServletResponse real() {
            return (HttpServletResponse) getResponse();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (passThrough) {
                return real().getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        spill(1);
                        if (passThrough) {
                            real().getOutputStream().write(b);
                        } else {
                            bytes.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        spill(len);
                        if (passThrough) {
                            real().getOutputStream().write(b, off, len);
                        } else {
                            bytes.write(b, off, len);
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("public answers are written blocking");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String enc = getCharacterEncoding();
                Charset cs = enc == null ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs));
            }
            return writer;
        }

        /** Past the limit: what was held goes out as it is, untagged, and the rest streams. */
        private void spill(int more) throws IOException {
            if (!passThrough && bytes.size() + more > MAX_BUFFER) {
                passThrough = true;
                bytes.writeTo(real().getOutputStream());
                bytes.reset();
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (passThrough) {
                super.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int len) {
            if (passThrough) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (passThrough) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name) || passThrough) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name) || passThrough) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void resetBuffer() {
            bytes.reset();
            if (passThrough) {
                super.resetBuffer();
            }
        }

        @Override
        public void reset() {
            bytes.reset();
            super.reset();
        }

        void finish(HttpServletRequest request) throws IOException {
            if (writer != null) {
                writer.flush();
            }
            HttpServletResponse r = real();
            if (passThrough || r.isCommitted()) {
                return;
            }
            byte[] body = bytes.toByteArray();
            if (getStatus() == HttpServletResponse.SC_OK && r.getHeader("ETag") == null) {
                String tag = tagOf(body);
                r.setHeader("ETag", tag);
                if (r.getHeader("Cache-Control") == null) {
                    r.setHeader("Cache-Control", "no-cache");
                }
                r.addHeader("Vary", "Accept, Accept-Language");
                if (matches(request.getHeader("If-None-Match"), tag)) {
                    r.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                    r.setContentType(null);
                    return;
                }
            }
            r.setContentLength(body.length);
            r.getOutputStream().write(body);
        }
    }
}
