package jp.machi.core.identity.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;

/**
 * The second half of the {@link Access} rule, after the tenant filter has let the caller see the
 * municipality: a signed-in caller whose role is below the endpoint's minimum gets 403. Decides
 * from the rule again rather than trusting that {@link AccessFilter} ran: refusing twice costs
 * nothing, letting through once would.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Optional<Access> rule = AccessRules.ruleOf(resource.getResourceMethod(), resource.getResourceClass());
        if (rule.isEmpty()) {
            return; // AccessFilter answered already (403), or this is Jersey's own OPTIONS
        }
        switch (AccessRules.decide(rule, CallerContext.current())) {
            case FORBIDDEN -> ctx.abortWith(Problems.response(headers, 403, "forbidden", "access.forbidden",
                    AccessRules.describe(rule.get())));
            case UNAUTHENTICATED -> ctx.abortWith(Problems.response(headers, 401, "unauthenticated",
                    "access.unauthenticated"));
            default -> {
            }
        }
    }
}
