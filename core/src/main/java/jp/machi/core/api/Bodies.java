package jp.machi.core.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Request bodies. Resource methods take bodies as {@code @Valid T body} without {@code @NotNull},
 * and input DTOs are classes with constrained fields rather than records: Payara's OpenAPI scanner
 * (6.2025.10) treats every constrained method or constructor parameter as a {@code @PathParam} and
 * fails the whole document on anything else.
 */
public final class Bodies {

    private Bodies() {
    }

    /** The body, or a 400 problem saying one is needed. */
    public static <T> T require(T body) {
        if (body == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("body", "body.required")));
        }
        return body;
    }

    /**
     * A JSON body read only once the resource has found the record its path names, for a public
     * endpoint whose body JAX-RS would otherwise bind (and refuse for its shape) before the lookup:
     * {@code InputStream} in the method's signature, the schema named for {@code /openapi} with
     * {@code @RequestBody(content = @Content(schema = @Schema(implementation = T.class)))}. Read with the
     * API's JSON-B ({@link JsonbSettings}); the stream is UTF-8 already ({@link RequestLimitFilter}).
     * Malformed JSON or a wrong shape is the same 400 as a bound body's; no body is null.
     */
    public static <T> T read(java.io.InputStream body, Class<T> type) {
        if (body == null) {
            return null;
        }
        String text;
        try {
            text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            throw new jakarta.json.bind.JsonbException("unreadable body", unreadable);
        }
        if (text.isBlank()) {
            return null;
        }
        return JsonbSettings.jsonb().fromJson(text, type);
    }

    /**
     * The body, required and checked by Bean Validation, for resources that look up the record the
     * path names first (no {@code @Valid} on the parameter), so that another municipality's id answers
     * 404 whatever the body holds; violations become the same 400 problem as with {@code @Valid}.
     */
    public static <T> T valid(Validator validator, T body) {
        require(body);
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
