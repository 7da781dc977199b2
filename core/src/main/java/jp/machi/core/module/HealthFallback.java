package jp.machi.core.module;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * {@code /health}, {@code /health/ready}, {@code /health/live} and {@code /health/started} on
 * servers whose MicroProfile Health does not answer at Machi's own address (GlassFish has none;
 * WildFly answers on its management port): the same JSON as MicroProfile Health
 * ({@code {"status":"UP","checks":[{"name":"machi-modules",…}]}}, 503 while not ready). Where the
 * server already serves {@code /health} in Machi's context or in one of its own (Payara), its
 * answer stays the one given: the more specific context or the earlier mapping wins.
 */
@WebListener
public class HealthFallback implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(HealthFallback.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        boolean taken = context.getServletRegistrations().values().stream()
                .flatMap(r -> r.getMappings().stream())
                .anyMatch(m -> m.equals("/health") || m.startsWith("/health/"));
        if (taken) {
            return;
        }
        ServletRegistration.Dynamic health = context.addServlet("machi-health", new HealthServlet());
        if (health != null) {
            health.addMapping("/health", "/health/*");
            LOG.fine("Machi answers /health itself");
        }
    }

    /** MicroProfile Health's format, by Machi. */
    static final class HealthServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            if (!path.isEmpty() && !path.equals("/") && !path.equals("/ready") && !path.equals("/live")
                    && !path.equals("/started")) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            boolean live = path.equals("/live");
            JsonObjectBuilder check = Json.createObjectBuilder();
            boolean up;
            if (live) {
                up = true;
                check.add("name", "machi-live").add("status", "UP");
            } else {
                ModuleRegistry registry = CDI.current().select(ModuleRegistry.class).get();
                up = registry.isReady();
                JsonObjectBuilder data = Json.createObjectBuilder()
                        .add("started", String.join(",", registry.started().stream().map(ModuleRegistry.ModuleState::id).toList()));
                registry.failure().ifPresent(f -> data.add("failure", f));
                check.add("name", "machi-modules").add("status", up ? "UP" : "DOWN").add("data", data);
            }
            String body = Json.createObjectBuilder()
                    .add("status", up ? "UP" : "DOWN")
                    .add("checks", Json.createArrayBuilder().add(check))
                    .build().toString();
            response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(body);
        }
    }
}
