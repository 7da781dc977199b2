package jp.machi.planning.program.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
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
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.plan.application.PlanningSettings;
import jp.machi.planning.program.domain.AdministrativeProgram;
import jp.machi.planning.program.domain.ProgramCost;
import jp.machi.planning.program.domain.ProgramIndicator;
import jp.machi.planning.program.domain.ProgramMethod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/planning/programs}: administrative programs (事務事業). */
@Path("municipalities/{lgCode}/planning/programs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ProgramResource {

    @Inject
    ProgramService programs;

    @Inject
    Exports exports;

    @Inject
    PlanningSettings settings;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbNillable
    @JsonbPropertyOrder({"id", "fiscalYear", "serialNumber", "programNumber", "name", "unitId", "unitName", "unitLabel", "purpose",
        "overview", "results", "planNodeId", "legalBasis", "firstFiscalYear", "lastFiscalYear", "method", "methodLabel",
        "purposeTarget", "purposeIntent", "purposeResult", "activityIndicatorIds", "outcomeIndicatorIds",
        "personnelUnitCost", "costs"})
    public record ProgramView(UUID id, FiscalYear fiscalYear, Integer serialNumber, String programNumber, String name,
            UUID unitId, String unitName, String unitLabel, String purpose, String overview, String results, UUID planNodeId,
            String legalBasis, FiscalYear firstFiscalYear, FiscalYear lastFiscalYear, ProgramMethod method,
            String methodLabel, String purposeTarget, String purposeIntent, String purposeResult,
            List<UUID> activityIndicatorIds, List<UUID> outcomeIndicatorIds, long personnelUnitCost,
            List<CostView> costs) {
        static ProgramView of(AdministrativeProgram p, List<ProgramCost> costs, List<ProgramIndicator> indicators,
                long unitCost, String unitLabel, Locale l) {
            AdministrativeProgram.Details d = p.details();
            return new ProgramView(p.getId(), p.getFiscalYear(), p.getSerialNumber(), p.getProgramNumber(), p.getName(),
                    p.getUnitId(), p.getUnitName(), unitLabel, p.getPurpose(), p.getOverview(), p.getResults(), d.planNodeId(),
                    d.legalBasis(), d.firstFiscalYear(), d.lastFiscalYear(), d.method(),
                    d.method() == null ? null : d.method().label().in(l), d.purposeTarget(), d.purposeIntent(),
                    d.purposeResult(), ids(indicators, ProgramIndicator.Kind.ACTIVITY),
                    ids(indicators, ProgramIndicator.Kind.OUTCOME), unitCost,
                    costs.stream().map(c -> CostView.of(c, unitCost)).toList());
        }

        private static List<UUID> ids(List<ProgramIndicator> indicators, ProgramIndicator.Kind kind) {
            return indicators.stream().filter(i -> i.getKind() == kind).map(ProgramIndicator::getIndicatorId).toList();
        }
    }

    /**
     * A year's cost in ¥1,000: the program cost and its funding, staff in FTE, personnel cost (staff
     * FTE × the municipality's personnel unit cost setting, as it is now) and the total.
     */
    @JsonbPropertyOrder({"fiscalYear", "programCost", "nationalSubsidy", "prefecturalSubsidy", "bonds", "otherRevenue",
        "generalRevenue", "regularStaffFte", "otherStaffFte", "staffFte", "personnelCost", "totalCost"})
    public record CostView(FiscalYear fiscalYear, long programCost, long nationalSubsidy, long prefecturalSubsidy,
            long bonds, long otherRevenue, long generalRevenue, BigDecimal regularStaffFte, BigDecimal otherStaffFte,
            BigDecimal staffFte, long personnelCost, long totalCost) {
        static CostView of(ProgramCost c, long unitCost) {
            return new CostView(c.getFiscalYear(), c.getProgramCost(), c.getNationalSubsidy(), c.getPrefecturalSubsidy(),
                    c.getBonds(), c.getOtherRevenue(), c.getGeneralRevenue(), c.getRegularStaffFte(), c.getOtherStaffFte(),
                    c.staffFte(), c.personnelCost(unitCost), c.totalCost(unitCost));
        }
    }

    /** A year's cost as sent, in ¥1,000; general revenue left out is what the other funding leaves. */
    public static class CostInput {
        @NotNull
        public FiscalYear fiscalYear;

        @NotNull
        @Min(0)
        @Max(MAX_AMOUNT)
        public Long programCost;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long nationalSubsidy;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long prefecturalSubsidy;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long bonds;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long otherRevenue;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long generalRevenue;

        @DecimalMin("0")
        @DecimalMax("99999.99")
        @Digits(integer = 5, fraction = 2)
        public BigDecimal regularStaffFte;

        @DecimalMin("0")
        @DecimalMax("99999.99")
        @Digits(integer = 5, fraction = 2)
        public BigDecimal otherStaffFte;

        ProgramService.CostLine line() {
            return new ProgramService.CostLine(fiscalYear, programCost, zero(nationalSubsidy), zero(prefecturalSubsidy),
                    zero(bonds), zero(otherRevenue), generalRevenue, regularStaffFte, otherStaffFte);
        }

        private static long zero(Long v) {
            return v == null ? 0 : v;
        }
    }

    /** Largest amount of one cost figure, in ¥1,000 (a trillion yen). */
    static final long MAX_AMOUNT = 1_000_000_000L;

    /** A program as sent on create and update. */
    public static class ProgramInput {
        @NotNull
        public FiscalYear fiscalYear;

        @Min(1)
        public Integer serialNumber;

        @NotBlank
        @Size(max = 40)
        public String programNumber;

        @NotBlank
        @Size(max = 300)
        public String name;

        public UUID unitId;

        @Size(max = 200)
        public String unitName;

        @Size(max = 4000)
        public String purpose;

        @Size(max = 4000)
        public String overview;

        @Size(max = 4000)
        public String results;

        public UUID planNodeId;

        @Size(max = 1000)
        public String legalBasis;

        public FiscalYear firstFiscalYear;

        /** Null: open-ended (継続). */
        public FiscalYear lastFiscalYear;

        public ProgramMethod method;

        @Size(max = 2000)
        public String purposeTarget;

        @Size(max = 2000)
        public String purposeIntent;

        @Size(max = 2000)
        public String purposeResult;

        @Size(max = 20)
        public List<@NotNull UUID> activityIndicatorIds;

        @Size(max = 20)
        public List<@NotNull UUID> outcomeIndicatorIds;

        @Size(max = 20)
        @Valid
        public List<@NotNull CostInput> costs;

        AdministrativeProgram.Content content() {
            return new AdministrativeProgram.Content(fiscalYear, serialNumber, programNumber.strip(), name.strip(), unitId,
                    unitName, purpose, overview, results);
        }

        ProgramService.Sheet sheet() {
            return new ProgramService.Sheet(new AdministrativeProgram.Details(planNodeId, blank(legalBasis),
                    firstFiscalYear, lastFiscalYear, method, blank(purposeTarget), blank(purposeIntent),
                    blank(purposeResult)), costs == null ? List.of() : costs.stream().map(CostInput::line).toList(),
                    activityIndicatorIds == null ? List.of() : activityIndicatorIds,
                    outcomeIndicatorIds == null ? List.of() : outcomeIndicatorIds);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    private ProgramView view(AdministrativeProgram p) {
        return view(p, settings.personnelUnitCost());
    }

    private ProgramView view(AdministrativeProgram p, long unitCost) {
        return ProgramView.of(p, programs.costs(p), programs.indicators(p), unitCost, programs.unitLabel(p),
                Problems.locale(headers));
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, jp.machi.core.api.Xlsx.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List programs, optionally of one fiscal year (?sort= fiscalYear, serialNumber, programNumber,"
            + " name; paged in the database; CSV with ?format=csv, xlsx with ?format=xlsx, streamed)")
    @Answers(value = ProgramView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("sort") String sort) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        boolean xlsx = jp.machi.core.api.Xlsx.requested(format, headers);
        boolean csv = !xlsx && Csv.requested(format, headers);
        if (!csv && !xlsx) {
            paging.offset();
        }
        ListQuery<AdministrativeProgram> found = programs.list(fy, ProgramService.SORT.parse(sort));
        long unitCost = settings.personnelUnitCost();
        if (xlsx) {
            Locale l = Problems.locale(headers);
            return jp.machi.core.api.Xlsx.stream(Messages.get(l, "planning.xlsx.programs.file"),
                    Messages.get(l, "planning.xlsx.programs.sheet"), CSV_COLUMNS.stream()
                            .map(k -> Messages.get(l, "planning.csv." + k)).toList(),
                    exports.<AdministrativeProgram, List<?>>of(found, p -> csvRow(p, l, unitCost)), row -> row);
        }
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("programs.csv",
                    List.of("fiscalYear", "serialNumber", "programNumber", "name", "unitName", "purpose", "overview",
                            "results", "legalBasis", "firstFiscalYear", "lastFiscalYear", "method", "purposeTarget",
                            "purposeIntent", "purposeResult", "programCost", "personnelCost", "totalCost").stream()
                            .map(k -> Messages.get(l, "planning.csv." + k)).toList(),
                    exports.<AdministrativeProgram, List<?>>of(found, p -> csvRow(p, l, unitCost)), row -> row);
        }
        return Response.ok(found.page(paging).map(p -> view(p, unitCost))).build();
    }

    private static final List<String> CSV_COLUMNS = List.of("fiscalYear", "serialNumber", "programNumber", "name",
            "unitName", "purpose", "overview", "results", "legalBasis", "firstFiscalYear", "lastFiscalYear", "method",
            "purposeTarget", "purposeIntent", "purposeResult", "programCost", "personnelCost", "totalCost");

    /** One CSV line; the cost columns are those of the program's own fiscal year, if entered. */
    private List<Object> csvRow(AdministrativeProgram p, Locale l, long unitCost) {
        AdministrativeProgram.Details d = p.details();
        ProgramCost own = programs.costs(p).stream().filter(c -> c.getFiscalYear().equals(p.getFiscalYear())).findFirst()
                .orElse(null);
        return java.util.Arrays.asList(p.getFiscalYear().label(l), p.getSerialNumber(), p.getProgramNumber(),
                p.getName(), programs.unitLabel(p), p.getPurpose(), p.getOverview(), p.getResults(), d.legalBasis(),
                d.firstFiscalYear() == null ? null : d.firstFiscalYear().label(l),
                d.lastFiscalYear() == null ? null : d.lastFiscalYear().label(l),
                d.method() == null ? null : d.method().label().in(l), d.purposeTarget(), d.purposeIntent(),
                d.purposeResult(), own == null ? null : own.getProgramCost(),
                own == null ? null : own.personnelCost(unitCost), own == null ? null : own.totalCost(unitCost));
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a program")
    @Answers(value = ProgramView.class, status = 201)
    public Response create(@Valid ProgramInput body) {
        Bodies.require(body);
        AdministrativeProgram p = programs.create(body.content(), body.sheet());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .tag(Versions.tag(p.getVersion())).entity(view(p)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One program")
    @Answers(ProgramView.class)
    public Response get(@PathParam("id") UUID id) {
        AdministrativeProgram p = programs.require(id);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a program (If-Match required)")
    @Answers(ProgramView.class)
    public Response update(@PathParam("id") UUID id, @Valid ProgramInput body) {
        Bodies.require(body);
        AdministrativeProgram p = programs.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        programs.revise(p, body.content(), body.sheet());
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a program (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        AdministrativeProgram p = programs.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        programs.delete(p);
        return Response.noContent().build();
    }
}
