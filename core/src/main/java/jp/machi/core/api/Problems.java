package jp.machi.core.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.Messages;

/** Builds problem responses in the caller's language. */
public final class Problems {

    /** The challenge of every 401: an API token or another bearer token (a browser signs in at /api/v1/session). */
    public static final String WWW_AUTHENTICATE = "Bearer realm=\"machi\"";

    private Problems() {
    }

    public static Locale locale(HttpHeaders headers) {
        try {
            return headers == null ? Languages.JAPANESE : Languages.choose(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Languages.JAPANESE;
        }
    }

    public static Response response(HttpHeaders headers, ApiException e) {
        Locale locale = locale(headers);
        List<Problem.FieldError> errors = e.errors().stream()
                .map(fe -> new Problem.FieldError(fe.field(), Messages.get(locale, fe.key(), fe.args())))
                .toList();
        return response(locale, e.status(), e.type(), Messages.get(locale, e.detailKey(), e.args()), errors);
    }

    public static Response response(Locale locale, int status, String type, String detail, List<Problem.FieldError> errors) {
        String title = Messages.get(locale, "problem." + type + ".title");
        if (title.startsWith("problem.")) {
            title = Messages.get(locale, "problem.status." + status);
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + type, title, status, detail, null,
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder r = Response.status(statusType(status)).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(problem);
        if (status == 401) {
            // RFC 9110: a 401 names the scheme that would work.
            r.header(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
        }
        return r.build();
    }

    public static Response response(HttpHeaders headers, int status, String type, String detailKey, Object... args) {
        Locale locale = locale(headers);
        return response(locale, status, type, Messages.get(locale, detailKey, args), List.of());
    }

    /** The status with its reason phrase; JAX-RS knows none for 428, which would go out as "CUSTOM". */
    private static Response.StatusType statusType(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known;
        }
        String phrase = status == 428 ? "Precondition Required" : status == 422 ? "Unprocessable Content" : "Error";
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
                return phrase;
            }
        };
    }
}
