package jp.machi.collaboration.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.interfaces.rest.ModuleApiRoot;
import jp.machi.collaboration.CollaborationModule;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/collaboration}: the module's API root. */
@Path("municipalities/{lgCode}/collaboration")
@RequestScoped
@Tag(name = "collaboration", description = "市民協働 / Citizen collaboration")
public class CollaborationApi extends ModuleApiRoot {

    public CollaborationApi() {
        super(CollaborationModule.ID);
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The collaboration module's API root for this municipality (404 while the module is not enabled)")
    @Answers(Root.class)
    public Root root(@PathParam("lgCode") String lgCode) {
        return describe(lgCode);
    }
}
