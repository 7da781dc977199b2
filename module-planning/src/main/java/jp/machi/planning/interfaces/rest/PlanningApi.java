package jp.machi.planning.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.interfaces.rest.ModuleApiRoot;
import jp.machi.planning.PlanningModule;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/planning}: the module's API root. */
@Path("municipalities/{lgCode}/planning")
@RequestScoped
@Tag(name = "planning", description = "行政計画・評価 / Planning and evaluation")
public class PlanningApi extends ModuleApiRoot {

    public PlanningApi() {
        super(PlanningModule.ID);
    }

    @Override
    protected java.util.List<String> collections() {
        return java.util.List.of("programs", "plans");
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The planning module's API root for this municipality (404 while the module is not enabled)")
    @Answers(Root.class)
    public Root root(@PathParam("lgCode") String lgCode) {
        return describe(lgCode);
    }
}
