package jp.machi.core.audit.domain;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code changes} of an audit event as JSON text, one shape for every entity:
 * <ul>
 *   <li>CREATE: {@code {"after": {attribute: value, …}}} with every attribute;</li>
 *   <li>UPDATE: {@code {"before": {…}, "after": {…}}} with only the attributes that differ;</li>
 *   <li>DELETE: {@code {"before": {…}}} with every attribute;</li>
 *   <li>READ_PERSONAL: {@code {"fields": [name, …]}}.</li>
 * </ul>
 * Values are {@linkplain AuditValues#normalize normalized}; a collection of child rows (an
 * indicator's yearly values) is a list of objects, one per row, without their ids.
 */
public final class ChangeDocument {

    /** Looked up once: {@code Json.create…} would search the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ChangeDocument() {
    }

    public static String created(Map<String, Object> after) {
        return JSON.createObjectBuilder().add("after", object(after)).build().toString();
    }

    public static String deleted(Map<String, Object> before) {
        return JSON.createObjectBuilder().add("before", object(before)).build().toString();
    }

    /**
     * The attributes whose values differ, before and after; empty when nothing differs once
     * normalized (a number rewritten with another scale, a text set to what it was). An attribute
     * known only after (its earlier value could not be known) appears only under {@code after}.
     */
    public static Optional<String> updated(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            boolean hasBefore = before.containsKey(name);
            boolean hasAfter = after.containsKey(name);
            if (hasBefore && hasAfter && AuditValues.same(before.get(name), after.get(name))
                    && !AuditValues.MASKED.equals(after.get(name))) {
                continue;
            }
            if (hasBefore) {
                b.put(name, before.get(name));
            }
            if (hasAfter) {
                a.put(name, after.get(name));
            }
        }
        if (b.isEmpty() && a.isEmpty()) {
            return Optional.empty();
        }
        JsonObjectBuilder doc = JSON.createObjectBuilder();
        if (!b.isEmpty()) {
            doc.add("before", object(b));
        }
        doc.add("after", object(a));
        return Optional.of(doc.build().toString());
    }

    public static String personalDataRead(Collection<String> fields) {
        JsonArrayBuilder names = JSON.createArrayBuilder();
        fields.forEach(names::add);
        return JSON.createObjectBuilder().add("fields", names).build().toString();
    }

    /** Parses stored changes for the API (which returns them as JSON, not as text). */
    public static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = JSON.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject object(Map<String, Object> values) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        values.forEach((k, v) -> o.add(k, value(v)));
        return o.build();
    }

    @SuppressWarnings("unchecked")
    static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (v instanceof String s) {
            return JSON.createValue(s);
        }
        if (v instanceof Map<?, ?> m) {
            return object((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            l.forEach(x -> a.add(value(x)));
            return a.build();
        }
        return value(AuditValues.normalize(v));
    }
}
