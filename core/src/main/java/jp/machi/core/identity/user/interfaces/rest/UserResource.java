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
import java.util.List;
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
import jp.machi.core.identity.user.interfaces.rest.UserDtos.ModuleRoleGrant;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.NewUser;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.PasswordChange;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.UserChange;
import jp.machi.core.identity.user.interfaces.rest.UserDtos.UserView;
import jp.machi.core.organization.application.OrganizationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/users}: the municipality's accounts, kept by its
 * administrators (or a platform administrator). Roles up to municipality administrator; platform
 * administrators are made at {@code /api/v1/platform-admins} only.
 */
@Path("municipalities/{lgCode}/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "利用者 / users")
@Access(minimum = Role.MUNICIPALITY_ADMIN)
public class UserResource {

    @Inject
    UserAccountService accounts;

    @Inject
    OrganizationService organization;

    @Inject
    jp.machi.core.module.ModuleRegistry modules;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    @PathParam("lgCode")
    String lgCode;

    @GET
    @Transactional
    @Operation(summary = "The municipality's users (?sort= login, displayName, role, createdAt; paged in the database)")
    @Answers(value = UserView.class, page = true)
    public Page<UserView> list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return accounts.list(lgCode, UserAccountService.SORT.parse(sort)).page(paging).map(UserView::of);
    }

    @POST
    @Transactional
    @Operation(summary = "Create a user with a first password (role VIEWER, STAFF or MUNICIPALITY_ADMIN)")
    @Answers(value = UserView.class, status = 201)
    public Response create(@Valid NewUser body) {
        Bodies.require(body);
        Role role = grantable(body.role);
        checkUnit(body.unitId);
        UserAccount u = accounts.create(new NewAccount(body.login, body.displayName.strip(),
                UserDtos.blankToNull(body.email), role, lgCode, body.unitId, body.password));
        return Response.created(uri.getAbsolutePathBuilder().path(u.getId().toString()).build())
                .tag(Versions.tag(u.getVersion())).entity(UserView.of(u)).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One user")
    @Answers(UserView.class)
    public Response get(@PathParam("id") UUID id) {
        UserAccount u = accounts.require(lgCode, id);
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a user's name, e-mail, role, unit, or deactivate them (If-Match required)")
    @Answers(UserView.class)
    public Response update(@PathParam("id") UUID id, @Valid UserChange body) {
        Bodies.require(body);
        UserAccount u = accounts.require(lgCode, id);
        Versions.requireMatch(request, headers, u.getVersion());
        Role role = grantable(body.role);
        checkUnit(body.unitId);
        if (PasswordChanges.isSelf(caller(), id) && (role != u.getRole() || !body.active)) {
            throw ApiException.conflict("own-account", "user.ownRoleOrActive");
        }
        u.describe(body.displayName.strip(), UserDtos.blankToNull(body.email), body.unitId);
        u.assign(role);
        u.activate(body.active);
        accounts.flush();
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @POST
    @Path("{id}/password")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "Set a password: one's own (with currentPassword), or anyone's as municipality administrator")
    @Answers(UserView.class)
    public Response password(@PathParam("id") UUID id, PasswordChange body) {
        Caller caller = PasswordChanges.mayChange(id, Role.MUNICIPALITY_ADMIN);
        UserAccount u = accounts.require(lgCode, id);
        PasswordChanges.apply(accounts, u, caller, body, servletRequest);
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @PUT
    @Path("{id}/module-roles")
    @Transactional
    @Operation(summary = "Grant a user the module roles listed (planning.evaluator …), revoking the others (If-Match required)")
    @Answers(UserView.class)
    public Response moduleRoles(@PathParam("id") UUID id, @Valid ModuleRoleGrant body) {
        Bodies.require(body);
        UserAccount u = accounts.require(lgCode, id);
        Versions.requireMatch(request, headers, u.getVersion());
        java.util.Set<String> declared = new java.util.HashSet<>();
        modules.modules().forEach(m -> m.descriptor().roles().forEach(r -> declared.add(r.name())));
        List<ApiException.FieldErrorKey> errors = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (int i = 0; i < body.moduleRoles.size(); i++) {
            String name = body.moduleRoles.get(i) == null ? "" : body.moduleRoles.get(i).strip();
            if (!declared.contains(name)) {
                errors.add(new ApiException.FieldErrorKey("moduleRoles[" + i + "]", "user.moduleRole.unknown", name));
            }
            names.add(name);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        u.grantModuleRoles(names);
        accounts.flush();
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @POST
    @Path("{id}/unlock")
    @Transactional
    @Operation(summary = "End a lock-out after too many wrong passwords")
    @Answers(UserView.class)
    public Response unlock(@PathParam("id") UUID id) {
        UserAccount u = accounts.require(lgCode, id);
        u.unlock();
        accounts.flush();
        return Response.ok(UserView.of(u)).tag(Versions.tag(u.getVersion())).build();
    }

    private static Caller caller() {
        return CallerContext.current().orElseThrow();
    }

    /** A role of this municipality, and not above the caller's own (403). */
    private static Role grantable(String text) {
        Role role = UserDtos.municipalRole(text);
        if (!caller().has(role)) {
            throw new ApiException(403, "role-exceeds-issuer", "user.role.exceedsOwn", role.label(), caller().role().label());
        }
        return role;
    }

    private void checkUnit(UUID unitId) {
        if (unitId != null && organization.find(unitId).isEmpty()) {
            throw new ApiException(400, "invalid-reference", List.of(new ApiException.FieldErrorKey("unitId",
                    "organization.reference.notFound", unitId)), "organization.reference.detail");
        }
    }
}
