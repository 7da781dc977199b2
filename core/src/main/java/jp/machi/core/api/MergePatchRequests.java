package jp.machi.core.api;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The first half of {@link MergePatch}: a {@code PATCH} must be a JSON object sent as
 * {@code application/merge-patch+json} (else 415 naming it, or 400); it is then matched as the
 * {@code PUT} of the same path (no PUT there: 405), with the patch kept for {@link MergePatchBodies}.
 * Runs after {@link RequestLimitFilter} has bounded the body and made it UTF-8.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class MergePatchRequests implements ContainerRequestFilter {

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        if (!"PATCH".equals(ctx.getMethod())) {
            return;
        }
        MediaType type;
        try {
            type = ctx.getMediaType();
        } catch (RuntimeException unreadable) {
            type = null;
        }
        if (type == null || !"application".equalsIgnoreCase(type.getType())
                || !"merge-patch+json".equalsIgnoreCase(type.getSubtype())) {
            ctx.abortWith(Response.fromResponse(Problems.response(headers, 415, "unsupported-media-type",
                    "problem.mergePatchMediaType.detail", MergePatch.MEDIA_TYPE))
                    .header("Accept-Patch", MergePatch.MEDIA_TYPE).build());
            return;
        }
        byte[] body = ctx.getEntityStream().readAllBytes();
        JsonValue patch = read(body);
        if (patch == null) {
            ctx.abortWith(Problems.response(headers, 400, "malformed-json", "problem.malformedJson.detail"));
            return;
        }
        if (patch.getValueType() != JsonValue.ValueType.OBJECT) {
            ctx.abortWith(Problems.response(headers, 400, "merge-patch-not-object", "problem.mergePatchNotObject.detail"));
            return;
        }
        ctx.setProperty(MergePatch.PATCH, patch);
        ctx.setMethod("PUT");
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON + ";charset=UTF-8");
        ctx.setEntityStream(new ByteArrayInputStream(body));
    }

    /** The JSON value of the body (a scalar too), or null if it is not JSON. */
    static JsonValue read(byte[] body) {
        // Wrapped in an array: JSON-P readers differ on whether a scalar may stand alone.
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (tooDeep(text)) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new java.io.StringReader("[" + text + "\n]"))) {
            jakarta.json.JsonArray a = reader.readArray();
            return a.size() == 1 ? a.get(0) : null;
        } catch (JsonException | IllegalStateException malformed) {
            return null;
        }
    }

    /** Deeper than any body Machi takes ({@value #MAX_DEPTH} arrays or objects): the reader would recurse that deep. */
    static final int MAX_DEPTH = 256;

    /**
     * Whether arrays and objects nest deeper than {@link #MAX_DEPTH} (brackets inside strings do not
     * count). The JSON-P reader builds nested values recursively: 40,000 {@code [} overflowed its stack
     * (a 500) before it could say the body is malformed.
     */
    static boolean tooDeep(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }
}
