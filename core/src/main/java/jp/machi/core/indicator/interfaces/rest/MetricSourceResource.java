package jp.machi.core.indicator.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.indicator.application.MetricCatalog;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.MetricSourceView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/metric-sources}: the module metrics an indicator of this
 * municipality can be bound to (only those of modules it has enabled).
 */
@Path("municipalities/{lgCode}/metric-sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators")
public class MetricSourceResource {

    @Inject
    MetricCatalog catalog;

    @Context
    HttpHeaders headers;

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "Metric sources offered to this municipality")
    @Answers(value = MetricSourceView.class, list = true)
    public List<MetricSourceView> list(@PathParam("lgCode") String lgCode) {
        Locale l = Problems.locale(headers);
        return catalog.offeredTo(lgCode).stream()
                .map(o -> new MetricSourceView(o.id(), o.moduleId(), o.definition().name().in(l), o.definition().unit(),
                        o.definition().description() == null ? null : o.definition().description().in(l)))
                .toList();
    }
}
