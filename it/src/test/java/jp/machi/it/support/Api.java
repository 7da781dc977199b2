package jp.machi.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for one server, as a browser or script would talk to it: plain HTTP/1.1,
 * bodies as bytes, headers such as {@code Accept-Language} and {@code If-Match} set per request.
 *
 * <pre>{@code
 * Reply r = api.put("/api/v1/municipalities/082201").ifMatch(etag).lang("en").json(body).send();
 * }</pre>
 */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** One request being put together; {@link #send()} sends it. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean expectContinue;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** {@code Accept-Language}. */
        public Call lang(String languages) {
            return header("Accept-Language", languages);
        }

        public Call accept(String mediaTypes) {
            return header("Accept", mediaTypes);
        }

        public Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        /** A JSON body (any text, valid or not) with {@code Content-Type: application/json}. */
        public Call json(Object json) {
            return body(String.valueOf(json).getBytes(StandardCharsets.UTF_8), "application/json");
        }

        /** A raw body; {@code contentType} null sends none. */
        public Call body(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        /** Sends {@code Expect: 100-continue}, so a refused large body need not be sent at all. */
        public Call expectContinue() {
            this.expectContinue = true;
            return this;
        }

        public Reply send() {
            URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .expectContinue(expectContinue)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            try {
                HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(method, uri, r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                throw new AssertionError(method + " " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(method + " " + uri + " interrupted", e);
            }
        }
    }
}
