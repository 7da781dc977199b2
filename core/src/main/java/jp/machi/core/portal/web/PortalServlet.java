package jp.machi.core.portal.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.LocalGovernmentCode;

/**
 * Serves the public portal's page shell for every {@code /p/{lgCode}/…} path of a registered
 * municipality ({@code /ui/portal/index.html}; the shell reads the code and the page from the
 * address and loads everything else as scripts), and a page in Japanese and English with 404 for a
 * malformed code (the same check digit rule as the API), an unknown municipality or a path outside
 * that pattern. {@code /p/{lgCode}} without the slash is redirected to it.
 *
 * <p>Every HTML answer carries a Content-Security-Policy that allows scripts, styles, images and
 * requests from this server only and no inline scripts or styles; the pages a module contributes
 * are ES modules under {@code /ui/<moduleId>/}, so they keep to it too.
 */
@WebServlet(name = "machi-portal", urlPatterns = "/p/*")
public class PortalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The portal's Content-Security-Policy: same origin only, no inline script or style, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String SHELL = "/ui/portal/index.html";
    static final String NOT_FOUND = "/ui/portal/not-found.html";

    /** {@code /{code}} with an optional page path below it; the page path: letters, digits, dashes and slashes. */
    private static final Pattern PATH = Pattern.compile("/([^/]{1,20})(/[A-Za-z0-9_\\-/]{0,200})?");

    @Inject
    transient MunicipalityService municipalities;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String info = request.getPathInfo();
        Matcher m = PATH.matcher(info == null ? "" : info);
        if (!m.matches() || !LocalGovernmentCode.isValid(m.group(1))
                || municipalities.find(LocalGovernmentCode.of(m.group(1)).value()).isEmpty()) {
            send(response, 404, NOT_FOUND);
            return;
        }
        if (m.group(2) == null) {
            response.setStatus(301);
            response.setHeader("Location", request.getContextPath() + "/p/" + m.group(1) + "/");
            return;
        }
        send(response, 200, SHELL);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        doGet(request, response);
    }

    private void send(HttpServletResponse response, int status, String resource) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = getServletContext().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the build");
            }
            in.transferTo(response.getOutputStream());
        }
    }
}
