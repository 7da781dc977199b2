package jp.machi.collaboration.grant.interfaces.rest;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.grant.application.FundService;
import jp.machi.collaboration.grant.domain.Fund;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/grants/funds}: 基金 (市民活動げんき基金) — name, first
 * fiscal year and opening balance, donations and interest per year (child rows: a change raises the
 * version; If-Match), and the yearly ledger with the grants out of the calls the fund finances (JSON or
 * CSV). Grant calls name their fund with {@code fundId}.
 */
@Path("municipalities/{lgCode}/collaboration/grants/funds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class FundResource {

    @Inject
    FundService funds;

    @Inject
    jakarta.validation.Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "kind", "amount", "note"})
    public record EntryView(int fiscalYear, String fiscalYearLabel, String kind, long amount, String note) {
    }

    @JsonbPropertyOrder({"id", "name", "purpose", "firstYear", "firstYearLabel", "openingBalance", "entries", "invented", "version"})
    public record FundView(UUID id, String name, String purpose, int firstYear, String firstYearLabel, long openingBalance,
            List<EntryView> entries, boolean invented, long version) {
    }

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "opening", "donations", "interest", "grantsOut", "closing"})
    public record YearView(int fiscalYear, String fiscalYearLabel, long opening, long donations, long interest, long grantsOut,
            long closing) {
    }

    public static class EntryInput {
        @NotNull
        public FiscalYear fiscalYear;

        /** DONATION (寄附) or INTEREST (運用益). */
        @NotNull
        public Fund.Kind kind;

        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long amount;

        @Size(max = 200)
        public String note;
    }

    public static class FundInput {
        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 2000)
        public String purpose;

        @NotNull
        public FiscalYear firstYear;

        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long openingBalance;

        @Size(max = 500)
        public List<@NotNull @Valid EntryInput> entries;

        Fund.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            int first = firstYear.startYear();
            if (first < 1989 || first > 2200) {
                errors.add(new ApiException.FieldErrorKey("firstYear", "collaboration.grant.fiscalYearRange"));
            }
            List<Fund.Entry> list = new ArrayList<>();
            if (entries != null) {
                for (int i = 0; i < entries.size(); i++) {
                    EntryInput e = entries.get(i);
                    if (e.fiscalYear.startYear() < first || e.fiscalYear.startYear() > 2200) {
                        errors.add(new ApiException.FieldErrorKey("entries[" + i + "].fiscalYear",
                                "collaboration.fund.beforeFirstYear"));
                    }
                    list.add(new Fund.Entry(e.fiscalYear.startYear(), e.kind, e.amount, blank(e.note)));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new Fund.Content(name.strip(), blank(purpose), first, openingBalance, list);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "List funds (基金; ?sort= name, firstYear; paged in the database)")
    @Answers(value = FundView.class, page = true)
    public Page<FundView> list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        Locale l = Problems.locale(headers);
        return funds.list(FundService.SORT.parse(sort)).page(paging).map(f -> view(f, l));
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Create a fund: name, purpose, first fiscal year, opening balance, donations and interest per year")
    @Answers(value = FundView.class, status = 201)
    public Response create(@Valid FundInput body) {
        Bodies.require(body);
        Fund f = funds.create(body.content(), false);
        return Response.created(uri.getAbsolutePathBuilder().path(f.getId().toString()).build())
                .entity(view(f, Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One fund with its entries")
    @Answers(FundView.class)
    public Response get(@PathParam("id") UUID id) {
        Fund f = funds.require(id);
        return Response.ok(view(f, Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a fund, entries included (If-Match; a change of the entries alone raises the version)")
    @Answers(FundView.class)
    public Response update(@PathParam("id") UUID id, FundInput body) {
        Fund f = funds.require(id);
        Versions.requireMatch(request, headers, f.getVersion());
        Bodies.valid(validator, body);
        funds.revise(f, body.content());
        return Response.ok(view(f, Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    @GET
    @Path("{id}/ledger")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "The fund's ledger per fiscal year: opening balance, donations, interest, grants out (adopted grants of"
            + " the calls it finances; after the settlement what was paid and not returned), closing balance (CSV with ?format=csv)")
    @Answers(value = YearView.class, list = true)
    public Response ledger(@PathParam("id") UUID id, @QueryParam("format") String format) {
        Fund f = funds.require(id);
        Locale l = Problems.locale(headers);
        List<YearView> years = funds.ledger(f).stream().map(y -> new YearView(y.fiscalYear(),
                FiscalYear.of(y.fiscalYear()).label(l), y.opening(), y.donations(), y.interest(), y.grantsOut(), y.closing()))
                .toList();
        if (Csv.requested(format, headers)) {
            return Csv.response("fund-ledger.csv", List.of("fiscalYear", "opening", "donations", "interest", "grantsOut",
                    "closing").stream().map(k -> Messages.get(l, "collaboration.csv.fund." + k)).toList(), years,
                    y -> Arrays.asList(y.fiscalYearLabel(), y.opening(), y.donations(), y.interest(), y.grantsOut(),
                            y.closing()));
        }
        return Response.ok(years).build();
    }

    static FundView view(Fund f, Locale l) {
        return new FundView(f.getId(), f.getName(), f.getPurpose(), f.getFirstYear(), FiscalYear.of(f.getFirstYear()).label(l),
                f.getOpeningBalance(), f.getEntries().stream().map(e -> new EntryView(e.getFiscalYear(),
                        FiscalYear.of(e.getFiscalYear()).label(l), e.getKind().name(), e.getAmount(), e.getNote())).toList(),
                f.isInvented(), f.getVersion());
    }
}
