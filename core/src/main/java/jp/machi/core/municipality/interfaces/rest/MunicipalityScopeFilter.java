package jp.machi.core.municipality.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.LocalGovernmentCodes;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.api.Problems;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.persistence.CurrentMunicipality;
import jp.machi.core.persistence.StampedMemo;
import jp.machi.core.persistence.TransactionMemo;

/**
 * Runs before every resource method: a request whose path names a municipality ({@code {lgCode}})
 * gets that code validated (400), the municipality found (404) and bound as the request's tenant;
 * a request to a module's resource is refused with 404 while the module is not started in this
 * deployment or not enabled for that municipality.
 *
 * <p>The tenant rule of access: a signed-in caller who does not belong to that municipality gets
 * exactly the 404 of a municipality that does not exist, so nobody learns which other
 * municipalities use this deployment. It runs after the caller was found to be signed in (401
 * first) and before the role is checked (403), see {@code identity.access}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class MunicipalityScopeFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Inject
    MunicipalityService municipalities;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    ModuleRegistry modules;

    @Inject
    CurrentMunicipality current;

    private static final String EXISTS = MunicipalityScopeFilter.class.getName() + ".exists";
    private static final String MODULES = MunicipalityScopeFilter.class.getName() + ".modules";

    @Inject
    StampedMemo memo;

    @Override
    public void filter(ContainerRequestContext ctx) {
        try {
            String lgCode = ctx.getUriInfo().getPathParameters().getFirst("lgCode");
            String code = lgCode == null ? null : LocalGovernmentCodes.parse(lgCode).value();
            if (code != null) {
                Optional<Caller> caller = CallerContext.current();
                if (caller.isPresent() && !caller.get().belongsTo(code)) {
                    throw ApiException.notFound("municipality.notFound", code);
                }
                if (!Boolean.TRUE.equals(memo.get(code, new TransactionMemo.Key<>(EXISTS, code),
                        () -> municipalities.find(code).isPresent()))) {
                    throw ApiException.notFound("municipality.notFound", code);
                }
                current.set(code);
            }
            Optional<String> owner = resource.getResourceClass() == null ? Optional.empty()
                    : modules.ownerOf(resource.getResourceClass());
            if (owner.isPresent()) {
                String moduleId = owner.get();
                if (!modules.isStarted(moduleId)) {
                    throw ApiException.notFound("module.notStarted", moduleId);
                }
                if (code != null && !enabled(code, moduleId)) {
                    throw new ApiException(404, "module-not-enabled", "module.notEnabled", moduleId, lgCode);
                }
            }
        } catch (ApiException e) {
            ctx.abortWith(Problems.response(headers, e));
        }
    }

    /** Whether the module is on, remembered while the municipality's data is unchanged ({@link StampedMemo}). */
    private boolean enabled(String code, String moduleId) {
        java.util.Map<String, Boolean> modules = memo.get(code, new TransactionMemo.Key<>(MODULES, code),
                () -> enablement.enablement(code));
        return Boolean.TRUE.equals(modules.get(moduleId));
    }
}
