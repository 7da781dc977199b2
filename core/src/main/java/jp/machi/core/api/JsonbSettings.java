package jp.machi.core.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The JSON-B settings of the whole API: the defaults, except that JSON types are taken at their
 * word. Yasson on its own reads any string into a {@code Boolean} ({@code "yes"} becomes
 * {@code false}, so {@code {"enabled":"yes"}} would silently switch a module off) and any number
 * into a {@code String} ({@code "nameJa": 1} becomes "1"); both are now a 400 like any other body
 * of the wrong shape.
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictBoolean(), new StrictString()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** A JSON boolean, nothing else. */
    public static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            // Yasson's parser does not implement currentEvent(); getValue() reads the current value.
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new JsonbException("Not a JSON boolean: " + value.getValueType());
            };
        }
    }

    /** A JSON string, nothing else. */
    public static final class StrictString implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case STRING -> ((jakarta.json.JsonString) value).getString();
                case NULL -> null;
                default -> throw new JsonbException("Not a JSON string: " + value.getValueType());
            };
        }
    }
}
