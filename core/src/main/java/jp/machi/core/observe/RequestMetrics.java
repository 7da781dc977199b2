package jp.machi.core.observe;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * {@code machi_requests}: every API request, timed, by method, endpoint and status. The endpoint is the
 * resource's path template ({@code /municipalities/{lgCode}/indicators/{id}}), never the path itself,
 * so ids and municipality codes do not multiply the series; a request that matched no resource counts
 * as {@code (unmatched)}.
 */
@Provider
@PreMatching
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final String NAME = "machi_requests";
    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    @Inject
    Observations observations;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext req) {
        req.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        Object started = req.getProperty(STARTED);
        if (!(started instanceof Long t0)) {
            return;
        }
        observations.time(NAME, "API requests by method, endpoint (path template) and status", System.nanoTime() - t0,
                "method", method(req), "endpoint", endpoint(), "status", Integer.toString(res.getStatus()));
    }

    /** The method as sent where it is a standard one (PATCH arrives as the PUT it becomes), else OTHER. */
    private static String method(ContainerRequestContext req) {
        String m = req.getMethod();
        return switch (m) {
            case HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS,
                    HttpMethod.PATCH -> m;
            default -> "OTHER";
        };
    }

    private String endpoint() {
        Method m = resource == null ? null : resource.getResourceMethod();
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (m == null || type == null) {
            return "(unmatched)";
        }
        String path = jp.machi.core.api.MergePatch.template(type, m);
        if (path == null) {
            return "(unmatched)";
        }
        return path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
