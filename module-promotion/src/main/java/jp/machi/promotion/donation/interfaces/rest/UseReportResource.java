package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.promotion.donation.application.UseReportService;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.UseReport;
import jp.machi.promotion.donation.domain.UseReportLine;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/use-reports}: 寄附金の活用報告, one per fiscal year,
 * with one child row per use (amount spent, text) under the report's ETag and the donations received
 * per use beside it (summed in the database); published on the portal from {@code publishedOn}.
 */
@Path("municipalities/{lgCode}/promotion/use-reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class UseReportResource {

    static final long MAX_AMOUNT = 1_000_000_000_000L;

    @Inject
    UseReportService reports;

    @Inject
    Exports exports;

    @Inject
    Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"useId", "useName", "received", "receivedCount", "spent", "text"})
    public record LineView(UUID useId, String useName, long received, long receivedCount, long spent, String text) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "summary", "published", "publishedOn", "lines", "received", "spent"})
    public record ReportView(UUID id, FiscalYear fiscalYear, String summary, boolean published, LocalDate publishedOn, List<LineView> lines,
            long received, long spent) {
    }

    /** The report as staff and the portal see it: uses by name, never a donor. */
    static ReportView view(UseReport r, Map<UUID, DonationUse> uses, Map<UUID, long[]> received) {
        List<LineView> ls = new ArrayList<>();
        long in = 0;
        long out = 0;
        for (UseReportLine x : r.getLines()) {
            DonationUse u = uses.get(x.getUseId());
            long[] got = received.getOrDefault(x.getUseId(), new long[] {0, 0});
            ls.add(new LineView(x.getUseId(), u == null ? null : u.getName(), got[0], got[1], x.getSpent(), x.getText()));
            in += got[0];
            out += x.getSpent();
        }
        return new ReportView(r.getId(), FiscalYear.of(r.getFiscalYear()), r.getSummary(), r.getPublishedOn() != null, r.getPublishedOn(), ls, in,
                out);
    }

    ReportView view(UseReport r) {
        return view(r, reports.uses(), reports.received(r.getFiscalYear()));
    }

    /** One use's line as sent. */
    public static class LineInput {
        @Size(max = 40)
        public String useId;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long spent;

        @Size(max = 2000)
        public String text;
    }

    /** A report as sent on create and update (send every use: one left out is removed). */
    public static class ReportInput {
        /** {@code 2024}, {@code "R6"}, {@code "令和6年度"} or {@code {"year": 2024}} (as the report is read). */
        public FiscalYear fiscalYear;

        @Size(max = 2000)
        public String summary;

        /** The day it is published on the portal; left out: not published. */
        @Size(max = 20)
        public String publishedOn;

        @Valid
        @Size(max = 100)
        public List<LineInput> lines;

        UseReport.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            Integer fy = fiscalYear == null ? null : fiscalYear.startYear();
            if (fy == null) {
                errors.add(new ApiException.FieldErrorKey("fiscalYear", "promotion.param.required"));
            }
            LocalDate on = PromotionParams.date("publishedOn", publishedOn, errors);
            List<UseReport.Line> ls = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            if (lines != null) {
                for (int i = 0; i < lines.size(); i++) {
                    LineInput x = lines.get(i);
                    String f = "lines[" + i + "]";
                    if (x == null) {
                        errors.add(new ApiException.FieldErrorKey(f, "promotion.param.required"));
                        continue;
                    }
                    UUID use = PromotionParams.uuid(f + ".useId", x.useId, errors);
                    if (use == null && (x.useId == null || x.useId.isBlank())) {
                        errors.add(new ApiException.FieldErrorKey(f + ".useId", "promotion.param.required"));
                    } else if (use != null && !seen.add(use)) {
                        errors.add(new ApiException.FieldErrorKey(f + ".useId", "promotion.useReport.useTwice"));
                    }
                    if (x.spent == null) {
                        errors.add(new ApiException.FieldErrorKey(f + ".spent", "promotion.param.required"));
                    }
                    if (use != null && x.spent != null) {
                        ls.add(new UseReport.Line(use, x.spent, PromotionParams.blank(x.text)));
                    }
                }
            }
            PromotionParams.throwIfAny(errors);
            return new UseReport.Content(fy, PromotionParams.blank(summary), on, ls);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List use reports, newest year first (?sort= fiscalYear; paged in the database); CSV (?format=csv or Accept:"
            + " text/csv, streamed): one row per report and use")
    @Answers(value = ReportView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("sort") String sort) {
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<UseReport> found = reports.list(false, UseReportService.SORT.parse(sort));
        Map<UUID, DonationUse> uses = reports.uses();
        if (csv) {
            Locale l = Problems.locale(headers);
            String yes = Messages.get(l, "promotion.csv.yes");
            String no = Messages.get(l, "promotion.csv.no");
            return Csv.stream("use-reports.csv", List.of("fiscalYear", "use", "received", "spent", "text", "published").stream()
                    .map(k -> Messages.get(l, "promotion.csv.useReport." + k)).toList(),
                    exports.ofEach(found, r -> {
                        ReportView v = view(r, uses, reports.received(r.getFiscalYear()));
                        return v.lines().stream().map(x -> new Object[] {v, x}).toList();
                    }), o -> {
                        ReportView v = (ReportView) o[0];
                        LineView x = (LineView) o[1];
                        return Arrays.asList(v.fiscalYear().label(l), x.useName(), x.received(), x.spent(), x.text(), v.published() ? yes : no);
                    });
        }
        var page = found.page(paging);
        return Response.ok(page.withItems(page.getItems().stream().map(r -> view(r, uses, reports.received(r.getFiscalYear()))).toList())).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Write a fiscal year's use report (one per year: 409 if it exists)")
    @Answers(value = ReportView.class, status = 201)
    public Response create(@Valid ReportInput body) {
        Bodies.require(body);
        UseReport r = reports.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(r.getId().toString()).build()).tag(Versions.tag(r.getVersion())).entity(view(r))
                .build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One use report with the donations received per use")
    @Answers(ReportView.class)
    public Response get(@PathParam("id") UUID id) {
        UseReport r = reports.require(id);
        return Response.ok(view(r)).tag(Versions.tag(r.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise or publish a use report (If-Match required; a use's line changed, added or removed raises its version)")
    @Answers(ReportView.class)
    public Response update(@PathParam("id") UUID id, ReportInput body) {
        UseReport r = reports.require(id);
        Bodies.valid(validator, body);
        Versions.requireMatch(request, headers, r.getVersion());
        reports.revise(r, body.content());
        return Response.ok(view(r)).tag(Versions.tag(r.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a use report (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        UseReport r = reports.require(id);
        Versions.requireMatch(request, headers, r.getVersion());
        reports.delete(r);
        return Response.noContent().build();
    }
}
