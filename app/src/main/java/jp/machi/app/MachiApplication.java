package jp.machi.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The one JAX-RS application: every resource of core and of the modules in this WAR, discovered
 * by scanning, under {@code /api/v1}.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "Machi API", version = "v1",
        description = "まち (Machi): 自治体の企画・広聴・協働・シティプロモーション業務のためのプラットフォーム。"
                + " Errors are RFC 9457 problem documents in Japanese or English (Accept-Language).",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class MachiApplication extends Application {

    /**
     * Jersey's generated WADL ({@code /api/v1/application.wadl}) is off: it would be one more
     * description of the API, outside the access rules; {@code /openapi} is the description.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
