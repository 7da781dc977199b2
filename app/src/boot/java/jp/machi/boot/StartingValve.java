package jp.machi.boot;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Payara Micro's error report for the virtual server (set by machi.jar's post-boot command
 * {@code errorReportValve}): while Machi is deploying (its database migrations run then), the
 * server's default web module answers every path; instead of Payara's HTML 404 page, this answers
 * 503 with {@code Retry-After} and a problem document (or, for a browser asking for HTML, a short
 * page of Machi's own), Japanese unless English is preferred. Once Machi is deployed at "/" it
 * answers its own errors ({@code ErrorPageServlet}) and this valve only replaces the HTML report of
 * Payara's own endpoints (a problem document with their status). Lives in the server's class path
 * (MICRO-INF/lib/machi-boot.jar), not in the WAR: it must work before the WAR is there. Needs
 * nothing but the Servlet API and Catalina's valve.
 */
public class StartingValve extends ErrorReportValve {

    static final String RETRY_AFTER_SECONDS = "10";

    @Override
    protected void report(Request request, Response response, Throwable throwable) throws IOException {
        // Catalina's response is itself the HttpServletResponse the report is written to (as the super class does).
        if (!(response instanceof HttpServletResponse res) || !(request.getRequest() instanceof HttpServletRequest req)) {
            super.report(request, response, throwable);
            return;
        }
        int status = res.getStatus();
        if (status < 400 || response.getContentCount() > 0 || res.isCommitted()) {
            return;
        }
        // Machi's own context answers its errors itself (ErrorPageServlet writes a body), so what reaches
        // here is the default web module while machi.war is deploying, or a 5xx nobody wrote a body for:
        // both mean "starting". Payara's own endpoints keep their status, with a problem document.
        String uri = req.getRequestURI() == null ? "/" : req.getRequestURI();
        boolean payaraOwn = uri.startsWith("/health") || uri.startsWith("/openapi") || uri.startsWith("/metrics");
        boolean starting = !payaraOwn || status >= 500;
        boolean en = english(req.getHeader("Accept-Language"));
        String title;
        String detail;
        String type;
        if (starting) {
            status = 503;
            type = "starting";
            title = en ? "Starting" : "起動中です";
            detail = en ? "Machi is starting. Please try again in a moment."
                    : "まち（Machi）は起動中です。しばらくしてからもう一度お試しください。";
            res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        } else if (status >= 500) {
            type = "server-error";
            title = en ? "Server error" : "サーバーエラー";
            detail = en ? "The server could not answer the request. Please try again later."
                    : "サーバーがリクエストに応答できませんでした。時間をおいてもう一度お試しください。";
        } else if (status == 404) {
            type = "not-found";
            title = en ? "Not found" : "見つかりません";
            detail = en ? "There is nothing at this address." : "このアドレスには何もありません。";
        } else {
            type = "client-error";
            title = en ? "Bad request" : "リクエストが正しくありません";
            detail = en ? "The server could not accept the request." : "サーバーはこのリクエストを受け付けられませんでした。";
        }
        res.setStatus(status);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setHeader("Content-Language", en ? "en" : "ja");
        res.setHeader("Vary", "Accept-Language");
        res.setHeader("Cache-Control", "no-store");
        String accept = req.getHeader("Accept");
        String path = req.getRequestURI();
        String body;
        if (accept != null && accept.contains("text/html") && (path == null || !path.startsWith("/api/"))) {
            res.setContentType("text/html;charset=UTF-8");
            body = "<!DOCTYPE html><html lang=\"" + (en ? "en" : "ja") + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + (starting ? "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">" : "")
                    + "<title>" + title + " (" + status + ") – Machi</title></head><body><main><h1>" + title
                    + "</h1><p>" + detail + "</p></main></body></html>";
        } else {
            res.setContentType("application/problem+json;charset=UTF-8");
            body = "{\"type\":\"https://machi.jp/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}";
        }
        java.io.PrintWriter writer = response.getReporter();
        if (writer != null) {
            writer.write(body);
            writer.flush();
        }
    }

    /** English when the first language the caller names is English (Machi's rule, without its bundles). */
    static boolean english(String acceptLanguage) {
        if (acceptLanguage == null) {
            return false;
        }
        for (String part : acceptLanguage.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (tag.startsWith("ja")) {
                return false;
            }
            if (tag.startsWith("en")) {
                return true;
            }
        }
        return false;
    }
}
