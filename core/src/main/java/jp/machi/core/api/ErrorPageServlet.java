package jp.machi.core.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.Messages;

/**
 * What the servlet container answers itself (a request it could not read, such as an empty
 * {@code Content-Type:} header, a path no servlet serves, an exception that escaped everything) goes
 * here through the error pages of core's {@code META-INF/web-fragment.xml}, instead of the server's
 * HTML error report: a problem document in the caller's language (Japanese unless English is
 * preferred) for the API and every non-browser client, and a short page of Machi's own for a browser
 * asking for HTML outside {@code /api/}. It shows no server name, class or stack trace.
 */
@WebServlet(name = "MachiErrorPage", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    public static final String PATH = "/_machi/error";

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 404; // called directly: nothing here
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : req.getRequestURI();
        Throwable failure = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Locale locale = locale(req);
        String type;
        String detail;
        switch (status) {
            case 400 -> {
                type = "bad-request";
                detail = Messages.get(locale, "problem.badRequest.detail");
            }
            case 404 -> {
                type = "not-found";
                detail = Messages.get(locale, "problem.noSuchResource.detail");
            }
            case 405 -> {
                type = "method-not-allowed";
                detail = Messages.get(locale, "problem.methodNotAllowed.detail");
            }
            case 413 -> {
                type = "payload-too-large";
                detail = Messages.get(locale, "problem.status.413");
            }
            case 414 -> {
                type = "uri-too-long";
                detail = Messages.get(locale, "problem.uriTooLong.detail", String.format(Locale.ROOT, "%,d", RequestSizeLimits.MAX_TARGET));
            }
            case 431 -> {
                type = "request-header-fields-too-large";
                detail = Messages.get(locale, "problem.headersTooLarge.detail",
                        String.format(Locale.ROOT, "%,d", RequestSizeLimits.MAX_HEADERS));
            }
            case 503 -> {
                type = "unavailable";
                detail = Messages.get(locale, "problem.unavailable.detail");
                resp.setHeader("Retry-After", "10");
            }
            case 415 -> {
                type = "unsupported-media-type";
                detail = Messages.get(locale, "problem.unsupportedMediaType.detail");
            }
            case 500 -> {
                type = "internal-error";
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Unexpected failure answered by the container, incident " + incident, failure);
                detail = Messages.get(locale, "problem.internal.detail", incident);
            }
            default -> {
                type = status >= 500 ? "server-error" : "client-error";
                detail = Messages.get(locale, "problem.status." + status);
            }
        }
        String title = Problems.title(locale, status, type, null);
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Content-Language", locale.getLanguage());
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("Cache-Control", "no-store");
        if (wantsPage(req, path)) {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write(page(locale, status, title, detail));
        } else {
            resp.setContentType(Problem.MEDIA_TYPE);
            Problem problem = new Problem(Problem.TYPE_PREFIX + type, title, status, detail, null, null);
            resp.getWriter().write(new JsonbSettings().getContext(Problem.class).toJson(problem));
        }
    }

    private static Locale locale(HttpServletRequest req) {
        if (req.getHeader("Accept-Language") == null) {
            return Languages.JAPANESE; // the container would offer its own default locale
        }
        try {
            return Languages.choose(Collections.list(req.getLocales()));
        } catch (RuntimeException malformedHeader) {
            return Languages.JAPANESE;
        }
    }

    /** A browser asking for a page outside the API (the console, the portal). */
    private static boolean wantsPage(HttpServletRequest req, String path) {
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("text/html") && (path == null || !path.startsWith("/api/"));
    }

    private static String page(Locale locale, int status, String title, String detail) {
        String home = "ja".equals(locale.getLanguage()) ? "トップへ戻る" : "Back to the start";
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " (" + status + ") – Machi</title></head><body><main><h1>" + escape(title) + "</h1><p>" + escape(detail)
                + "</p><p><a href=\"/\">" + home + "</a></p></main></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
