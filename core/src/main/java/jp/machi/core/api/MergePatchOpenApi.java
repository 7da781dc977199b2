package jp.machi.core.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * {@code /openapi} documents the {@link MergePatch} of every PUT (but those with
 * {@code x-merge-patch: false}): a PATCH operation beside it, taking
 * {@code application/merge-patch+json} in the PUT body's schema, with the
 * PUT's parameters and answers and a required {@code If-Match}. Configured as {@code mp.openapi.filter}.
 */
public class MergePatchOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SchemaCompletion.complete(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> e : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = e.getValue();
            Operation put = item.getPUT();
            if (put == null || item.getPATCH() != null || off(put)) {
                continue;
            }
            item.setPATCH(patch(put));
        }
        uniqueOperationIds(openAPI);
    }

    /**
     * Payara names an operation after its Java method, so {@code list} and {@code get} stand for dozens of
     * operations, and a generated client cannot tell them apart (an operationId must be unique). Every id used
     * more than once becomes the method and the path in words, e.g. {@code getMunicipalitiesByLgCodeIndicatorsById}:
     * unique, since a path and a method are, and the same from build to build.
     */
    static void uniqueOperationIds(OpenAPI openAPI) {
        Map<String, Integer> uses = new java.util.HashMap<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getOperationId() != null) {
                uses.merge(op.getOperationId(), 1, Integer::sum);
            }
        }));
        for (Map.Entry<String, PathItem> e : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> o : e.getValue().getOperations().entrySet()) {
                Operation op = o.getValue();
                if (op.getOperationId() == null || uses.get(op.getOperationId()) > 1) {
                    op.setOperationId(operationId(o.getKey().name(), e.getKey()));
                }
            }
        }
    }

    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(java.util.Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.equals("v1")) {
                continue;
            }
            boolean parameter = segment.startsWith("{") && segment.endsWith("}");
            if (parameter) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static boolean off(Operation put) {
        return put.getExtensions() != null && "false".equals(String.valueOf(put.getExtensions().get(MergePatch.OFF)));
    }

    private static Operation patch(Operation put) {
        Operation patch = OASFactory.createOperation();
        String summary = put.getSummary() == null ? "" : put.getSummary();
        patch.setSummary("Change only the members sent (JSON Merge Patch, RFC 7396; If-Match required). As PUT: " + summary);
        patch.setDescription("The members sent replace those of the record, objects merge, arrays replace, null removes"
                + " an optional member; members left out stay as they are. The result is what the PUT would do with"
                + " the merged body (same validation, 428 without If-Match, 412 stale). Content-Type: "
                + MergePatch.MEDIA_TYPE + " (else 415); a patch that is not a JSON object is 400.");
        if (put.getOperationId() != null) {
            patch.setOperationId(put.getOperationId() + "MergePatch");
        }
        patch.setTags(put.getTags());
        patch.setSecurity(put.getSecurity());
        if (put.getParameters() != null) {
            for (Parameter p : put.getParameters()) {
                patch.addParameter(p);
            }
        }
        patch.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(true)
                .description("The ETag of the representation the patch was made from")
                .schema(schemaOf(Schema.SchemaType.STRING)));
        Schema schema = null;
        if (put.getRequestBody() != null && put.getRequestBody().getContent() != null
                && put.getRequestBody().getContent().getMediaTypes() != null) {
            for (MediaType m : put.getRequestBody().getContent().getMediaTypes().values()) {
                if (m.getSchema() != null) {
                    schema = m.getSchema();
                    break;
                }
            }
        }
        MediaType media = OASFactory.createMediaType();
        media.setSchema(schema == null ? schemaOf(Schema.SchemaType.OBJECT) : schema);
        Content content = OASFactory.createContent();
        content.addMediaType(MergePatch.MEDIA_TYPE, media);
        patch.setRequestBody(OASFactory.createRequestBody().required(true).content(content));
        patch.setResponses(put.getResponses());
        return patch;
    }

    /**
     * A schema of one type under MicroProfile OpenAPI 3 ({@code type(SchemaType)}: Payara) and 4
     * ({@code type(List<SchemaType>)}: WildFly 38), so that the same WAR's description builds on both.
     */
    static Schema schemaOf(Schema.SchemaType type) {
        Schema schema = OASFactory.createSchema();
        try {
            return schema.type(type);
        } catch (NoSuchMethodError openApi4) {
            try {
                Schema.class.getMethod("type", java.util.List.class).invoke(schema, java.util.List.of(type));
                return schema;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("MicroProfile OpenAPI offers no Schema.type setter Machi knows", e);
            }
        }
    }
}
