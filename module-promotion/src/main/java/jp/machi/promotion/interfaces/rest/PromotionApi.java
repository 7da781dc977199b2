package jp.machi.promotion.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.interfaces.rest.ModuleApiRoot;
import jp.machi.promotion.PromotionModule;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/promotion}: the module's API root. */
@Path("municipalities/{lgCode}/promotion")
@RequestScoped
@Tag(name = "promotion", description = "シティプロモーション / City promotion")
public class PromotionApi extends ModuleApiRoot {

    public PromotionApi() {
        super(PromotionModule.ID);
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The promotion module's API root for this municipality (404 while the module is not enabled)")
    @Answers(Root.class)
    public Root root(@PathParam("lgCode") String lgCode) {
        return describe(lgCode);
    }
}
