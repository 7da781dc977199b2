package jp.machi.core.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PATCH} with JSON Merge Patch (RFC 7396) on every resource that has {@code PUT}, for free.
 * A {@code PATCH} with {@code Content-Type: application/merge-patch+json} on a path whose resource
 * method is a {@code PUT} is answered by that {@code PUT}, with the body the client would have had to
 * send: the record's current PUT-shaped body with the patch applied (members left out stay, {@code null}
 * removes, objects merge, arrays replace). The current body is the {@code GET} of the same path in the
 * same resource class, cut to the members of the PUT's body type; where the {@code GET}
 * representation is not the PUT body (computed values, nested views), the resource gives a
 * {@link Base} method instead. The PUT then checks If-Match, validates and writes as always: a
 * PATCH does exactly what a PUT of the merged body does. See {@link MergePatchRequests},
 * {@link MergePatchBodies}, {@link MergePatchAdvertised} and {@link MergePatchOpenApi}.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    public static final MediaType TYPE = new MediaType("application", "merge-patch+json");

    /** The request property holding the patch (a JSON object) of a PATCH turned into its PUT. */
    static final String PATCH = "jp.machi.core.api.MergePatch.patch";

    private MergePatch() {
    }

    /**
     * On a resource class: the record's current body as its {@code PUT} at {@link #value} takes it,
     * for a merge patch, where the {@code GET} of that path is not that body (it shows computed or
     * derived values under the names the PUT takes, or nests them). Not a JAX-RS method (no
     * {@code @GET}, no {@code @Path}); parameters as on the PUT ({@code @PathParam}, {@code @Context}).
     * It returns the body object (or a JSON object), found like the PUT finds the record (404 alike).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Base {
        /** The {@code @Path} of the PUT it serves ("" for none). */
        String value() default "";
    }

    /** The OpenAPI extension that turns PATCH off for a PUT: {@code @Extension(name = OFF, value = "false")}. */
    public static final String OFF = "x-merge-patch";

    /**
     * Whether a PUT has no PATCH: it carries {@code @Extension(name = "x-merge-patch", value = "false")}
     * (MicroProfile OpenAPI), which {@code /openapi} shows too; say why in its summary.
     */
    static boolean off(Method put) {
        // Read by name, not by class: a server without MicroProfile OpenAPI (GlassFish 7) has no Extension
        // class, and naming it here made every GET answer 500 (NoClassDefFoundError). There the annotation
        // is simply not visible, so such a PUT keeps a PATCH (which a PUT-shaped GET may not serve).
        for (java.lang.annotation.Annotation a : put.getAnnotations()) {
            String type = a.annotationType().getName();
            if (type.equals(EXTENSION) && off(a)) {
                return true;
            }
            if (type.equals(EXTENSION + "s")) {
                try {
                    for (Object e : (Object[]) a.annotationType().getMethod("value").invoke(a)) {
                        if (off((java.lang.annotation.Annotation) e)) {
                            return true;
                        }
                    }
                } catch (ReflectiveOperationException | ClassCastException unreadable) {
                    return false;
                }
            }
        }
        return false;
    }

    private static final String EXTENSION = "org.eclipse.microprofile.openapi.annotations.extensions.Extension";

    private static boolean off(java.lang.annotation.Annotation extension) {
        try {
            Object name = extension.annotationType().getMethod("name").invoke(extension);
            Object value = extension.annotationType().getMethod("value").invoke(extension);
            return OFF.equals(name) && "false".equals(value);
        } catch (ReflectiveOperationException unreadable) {
            return false;
        }
    }

    /** RFC 7396: the target with the patch applied. */
    public static JsonValue apply(JsonValue target, JsonValue patch) {
        return Json.createMergePatch(patch).apply(target);
    }

    /** The {@code @Path} of a resource method, without slashes at either end ("" for none). */
    static String path(Method m) {
        Path p = m.getAnnotation(Path.class);
        if (p == null) {
            return "";
        }
        return trim(p.value());
    }

    /**
     * A resource method's full path template ({@code /municipalities/{lgCode}/indicators/{id}}): the
     * {@code @Path} of {@code type} (or of the superclass that carries it, behind a CDI proxy) and the
     * method's own; null when no class carries one.
     */
    public static String template(Class<?> type, Method m) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path p = c.getAnnotation(Path.class);
            if (p != null) {
                String sub = path(m);
                return "/" + trim(p.value()) + (sub.isEmpty() ? "" : "/" + sub);
            }
        }
        return null;
    }

    /**
     * In a path template, the index just after the {@code '}'} that closes the parameter opened at
     * {@code open} ({@code {id: [0-9]{3}}} holds braces of its own).
     */
    static int parameterEnd(String template, int open) {
        int depth = 1;
        int j = open + 1;
        while (j < template.length() && depth > 0) {
            char d = template.charAt(j);
            depth += d == '{' ? 1 : d == '}' ? -1 : 0;
            j++;
        }
        return j;
    }

    static String trim(String s) {
        String t = s.strip();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** The parameter of a resource method that takes the request body, or null. */
    static Parameter entity(Method m) {
        for (Parameter p : m.getParameters()) {
            if (!(p.isAnnotationPresent(PathParam.class) || p.isAnnotationPresent(QueryParam.class)
                    || p.isAnnotationPresent(HeaderParam.class) || p.isAnnotationPresent(Context.class)
                    || p.isAnnotationPresent(BeanParam.class) || p.isAnnotationPresent(FormParam.class)
                    || p.isAnnotationPresent(CookieParam.class) || p.isAnnotationPresent(MatrixParam.class))) {
                return p;
            }
        }
        return null;
    }

    /**
     * The members of {@code value} a body of {@code type} takes, recursively (list elements, nested
     * bodies): a GET representation cut to the shape of a PUT body. Values of other types pass whole.
     */
    static JsonValue project(JsonValue value, Type type) {
        if (value == null) {
            return JsonValue.NULL;
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return value;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY && Collection.class.isAssignableFrom(raw)
                && type instanceof ParameterizedType pt) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            for (JsonValue v : value.asJsonArray()) {
                b.add(project(v, pt.getActualTypeArguments()[0]));
            }
            return b.build();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT || !body(raw)) {
            return value;
        }
        Map<String, Type> members = members(raw);
        JsonObject o = value.asJsonObject();
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, Type> m : members.entrySet()) {
            if (o.containsKey(m.getKey())) {
                b.add(m.getKey(), project(o.get(m.getKey()), m.getValue()));
            } else {
                JsonValue ref = reference(o, m.getKey());
                if (ref != null) {
                    b.add(m.getKey(), ref);
                }
            }
        }
        return b.build();
    }

    /**
     * A member the body takes by id that the representation shows as the record itself, by the API's
     * naming: {@code partnerIds} from {@code partners: [{id, …}]}, {@code unitId} from {@code unit: {id, …}}.
     */
    static JsonValue reference(JsonObject o, String member) {
        if (member.endsWith("Ids") && member.length() > 3) {
            JsonValue shown = o.get(member.substring(0, member.length() - 3) + "s");
            if (shown != null && shown.getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                for (JsonValue v : shown.asJsonArray()) {
                    if (v.getValueType() != JsonValue.ValueType.OBJECT || !v.asJsonObject().containsKey("id")) {
                        return null;
                    }
                    ids.add(v.asJsonObject().get("id"));
                }
                return ids.build();
            }
        } else if (member.endsWith("Id") && member.length() > 2) {
            JsonValue shown = o.get(member.substring(0, member.length() - 2));
            if (shown != null && shown.getValueType() == JsonValue.ValueType.OBJECT && shown.asJsonObject().containsKey("id")) {
                return shown.asJsonObject().get("id");
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /**
     * A body class of the application (not a JDK type, an enum, a map, a JSON value, or a value type
     * JSON-B reads its own way, such as FiscalYear).
     */
    private static boolean body(Class<?> c) {
        return !c.isPrimitive() && !c.isEnum() && !c.isArray() && !c.getName().startsWith("java.")
                && !c.getName().startsWith("jakarta.") && !Map.class.isAssignableFrom(c)
                && !c.isAnnotationPresent(jakarta.json.bind.annotation.JsonbTypeDeserializer.class)
                && !c.isAnnotationPresent(jakarta.json.bind.annotation.JsonbTypeAdapter.class)
                && !members(c).isEmpty();
    }

    /** The JSON members of a body class: its instance fields (and its superclasses'), by their JSON-B names. */
    static Map<String, Type> members(Class<?> c) {
        Map<String, Type> members = new LinkedHashMap<>();
        for (Class<?> k = c; k != null && k != Object.class && k != Record.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                        || f.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty name = f.getAnnotation(JsonbProperty.class);
                members.putIfAbsent(name == null || name.value().isEmpty() ? f.getName() : name.value(), f.getGenericType());
            }
        }
        return members;
    }
}
