package jp.machi.core.api;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The second half of {@link MergePatch}: once a PATCH is matched to its PUT (and the caller is
 * authenticated, authorised and in the municipality's scope), reads the record's current PUT body
 * (the resource's {@link MergePatch.Base} for the path, else its GET of the same path cut to the PUT
 * body's members), applies the patch and hands the result to the PUT as its body. If-Match is
 * required as on the PUT (404 for a record not there comes first, as there); the PUT compares it.
 */
@Provider
@Priority(Priorities.USER + 500)
public class MergePatchBodies implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    SecurityContext security;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Object patch = ctx.getProperty(MergePatch.PATCH);
        if (patch == null) {
            return;
        }
        Method put = resource.getResourceMethod();
        if (put == null || !put.isAnnotationPresent(PUT.class) || MergePatch.off(put)) {
            throw new ApiException(405, "method-not-allowed", "problem.methodNotAllowed.detail");
        }
        Object target = uri.getMatchedResources().isEmpty() ? null : uri.getMatchedResources().get(0);
        Method base = base(resource.getResourceClass(), MergePatch.path(put));
        if (target == null || base == null) {
            throw new IllegalStateException("No current body for a merge patch of " + put
                    + ": give the resource a GET of the same path or a @MergePatch.Base(\"" + MergePatch.path(put) + "\") method");
        }
        JsonValue current = current(invoke(target, base)); // an unknown or another municipality's id: 404, as on the PUT
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ApiException(428, "precondition-required", "problem.ifMatchRequired.detail");
        }
        Parameter entity = MergePatch.entity(put);
        if (entity != null) {
            current = MergePatch.project(current, entity.getParameterizedType());
        }
        JsonValue merged = MergePatch.apply(current, (JsonValue) patch);
        ctx.setEntityStream(new ByteArrayInputStream(merged.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The {@link MergePatch.Base} method for the path, else the GET of the path, else (for a part of a
     * record written on its own, {@code {id}/module-roles}) the GET of the path above it, in the class.
     */
    static Method base(Class<?> type, String path) {
        Method found = baseAt(type, path);
        for (String p = path; found == null && p.contains("/"); ) {
            p = p.substring(0, p.lastIndexOf('/'));
            found = baseAt(type, p);
        }
        return found;
    }

    private static Method baseAt(Class<?> type, String path) {
        Method get = null;
        for (Method m : type.getMethods()) {
            MergePatch.Base b = m.getAnnotation(MergePatch.Base.class);
            if (b != null && MergePatch.trim(b.value()).equals(path)) {
                return m;
            }
            if (get == null && m.isAnnotationPresent(GET.class) && MergePatch.path(m).equals(path)) {
                get = m;
            }
        }
        return get;
    }

    private Object invoke(Object target, Method m) {
        Parameter[] params = m.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = argument(params[i], m);
        }
        try {
            return target.getClass().getMethod(m.getName(), m.getParameterTypes()).invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object argument(Parameter p, Method m) {
        DefaultValue dv = p.getAnnotation(DefaultValue.class);
        String fallback = dv == null ? null : dv.value();
        PathParam path = p.getAnnotation(PathParam.class);
        if (path != null) {
            return convert(path.value(), uri.getPathParameters().getFirst(path.value()), p.getType());
        }
        QueryParam query = p.getAnnotation(QueryParam.class);
        if (query != null) {
            // Options of a read (?reveal=personal-data, ?format=csv) are not the PUT's: their defaults.
            // The representation is read here, before masking (PersonalDataInterceptor masks answers as
            // they are written), so personal data stays as it is unless the patch names it.
            return convert(query.value(), fallback, p.getType());
        }
        HeaderParam header = p.getAnnotation(HeaderParam.class);
        if (header != null) {
            String v = headers.getHeaderString(header.value());
            return convert(header.value(), v == null ? fallback : v, p.getType());
        }
        if (p.isAnnotationPresent(Context.class)) {
            Class<?> t = p.getType();
            if (t == HttpHeaders.class) {
                return headers;
            }
            if (t == UriInfo.class) {
                return uri;
            }
            if (t == Request.class) {
                return request;
            }
            if (t == SecurityContext.class) {
                return security;
            }
        }
        throw new IllegalStateException("Cannot call " + m + " for a merge patch (parameter " + p
                + "): give the resource a @MergePatch.Base method");
    }

    /** A parameter's text as JAX-RS converts it; one that does not convert is the same 400 as on the PUT. */
    static Object convert(String name, String text, Class<?> type) {
        if (type.isPrimitive()) {
            if (text == null) {
                return type == boolean.class ? Boolean.FALSE : type == long.class ? Long.valueOf(0) : Integer.valueOf(0);
            }
            type = type == boolean.class ? Boolean.class : type == long.class ? Long.class : Integer.class;
        }
        if (text == null || type == String.class) {
            return text;
        }
        try {
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
            if (type.isEnum()) {
                return type.getMethod("valueOf", String.class).invoke(null, text);
            }
            for (String factory : List.of("valueOf", "fromString", "parse", "of")) {
                try {
                    Method f = type.getMethod(factory, String.class);
                    if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && type.isAssignableFrom(f.getReturnType())) {
                        return f.invoke(null, text);
                    }
                } catch (NoSuchMethodException next) {
                    // the next factory
                }
            }
            Constructor<?> c = type.getConstructor(String.class);
            return c.newInstance(text);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r && cause.getClass() != IllegalArgumentException.class
                    && cause.getClass() != NumberFormatException.class) {
                throw r; // e.g. an invalid fiscal year: its own problem, as on the PUT
            }
            throw malformed(name);
        } catch (IllegalArgumentException e) {
            throw malformed(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot convert " + name + " to " + type, e);
        }
    }

    private static ApiException malformed(String name) {
        return ApiException.invalid(List.of(new ApiException.FieldErrorKey(name, "param.malformed")));
    }

    /** What the base method returned, as JSON (the same JSON-B settings as the API's answers). */
    private static JsonValue current(Object result) {
        Object entity = result;
        if (result instanceof Response r) {
            if (r.getStatus() == 412) {
                throw new ApiException(412, "stale-version", "problem.staleVersion.detail");
            }
            if (r.getStatus() / 100 != 2) {
                throw new IllegalStateException("The current body for a merge patch answered " + r.getStatus());
            }
            entity = r.getEntity();
        }
        if (entity instanceof JsonValue v) {
            return v;
        }
        String json = JsonbSettings.jsonb().toJson(entity);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
