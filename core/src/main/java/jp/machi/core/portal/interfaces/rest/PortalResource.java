package jp.machi.core.portal.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.ModuleRegistry.ModuleState;
import jp.machi.core.module.UiContribution;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.Municipality;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/municipalities/{lgCode}/portal}: what the municipality's public portal shows,
 * for anybody: its public names and the {@link UiContribution.Area#PORTAL PORTAL} pages of the
 * modules that run here and that it has enabled. Nothing else, and never personal data.
 */
@Path("municipalities/{lgCode}/portal")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "portal")
public class PortalResource {

    @Inject
    MunicipalityService municipalities;

    @Inject
    ModuleRegistry registry;

    @Inject
    ModuleEnablementService enablement;

    @Context
    HttpHeaders headers;

    /** A page of the portal: the module that ships it, its label in the request's language and its script. */
    @JsonbPropertyOrder({"id", "moduleId", "label", "script", "order"})
    public record PortalPageView(String id, String moduleId, String label, String script, int order) {
    }

    @JsonbPropertyOrder({"code", "nameJa", "nameKana", "nameEn", "name", "pages"})
    public record PortalView(String code, String nameJa, String nameKana, String nameEn, String name,
            List<PortalPageView> pages) {
    }

    @GET
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: the municipality's name and the portal pages of its enabled modules (no personal data)")
    @Answers(PortalView.class)
    public Response portal(@PathParam("lgCode") String lgCode) {
        Municipality m = municipalities.require(lgCode);
        String code = m.getCode().value();
        Locale l = Problems.locale(headers);
        Map<String, Boolean> on = enablement.enablement(code);
        List<PortalPageView> pages = new ArrayList<>();
        for (ModuleState s : registry.started()) {
            if (!on.getOrDefault(s.id(), false)) {
                continue;
            }
            for (UiContribution u : s.descriptor().ui()) {
                if (u.area() == UiContribution.Area.PORTAL) {
                    pages.add(new PortalPageView(u.id(), s.id(), u.label().in(l), "/ui/" + s.id() + "/" + u.path(), u.order()));
                }
            }
        }
        pages.sort(Comparator.comparingInt(PortalPageView::order).thenComparing(PortalPageView::id));
        String name = l != null && "en".equals(l.getLanguage()) && m.getNameEn() != null ? m.getNameEn() : m.getNameJa();
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.ok(new PortalView(code, m.getNameJa(), m.getNameKana(), m.getNameEn(), name, pages))
                .cacheControl(cache).build();
    }
}
