package jp.machi.core.identity.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import jp.machi.core.api.Problem;
import jp.machi.core.api.Problems;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.Messages;

/** Problem documents written by a servlet filter, before JAX-RS, in the same shape and languages. */
final class ServletProblems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletProblems() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
            String detailKey, Object... args) throws IOException {
        // Without Accept-Language the servlet API would offer the server's locale; Machi's default is Japanese.
        Locale locale = request.getHeader("Accept-Language") == null ? Languages.JAPANESE
                : Languages.choose(Collections.list(request.getLocales()));
        String title = Messages.get(locale, "problem." + type + ".title");
        if (title.startsWith("problem.")) {
            title = Messages.get(locale, "problem.status." + status);
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + type, title, status, Messages.get(locale, detailKey, args),
                null, null);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.setHeader("Vary", "Accept-Language");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", Problems.WWW_AUTHENTICATE + ", error=\"invalid_token\"");
        }
        response.getWriter().write(JSON.toJson(problem));
    }
}
