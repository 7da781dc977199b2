package jp.machi.core.identity.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;

/**
 * The first half of every endpoint's {@link Access} rule, before anything about the request is
 * looked at: an endpoint without a rule answers 403 {@code no-access-rule} to everyone, and a
 * non-public endpoint answers 401 to a caller who is not signed in. Then the tenant filter decides
 * whether the caller may see the municipality in the path (404 if not), and {@link RoleFilter}
 * whether the role suffices (403). In that order, a caller of municipality A learns nothing about
 * B, not even which roles B's endpoints need.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());
    private static final Set<Method> REPORTED = ConcurrentHashMap.newKeySet();

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        Optional<Access> rule = AccessRules.ruleOf(method, type);
        if (rule.isEmpty() && isFrameworkOptions(ctx, type)) {
            return;
        }
        switch (AccessRules.decide(rule, CallerContext.current())) {
            case NO_RULE -> {
                if (method != null && REPORTED.add(method)) {
                    LOG.severe(() -> "No @Access rule on " + method.getDeclaringClass().getName() + "." + method.getName()
                            + ": it answers 403 to everyone until it declares one");
                }
                ctx.abortWith(Problems.response(headers, 403, "no-access-rule", "access.noRule"));
            }
            case UNAUTHENTICATED -> ctx.abortWith(Problems.response(headers, 401, "unauthenticated", "access.unauthenticated"));
            default -> {
            }
        }
    }

    /** Jersey's own answer to OPTIONS (the allowed methods) reveals nothing a 405 would not. */
    private static boolean isFrameworkOptions(ContainerRequestContext ctx, Class<?> type) {
        return "OPTIONS".equals(ctx.getMethod()) && type != null && type.getName().startsWith("org.glassfish.jersey.");
    }
}
