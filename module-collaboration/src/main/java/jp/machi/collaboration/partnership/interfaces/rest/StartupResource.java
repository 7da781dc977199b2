package jp.machi.collaboration.partnership.interfaces.rest;

import static jp.machi.collaboration.interfaces.rest.QueryParams.blank;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.interfaces.rest.QueryParams;
import jp.machi.collaboration.partnership.application.PartnershipService;
import jp.machi.collaboration.partnership.domain.StartupYear;
import jp.machi.collaboration.partnership.domain.VacantShopGrant;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/startups}: start-up support (創業支援) as a
 * 商工観光課 keeps it — the figures of each fiscal year ({@code years/{fiscalYear}}) with the running
 * total of new businesses — and the empty-shop grants (空き店舗活用補助金, {@code vacant-shop-grants}).
 */
@Path("municipalities/{lgCode}/collaboration/startups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class StartupResource {

    @Inject
    PartnershipService partnerships;

    @Inject
    Exports exports;

    @Inject
    jakarta.validation.Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "entrepreneursSupported", "newBusinesses",
        "newBusinessesCumulative", "vacantShopGrants", "vacantShopGrantAmount", "note", "invented", "version"})
    public record YearView(int fiscalYear, String fiscalYearLabel, int entrepreneursSupported, int newBusinesses,
            long newBusinessesCumulative, long vacantShopGrants, long vacantShopGrantAmount, String note, boolean invented,
            long version) {
    }

    public static class YearInput {
        /** On POST only: 令和2年度, R2, 2020 …; on PUT the path's year. */
        public FiscalYear fiscalYear;

        /** 創業支援件数. */
        @NotNull
        @Min(0)
        @Max(1_000_000)
        public Integer entrepreneursSupported;

        /** 新規起業家数. */
        @NotNull
        @Min(0)
        @Max(1_000_000)
        public Integer newBusinesses;

        @Size(max = 1000)
        public String note;
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "applicant", "shopAddress", "business", "amount",
        "decidedOn", "openedOn", "note", "invented", "version"})
    public record GrantView(UUID id, int fiscalYear, String fiscalYearLabel, String applicant, String shopAddress,
            String business, long amount, LocalDate decidedOn, LocalDate openedOn, String note, boolean invented,
            long version) {
    }

    public static class GrantInput {
        /** 事業者名・屋号 (the business, not a person's name). */
        @NotBlank
        @Size(max = 200)
        public String applicant;

        @NotBlank
        @Size(max = 300)
        public String shopAddress;

        /** 業種・事業内容. */
        @Size(max = 200)
        public String business;

        /** 交付額 (円). */
        @NotNull
        @Min(1)
        @Max(1_000_000_000L)
        public Long amount;

        /** 交付決定日: the grant counts in its fiscal year. */
        @NotNull
        public LocalDate decidedOn;

        public LocalDate openedOn;

        @Size(max = 1000)
        public String note;
    }

    // ---- yearly figures

    @GET
    @Path("years")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "Start-up support per fiscal year: entrepreneurs supported, new businesses and their running total,"
            + " empty-shop grants (filters: from, to fiscal years; ?sort= fiscalYear, entrepreneursSupported, newBusinesses;"
            + " paged in the database; CSV with ?format=csv)")
    @Answers(value = YearView.class, page = true)
    public Response years(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort) {
        FiscalYear f = from == null || from.isBlank() ? null : FiscalYear.parse(from);
        FiscalYear t = to == null || to.isBlank() ? null : FiscalYear.parse(to);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<StartupYear> query = partnerships.years(f, t, PartnershipService.YEAR_SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("startup-years.csv", List.of("fiscalYear", "entrepreneursSupported", "newBusinesses",
                    "newBusinessesCumulative", "vacantShopGrants", "vacantShopGrantAmount", "note", "invented").stream()
                    .map(c -> Messages.get(l, "collaboration.startup.csv." + c)).toList(),
                    query.all().stream().map(y -> year(y, l)).toList(), y -> Arrays.asList(y.fiscalYearLabel(),
                            y.entrepreneursSupported(), y.newBusinesses(), y.newBusinessesCumulative(), y.vacantShopGrants(),
                            y.vacantShopGrantAmount(), y.note(),
                            y.invented() ? Messages.get(l, "collaboration.partnership.invented") : ""));
        }
        return Response.ok(query.page(paging).map(y -> year(y, l))).build();
    }

    @POST
    @Path("years")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a fiscal year's start-up support: entrepreneurs supported (創業支援件数) and new businesses"
            + " (新規起業家数); 409 when that year is recorded already; new businesses may not exceed those supported")
    @Answers(value = YearView.class, status = 201)
    public Response recordYear(@Valid YearInput body) {
        Bodies.require(body);
        if (body.fiscalYear == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("fiscalYear",
                    "collaboration.startup.fiscalYearNeeded")));
        }
        check(body);
        StartupYear y = partnerships.record(body.fiscalYear, figures(body, false));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(y.getFiscalYear())).build())
                .entity(year(y, Problems.locale(headers))).tag(Versions.tag(y.getVersion())).build();
    }

    @GET
    @Path("years/{fiscalYear}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One fiscal year's start-up support, with its ETag")
    @Answers(YearView.class)
    public Response getYear(@PathParam("fiscalYear") String fiscalYear) {
        StartupYear y = partnerships.requireYear(FiscalYear.parse(fiscalYear));
        return Response.ok(year(y, Problems.locale(headers))).tag(Versions.tag(y.getVersion())).build();
    }

    @PUT
    @Path("years/{fiscalYear}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Change a fiscal year's start-up support (If-Match required)")
    @Answers(YearView.class)
    public Response updateYear(@PathParam("fiscalYear") String fiscalYear, YearInput body) {
        StartupYear y = partnerships.requireYear(FiscalYear.parse(fiscalYear));
        Versions.requireMatch(request, headers, y.getVersion());
        jp.machi.core.api.Bodies.valid(validator, body);
        if (body.fiscalYear != null && body.fiscalYear.startYear() != y.getFiscalYear()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("fiscalYear",
                    "collaboration.startup.fiscalYearFixed")));
        }
        check(body);
        partnerships.revise(y, figures(body, y.isInvented()));
        return Response.ok(year(y, Problems.locale(headers))).tag(Versions.tag(y.getVersion())).build();
    }

    @DELETE
    @Path("years/{fiscalYear}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a fiscal year's start-up support (If-Match required)")
    @Answers(status = 204)
    public Response deleteYear(@PathParam("fiscalYear") String fiscalYear) {
        StartupYear y = partnerships.requireYear(FiscalYear.parse(fiscalYear));
        Versions.requireMatch(request, headers, y.getVersion());
        partnerships.delete(y);
        return Response.noContent().build();
    }

    private static void check(YearInput b) {
        if (b.newBusinesses > b.entrepreneursSupported) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("newBusinesses",
                    "collaboration.startup.moreBusinessesThanSupported", b.newBusinesses, b.entrepreneursSupported)));
        }
    }

    private static StartupYear.Figures figures(YearInput b, boolean invented) {
        return new StartupYear.Figures(b.entrepreneursSupported, b.newBusinesses, blank(b.note), invented);
    }

    YearView year(StartupYear y, Locale l) {
        FiscalYear fy = FiscalYear.of(y.getFiscalYear());
        long[] g = partnerships.grantSums(fy);
        return new YearView(y.getFiscalYear(), fy.label(l), y.getEntrepreneursSupported(), y.getNewBusinesses(),
                partnerships.newBusinessesBefore(fy) + y.getNewBusinesses(), g[0], g[1], y.getNote(), y.isInvented(),
                y.getVersion());
    }

    // ---- empty-shop grants

    @GET
    @Path("vacant-shop-grants")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List empty-shop grants (空き店舗活用補助金) (filters: fiscalYear of the decision, q (applicant, address,"
            + " business, note); ?sort= decidedOn, applicant, amount, fiscalYear, - for descending; paged in the database;"
            + " CSV with ?format=csv, streamed)")
    @Answers(value = GrantView.class, page = true)
    public Response grants(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String text = q != null && q.length() > 200 ? QueryParams.tooLong(errors) : blank(q);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<VacantShopGrant> query = partnerships.grants(new PartnershipService.GrantFilter(fy, text),
                PartnershipService.GRANT_SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("vacant-shop-grants.csv", List.of("fiscalYear", "applicant", "shopAddress", "business", "amount",
                    "decidedOn", "openedOn", "note", "invented").stream()
                    .map(c -> Messages.get(l, "collaboration.vacantShop.csv." + c)).toList(),
                    exports.of(query, g -> g), g -> Arrays.asList(FiscalYear.of(g.getFiscalYear()).label(l), g.getApplicant(),
                            g.getShopAddress(), g.getBusiness(), g.getAmount(), g.getDecidedOn(), g.getOpenedOn(), g.getNote(),
                            g.isInvented() ? Messages.get(l, "collaboration.partnership.invented") : ""));
        }
        return Response.ok(query.page(paging).map(g -> grant(g, l))).build();
    }

    @POST
    @Path("vacant-shop-grants")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record an empty-shop grant (applicant business, shop address, business, amount, decision date)")
    @Answers(value = GrantView.class, status = 201)
    public Response createGrant(@Valid GrantInput body) {
        Bodies.require(body);
        VacantShopGrant g = partnerships.create(content(body, false));
        return Response.created(uri.getAbsolutePathBuilder().path(g.getId().toString()).build())
                .entity(grant(g, Problems.locale(headers))).tag(Versions.tag(g.getVersion())).build();
    }

    @GET
    @Path("vacant-shop-grants/{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One empty-shop grant, with its ETag")
    @Answers(GrantView.class)
    public Response getGrant(@PathParam("id") UUID id) {
        VacantShopGrant g = partnerships.requireGrant(id);
        return Response.ok(grant(g, Problems.locale(headers))).tag(Versions.tag(g.getVersion())).build();
    }

    @PUT
    @Path("vacant-shop-grants/{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise an empty-shop grant (If-Match required)")
    @Answers(GrantView.class)
    public Response updateGrant(@PathParam("id") UUID id, GrantInput body) {
        VacantShopGrant g = partnerships.requireGrant(id);
        Versions.requireMatch(request, headers, g.getVersion());
        jp.machi.core.api.Bodies.valid(validator, body);
        partnerships.revise(g, content(body, g.isInvented()));
        return Response.ok(grant(g, Problems.locale(headers))).tag(Versions.tag(g.getVersion())).build();
    }

    @DELETE
    @Path("vacant-shop-grants/{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete an empty-shop grant (If-Match required)")
    @Answers(status = 204)
    public Response deleteGrant(@PathParam("id") UUID id) {
        VacantShopGrant g = partnerships.requireGrant(id);
        Versions.requireMatch(request, headers, g.getVersion());
        partnerships.delete(g);
        return Response.noContent().build();
    }

    private static VacantShopGrant.Content content(GrantInput b, boolean invented) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (b.decidedOn.getYear() < 1900 || b.decidedOn.getYear() > 2200) {
            errors.add(new ApiException.FieldErrorKey("decidedOn", "collaboration.partnership.dateOutOfRange",
                    b.decidedOn.toString()));
        }
        if (b.openedOn != null && (b.openedOn.getYear() < 1900 || b.openedOn.getYear() > 2200)) {
            errors.add(new ApiException.FieldErrorKey("openedOn", "collaboration.partnership.dateOutOfRange",
                    b.openedOn.toString()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new VacantShopGrant.Content(b.applicant.strip(), b.shopAddress.strip(), blank(b.business), b.amount,
                b.decidedOn, b.openedOn, blank(b.note), invented);
    }

    static GrantView grant(VacantShopGrant g, Locale l) {
        return new GrantView(g.getId(), g.getFiscalYear(), FiscalYear.of(g.getFiscalYear()).label(l), g.getApplicant(),
                g.getShopAddress(), g.getBusiness(), g.getAmount(), g.getDecidedOn(), g.getOpenedOn(), g.getNote(),
                g.isInvented(), g.getVersion());
    }
}
