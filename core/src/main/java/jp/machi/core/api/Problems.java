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
        return response(locale, e.status(), e.type(), title(locale, e.status(), e.type(), e.detailKey()),
                Messages.get(locale, e.detailKey(), e.args()), errors);
    }

    public static Response response(Locale locale, int status, String type, String detail, List<Problem.FieldError> errors) {
        return response(locale, status, type, title(locale, status, type, null), detail, errors);
    }

    /**
     * The problem type's title: core's {@code problem.<type>.title}; for a type a module defines, the
     * module's {@code <moduleId>.problem.<type>.title} (the module is the prefix of the detail key);
     * otherwise the status's generic title.
     */
    static String title(Locale locale, int status, String type, String detailKey) {
        String key = "problem." + type + ".title";
        String title = Messages.get(locale, key);
        if (!title.equals(key)) {
            return title;
        }
        int dot = detailKey == null ? -1 : detailKey.indexOf('.');
        if (dot > 0) {
            String moduleKey = detailKey.substring(0, dot) + "." + key;
            String moduleTitle = Messages.get(locale, moduleKey);
            if (!moduleTitle.equals(moduleKey)) {
                return moduleTitle;
            }
        }
        return Messages.get(locale, "problem.status." + status);
    }

    private static Response response(Locale locale, int status, String type, String title, String detail,
            List<Problem.FieldError> errors) {
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
        return response(locale, status, type, title(locale, status, type, detailKey),
                Messages.get(locale, detailKey, args), List.of());
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
