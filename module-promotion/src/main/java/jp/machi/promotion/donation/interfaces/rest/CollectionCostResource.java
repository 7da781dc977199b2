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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.promotion.donation.application.CollectionCostService;
import jp.machi.promotion.donation.domain.CollectionCostLine;
import jp.machi.promotion.donation.domain.CollectionCostYear;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/collection-costs}: 募集に要した費用, one record per
 * designation year (October–September) with one child row per category under the year's ETag; each
 * answer carries the year's donations and the share of costs against them, summed in the database
 * when asked, with the limit, the warning line and where the year stands. Over the limit is said,
 * never refused.
 */
@Path("municipalities/{lgCode}/promotion/collection-costs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class CollectionCostResource {

    /** A year's cost in one category: up to a trillion yen. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    /** Hometown-tax donations began in 2008. */
    static final int FIRST_YEAR = 2008;

    @Inject
    CollectionCostService costs;

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

    @JsonbPropertyOrder({"from", "to", "label"})
    public record Period(String from, String to, String label) {
    }

    @JsonbPropertyOrder({"category", "amount", "note"})
    public record LineView(String category, long amount, String note) {
    }

    @JsonbPropertyOrder({"id", "designationYear", "period", "note", "lines", "costTotal", "donationAmount", "donationCount",
        "sharePercent", "limitPercent", "warningPercent", "standing", "standingLabel", "message"})
    public record CostView(UUID id, int designationYear, Period period, String note, List<LineView> lines, long costTotal,
            long donationAmount, long donationCount, BigDecimal sharePercent, int limitPercent, int warningPercent, String standing,
            String standingLabel, String message) {
    }

    static Period period(Locale l, int year) {
        LocalDate from = LocalDate.of(year, 10, 1);
        LocalDate to = LocalDate.of(year + 1, 9, 30);
        String label;
        if (l != null && "en".equals(l.getLanguage())) {
            label = "Oct " + year + " – Sep " + (year + 1);
        } else {
            label = wareki(from) + "〜" + wareki(to);
        }
        return new Period(from.toString(), to.toString(), label);
    }

    /** 令和6年10月 (令和元年5月 for the era's first year). */
    static String wareki(LocalDate d) {
        String s = DateTimeFormatter.ofPattern("GGGGy年M月", Locale.JAPAN).format(JapaneseDate.from(d));
        return s.replaceFirst("^(\\D+)1年", "$1元年");
    }

    CostView view(CollectionCostYear y, CollectionCostService.Share s, CollectionCostService.Lines lines) {
        Locale l = Problems.locale(headers);
        List<LineView> ls = new ArrayList<>();
        for (CollectionCostLine x : y.getLines()) {
            ls.add(new LineView(x.getCategory(), x.getAmount(), x.getNote()));
        }
        String standing = s.standing().name();
        String message = s.sharePercent() == null
                ? Messages.get(l, "promotion.cost.standing." + standing + ".message", String.valueOf(lines.limitPercent()))
                : Messages.get(l, "promotion.cost.standing." + standing + ".message", s.sharePercent().toPlainString(),
                        String.valueOf(lines.limitPercent()), String.valueOf(lines.warningPercent()));
        return new CostView(y.getId(), y.getDesignationYear(), period(l, y.getDesignationYear()), y.getNote(), ls, s.costTotal(),
                s.donationAmount(), s.donationCount(), s.sharePercent(), lines.limitPercent(), lines.warningPercent(), standing,
                Messages.get(l, "promotion.cost.standing." + standing), message);
    }

    CostView view(CollectionCostYear y) {
        CollectionCostService.Lines lines = costs.lines();
        return view(y, costs.shares(List.of(y.getDesignationYear()), lines).get(y.getDesignationYear()), lines);
    }

    List<CostView> views(List<CollectionCostYear> ys) {
        CollectionCostService.Lines lines = costs.lines();
        Map<Integer, CollectionCostService.Share> shares = costs.shares(ys.stream().map(CollectionCostYear::getDesignationYear).toList(),
                lines);
        return ys.stream().map(y -> view(y, shares.get(y.getDesignationYear()), lines)).toList();
    }

    /** One category's cost as sent. */
    public static class LineInput {
        @Size(max = 100)
        public String category;

        @Min(0)
        @Max(MAX_AMOUNT)
        public Long amount;

        @Size(max = 500)
        public String note;
    }

    /** A year as sent on create and update (send every category with a cost: one left out is removed). */
    public static class CostInput {
        @Min(FIRST_YEAR)
        @Max(9998)
        public Integer designationYear;

        @Size(max = 1000)
        public String note;

        @Valid
        @Size(max = 100)
        public List<LineInput> lines;

        CollectionCostYear.Content content(List<String> offered, CollectionCostYear current) {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            if (designationYear == null) {
                errors.add(new ApiException.FieldErrorKey("designationYear", "promotion.param.required"));
            } else if (designationYear > CollectionCostYear.containing(LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")))) {
                errors.add(new ApiException.FieldErrorKey("designationYear", "promotion.cost.futureYear", String.valueOf(designationYear)));
            }
            Set<String> allowed = new HashSet<>(offered);
            if (current != null) {
                current.getLines().forEach(x -> allowed.add(x.getCategory()));
            }
            List<CollectionCostYear.Line> ls = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            if (lines != null) {
                for (int i = 0; i < lines.size(); i++) {
                    LineInput x = lines.get(i);
                    String f = "lines[" + i + "]";
                    if (x == null) {
                        errors.add(new ApiException.FieldErrorKey(f, "promotion.param.required"));
                        continue;
                    }
                    String c = PromotionParams.blank(x.category);
                    if (c == null) {
                        errors.add(new ApiException.FieldErrorKey(f + ".category", "promotion.param.required"));
                    } else if (!allowed.contains(c)) {
                        errors.add(new ApiException.FieldErrorKey(f + ".category", "promotion.cost.categoryUnknown", c,
                                String.join("、", offered)));
                    } else if (!seen.add(c)) {
                        errors.add(new ApiException.FieldErrorKey(f + ".category", "promotion.cost.categoryTwice", c));
                    }
                    if (x.amount == null) {
                        errors.add(new ApiException.FieldErrorKey(f + ".amount", "promotion.param.required"));
                    }
                    if (c != null && x.amount != null) {
                        ls.add(new CollectionCostYear.Line(c, x.amount, PromotionParams.blank(x.note)));
                    }
                }
            }
            PromotionParams.throwIfAny(errors);
            return new CollectionCostYear.Content(designationYear, PromotionParams.blank(note), ls);
        }
    }

    @GET
    @Path("categories")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The categories collection costs are entered by (setting collectionCostCategories), with the limit and warning line in %")
    @Answers(Categories.class)
    public Categories categories() {
        CollectionCostService.Lines lines = costs.lines();
        return new Categories(costs.categories(), lines.limitPercent(), lines.warningPercent());
    }

    @JsonbPropertyOrder({"categories", "limitPercent", "warningPercent"})
    public record Categories(List<String> categories, int limitPercent, int warningPercent) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List designation years with their costs, donations and share (?from=, ?to= designation years; ?sort= designationYear;"
            + " paged in the database). CSV (?format=csv or Accept: text/csv, streamed, UTF-8 with BOM): one row per year with the"
            + " totals, the share and one column per category")
    @Answers(value = CostView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer f = year("from", from, errors);
        Integer t = year("to", to, errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<CollectionCostYear> found = costs.list(f, t, CollectionCostService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            List<String> categories = costs.categories();
            List<String> head = new ArrayList<>(List.of("period", "donationCount", "donationAmount", "costTotal", "sharePercent", "limitPercent",
                    "standing").stream().map(k -> Messages.get(l, "promotion.csv.cost." + k)).toList());
            head.addAll(categories);
            head.add(Messages.get(l, "promotion.csv.cost.otherCategories"));
            return Csv.stream("collection-costs.csv", head, exports.ofChunks(found, this::views), v -> {
                List<Object> row = new ArrayList<>(java.util.Arrays.asList(v.period().label(), v.donationCount(), v.donationAmount(),
                        v.costTotal(), v.sharePercent(), v.limitPercent(), v.standingLabel()));
                long other = 0;
                Set<String> listed = new LinkedHashSet<>(categories);
                for (String c : categories) {
                    row.add(v.lines().stream().filter(x -> x.category().equals(c)).mapToLong(LineView::amount).sum());
                }
                for (LineView x : v.lines()) {
                    if (!listed.contains(x.category())) {
                        other += x.amount();
                    }
                }
                row.add(other);
                return row;
            });
        }
        var page = found.page(paging);
        return Response.ok(page.withItems(views(page.getItems()))).build();
    }

    private static Integer year(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.matches("\\d{4}")) {
            return Integer.parseInt(s);
        }
        errors.add(new ApiException.FieldErrorKey(name, "promotion.cost.year", text));
        return null;
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a designation year's collection costs by category (one record per year: 409 if it exists)")
    @Answers(value = CostView.class, status = 201)
    public Response create(@Valid CostInput body) {
        Bodies.require(body);
        CollectionCostYear y = costs.create(body.content(costs.categories(), null));
        return Response.created(uri.getAbsolutePathBuilder().path(y.getId().toString()).build())
                .tag(Versions.tag(y.getVersion())).entity(view(y)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One designation year's collection costs, donations and share")
    @Answers(CostView.class)
    public Response get(@PathParam("id") UUID id) {
        CollectionCostYear y = costs.require(id);
        return Response.ok(view(y)).tag(Versions.tag(y.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a designation year's collection costs (If-Match required; send every category: a line changed, added or"
            + " removed raises the year's version)")
    @Answers(CostView.class)
    public Response update(@PathParam("id") UUID id, CostInput body) {
        CollectionCostYear y = costs.require(id);
        Bodies.valid(validator, body);
        Versions.requireMatch(request, headers, y.getVersion());
        costs.revise(y, body.content(costs.categories(), y));
        return Response.ok(view(y)).tag(Versions.tag(y.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a designation year's collection costs (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        CollectionCostYear y = costs.require(id);
        Versions.requireMatch(request, headers, y.getVersion());
        costs.delete(y);
        return Response.noContent().build();
    }
}
