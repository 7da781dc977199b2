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
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies larger than {@code machi.api.max-body-bytes} (1 MiB by default) with 413,
 * whether the client declared the length or streams the body in chunks. File uploads (a POST to a
 * path ending in {@code /attachments}) have their own, larger limit, which
 * {@link jp.machi.core.file.Attachments} enforces as it reads; here only a declared length above the
 * deployment's file maximum is refused, and the body is not buffered.
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
        ctx.setEntityStream(new ByteArrayInputStream(buffer.toByteArray()));
    }

    private static boolean upload(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        return "POST".equals(ctx.getMethod()) && path != null
                && (path.endsWith(jp.machi.core.file.AttachmentEndpoints.PATH_SUFFIX)
                        || path.endsWith(jp.machi.core.file.AttachmentEndpoints.PATH_SUFFIX + "/"));
    }

    private jakarta.ws.rs.core.Response tooLarge(long max) {
        return Problems.response(headers, 413, "payload-too-large", "problem.payloadTooLarge.detail", max);
    }
}
