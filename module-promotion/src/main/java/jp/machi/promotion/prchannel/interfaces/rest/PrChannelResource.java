package jp.machi.promotion.prchannel.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.prchannel.application.PrChannelService;
import jp.machi.promotion.prchannel.domain.ChannelKind;
import jp.machi.promotion.prchannel.domain.PrChannel;
import jp.machi.promotion.prchannel.domain.PrChannelMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/pr-channels}: 広報媒体 with their monthly figures
 * (issues, pages updated, page views, followers, releases) as child rows under the channel's ETag;
 * a year's totals summed in the database; the list as CSV.
 */
@Path("municipalities/{lgCode}/promotion/pr-channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class PrChannelResource {

    /** The most figures a month may hold (an int column); page views a long one, bounded the same way for sanity. */
    static final int MAX_FIGURE = 2_000_000_000;

    @Inject
    PrChannelService channels;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"month", "fiscalYear", "issues", "pagesUpdated", "pageViews", "followers", "releases"})
    public record MonthView(String month, int fiscalYear, Integer issues, Integer pagesUpdated, Long pageViews, Integer followers,
            Integer releases) {
    }

    @JsonbPropertyOrder({"id", "name", "kind", "kindLabel", "account", "note", "months"})
    public record ChannelView(UUID id, String name, String kind, String kindLabel, String account, String note, List<MonthView> months) {
    }

    ChannelView view(PrChannel c) {
        Locale l = Problems.locale(headers);
        List<MonthView> months = new ArrayList<>();
        for (PrChannelMonth m : c.getMonths()) {
            months.add(new MonthView(YearMonth.from(m.getMonthStart()).toString(), m.getFiscalYear(), m.getIssues(), m.getPagesUpdated(),
                    m.getPageViews(), m.getFollowers(), m.getReleases()));
        }
        return new ChannelView(c.getId(), c.getName(), c.getKind().name(), label(l, c.getKind()), c.getAccount(), c.getNote(), months);
    }

    static String label(Locale l, ChannelKind k) {
        return Messages.get(l, "promotion.prChannelKind." + k.name());
    }

    /** One month's figures as sent. */
    public static class MonthInput {
        @Size(max = 7)
        public String month;

        @Min(0)
        @Max(MAX_FIGURE)
        public Integer issues;

        @Min(0)
        @Max(MAX_FIGURE)
        public Integer pagesUpdated;

        @Min(0)
        @Max(MAX_FIGURE)
        public Long pageViews;

        @Min(0)
        @Max(MAX_FIGURE)
        public Integer followers;

        @Min(0)
        @Max(MAX_FIGURE)
        public Integer releases;
    }

    /** A channel as sent on create and update (send every field and every month: one left out is cleared). */
    public static class ChannelInput {
        @Size(max = 100)
        public String name;

        @Size(max = 30)
        public String kind;

        @Size(max = 200)
        public String account;

        @Size(max = 1000)
        public String note;

        @Valid
        @Size(max = 600)
        public List<MonthInput> months;

        PrChannel.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            String n = PromotionParams.blank(name);
            if (n == null) {
                errors.add(new ApiException.FieldErrorKey("name", "promotion.param.required"));
            }
            ChannelKind k = null;
            if (PromotionParams.blank(kind) == null) {
                errors.add(new ApiException.FieldErrorKey("kind", "promotion.param.required"));
            } else {
                k = PromotionParams.code(ChannelKind.class, "kind", kind, "promotion.prChannelKind.unknown", errors);
            }
            List<PrChannel.Month> ms = new ArrayList<>();
            Set<LocalDate> seen = new HashSet<>();
            LocalDate thisMonth = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).withDayOfMonth(1);
            if (months != null) {
                for (int i = 0; i < months.size(); i++) {
                    MonthInput m = months.get(i);
                    String f = "months[" + i + "]";
                    if (m == null) {
                        errors.add(new ApiException.FieldErrorKey(f, "promotion.param.required"));
                        continue;
                    }
                    LocalDate start = null;
                    try {
                        start = m.month == null ? null : YearMonth.parse(m.month.strip()).atDay(1);
                    } catch (DateTimeParseException e) {
                        start = null;
                    }
                    if (start == null || start.getYear() < 1989) {
                        errors.add(new ApiException.FieldErrorKey(f + ".month", "promotion.prChannel.month", m.month == null ? "" : m.month));
                        continue;
                    }
                    if (start.isAfter(thisMonth)) {
                        errors.add(new ApiException.FieldErrorKey(f + ".month", "promotion.date.future"));
                    } else if (!seen.add(start)) {
                        errors.add(new ApiException.FieldErrorKey(f + ".month", "promotion.prChannel.monthTwice", m.month));
                    }
                    ms.add(new PrChannel.Month(start, m.issues, m.pagesUpdated, m.pageViews, m.followers, m.releases));
                }
            }
            PromotionParams.throwIfAny(errors);
            return new PrChannel.Content(n, k, PromotionParams.blank(account), PromotionParams.blank(note), ms);
        }
    }

    @JsonbPropertyOrder({"code", "label"})
    public record Choice(String code, String label) {
    }

    @GET
    @Path("kinds")
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The kinds of PR channel (広報紙, ホームページ, SNS, ケーブルテレビ, データ放送, 報道発表, その他) with their labels")
    @Answers(value = Choice.class, list = true)
    public List<Choice> kinds() {
        Locale l = Problems.locale(headers);
        return Arrays.stream(ChannelKind.values()).map(k -> new Choice(k.name(), label(l, k))).toList();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List PR channels (?kind=; ?sort= kind, name; paged in the database). CSV (?format=csv or Accept: text/csv,"
            + " streamed, UTF-8 with BOM): one row per channel and month with figures (?fiscalYear= to keep one year)")
    @Answers(value = ChannelView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("kind") String kind,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        ChannelKind k = PromotionParams.code(ChannelKind.class, "kind", kind, "promotion.prChannelKind.unknown", errors);
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<PrChannel> found = channels.channels(k, PrChannelService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            Iterable<ChannelView> views = exports.of(found, this::view);
            Iterable<Object[]> rows = () -> new java.util.Iterator<Object[]>() {
                final java.util.Iterator<ChannelView> cs = views.iterator();
                java.util.Iterator<MonthView> ms = java.util.Collections.emptyIterator();
                ChannelView current;
                MonthView next = advance();

                MonthView advance() {
                    while (true) {
                        while (ms.hasNext()) {
                            MonthView m = ms.next();
                            if (fy == null || m.fiscalYear() == fy) {
                                return m;
                            }
                        }
                        if (!cs.hasNext()) {
                            return null;
                        }
                        current = cs.next();
                        ms = current.months().iterator();
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Object[] next() {
                    Object[] row = {current, next};
                    next = advance();
                    return row;
                }
            };
            return Csv.stream("pr-channels.csv",
                    List.of("name", "kind", "account", "month", "fiscalYear", "issues", "pagesUpdated", "pageViews", "followers", "releases")
                            .stream().map(x -> Messages.get(l, "promotion.csv.prChannel." + x)).toList(),
                    rows, r -> {
                        ChannelView c = (ChannelView) r[0];
                        MonthView m = (MonthView) r[1];
                        return Arrays.asList(c.name(), c.kindLabel(), c.account(), m.month(), FiscalYear.of(m.fiscalYear()).label(l),
                                m.issues(), m.pagesUpdated(), m.pageViews(), m.followers(), m.releases());
                    });
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a PR channel, with monthly figures if any")
    @Answers(value = ChannelView.class, status = 201)
    public Response create(@Valid ChannelInput body) {
        Bodies.require(body);
        PrChannel c = channels.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .tag(Versions.tag(c.getVersion())).entity(view(c)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One PR channel with its monthly figures")
    @Answers(ChannelView.class)
    public Response get(@PathParam("id") UUID id) {
        PrChannel c = channels.channel(id);
        return Response.ok(view(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a PR channel and its monthly figures (If-Match required; send every field and every month:"
            + " a month changed, added or removed raises the channel's version)")
    @Answers(ChannelView.class)
    public Response update(@PathParam("id") UUID id, @Valid ChannelInput body) {
        Bodies.require(body);
        PrChannel c = channels.channel(id);
        Versions.requireMatch(request, headers, c.getVersion());
        channels.revise(c, body.content());
        return Response.ok(view(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a PR channel with its figures (If-Match required; 409 in-use while content items were published on it)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        PrChannel c = channels.channel(id);
        Versions.requireMatch(request, headers, c.getVersion());
        channels.delete(c);
        return Response.noContent().build();
    }

    @JsonbPropertyOrder({"fiscalYear", "months", "issues", "pagesUpdated", "pageViews", "releases", "followers"})
    public record TotalsView(FiscalYear fiscalYear, int months, Long issues, Long pagesUpdated, Long pageViews, Long releases,
            Long followers) {
    }

    @GET
    @Path("{id}/totals")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "A channel's figures of a fiscal year (?fiscalYear= R6|2024, required): flows summed, followers of the last"
            + " month with a figure; summed in the database")
    @Answers(TotalsView.class)
    public TotalsView totals(@PathParam("id") UUID id, @QueryParam("fiscalYear") String fiscalYear) {
        // The channel first: another municipality's id is 404 whatever the parameters say.
        PrChannel c = channels.channel(id);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        if (fy == null && errors.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("fiscalYear", "promotion.param.required"));
        }
        PromotionParams.throwIfAny(errors);
        PrChannelService.YearTotals t = channels.totals(c.getId(), null, fy);
        return new TotalsView(FiscalYear.of(fy), t.months(), t.issues(), t.pagesUpdated(), t.pageViews(), t.releases(), t.followers());
    }
}
