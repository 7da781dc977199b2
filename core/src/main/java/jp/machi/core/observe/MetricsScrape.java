package jp.machi.core.observe;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Before MicroProfile Metrics answers {@code /metrics}, the database gauges are read (at most every few seconds). */
@WebFilter(filterName = "machi-metrics-gauges", urlPatterns = {"/metrics", "/metrics/*"}, asyncSupported = true)
public class MetricsScrape extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MetricsScrape.class.getName());

    @Inject
    Observations observations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            observations.readGauges();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Application gauges not read", e);
        }
        chain.doFilter(request, response);
    }
}
