package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.BulkImports;
import jp.machi.core.api.Problems;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.promotion.donation.application.DonationImportService;
import jp.machi.promotion.donation.application.DonationImportService.Report;
import jp.machi.promotion.donation.application.ImportSiteService;
import jp.machi.promotion.donation.domain.ImportSite;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/municipalities/{lgCode}/promotion/donations/bulk-imports?site=}: imports a
 * portal site's donation export by the site's saved column mapping. The body is the file itself
 * (any Content-Type; its charset parameter is used, else UTF-8 or Shift_JIS as detected), read as
 * it streams, up to {@code machi.api.max-import-bytes} (64 MiB by default, see
 * {@link BulkImports}). {@code ?dryRun=true} checks and previews only.
 */
@Path("municipalities/{lgCode}/promotion/donations" + BulkImports.PATH_SUFFIX)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class DonationImportResource {

    @Inject
    DonationImportService imports;

    @Inject
    ImportSiteService sites;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"line", "status", "statusLabel", "orderId", "receivedOn", "amount", "donorName", "donorMatch",
        "donorMatchLabel", "donorId", "paymentMethod", "useName", "returnGiftName", "duplicateOfLine", "donationId"})
    public record RowView(int line, String status, String statusLabel, String orderId, LocalDate receivedOn, long amount,
            @PersonalData(PersonalData.Kind.NAME) String donorName, String donorMatch, String donorMatchLabel, UUID donorId,
            String paymentMethod, String useName, String returnGiftName, Integer duplicateOfLine, UUID donationId) {
    }

    @JsonbPropertyOrder({"dryRun", "site", "charset", "rowCount", "newCount", "imported", "duplicateOrders",
        "suspectedDuplicates", "donorsMatched", "donorsCreated", "amount", "millis", "rows"})
    public record ReportView(boolean dryRun, String site, String charset, int rowCount, int newCount, int imported,
            int duplicateOrders, int suspectedDuplicates, int donorsMatched, int donorsCreated, long amount, long millis,
            List<RowView> rows) {
    }

    @POST
    @Access(minimum = Role.STAFF)
    // Any Content-Type: the body is the file's bytes whatever the client calls it; only its charset is used.
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Import a portal site's donation export (CSV, UTF-8 or Shift_JIS) by the site's column mapping"
            + " (?site= id); ?dryRun=true to check and preview only; ?importSuspected=true to import rows with the same donor,"
            + " day and amount as a recorded donation; ?preview= rows in the report (0–1000, default 100). Rows whose order id"
            + " was imported before are skipped. Any row error: 422 naming every failing row and column, nothing written."
            + " Up to machi.api.max-import-bytes (64 MiB by default)")
    @Answers(ReportView.class)
    @Answers(value = ReportView.class, status = 201)
    public Response importFile(InputStream body, @QueryParam("site") String site, @QueryParam("dryRun") String dryRun,
            @QueryParam("importSuspected") String importSuspected, @QueryParam("preview") String preview) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        UUID siteId = null;
        if (site == null || site.isBlank()) {
            errors.add(new ApiException.FieldErrorKey("site", "promotion.import.site.required"));
        } else {
            try {
                siteId = UUID.fromString(site.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new ApiException.FieldErrorKey("site", "promotion.param.uuid", site.length() > 40 ? "…" : site));
            }
        }
        int rows = BulkImports.DEFAULT_PREVIEW;
        try {
            rows = BulkImports.preview(preview);
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean dry = Boolean.TRUE.equals(Params.bool("dryRun", dryRun));
        boolean suspected = Boolean.TRUE.equals(Params.bool("importSuspected", importSuspected));
        ImportSite s = sites.require(siteId);
        MediaType type = headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        Report r = imports.importFile(s, body == null ? InputStream.nullInputStream() : body,
                new DonationImportService.Options(charset, dry, suspected, rows));
        Locale l = Problems.locale(headers);
        int fresh = r.rows() - r.duplicateOrders() - r.suspectedDuplicates();
        ReportView view = new ReportView(r.dryRun(), r.site(), r.charset(), r.rows(), fresh, r.imported(), r.duplicateOrders(),
                r.suspectedDuplicates(), r.donorsMatched(), r.donorsCreated(), r.amount(), r.millis(),
                r.preview().stream().map(x -> new RowView(x.line(), x.status().name(),
                        Messages.get(l, "promotion.import.status." + x.status().name()), x.orderId(), x.receivedOn(), x.amount(),
                        x.donorName(), x.donorMatch() == null ? null : x.donorMatch().name(),
                        x.donorMatch() == null ? null : Messages.get(l, "promotion.import.donorMatch." + x.donorMatch().name()),
                        x.donorId(), Messages.get(l, "promotion.payment." + x.paymentMethod().name()), x.useName(), x.giftName(),
                        x.duplicateOfLine(), x.donationId())).toList());
        if (dry) {
            return Response.ok(view).build();
        }
        var location = uri.getBaseUriBuilder().path("municipalities/{lg}/promotion/donations")
                .resolveTemplate("lg", uri.getPathParameters().getFirst("lgCode")).queryParam("channel", r.site());
        return Response.created(location.build()).entity(view).build();
    }
}
