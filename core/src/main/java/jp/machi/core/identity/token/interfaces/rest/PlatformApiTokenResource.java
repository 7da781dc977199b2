package jp.machi.core.identity.token.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.token.application.ApiTokenService;
import jp.machi.core.identity.token.interfaces.rest.TokenDtos.IssuedTokenView;
import jp.machi.core.identity.token.interfaces.rest.TokenDtos.NewToken;
import jp.machi.core.identity.token.interfaces.rest.TokenDtos.TokenView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/api-tokens}: platform tokens, which act as a platform administrator across
 * municipalities (the vendor's automation). Only platform administrators issue them.
 */
@Path("api-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "api-tokens")
@Access(minimum = Role.PLATFORM_ADMIN)
public class PlatformApiTokenResource {

    @Inject
    ApiTokenService tokens;

    @Context
    UriInfo uri;

    @GET
    @Transactional
    @Operation(summary = "The platform tokens, revoked ones included (never their secrets; ?sort= createdAt, name,"
            + " role; paged in the database)")
    @Answers(value = TokenView.class, page = true)
    public Page<TokenView> list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return tokens.list(null, ApiTokenService.SORT.parse(sort)).page(paging).map(TokenView::of);
    }

    @POST
    @Transactional
    @Operation(summary = "Issue a platform token {name, expiresAt?}: the secret is shown in this answer only")
    @Answers(value = IssuedTokenView.class, status = 201)
    public Response issue(@Valid NewToken body) {
        Bodies.require(body);
        if (body.role != null && !body.role.isBlank() && !Role.PLATFORM_ADMIN.name().equals(body.role.strip())) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("role", "token.role.platformOnly")));
        }
        var issued = tokens.issue(null, Role.PLATFORM_ADMIN, body.name.strip(), TokenDtos.expiry(body.expiresAt),
                CallerContext.current().orElseThrow());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.token().getId().toString()).build())
                .header("Cache-Control", "no-store")
                .entity(IssuedTokenView.of(issued.token(), issued.secret())).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One token (never its secret)")
    @Answers(TokenView.class)
    public TokenView get(@PathParam("id") UUID id) {
        return TokenView.of(tokens.require(null, id));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revoke a platform token")
    @Answers(status = 204)
    public Response revoke(@PathParam("id") UUID id) {
        tokens.revoke(null, id);
        return Response.noContent().build();
    }
}
