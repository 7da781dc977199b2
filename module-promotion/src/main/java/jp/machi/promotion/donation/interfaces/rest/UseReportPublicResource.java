package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.identity.Access;
import jp.machi.promotion.donation.application.UseReportService;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.UseReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/public/use-reports}: 寄附金の活用報告 on the portal,
 * the published reports only (any other answers 404 like a missing one): per use the donations
 * received in the year, the amount spent and what it paid for. No donor is in a report at all.
 */
@Path("municipalities/{lgCode}/promotion/public/use-reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class UseReportPublicResource {

    @Inject
    UseReportService reports;

    @GET
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "The published use reports, newest year first (paged in the database); never a donor")
    @Answers(value = UseReportResource.ReportView.class, page = true)
    public Page<UseReportResource.ReportView> list(@BeanParam PageRequest paging) {
        paging.offset();
        Map<UUID, DonationUse> uses = reports.uses();
        return reports.list(true, UseReportService.SORT.parse(null)).page(paging)
                .map(r -> UseReportResource.view(r, uses, reports.received(r.getFiscalYear())));
    }

    @GET
    @Path("{id}")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "One published use report (404 for any other); never a donor")
    @Answers(UseReportResource.ReportView.class)
    public UseReportResource.ReportView get(@PathParam("id") UUID id) {
        UseReport r = reports.requirePublished(id);
        return UseReportResource.view(r, reports.uses(), reports.received(r.getFiscalYear()));
    }
}
