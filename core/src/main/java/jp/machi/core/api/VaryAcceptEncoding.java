package jp.machi.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code Vary: Accept-Encoding} on every answer: machi.jar's listener compresses answers for clients
 * that accept gzip (README "Errors and bad input"), and a shared cache must then keep the compressed
 * and the plain copy apart. Grizzly compresses without saying so; on a server that does not compress
 * the header costs nothing.
 */
@WebFilter(filterName = "machi-vary-accept-encoding", urlPatterns = "/*", asyncSupported = true)
public class VaryAcceptEncoding extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.addHeader("Vary", "Accept-Encoding");
        chain.doFilter(request, response);
    }
}
