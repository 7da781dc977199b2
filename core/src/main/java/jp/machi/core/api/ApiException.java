package jp.machi.core.api;

import java.util.List;

/**
 * A refusal that reaches the caller as a problem document: an HTTP status, a stable problem type,
 * and message keys that are localized when the response is written.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String detailKey;
    private final transient Object[] args;
    private final transient List<FieldErrorKey> errors;

    /** A failing field whose message is a key with arguments, localized at the edge. */
    public record FieldErrorKey(String field, String key, Object... args) {
    }

    public ApiException(int status, String type, String detailKey, Object... args) {
        this(status, type, List.of(), detailKey, args);
    }

    public ApiException(int status, String type, List<FieldErrorKey> errors, String detailKey, Object... args) {
        super(type + ": " + detailKey);
        this.status = status;
        this.type = type;
        this.detailKey = detailKey;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detailKey, Object... args) {
        return new ApiException(404, "not-found", detailKey, args);
    }

    public static ApiException badRequest(String type, String detailKey, Object... args) {
        return new ApiException(400, type, detailKey, args);
    }

    public static ApiException invalid(List<FieldErrorKey> errors) {
        return new ApiException(400, "validation", errors, "problem.validation.detail");
    }

    public static ApiException conflict(String type, String detailKey, Object... args) {
        return new ApiException(409, type, detailKey, args);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldErrorKey> errors() {
        return errors;
    }
}
