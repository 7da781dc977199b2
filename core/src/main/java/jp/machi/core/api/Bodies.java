package jp.machi.core.api;

import java.util.List;

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
}
