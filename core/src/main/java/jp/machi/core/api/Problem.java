package jp.machi.core.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * RFC 9457 problem document ({@code application/problem+json}). {@code type} is a stable URI a
 * client can switch on; {@code title} and {@code detail} are in the caller's language;
 * {@code errors} lists the failing fields of a validation problem.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://machi.jp/problems/";

    /** One failing field: its JSON path (e.g. {@code targets[2].fiscalYear}) and what is wrong. */
    @JsonbPropertyOrder({"field", "message"})
    public record FieldError(String field, String message) {
    }
}
