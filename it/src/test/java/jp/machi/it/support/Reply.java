package jp.machi.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What the server answered: status, headers and body, with JSON helpers and a readable toString. */
public final class Reply {

    private final String method;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    Reply(String method, URI uri, int status, HttpHeaders headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    /** The URI the request went to. */
    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Every value of a header that may repeat (Set-Cookie). */
    public java.util.List<String> headers(String name) {
        return headers.allValues(name);
    }

    /** The Content-Type header, or "" when there is none. */
    public String contentType() {
        return header("Content-Type").orElse("");
    }

    public String etag() {
        return header("ETag").orElse(null);
    }

    public byte[] bytes() {
        return body.clone();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonStructure json() {
        try (JsonReader r = Json.createReader(new StringReader(text()))) {
            return r.read();
        } catch (JsonParsingException e) {
            throw new AssertionError("Not JSON: " + this, e);
        }
    }

    public JsonObject object() {
        JsonStructure j = json();
        if (!(j instanceof JsonObject o)) {
            throw new AssertionError("Not a JSON object: " + this);
        }
        return o;
    }

    public JsonArray array() {
        JsonStructure j = json();
        if (!(j instanceof JsonArray a)) {
            throw new AssertionError("Not a JSON array: " + this);
        }
        return a;
    }

    /** Fails unless the status is {@code expected}, showing the whole exchange. */
    public Reply expect(int expected) {
        if (status != expected) {
            throw new AssertionError("Expected " + expected + " but got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        String t = text();
        return method + " " + uri + " -> " + status + " [" + contentType() + "] "
                + (t.length() > 2000 ? t.substring(0, 2000) + "…" : t);
    }
}
