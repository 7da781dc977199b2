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
