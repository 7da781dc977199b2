package ${package}.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import ${package}.${className}Module;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.interfaces.rest.ModuleApiRoot;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/${moduleId}}: the module's API root (404 while it is not enabled). */
@Path("municipalities/{lgCode}/${moduleId}")
@RequestScoped
@Tag(name = "${moduleId}", description = "${nameJa} / ${nameEn}")
public class ${className}Api extends ModuleApiRoot {

    public ${className}Api() {
        super(${className}Module.ID);
    }

    @Override
    protected List<String> collections() {
        return List.of("items");
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The module's API root for this municipality (404 while the module is not enabled)")
    @Answers(Root.class)
    public Root root(@PathParam("lgCode") String lgCode) {
        return describe(lgCode);
    }
}
