package jp.machi.core.module.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.interfaces.rest.ModuleDtos.ModuleView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/modules}: the modules of this deployment and whether each one started. */
@Path("modules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "modules", description = "モジュール / modules")
public class ModulesResource {

    @Inject
    ModuleRegistry registry;

    @Context
    HttpHeaders headers;

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Operation(summary = "Every module with its status and, if not started, the reason")
    @Answers(value = ModuleView.class, list = true)
    public List<ModuleView> list() {
        Locale l = Problems.locale(headers);
        return registry.modules().stream().map(s -> ModuleView.of(s, l)).toList();
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{moduleId}")
    @Operation(summary = "One module's descriptor and status")
    @Answers(ModuleView.class)
    public ModuleView get(@PathParam("moduleId") String moduleId) {
        return registry.find(moduleId).map(s -> ModuleView.of(s, Problems.locale(headers)))
                .orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
    }
}
