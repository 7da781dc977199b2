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
            if (allowed.contains("PUT") && !allowed.contains("PATCH") && patchableAt(req)) {
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

    @Context
    jakarta.ws.rs.core.UriInfo uri;

    /**
     * On OPTIONS (answered by the JAX-RS runtime itself, so there is no resource method to read, and no
     * matched resource either): whether the PUT whose path template matches the request's path (the
     * most specific one, as JAX-RS chooses: most literal characters) takes a merge patch. A PUT that
     * opts out ({@link MergePatch#OFF}) is not advertised with PATCH, which it would refuse with 405.
     */
    private boolean patchableAt(ContainerRequestContext req) {
        String path = "/" + MergePatch.trim(uri.getPath() == null ? "" : uri.getPath());
        PutTemplate best = null;
        for (PutTemplate t : puts()) {
            if (t.pattern().matcher(path).matches() && (best == null || t.literals() > best.literals())) {
                best = t;
            }
        }
        return best == null || best.patchable(); // nothing known: as before, PATCH beside PUT
    }

    /** A PUT's full path template, compiled, with its literal length and whether it takes a merge patch. */
    record PutTemplate(java.util.regex.Pattern pattern, int literals, boolean patchable) {
    }

    private static volatile java.util.List<PutTemplate> puts;

    /** Every PUT of the resources CDI knows (JAX-RS resources are request-scoped beans), once. */
    private static java.util.List<PutTemplate> puts() {
        java.util.List<PutTemplate> known = puts;
        if (known != null) {
            return known;
        }
        java.util.List<PutTemplate> found = new java.util.ArrayList<>();
        try {
            for (Class<?> type : ResourceClasses.all()) {
                for (Method m : type.getMethods()) {
                    if (m.isAnnotationPresent(PUT.class)) {
                        String template = MergePatch.template(type, m);
                        java.util.regex.Pattern p = compile(template);
                        if (p != null) {
                            found.add(new PutTemplate(p, literals(template), !MergePatch.off(m)));
                        }
                    }
                }
            }
        } catch (RuntimeException unavailable) {
            return java.util.List.of(); // no CDI to ask: PATCH stays beside PUT
        }
        puts = java.util.List.copyOf(found);
        return puts;
    }

    /** The template as a regular expression: {@code {id}} one segment, {@code {id: regex}} its regex. */
    static java.util.regex.Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int j = MergePatch.parameterEnd(template, i);
                String param = template.substring(i + 1, j - 1);
                int colon = param.indexOf(':');
                regex.append("(?:").append(colon < 0 ? "[^/]+" : param.substring(colon + 1).strip()).append(')');
                i = j;
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        try {
            return java.util.regex.Pattern.compile(regex.toString());
        } catch (java.util.regex.PatternSyntaxException unreadable) {
            return null;
        }
    }

    /** Characters of the template outside its parameters (JAX-RS prefers the template with more). */
    static int literals(String template) {
        return template.replaceAll("\\{[^}]*}", "").length();
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
