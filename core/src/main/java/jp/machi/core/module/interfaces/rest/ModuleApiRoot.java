package jp.machi.core.module.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import jp.machi.core.api.Problems;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.ModuleRegistry.ModuleState;

/**
 * Base of each module's API root, {@code /api/v1/municipalities/{lgCode}/{moduleId}}: a module
 * extends it with its own {@code @Path} and lists the subclass among its descriptor's resources,
 * so the root answers 404 exactly when the module's other endpoints do.
 *
 * <p>A subclass re-declares {@link #root(String)} with {@code @GET} and {@code @Operation} (calling
 * {@code super.root}): Payara's OpenAPI scanner reads only a class's own methods, so an inherited
 * root would serve requests but be missing from {@code /openapi}, and an {@code @Operation} on this
 * class, which has no {@code @Path}, makes the scanner fail the whole document.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ModuleApiRoot {

    @Inject
    ModuleRegistry registry;

    @Context
    HttpHeaders headers;

    private final String moduleId;

    protected ModuleApiRoot(String moduleId) {
        this.moduleId = moduleId;
    }

    /** What a client finds at a module's root: the module and the collections it serves here. */
    @JsonbPropertyOrder({"municipality", "module", "name", "version", "resources"})
    public record Root(String municipality, String module, String name, String version, List<String> resources) {
    }

    @GET
    public Root root(@PathParam("lgCode") String lgCode) {
        Locale l = Problems.locale(headers);
        ModuleState s = registry.find(moduleId).orElseThrow();
        return new Root(lgCode, moduleId, s.descriptor().name().in(l), s.descriptor().version(), collections());
    }

    /** Relative paths of the collections this module serves under its root. */
    protected List<String> collections() {
        return List.of();
    }
}
