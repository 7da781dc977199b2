package jp.machi.planning.document;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.lang.reflect.Type;

/**
 * The lists of a planning document (goals, projects, schedules …) kept as one JSON text column:
 * they are always read and written with their document, never queried on their own. Records of
 * strings, numbers, UUIDs and lists only.
 */
public final class JsonColumn {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private JsonColumn() {
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T read(String json, Type type) {
        return JSONB.fromJson(json, type);
    }
}
