package jp.machi.core.api;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code Accept-Patch: application/merge-patch+json} (RFC 5789) on the GET of every resource that
 * takes a {@link MergePatch}, and PATCH among the methods {@code OPTIONS} allows wherever PUT is.
 */
@Provider
public class MergePatchAdvertised implements ContainerResponseFilter {

    public static final String ACCEPT_PATCH = "Accept-Patch";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            Set<String> allowed = new LinkedHashSet<>(res.getAllowedMethods());
            if (allowed.contains("PUT") && !allowed.contains("PATCH")) {
                allowed.add("PATCH");
                res.getHeaders().putSingle("Allow", String.join(",", allowed));
                res.getHeaders().putSingle(ACCEPT_PATCH, MergePatch.MEDIA_TYPE);
            }
            return;
        }
        if (!("GET".equals(method) || "HEAD".equals(method)) || res.getStatus() / 100 != 2) {
            return;
        }
        Method get = resource.getResourceMethod();
        if (get != null && patchable(resource.getResourceClass(), MergePatch.path(get))) {
            res.getHeaders().putSingle(ACCEPT_PATCH, MergePatch.MEDIA_TYPE);
        }
    }

    /** Whether the class has a PUT at the path that takes a merge patch. */
    static boolean patchable(Class<?> type, String path) {
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(PUT.class) && !MergePatch.off(m)
                    && MergePatch.path(m).equals(path)) {
                return true;
            }
        }
        return false;
    }
}
