package jp.machi.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Just enough of a browser for sign-in flows: it keeps cookies (name, value and path; a
 * {@code Max-Age=0} deletes, a {@code Secure} cookie is never sent over plain http), sends them
 * back, and does <em>not</em> follow redirects by itself, so a test sees and follows each one.
 * One jar for every host and port, like a real browser on 127.0.0.1.
 */
public final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    private record StoredCookie(String value, String path, boolean secure) {
    }

    private final Map<String, StoredCookie> jar = new LinkedHashMap<>();
    private String language;

    /** One response, with what a test asks of it. */
    public record Page(String method, URI uri, int status, HttpHeaders headers, String body) {

        /** The {@code Location}, resolved against this page's URL; null when there is none. */
        public URI location() {
            return headers.firstValue("Location").map(uri::resolve).orElse(null);
        }

        /** The {@code Set-Cookie} header for {@code name}, as sent. */
        public Optional<String> setCookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }

        /** The same response as a {@link Reply}, for {@link Problems} and JSON helpers. */
        public Reply reply() {
            return new Reply(method, uri, status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            String b = body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
            return method + " " + uri + " -> " + status + " " + headers.map() + " " + b;
        }
    }

    /** Sends {@code Accept-Language} from now on. */
    public Browser language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public Page get(URI uri) {
        return send("GET", uri, null);
    }

    public Page postForm(URI uri, Map<String, String> form) {
        return send("POST", uri, form(form));
    }

    /** A cookie's value in the jar, if the browser has it. */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(jar.get(name)).map(StoredCookie::value);
    }

    /** Puts a cookie in the jar as if a server had set it (to play an attacker or a stale browser). */
    public void setCookie(String name, String value) {
        jar.put(name, new StoredCookie(value, "/", false));
    }

    private Page send(String method, URI uri, String formBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (formBody != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        StringJoiner cookies = new StringJoiner("; ");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        jar.forEach((name, c) -> {
            if (path.startsWith(c.path()) && (!c.secure() || "https".equals(uri.getScheme()))) {
                cookies.add(name + "=" + c.value());
            }
        });
        if (cookies.length() > 0) {
            b.header("Cookie", cookies.toString());
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.headers().allValues("Set-Cookie").forEach(this::store);
            return new Page(method, uri, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + uri + " interrupted", e);
        }
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = "/";
        boolean secure = false;
        boolean delete = false;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            String lower = attr.toLowerCase(Locale.ROOT);
            if (lower.startsWith("path=")) {
                path = attr.substring(5);
            } else if (lower.equals("secure")) {
                secure = true;
            } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")) {
                delete = true;
            }
        }
        if (delete) {
            jar.remove(name);
        } else {
            jar.put(name, new StoredCookie(value, path, secure));
        }
    }

    /** {@code a=1&b=2}, form-encoded. */
    public static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** The query parameters of a URL (the first value of each). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> m = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }

    /** Every {@code Set-Cookie} of a page (for assertions on flags). */
    public static List<String> setCookies(Page page) {
        return page.headers().allValues("Set-Cookie");
    }
}
