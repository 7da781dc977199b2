package jp.machi.core.identity.user.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.user.application.UserAccountService;
import jp.machi.core.identity.user.application.UserAccountService.NewAccount;
import jp.machi.core.identity.user.domain.UserAccount;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.NewPlatformAdmin;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.PasswordChange;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.PlatformAdminChange;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.UserView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/platform-admins}: the vendor's administrators, who belong to no municipality.
 * Only they manage each other; the last active one cannot be deactivated, nor can anyone
 * deactivate themselves.
 */
@Path("platform-admins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
@Access(minimum = Role.PLATFORM_ADMIN)
public class PlatformAdminResource {

    @Inject
    UserAccountService accounts;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Transactional
    @Operation(summary = "The platform administrators (?sort= login, displayName, role, createdAt; paged in the database)")
    @Answers(value = UserView.class, page = true)
    public Page<UserView> list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return accounts.list(null, UserAccountService.SORT.parse(sort)).page(paging).map(UserView::of);
    }

    @POST
    @Transactional
    @Operation(summary = "Create a platform administrator with a first password")
    @Answers(value = UserView.class, status = 201)
    public Response create(@Valid NewPlatformAdmin body) {
        Bodies.require(body);
        UserAccount u = accounts.create(new NewAccount(body.login, body.displayName.strip(),
                UserDtos.blankToNull(body.email), Role.PLATFORM_ADMIN, null, null, body.password));
        return Response.created(uri.getAbsolutePathBuilder().path(u.getId().toString()).build())
                .tag(Versions.tag(u.getVersion())).entity(UserView.of(u)).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One platform administrator")
    @Answers(UserView.class)
    public Response get(@PathParam("id") UUID id) {
        UserAccount u = accounts.require(null, id);
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a platform administrator's name or e-mail, or deactivate them (If-Match required)")
    @Answers(UserView.class)
    public Response update(@PathParam("id") UUID id, @Valid PlatformAdminChange body) {
        Bodies.require(body);
        UserAccount u = accounts.require(null, id);
        Versions.requireMatch(request, headers, u.getVersion());
        if (u.isActive() && !body.active) {
            if (PasswordChanges.isSelf(caller(), id)) {
                throw ApiException.conflict("own-account", "user.ownRoleOrActive");
            }
            if (accounts.activePlatformAdmins() <= 1) {
                throw ApiException.conflict("last-platform-admin", "user.lastPlatformAdmin");
            }
        }
        u.describe(body.displayName.strip(), UserDtos.blankToNull(body.email), null);
        u.activate(body.active);
        accounts.flush();
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @POST
    @Path("{id}/password")
    @Transactional
    @Operation(summary = "Set a platform administrator's password (one's own with currentPassword)")
    @Answers(UserView.class)
    public Response password(@PathParam("id") UUID id, PasswordChange body) {
        Caller caller = PasswordChanges.mayChange(id, Role.PLATFORM_ADMIN);
        UserAccount u = accounts.require(null, id);
        PasswordChanges.apply(accounts, u, caller, body, servletRequest);
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @POST
    @Path("{id}/unlock")
    @Transactional
    @Operation(summary = "End a platform administrator's lock-out")
    @Answers(UserView.class)
    public Response unlock(@PathParam("id") UUID id) {
        UserAccount u = accounts.require(null, id);
        u.unlock();
        accounts.flush();
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    private static Caller caller() {
        return CallerContext.current().orElseThrow();
    }
}
