package jp.machi.core.identity.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The only way Machi talks to the provider: discovery, keys and the token endpoint, over
 * {@code java.net.http}, with short timeouts, no redirects and a size limit on what is read, so a
 * slow or hostile endpoint cannot hold a request thread or fill the heap.
 */
final class ProviderHttp {

    /** Discovery documents and key sets are a few KiB; anything near this is not one. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Duration timeout = Duration.ofSeconds(10);

    /** A status, the JSON object it carried (empty when the body was not one) and the raw text for logs. */
    record JsonReply(int status, Map<String, Object> json, String text) {
        boolean ok() {
            return status == 200 && json != null;
        }
    }

    /** GET a JSON document that must come back 200. */
    Map<String, Object> getJson(URI uri) {
        JsonReply r = send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build());
        if (!r.ok()) {
            throw new ProviderUnavailableException("GET " + uri + " answered " + r.status() + ": " + shorten(r.text()));
        }
        return r.json();
    }

    /** POST a form; the reply is returned whatever its status (the token endpoint answers errors as JSON). */
    JsonReply postForm(URI uri, Map<String, String> form, Optional<String> basicAuthorization) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        basicAuthorization.ifPresent(a -> b.header("Authorization", a));
        return send(b.build());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonReply send(HttpRequest request) {
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = r.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new ProviderUnavailableException(request.method() + " " + request.uri()
                            + " answered more than " + MAX_BODY_BYTES + " bytes");
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            Map<String, Object> json;
            try {
                json = JSONObjectUtils.parse(text);
            } catch (ParseException notJson) {
                json = null;
            }
            return new JsonReply(r.statusCode(), json, text);
        } catch (IOException e) {
            throw new ProviderUnavailableException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
