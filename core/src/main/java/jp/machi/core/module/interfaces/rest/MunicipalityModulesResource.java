package jp.machi.core.module.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jakarta.ws.rs.core.Response;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.ModuleDependency;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.ModuleRegistry.ModuleState;
import jp.machi.core.module.interfaces.rest.ModuleDtos.EnabledSwitch;
import jp.machi.core.module.interfaces.rest.ModuleDtos.MunicipalityModuleView;
import jp.machi.core.municipality.application.ModuleEnablementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/modules}: which modules a municipality uses. A module
 * can be switched on only when it runs in this deployment and the modules it requires are on for
 * the same municipality; one that others rely on cannot be switched off under them.
 */
@Path("municipalities/{lgCode}/modules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "modules")
public class MunicipalityModulesResource {

    @Inject
    ModuleRegistry registry;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    jp.machi.core.module.ModuleSettings settings;

    @Context
    jakarta.ws.rs.core.Request request;

    @Context
    HttpHeaders headers;

    @PathParam("lgCode")
    String lgCode;

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "Each module of the deployment and whether this municipality has it enabled")
    @Answers(value = MunicipalityModuleView.class, list = true)
    public List<MunicipalityModuleView> list() {
        Locale l = Problems.locale(headers);
        Map<String, Boolean> on = enablement.enablement(lgCode);
        return registry.modules().stream()
                .map(s -> MunicipalityModuleView.of(s, on.getOrDefault(s.id(), false), l)).toList();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{moduleId}")
    @Operation(summary = "One module for this municipality")
    @Answers(MunicipalityModuleView.class)
    public MunicipalityModuleView get(@PathParam("moduleId") String moduleId) {
        ModuleState s = registry.find(moduleId).orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
        return MunicipalityModuleView.of(s, enablement.isEnabled(lgCode, moduleId), Problems.locale(headers));
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{moduleId}/settings")
    @Transactional
    @Operation(summary = "The module's settings for this municipality: its own values, or the declared defaults")
    @Answers(ModuleDtos.ModuleSettingsView.class)
    public Response settings(@PathParam("moduleId") String moduleId) {
        registry.find(moduleId).orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
        return Response.ok(ModuleDtos.ModuleSettingsView.of(moduleId, settings.all(lgCode, moduleId),
                Problems.locale(headers))).tag(Versions.tag(settings.version(lgCode, moduleId))).build();
    }

    /**
     * The settings as their PUT takes them, for a merge patch: the municipality's own values only (the
     * GET shows each setting with its default); {@code "values": {"key": null}} goes back to the default.
     */
    @jp.machi.core.api.MergePatch.Base("{moduleId}/settings")
    @Transactional
    public ModuleDtos.SettingsChange currentSettings(@PathParam("moduleId") String moduleId) {
        registry.find(moduleId).orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
        return ModuleDtos.SettingsChange.of(settings.all(lgCode, moduleId));
    }

    @PUT
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Path("{moduleId}/settings")
    @Transactional
    @Operation(summary = "Set the module's settings for this municipality; keys left out or null go back to their defaults (If-Match required)")
    @Answers(ModuleDtos.ModuleSettingsView.class)
    public Response changeSettings(@PathParam("moduleId") String moduleId, @Valid ModuleDtos.SettingsChange body) {
        Bodies.require(body);
        registry.find(moduleId).orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
        Versions.requireMatch(request, headers, settings.version(lgCode, moduleId));
        settings.replace(lgCode, moduleId, body.values);
        return Response.ok(ModuleDtos.ModuleSettingsView.of(moduleId, settings.all(lgCode, moduleId),
                Problems.locale(headers))).tag(Versions.tag(settings.version(lgCode, moduleId))).build();
    }

    @PUT
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Path("{moduleId}")
    @Transactional
    @Operation(summary = "Switch a module on or off for this municipality; its data stays (one flag: no PATCH)")
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = jp.machi.core.api.MergePatch.OFF, value = "false")
    @Answers(MunicipalityModuleView.class)
    public MunicipalityModuleView set(@PathParam("moduleId") String moduleId, @Valid EnabledSwitch body) {
        Bodies.require(body);
        ModuleState s = registry.find(moduleId).orElseThrow(() -> ApiException.notFound("module.unknown", moduleId));
        Map<String, Boolean> on = enablement.enablement(lgCode);
        if (body.enabled) {
            if (!s.started()) {
                throw ApiException.conflict("module-not-started", "module.enable.notStarted", moduleId);
            }
            for (ModuleDependency dep : s.descriptor().dependencies()) {
                if (dep.required() && !on.getOrDefault(dep.moduleId(), false)) {
                    throw ApiException.conflict("module-dependency-disabled", "module.enable.needs", moduleId, dep.moduleId());
                }
            }
        } else {
            for (ModuleState other : registry.modules()) {
                boolean needsIt = other.descriptor().dependencies().stream()
                        .anyMatch(d -> d.required() && d.moduleId().equals(moduleId));
                if (needsIt && on.getOrDefault(other.id(), false)) {
                    throw ApiException.conflict("module-still-needed", "module.disable.neededBy", moduleId, other.id());
                }
            }
        }
        enablement.set(lgCode, moduleId, body.enabled);
        return MunicipalityModuleView.of(s, body.enabled, Problems.locale(headers));
    }
}
