package jp.machi.core.module.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.UiContribution;
import jp.machi.core.municipality.application.ModuleEnablementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/ui-contributions}: the screens the modules this
 * municipality has switched on (and that run) add to the staff console, so the console builds its
 * navigation without knowing any module. A module switched off disappears from here at once.
 */
@Path("municipalities/{lgCode}/ui-contributions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "modules")
public class UiContributionsResource {

    @Inject
    ModuleRegistry registry;

    @Inject
    ModuleEnablementService enablement;

    @Context
    HttpHeaders headers;

    @PathParam("lgCode")
    String lgCode;

    /** One screen: {@code script} is the ES module to load, {@code /ui/<moduleId>/<path>}. */
    @JsonbPropertyOrder({"module", "id", "area", "label", "script", "order"})
    public record ContributionView(String module, String id, String area, String label, String script, int order) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "Screens of the enabled, started modules for an area (CONSOLE by default; labels in the request language)")
    @Answers(value = ContributionView.class, list = true)
    public List<ContributionView> list(@QueryParam("area") String area) {
        UiContribution.Area wanted = parseArea(area);
        Locale l = Problems.locale(headers);
        Map<String, Boolean> on = enablement.enablement(lgCode);
        return registry.started().stream()
                .filter(s -> on.getOrDefault(s.id(), false))
                .flatMap(s -> s.descriptor().ui().stream().filter(u -> u.area() == wanted)
                        .map(u -> new ContributionView(s.id(), u.id(), u.area().name(), u.label().in(l),
                                "/ui/" + s.id() + "/" + u.path(), u.order())))
                .sorted(Comparator.comparingInt(ContributionView::order).thenComparing(ContributionView::module)
                        .thenComparing(ContributionView::id))
                .toList();
    }

    private static UiContribution.Area parseArea(String area) {
        if (area == null || area.isBlank()) {
            return UiContribution.Area.CONSOLE;
        }
        try {
            return UiContribution.Area.valueOf(area.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("area", "ui.area.unknown", area)));
        }
    }
}
