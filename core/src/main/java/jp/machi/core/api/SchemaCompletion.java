package jp.machi.core.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.fiscalyear.FiscalYear;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the request schemas Payara's OpenAPI scanner (6.2025.10) leaves partial. For some
 * request classes (a subclass such as {@code NewUser extends AccountDetails}, the DTOs nested in a
 * {@code …Dtos} holder, enums) it writes a component without a type that holds only the properties
 * its Bean Validation pass added: {@code NewUser} showed {@code login} and {@code role} and no
 * {@code password}, {@code IndicatorInput} no {@code kind}, {@code direction} or {@code baseline}.
 * A client generated from {@code /openapi}, the console and the black-box walkers that read it
 * (HostileInputIT, NumericBoundsIT) then never see those fields.
 *
 * <p>This finds the class behind such a component among the request bodies of the API's resources
 * (and the classes their fields name), by simple name when only one class has it, and gives the
 * component its type, every public field (inherited ones too) with its JSON type, the members an
 * enum takes, and the fields Bean Validation requires. What the scanner wrote stays (its limits:
 * lengths, patterns, bounds). A name that two classes share is left as it is rather than guessed.
 */
final class SchemaCompletion {

    private static final Logger LOG = Logger.getLogger(SchemaCompletion.class.getName());
    private static final String REF = "#/components/schemas/";
    private static final Set<Class<? extends Annotation>> VERBS = Set.of(GET.class, POST.class, PUT.class, PATCH.class,
            DELETE.class);

    private SchemaCompletion() {
    }

