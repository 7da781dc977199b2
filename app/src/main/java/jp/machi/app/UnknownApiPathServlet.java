package jp.machi.app;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import jp.machi.core.api.Problem;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.Messages;

/**
 * Everything under {@code /api/} that is not the JAX-RS application ({@code /api/v1/*}, the more
 * specific mapping, wins), such as {@code /api/v2/modules}: a 404 problem document like the API's
 * own, instead of the server's HTML error page.
 */
@WebServlet(urlPatterns = "/api/*")
public class UnknownApiPathServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Without Accept-Language the servlet API would offer the server's locale; Machi's default is Japanese.
        Locale locale = request.getHeader("Accept-Language") == null ? Languages.JAPANESE
                : Languages.choose(Collections.list(request.getLocales()));
        Problem problem = new Problem(Problem.TYPE_PREFIX + "not-found", Messages.get(locale, "problem.not-found.title"),
                404, Messages.get(locale, "problem.noSuchResource.detail"), null, null);
        response.setStatus(404);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        response.setHeader("Vary", "Accept-Language");
        response.getWriter().write(JSON.toJson(problem));
    }
}
