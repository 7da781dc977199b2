package jp.machi.core.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The success answer of every operation in {@code /openapi}, from its method's {@link Answers}
 * (ADR 0055): the scanner documents a method returning {@code Response} (or a generic {@code Page})
 * as "Default Response: object". This replaces that default with the status the method answers and
 * its body: the view's component (written here where the scanner did not, then completed by
 * {@link SchemaCompletion}), a {@code …Page} component wrapping it for lists, and a string or binary
 * for CSV, xlsx, PDF and the like.
 */
final class ResponseSchemas {

    static final String REF = "#/components/schemas/";

    private ResponseSchemas() {
    }

    /**
     * Documents the answers of the annotated methods of {@code resources} in {@code api};
     * {@code known} are the components the scanner wrote for the API's classes, by name.
     */
    static void document(OpenAPI api, Collection<Class<?>> resources, Map<String, Class<?>> known) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Components components = api.getComponents();
        Map<String, Class<?>> views = new LinkedHashMap<>();
        for (Class<?> r : resources) {
            for (Method m : r.getMethods()) {
                Answers[] answers = m.getAnnotationsByType(Answers.class);
                String template = MergePatch.template(r, m);
                if (answers.length == 0 || template == null) {
                    continue;
                }
                Operation op = operation(api.getPaths().getPathItems(), plain(template), m);
                if (op == null) {
                    continue;
                }
                List<String> scanned = scanned(op);
                for (Answers a : answers) {
                    answer(op, a, scanned, components, known, views);
                }
            }
        }
        SchemaCompletion.complete(components.getSchemas(), views);
    }

    /** The operation of {@code m} at the path that ends in its template (behind the application path). */
    private static Operation operation(Map<String, PathItem> items, String template, Method m) {
        String path = null;
        for (String p : items.keySet()) {
            if (plain(p).endsWith(template) && (path == null || p.length() < path.length())) {
                path = p;
            }
        }
        if (path == null) {
            return null;
        }
        PathItem item = items.get(path);
        if (m.isAnnotationPresent(GET.class)) {
            return item.getGET();
        }
        if (m.isAnnotationPresent(POST.class)) {
            return item.getPOST();
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return item.getPUT();
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return item.getDELETE();
        }
        return m.isAnnotationPresent(PATCH.class) ? item.getPATCH() : null;
    }

    /** A path template without its parameters' regular expressions ({@code {id: [0-9]+}} is {@code {id}}). */
    static String plain(String template) {
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                if (c != '/' || plain.length() == 0 || plain.charAt(plain.length() - 1) != '/') {
                    plain.append(c);
                }
                i++;
                continue;
            }
            int j = MergePatch.parameterEnd(template, i);
            String param = template.substring(i + 1, Math.max(i + 1, j - 1));
            int colon = param.indexOf(':');
            plain.append('{').append((colon < 0 ? param : param.substring(0, colon)).strip()).append('}');
            i = j;
        }
        return plain.toString();
    }

    /** The media types the scanner wrote for the method's default answer (its {@code @Produces}); removes it. */
    private static List<String> scanned(Operation op) {
        List<String> types = new ArrayList<>();
        APIResponses responses = op.getResponses();
        if (responses == null) {
            return types;
        }
        APIResponse before = responses.getDefaultValue() != null ? responses.getDefaultValue()
                : responses.getAPIResponses() == null ? null : responses.getAPIResponses().get(APIResponses.DEFAULT);
        if (before != null) {
            if (before.getContent() != null && before.getContent().getMediaTypes() != null) {
                types.addAll(before.getContent().getMediaTypes().keySet());
            }
            responses.setDefaultValue(null);
            if (responses.getAPIResponses() != null && responses.getAPIResponses().containsKey(APIResponses.DEFAULT)) {
                responses.removeAPIResponse(APIResponses.DEFAULT);
            }
        }
        return types;
    }

    /**
     * Adds the answer {@code answers} names to {@code op}: its JSON in the media types {@code scanned} names
     * (else {@code application/json}), the others as a string or binary. A second view of the same status
     * makes the JSON either of them ({@code oneOf}).
     */
    static void answer(Operation op, Answers answers, List<String> scanned, Components components,
            Map<String, Class<?>> known, Map<String, Class<?>> views) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        String status = String.valueOf(answers.status());
        APIResponse answer = op.getResponses().getAPIResponses() == null ? null
                : op.getResponses().getAPIResponses().get(status);
        if (answer == null) {
            answer = OASFactory.createAPIResponse().description(description(answers.status()));
            op.getResponses().addAPIResponse(status, answer);
        }
        if (!answers.description().isBlank()) {
            answer.setDescription(answers.description());
        }
        Content content = answer.getContent() == null ? OASFactory.createContent() : answer.getContent();
        if (answers.value() != Void.class) {
            Schema body = body(answers, components, known, views);
            List<String> json = scanned.stream().filter(t -> t.contains("json")).toList();
            for (String type : json.isEmpty() ? List.of(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) : json) {
                MediaType there = content.getMediaTypes() == null ? null : content.getMediaTypes().get(type);
                if (there == null) {
                    content.addMediaType(type, OASFactory.createMediaType().schema(body));
                } else {
                    there.setSchema(OASFactory.createSchema().oneOf(List.of(there.getSchema(), body)));
                }
            }
        }
        List<String> others = answers.media().length > 0 ? List.of(answers.media())
                : scanned.stream().filter(t -> !t.contains("json") && !t.contains("*")).toList();
        for (String type : others) {
            Schema file = MergePatchOpenApi.schemaOf(Schema.SchemaType.STRING);
            content.addMediaType(type, OASFactory.createMediaType()
                    .schema(type.startsWith("text/") ? file : file.format("binary")));
        }
        if (content.getMediaTypes() != null && !content.getMediaTypes().isEmpty()) {
            answer.setContent(content);
        }
    }

    private static String description(int status) {
        return switch (status) {
            case 200 -> "成功 / OK";
            case 201 -> "作成しました / Created";
            case 202 -> "受け付けました / Accepted";
            case 204 -> "成功（本文なし） / No Content";
            case 303 -> "転送 / See Other";
            default -> "成功 / " + status;
        };
    }

    /** The JSON body: the view, an array of them or a page of them. */
    private static Schema body(Answers answers, Components components, Map<String, Class<?>> known,
            Map<String, Class<?>> views) {
        Class<?> type = answers.value();
        if (Map.class.isAssignableFrom(type)) {
            Schema object = MergePatchOpenApi.schemaOf(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(Boolean.TRUE);
            return answers.list() ? array(object) : object;
        }
        if (!type.getName().startsWith("jp.machi.")) {
            Schema value = SchemaCompletion.schemaOf(type, components.getSchemas(), known, 0);
            return answers.list() ? array(value) : value;
        }
        String name = component(type, components, known, views);
        Schema ref = OASFactory.createSchema().ref(REF + name);
        if (answers.list()) {
            return array(ref);
        }
        if (!answers.page()) {
            return ref;
        }
        String page = name + "Page";
        if (!components.getSchemas().containsKey(page)) {
            components.addSchema(page, page(ref));
        }
        return OASFactory.createSchema().ref(REF + page);
    }

    private static Schema array(Schema items) {
        return MergePatchOpenApi.schemaOf(Schema.SchemaType.ARRAY).items(items);
    }

    /** {@link Page}'s members as JSON-B writes them (its {@code @JsonbPropertyOrder}). */
    static final List<String> PAGE_MEMBERS = List.of("items", "page", "size", "totalItems", "totalItemsExact",
            "totalPages");

    /** {@link Page}'s JSON: the items, the page asked for, its size and the totals. */
    static Schema page(Schema item) {
        Schema s = MergePatchOpenApi.schemaOf(Schema.SchemaType.OBJECT)
                .description("一覧の1ページ / One page of a list (totalItems is a lower bound when totalItemsExact is false)");
        for (String member : PAGE_MEMBERS) {
            s.addProperty(member, switch (member) {
                case "items" -> array(item);
                case "page", "size" -> MergePatchOpenApi.schemaOf(Schema.SchemaType.INTEGER).format("int32");
                case "totalItemsExact" -> MergePatchOpenApi.schemaOf(Schema.SchemaType.BOOLEAN);
                default -> MergePatchOpenApi.schemaOf(Schema.SchemaType.INTEGER).format("int64");
            });
        }
        s.setRequired(PAGE_MEMBERS);
        return s;
    }

    /**
     * The component of a view: the scanner's when it wrote one for this class, else one written here
     * under its name, or, when another class has that name, under its enclosing classes' names too
     * ({@code ProgramResource.CostView}) or its full name.
     */
    static String component(Class<?> type, Components components, Map<String, Class<?>> known,
            Map<String, Class<?>> views) {
        Map<String, Schema> schemas = components.getSchemas();
        String simple = SchemaCompletion.componentName(type);
        for (String name : List.of(simple, nested(type), type.getName().replace('$', '.'))) {
            if (known.get(name) == type && schemas.containsKey(name) || views.get(name) == type) {
                return name;
            }
            if (!schemas.containsKey(name) && !views.containsKey(name)) {
                components.addSchema(name, OASFactory.createSchema());
                views.put(name, type);
                return name;
            }
        }
        throw new IllegalStateException("no component name free for " + type.getName());
    }

    private static String nested(Class<?> type) {
        String name = SchemaCompletion.componentName(type);
        for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            name = c.getSimpleName() + "." + name;
        }
        return name;
    }
}
