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
 * of the wrong shape. Likewise a number with a fraction or beyond the range of a {@code Long} or
 * {@code Integer} field ({@code 10.5} would become 10, silently) is refused, not cut off. (Request
 * bodies use the wrapper types, never {@code int}/{@code long}, which JSON-B would read without these.)
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictBoolean(), new StrictString(),
            new WholeLong(), new WholeInteger()));

    /** The API's JSON-B (for writing a representation outside a response, e.g. {@link MergePatch}). */
    public static Jsonb jsonb() {
        return JSONB;
    }

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

    /** A whole number within {@code min}–{@code max} (10.0 is 10; 10.5 and 1e30 are refused); a numeric string as before. */
    static java.math.BigDecimal whole(JsonParser parser, long min, long max) {
        JsonValue value = parser.getValue();
        java.math.BigDecimal n;
        switch (value.getValueType()) {
            case NUMBER -> n = ((jakarta.json.JsonNumber) value).bigDecimalValue();
            case STRING -> {
                try {
                    n = new java.math.BigDecimal(((jakarta.json.JsonString) value).getString().strip());
                } catch (NumberFormatException e) {
                    throw new JsonbException("Not a number: " + value);
                }
            }
            case NULL -> {
                return null;
            }
            default -> throw new JsonbException("Not a JSON number: " + value.getValueType());
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            throw new JsonbException("Not a whole number: " + n.toPlainString());
        }
        if (n.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || n.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new JsonbException("Out of range: " + n.toPlainString());
        }
        return n;
    }

    /** A whole number that fits a {@code Long}. */
    public static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            java.math.BigDecimal n = whole(parser, Long.MIN_VALUE, Long.MAX_VALUE);
            return n == null ? null : n.longValueExact();
        }
    }

    /** A whole number that fits an {@code Integer}. */
    public static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            java.math.BigDecimal n = whole(parser, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return n == null ? null : n.intValueExact();
        }
    }
}
