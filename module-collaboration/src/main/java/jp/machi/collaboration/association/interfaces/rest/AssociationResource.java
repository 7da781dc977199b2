package jp.machi.collaboration.association.interfaces.rest;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.association.application.AssociationService;
import jp.machi.collaboration.association.domain.Association;
import jp.machi.collaboration.association.domain.AssociationYear;
import jp.machi.collaboration.association.domain.MembershipRate;
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
 * {@code /api/v1/municipalities/{lgCode}/collaboration/associations}: 自治会・町内会, their figures per
 * fiscal year ({@code {id}/years}), and the membership of a year ({@code membership?fiscalYear=}):
 * the rate per association, per district and for the municipality, each the rate of sums.
 */
@Path("municipalities/{lgCode}/collaboration/associations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class AssociationResource {

    @Inject
    AssociationService associations;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "name", "nameKana", "district", "note", "invented", "years"})
    public record AssociationView(UUID id, String name, String nameKana, String district, String note, boolean invented,
            List<YearView> years) {
    }

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "households", "memberHouseholds", "membershipRate",
        "subsidyPaid", "version"})
    public record YearView(int fiscalYear, String fiscalYearLabel, int households, int memberHouseholds,
            BigDecimal membershipRate, long subsidyPaid, long version) {
    }

    @JsonbPropertyOrder({"name", "households", "memberHouseholds", "membershipRate", "subsidyPaid"})
    public record Line(String name, long households, long memberHouseholds, BigDecimal membershipRate, long subsidyPaid) {
    }

    @JsonbPropertyOrder({"associationId", "name", "district", "invented", "households", "memberHouseholds",
        "membershipRate", "subsidyPaid"})
    public record AssociationLine(UUID associationId, String name, String district, boolean invented, long households,
            long memberHouseholds, BigDecimal membershipRate, long subsidyPaid) {
    }

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "associations", "districts", "municipality"})
    public record MembershipView(int fiscalYear, String fiscalYearLabel, List<AssociationLine> associations,
            List<Line> districts, Line municipality) {
    }

    public static class AssociationInput {
        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 200)
        public String nameKana;

        @NotBlank
        @Size(max = 100)
        public String district;

        @Size(max = 1000)
        public String note;

        Association.Content content() {
            return new Association.Content(name.strip(), blank(nameKana), district.strip(), blank(note), false);
        }
    }

    public static class YearInput {
        /** On POST only: 令和元年度, R1, 2019 …; on PUT the path's year. */
        public FiscalYear fiscalYear;

        @NotNull
        @Min(0)
        @Max(10_000_000)
        public Integer households;

        @NotNull
        @Min(0)
        @Max(10_000_000)
        public Integer memberHouseholds;

        /** 補助金交付額 (円). */
        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long subsidyPaid;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List neighbourhood associations by district (filters: district, q (name, kana, district); ?sort="
            + " district, name, nameKana, - for descending; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = AssociationView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("district") String district, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        if ((q != null && q.length() > 200) || (district != null && district.length() > 100)) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(q != null && q.length() > 200 ? "q" : "district",
                    "collaboration.queryTooLong", q != null && q.length() > 200 ? 200 : 100)));
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Association> query = associations.list(new AssociationService.Filter(blank(district), q),
                AssociationService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("associations.csv", List.of("name", "nameKana", "district", "note", "invented").stream()
                    .map(k -> Messages.get(l, "collaboration.csv.association." + k)).toList(),
                    exports.of(query, a -> a), a -> Arrays.asList(a.getName(), a.getNameKana(), a.getDistrict(),
                            a.getNote(), a.isInvented() ? Messages.get(l, "collaboration.association.invented") : ""));
        }
        return Response.ok(query.page(paging).map(a -> view(a, null, l))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a neighbourhood association (name, district)")
    @Answers(value = AssociationView.class, status = 201)
    public Response create(@Valid AssociationInput body) {
        Bodies.require(body);
        Association a = associations.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(a.getId().toString()).build())
                .entity(view(a, List.of(), Problems.locale(headers))).tag(Versions.tag(a.getVersion())).build();
    }

    @GET
    @Path("membership")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "The membership of a fiscal year (?fiscalYear=, by default the current one): households, member households, rate"
            + " (%, one decimal) and subsidies per association, per district and for the municipality; the district and"
            + " municipality rates are rates of the sums, not averages of rates; CSV with ?format=csv")
    @Answers(MembershipView.class)
    public Response membership(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("format") String format) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank()
                ? FiscalYear.containing(java.time.LocalDate.now(jp.machi.collaboration.partner.application.PartnerService.JAPAN))
                : FiscalYear.parse(fiscalYear);
        AssociationService.Membership m = associations.membership(fy);
        Locale l = Problems.locale(headers);
        List<AssociationLine> rows = m.associations().stream().map(r -> new AssociationLine(r.associationId(), r.name(),
                r.district(), r.invented(), r.figures().households(), r.figures().memberHouseholds(),
                r.figures().percent(), r.subsidyPaid())).toList();
        List<Line> districts = new ArrayList<>();
        m.districts().forEach((d, f) -> districts.add(line(d, f, m.districtSubsidies().get(d))));
        Line total = line(Messages.get(l, "collaboration.association.municipality"), m.total(), m.subsidies());
        if (Csv.requested(format, headers)) {
            List<List<Object>> out = new ArrayList<>();
            String all = Messages.get(l, "collaboration.association.allDistricts");
            rows.forEach(r -> out.add(Arrays.asList(r.district(), r.name(), r.households(), r.memberHouseholds(),
                    r.membershipRate(), r.subsidyPaid())));
            districts.forEach(d -> out.add(Arrays.asList(d.name(), all, d.households(), d.memberHouseholds(),
                    d.membershipRate(), d.subsidyPaid())));
            out.add(Arrays.asList(total.name(), all, total.households(), total.memberHouseholds(), total.membershipRate(),
                    total.subsidyPaid()));
            return Csv.stream("association-membership-" + fy.startYear() + ".csv",
                    List.of("district", "name", "households", "memberHouseholds", "membershipRate", "subsidyPaid").stream()
                            .map(k -> Messages.get(l, "collaboration.csv.membership." + k)).toList(),
                    out, x -> x);
        }
        return Response.ok(new MembershipView(fy.startYear(), fy.label(l), rows, districts, total)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One neighbourhood association with its figures per fiscal year, the latest first")
    @Answers(AssociationView.class)
    public Response get(@PathParam("id") UUID id) {
        Association a = associations.require(id);
        return Response.ok(view(a, associations.years(id), Problems.locale(headers))).tag(Versions.tag(a.getVersion()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a neighbourhood association's name, district or note (If-Match required)")
    @Answers(AssociationView.class)
    public Response update(@PathParam("id") UUID id, @Valid AssociationInput body) {
        Bodies.require(body);
        Association a = associations.require(id);
        Versions.requireMatch(request, headers, a.getVersion());
        Association.Content c = body.content();
        associations.revise(a, new Association.Content(c.name(), c.nameKana(), c.district(), c.note(), a.isInvented()));
        return Response.ok(view(a, associations.years(id), Problems.locale(headers))).tag(Versions.tag(a.getVersion()))
                .build();
    }

    @POST
    @Path("{id}/years")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record an association's figures for a fiscal year: households in its area, member households,"
            + " subsidies paid (円); 409 when that year is recorded already; members may not exceed households")
    @Answers(value = YearView.class, status = 201)
    public Response recordYear(@PathParam("id") UUID id, @Valid YearInput body) {
        Bodies.require(body);
        Association a = associations.require(id);
        if (body.fiscalYear == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("fiscalYear",
                    "collaboration.association.fiscalYearNeeded")));
        }
        check(body);
        AssociationYear y = associations.record(a, body.fiscalYear, body.households, body.memberHouseholds,
                body.subsidyPaid);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(y.getFiscalYear())).build())
                .entity(year(y, Problems.locale(headers))).tag(Versions.tag(y.getVersion())).build();
    }

    @GET
    @Path("{id}/years/{fiscalYear}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "An association's figures for one fiscal year, with its ETag")
    @Answers(YearView.class)
    public Response getYear(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear) {
        AssociationYear y = associations.requireYear(associations.require(id).getId(), FiscalYear.parse(fiscalYear));
        return Response.ok(year(y, Problems.locale(headers))).tag(Versions.tag(y.getVersion())).build();
    }

    @PUT
    @Path("{id}/years/{fiscalYear}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Change an association's figures for a fiscal year (If-Match: the year's ETag)")
    @Answers(YearView.class)
    public Response updateYear(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear,
            @Valid YearInput body) {
        Bodies.require(body);
        AssociationYear y = associations.requireYear(associations.require(id).getId(), FiscalYear.parse(fiscalYear));
        Versions.requireMatch(request, headers, y.getVersion());
        if (body.fiscalYear != null && body.fiscalYear.startYear() != y.getFiscalYear()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("fiscalYear",
                    "collaboration.association.fiscalYearFixed")));
        }
        check(body);
        associations.revise(y, body.households, body.memberHouseholds, body.subsidyPaid);
        return Response.ok(year(y, Problems.locale(headers))).tag(Versions.tag(y.getVersion())).build();
    }

    private static void check(YearInput body) {
        if (body.memberHouseholds > body.households) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("memberHouseholds",
                    "collaboration.association.moreMembersThanHouseholds", body.memberHouseholds, body.households)));
        }
    }

    private static Line line(String name, MembershipRate f, Long subsidies) {
        return new Line(name, f.households(), f.memberHouseholds(), f.percent(), subsidies == null ? 0 : subsidies);
    }

    static YearView year(AssociationYear y, Locale l) {
        return new YearView(y.getFiscalYear(), FiscalYear.of(y.getFiscalYear()).label(l), y.getHouseholds(),
                y.getMemberHouseholds(), new MembershipRate(y.getHouseholds(), y.getMemberHouseholds()).percent(),
                y.getSubsidyPaid(), y.getVersion());
    }

    static AssociationView view(Association a, List<AssociationYear> years, Locale l) {
        return new AssociationView(a.getId(), a.getName(), a.getNameKana(), a.getDistrict(), a.getNote(), a.isInvented(),
                years == null ? null : years.stream().map(y -> year(y, l)).toList());
    }
}