    /**
     * Completes the components of {@code api} and documents each operation's answer ({@link ResponseSchemas});
     * never fails the document (logs at FINE why it could not).
     */
    static void complete(OpenAPI api) {
        try {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            Set<Class<?>> resources = ResourceClasses.all();
            Map<String, Class<?>> classes = index(resources);
            complete(api.getComponents().getSchemas(), classes);
            fiscalYear(api.getComponents().getSchemas());
            ResponseSchemas.document(api, resources, classes);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "OpenAPI schemas left as scanned (the answers and completed schemas are missing from /openapi)", e);
        }
    }

    /** Completes every untyped component whose class is known; package-visible for tests. */
    /**
     * A fiscal year is written by a serializer of its own ({@code FiscalYearJson}), so the scan sees no members:
     * its component says what is written and read. (Payara 6.2025.10 fills a {@code @SchemaProperty} with
     * invalid defaults such as {@code multipleOf: 0} and {@code minItems} above {@code maxItems}, so this is
     * done here rather than by annotation.)
     */
    static void fiscalYear(Map<String, Schema> schemas) {
        Schema s = schemas.get("FiscalYear");
        if (s == null) {
            return;
        }
        Schema year = OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                .minimum(BigDecimal.valueOf(FiscalYear.MIN_YEAR)).maximum(BigDecimal.valueOf(FiscalYear.MAX_YEAR))
                .description("The Gregorian year the fiscal year starts in (April 1), e.g. 2020");
        Schema label = OASFactory.createSchema().type(Schema.SchemaType.STRING).readOnly(true)
                .description("The fiscal year in the Japanese era as municipal documents write it, e.g. 令和2年度"
                        + " (written, not read)");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("year", year);
        properties.put("label", label);
        s.setType(Schema.SchemaType.OBJECT);
        s.setProperties(properties);
        s.setRequired(new ArrayList<>(List.of("year")));
        s.setDescription("年度 (fiscal year, April to March). Written as {\"year\": 2020, \"label\": \"令和2年度\"}; read from"
                + " that object, from the year as a number (2020), or from a text such as 令和2年度, R2, FY2020 or 2020年度");
    }

    static void complete(Map<String, Schema> schemas, Map<String, Class<?>> classes) {
        for (Map.Entry<String, Schema> e : new ArrayList<>(schemas.entrySet())) {
            Schema s = e.getValue();
            Class<?> type = classes.get(e.getKey());
            if (s == null || type == null || (s.getRef() != null && !s.getRef().isEmpty()) || s.getType() != null
                    || (s.getAllOf() != null && !s.getAllOf().isEmpty())) {
                continue;
            }
            if (type.isEnum()) {
                s.setType(Schema.SchemaType.STRING);
                List<Object> values = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
                s.setEnumeration(values);
                continue;
            }
            s.setType(Schema.SchemaType.OBJECT);
            List<String> required = s.getRequired() == null ? new ArrayList<>() : new ArrayList<>(s.getRequired());
            for (Field f : fields(type)) {
                Schema known = s.getProperties() == null ? null : s.getProperties().get(f.getName());
                Schema wanted = schemaOf(f.getGenericType(), schemas, classes, 0);
                if (known == null) {
                    s.addProperty(f.getName(), wanted);
                } else {
                    fill(known, wanted);
                }
                if ((f.isAnnotationPresent(NotNull.class) || f.isAnnotationPresent(NotBlank.class)
                        || f.isAnnotationPresent(NotEmpty.class)) && !required.contains(f.getName())) {
                    required.add(f.getName());
                }
            }
            if (!required.isEmpty()) {
                s.setRequired(required);
            }
        }
    }

    /** What the scanner left out of a property it did write: its type, format, items or reference. */
    private static void fill(Schema known, Schema wanted) {
        if (wanted.getRef() != null) {
            if (known.getType() == null && known.getRef() == null) {
                known.setRef(wanted.getRef());
            }
            return;
        }
        if (known.getType() == null) {
            known.setType(wanted.getType());
        }
        if (known.getFormat() == null && wanted.getFormat() != null) {
            known.setFormat(wanted.getFormat());
        }
        if (known.getItems() == null && wanted.getItems() != null) {
            known.setItems(wanted.getItems());
        }
        if (known.getEnumeration() == null && wanted.getEnumeration() != null) {
            known.setEnumeration(wanted.getEnumeration());
        }
    }

    /** The JSON schema of a Java type as JSON-B writes and reads it here. */
    static Schema schemaOf(Type t, Map<String, Schema> schemas, Map<String, Class<?>> classes, int depth) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(schemaOf(p.getActualTypeArguments()[0], schemas, classes, depth + 1));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            }
            return schemaOf(raw, schemas, classes, depth);
        }
        if (!(t instanceof Class<?> c)) {
            return OASFactory.createSchema();
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return simple(Schema.SchemaType.STRING, null);
        }
        if (c == boolean.class || c == Boolean.class) {
            return simple(Schema.SchemaType.BOOLEAN, null);
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class) {
            return simple(Schema.SchemaType.INTEGER, "int32");
        }
        if (c == long.class || c == Long.class || c == BigInteger.class) {
            return simple(Schema.SchemaType.INTEGER, "int64");
        }
        if (c == BigDecimal.class || c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return simple(Schema.SchemaType.NUMBER, null);
        }
        if (c == UUID.class) {
            return simple(Schema.SchemaType.STRING, "uuid");
        }
        if (c == LocalDate.class) {
            return simple(Schema.SchemaType.STRING, "date");
        }
        if (c == OffsetDateTime.class || c == Instant.class || c == LocalDateTime.class) {
            return simple(Schema.SchemaType.STRING, "date-time");
        }
        if (c == LocalTime.class || c == YearMonth.class) {
            return simple(Schema.SchemaType.STRING, null);
        }
        if (c == byte[].class) {
            return simple(Schema.SchemaType.STRING, "binary");
        }
        if (c.isArray()) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                    .items(schemaOf(c.getComponentType(), schemas, classes, depth + 1));
        }
        if (schemas.containsKey(c.getSimpleName()) && classes.get(c.getSimpleName()) == c) {
            return OASFactory.createSchema().ref(REF + c.getSimpleName());
        }
        if (c.isEnum()) {
            List<Object> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return simple(Schema.SchemaType.STRING, null).enumeration(values);
        }
        if (!c.getName().startsWith("jp.machi.") || depth > 4) {
            // A value with a JSON form of its own (a fiscal year: "R6", 2024 or {"year":2024}; a JSON value): any.
            return OASFactory.createSchema();
        }
        Schema inline = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        for (Field f : fields(c)) {
            inline.addProperty(f.getName(), schemaOf(f.getGenericType(), schemas, classes, depth + 1));
        }
        return inline;
    }

    private static Schema simple(Schema.SchemaType type, String format) {
        Schema s = OASFactory.createSchema().type(type);
        return format == null ? s : s.format(format);
    }

    /** The public instance fields JSON-B binds, the superclasses' first; for a record its components. */
    static List<Field> fields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                if (Modifier.isPublic(m) || c.isRecord()) {
                    byName.put(f.getName(), f);
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The classes behind the API's request bodies (declared, or named by {@code @RequestBody} where a
     * method reads its body itself), parameters and answers (a declared return type, {@code @APIResponse}
     * classes), and the classes their fields name, by component
     * name ({@code @Schema(name = …)} or the simple name); a name two classes share is left out.
     */
    static Map<String, Class<?>> index(Collection<Class<?>> resources) {
        Map<String, Class<?>> byName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Type> todo = new ArrayList<>();
        for (Class<?> r : resources) {
            for (Method m : r.getMethods()) {
                if (VERBS.stream().noneMatch(m::isAnnotationPresent)) {
                    continue;
                }
                // What it answers: a declared type, or the classes its @APIResponse annotations name.
                todo.add(m.getGenericReturnType());
                for (org.eclipse.microprofile.openapi.annotations.responses.APIResponse answer
                        : m.getAnnotationsByType(org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class)) {
                    for (org.eclipse.microprofile.openapi.annotations.media.Content c : answer.content()) {
                        todo.add(c.schema().implementation());
                    }
                }
                for (int i = 0; i < m.getParameterCount(); i++) {
                    boolean context = false;
                    for (Annotation a : m.getParameterAnnotations()[i]) {
                        if (a instanceof Context) {
                            context = true;
                        } else if (a instanceof org.eclipse.microprofile.openapi.annotations.parameters.RequestBody rb) {
                            // A body read by the method itself (an InputStream) names its class here.
                            for (org.eclipse.microprofile.openapi.annotations.media.Content c : rb.content()) {
                                todo.add(c.schema().implementation());
                            }
                        }
                    }
                    // The body and the path, query and header parameters (an enum's component has no type either).
                    if (!context) {
                        todo.add(m.getGenericParameterTypes()[i]);
                    }
                }
            }
        }
        while (!todo.isEmpty()) {
            Type t = todo.remove(todo.size() - 1);
            if (t instanceof ParameterizedType p) {
                for (Type a : p.getActualTypeArguments()) {
                    todo.add(a);
                }
                continue;
            }
            if (!(t instanceof Class<?> c)) {
                continue;
            }
            if (c.isArray()) {
                todo.add(c.getComponentType());
                continue;
            }
            if (!c.getName().startsWith("jp.machi.") || !seen.add(c)) {
                continue;
            }
            String name = componentName(c);
            Class<?> before = byName.putIfAbsent(name, c);
            if (before != null && before != c) {
                ambiguous.add(name);
            }
            if (!c.isEnum()) {
                for (Field f : fields(c)) {
                    todo.add(f.getGenericType());
                }
            }
        }
        ambiguous.forEach(byName::remove);
        return byName;
    }

    /** The component a class is described under: its {@code @Schema(name = …)}, else its simple name. */
    static String componentName(Class<?> c) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                c.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isBlank() ? named.name() : c.getSimpleName();
    }

}
