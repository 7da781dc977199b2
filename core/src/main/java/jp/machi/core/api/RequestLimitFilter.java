package jp.machi.core.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies larger than {@code machi.api.max-body-bytes} (1 MiB by default) with 413,
 * whether the client declared the length or streams the body in chunks. File uploads (a POST to a
 * path ending in {@code /attachments}) have their own, larger limit, which
 * {@link jp.machi.core.file.Attachments} enforces as it reads; here only a declared length above the
 * deployment's file maximum is refused, and the body is not buffered. Bulk imports (a POST to a
 * path ending in {@link BulkImports#PATH_SUFFIX}) have theirs, {@code machi.api.max-import-bytes},
 * counted as the resource reads the unbuffered stream.
 *
 * <p>A JSON body must be text in the charset its {@code Content-Type} declares (UTF-8 when none is
 * declared): bytes that are not are refused with 400 {@code invalid-encoding} instead of being stored
 * as replacement characters, an unknown charset with 415 {@code unsupported-charset}, and a body in
 * another charset (e.g. {@code charset=Shift_JIS}) is handed on as the same text in UTF-8.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER - 100)
public class RequestLimitFilter implements ContainerRequestFilter {

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        if (!ctx.hasEntity()) {
            return;
        }
        if (upload(ctx)) {
            long fileMax = jp.machi.core.file.FilePolicy.deploymentMaxBytes();
            if (ctx.getLength() > fileMax + 65_536) {
                ctx.abortWith(tooLarge(fileMax));
            }
            return;
        }
        if (bulkImport(ctx)) {
            long importMax = BulkImports.maxBytes();
            if (ctx.getLength() > importMax) {
                ctx.abortWith(tooLarge(importMax));
                return;
            }
            ctx.setEntityStream(BulkImports.bounded(ctx.getEntityStream(), importMax));
            return;
        }
        long max = ConfigProvider.getConfig().getOptionalValue("machi.api.max-body-bytes", Long.class).orElse(1_048_576L);
        if (ctx.getLength() > max) {
            ctx.abortWith(tooLarge(max));
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InputStream in = ctx.getEntityStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > max) {
                ctx.abortWith(tooLarge(max));
                return;
            }
            buffer.write(chunk, 0, n);
        }
        byte[] body = buffer.toByteArray();
        MediaType type;
        try {
            type = ctx.getMediaType();
        } catch (RuntimeException unreadable) { // e.g. an empty or malformed Content-Type header
            ctx.abortWith(Problems.response(headers, 415, "unsupported-media-type", "problem.unsupportedMediaType.detail"));
            return;
        }
        if (type != null && isJson(type)) {
            String declared = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            Charset charset;
            try {
                charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared.strip());
            } catch (IllegalArgumentException e) {
                ctx.abortWith(Problems.response(headers, 415, "unsupported-charset", "problem.unsupportedCharset.detail",
                        declared));
                return;
            }
            String text;
            try {
                text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                ctx.abortWith(Problems.response(headers, 400, "invalid-encoding", "problem.invalidEncoding.detail",
                        charset.name()));
                return;
            }
            if (!StandardCharsets.UTF_8.equals(charset)) {
                // The JSON reader reads UTF-8 whatever the header says: hand it what the client meant.
                body = text.getBytes(StandardCharsets.UTF_8);
                ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                        new MediaType(type.getType(), type.getSubtype(), StandardCharsets.UTF_8.name()).toString());
            }
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
    }

    /** application/json and the {@code +json} types (problem+json, merge-patch+json). */
    private static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(java.util.Locale.ROOT)
                        .endsWith("+json"));
    }

    private static boolean upload(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        return "POST".equals(ctx.getMethod()) && path != null
                && (path.endsWith(jp.machi.core.file.AttachmentEndpoints.PATH_SUFFIX)
                        || path.endsWith(jp.machi.core.file.AttachmentEndpoints.PATH_SUFFIX + "/"));
    }

    private static boolean bulkImport(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        return "POST".equals(ctx.getMethod()) && path != null
                && (path.endsWith(BulkImports.PATH_SUFFIX) || path.endsWith(BulkImports.PATH_SUFFIX + "/"));
    }

    private jakarta.ws.rs.core.Response tooLarge(long max) {
        return Problems.response(headers, 413, "payload-too-large", "problem.payloadTooLarge.detail", max);
    }
}
