package jp.machi.itfixtures;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An endpoint whose author forgot its {@code @Access} rule: the deployment must refuse it to
 * everybody, platform administrators included (403 {@code no-access-rule}), instead of leaving it
 * open.
 */
@Path("fixture/forgotten-rule")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ForgottenRuleResource {

    @GET
    public String secret() {
        return "{\"secret\":\"nobody should read this\"}";
    }
}
