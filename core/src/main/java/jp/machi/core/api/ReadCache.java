package jp.machi.core.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.ChangeStamps;

/**
 * Serves {@link CachedRead} answers again while nothing they depend on has changed (issue 15). It runs
 * after the access filters (authentication 401, the municipality 404, the role 403), so a reused answer
 * is only ever given to a caller the endpoint admits. It reads the municipality's change stamp
 * ({@link ChangeStamps}: one indexed query) and, when an answer computed under that very stamp is held
 * for the same request ({@link ReadCacheStore.Key}), answers with its bytes without calling the endpoint:
 * no transaction, no entity read, no JSON written. Otherwise the endpoint runs as usual and
 * {@link ReadCacheCapture} keeps a copy of a 200 answer under the stamp read <em>before</em> it ran, so a
 * change committed meanwhile makes the copy stale rather than hiding the change.
 */
@Provider
@Priority(Priorities.USER + 100)
public class ReadCache implements ContainerRequestFilter, ContainerResponseFilter {

    static final String KEY = ReadCache.class.getName() + ".key";
    static final String STAMP = ReadCache.class.getName() + ".stamp";
    static final String READY = ReadCache.class.getName() + ".ready";

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** The headers an endpoint's answer carries that a reused answer carries again. */
    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LANGUAGE);

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Inject
    ReadCacheStore store;

    @Inject
    ChangeStamps stamps;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || !store.enabled()) {
            return;
        }
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(CachedRead.class)) {
            return;
        }
        String lgCode = request.getUriInfo().getPathParameters().getFirst("lgCode");
        ReadCacheStore.Key key = keyOf(method, request);
        long stamp = stamps.ofThisRequest(lgCode == null ? null : LocalGovernmentCodes.parse(lgCode).value());
        ReadCacheStore.Entry held = store.get(key);
        if (held != null && held.stamp() == stamp) {
            Response.ResponseBuilder answer = Response.ok(held.body(), held.mediaType());
            held.headers().forEach((name, values) -> values.forEach(v -> answer.header(name, v)));
            request.abortWith(answer.build());
            return;
        }
        request.setProperty(KEY, key);
        request.setProperty(STAMP, stamp);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(KEY) == null || response.getStatus() != 200 || response.getMediaType() == null
                || response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            return;
        }
        Map<String, List<String>> kept = new java.util.LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            List<String> values = response.getStringHeaders().get(name);
            if (values != null && !values.isEmpty()) {
                kept.put(name, List.copyOf(values));
            }
        }
        request.setProperty(READY, new ReadCacheStore.Pending((ReadCacheStore.Key) request.getProperty(KEY),
                (Long) request.getProperty(STAMP), response.getMediaType(), Map.copyOf(kept)));
    }

    private ReadCacheStore.Key keyOf(Method method, ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String caller = CallerContext.current().map(ReadCache::describe).orElse("-");
        return new ReadCacheStore.Key(method.getDeclaringClass().getName() + '#' + method.getName(), uri.getRawPath(),
                uri.getRawQuery(), accept == null ? "" : accept, Problems.locale(headers).toLanguageTag(), caller,
                LocalDate.now(JAPAN));
    }

    /** What of the caller an answer may depend on: never who they are, only what they may see. */
    private static String describe(Caller c) {
        return c.role() + "|" + c.municipalityCode() + "|" + c.unitId() + "|" + new TreeSet<>(c.moduleRoles());
    }
}
