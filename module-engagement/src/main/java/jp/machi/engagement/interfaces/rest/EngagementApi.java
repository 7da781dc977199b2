package jp.machi.engagement.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.interfaces.rest.ModuleApiRoot;
import jp.machi.engagement.EngagementModule;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/engagement}: the module's API root. */
@Path("municipalities/{lgCode}/engagement")
@RequestScoped
@Tag(name = "engagement", description = "広聴 / Public hearing")
public class EngagementApi extends ModuleApiRoot {

    public EngagementApi() {
        super(EngagementModule.ID);
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The engagement module's API root for this municipality (404 while the module is not enabled)")
    @Answers(Root.class)
    public Root root(@PathParam("lgCode") String lgCode) {
        return describe(lgCode);
    }
}
