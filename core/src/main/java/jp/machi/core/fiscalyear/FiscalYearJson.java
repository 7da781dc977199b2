package jp.machi.core.fiscalyear;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * JSON form of a fiscal year: written as {@code {"year": 2020, "label": "令和2年度"}}; read from
 * that object, from a number ({@code 2020}) or from any text {@link FiscalYear#parse} accepts.
 */
public final class FiscalYearJson {

    private FiscalYearJson() {
    }

    public static final class Serializer implements JsonbSerializer<FiscalYear> {
        @Override
        public void serialize(FiscalYear fy, JsonGenerator generator, SerializationContext ctx) {
            generator.writeStartObject();
            generator.write("year", fy.startYear());
            generator.write("label", fy.japaneseLabel());
            generator.writeEnd();
        }
    }

    public static final class Deserializer implements JsonbDeserializer<FiscalYear> {
        @Override
        public FiscalYear deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            // Yasson hands an explicit null to the deserializer too; it means "no fiscal year",
            // as an absent property does. Whether one is required is for validation to say.
            return value.getValueType() == JsonValue.ValueType.NULL ? null : read(value);
        }
    }

    static FiscalYear read(JsonValue value) {
        switch (value.getValueType()) {
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                if (!n.isIntegral()) {
                    throw new InvalidFiscalYearException(n.toString());
                }
                try {
                    return FiscalYear.of(n.intValueExact());
                } catch (ArithmeticException tooLarge) {
                    throw new InvalidFiscalYearException(n.toString());
                }
            case STRING:
                return FiscalYear.parse(((JsonString) value).getString());
            case OBJECT:
                JsonValue year = ((JsonObject) value).get("year");
                if (year == null || year.getValueType() == JsonValue.ValueType.OBJECT) {
                    throw new InvalidFiscalYearException(value.toString());
                }
                return read(year);
            default:
                throw new JsonbException("A fiscal year is a number, a text such as 令和2年度, or {\"year\": 2020}");
        }
    }
}
