package jp.machi.promotion.prcontent.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.prchannel.domain.ChannelKind;
import jp.machi.promotion.prchannel.domain.PrChannel;
import jp.machi.promotion.prcontent.application.PrContentService;
import jp.machi.promotion.prcontent.domain.PrContent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/pr-contents}: 広報コンテンツ, the articles, posts,
 * programmes and releases published on the municipality's PR channels, with publication date and
 * responsible unit; the list paged, sorted and filtered in the database, and as CSV.
 */
@Path("municipalities/{lgCode}/promotion/pr-contents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class PrContentResource {

    /** How far ahead of today (Japan) a publication date may be: an item of next month's bulletin is entered before it appears. */
    public static final int MAX_DAYS_AHEAD = 60;

    /** The earliest publication date (the channels' months start in 1989 too). */
    static final LocalDate EARLIEST = LocalDate.of(1989, 1, 1);

    @Inject
    PrContentService items;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "channelId", "channelName", "kind", "kindLabel", "title", "publishedOn", "fiscalYear", "fiscalYearLabel",
        "unitId", "unitName", "url", "summary", "note"})
    public record ItemView(UUID id, UUID channelId, String channelName, String kind, String kindLabel, String title, LocalDate publishedOn,
            int fiscalYear, String fiscalYearLabel, UUID unitId, String unitName, String url, String summary, String note) {
    }

    ItemView view(PrContent c, Locale l, String unitName) {
        PrChannel ch = c.getChannel();
        return new ItemView(c.getId(), ch.getId(), ch.getName(), ch.getKind().name(),
                Messages.get(l, "promotion.prChannelKind." + ch.getKind().name()), c.getTitle(), c.getPublishedOn(), c.getFiscalYear(),
                FiscalYear.of(c.getFiscalYear()).label(l), c.getUnitId(), unitName, c.getUrl(), c.getSummary(), c.getNote());
    }

    List<ItemView> views(List<PrContent> cs, Locale l) {
        Map<UUID, String> names = items.unitNames(cs.stream().map(PrContent::getUnitId).toList());
        return cs.stream().map(c -> view(c, l, c.getUnitId() == null ? null : names.get(c.getUnitId()))).toList();
    }

    /** An item as sent on create and update (send every field: one left out is cleared). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PrContentInput") // a name of its own in /openapi: other classes are called ItemInput too
    public static class ItemInput {
        @Size(max = 40)
        public String channelId;

        @Size(max = 200)
        public String title;

        @Size(max = 10)
        public String publishedOn;

        @Size(max = 40)
        public String unitId;

        @Size(max = 500)
        public String url;

        @Size(max = 2000)
        public String summary;

        @Size(max = 1000)
        public String note;
    }

    /** Checks the input's own fields (400 with every failing field); references are looked up afterwards. */
    PrContent.Content content(ItemInput in) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        UUID channel = null;
        if (PromotionParams.blank(in.channelId) == null) {
            errors.add(new ApiException.FieldErrorKey("channelId", "promotion.param.required"));
        } else {
            channel = PromotionParams.uuid("channelId", in.channelId, errors);
        }
        String title = PromotionParams.blank(in.title);
        if (title == null) {
            errors.add(new ApiException.FieldErrorKey("title", "promotion.param.required"));
        }
        LocalDate on = null;
        if (PromotionParams.blank(in.publishedOn) == null) {
            errors.add(new ApiException.FieldErrorKey("publishedOn", "promotion.param.required"));
        } else {
            on = PromotionParams.date("publishedOn", in.publishedOn, errors);
            LocalDate latest = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(MAX_DAYS_AHEAD);
            if (on != null && on.isAfter(latest)) {
                errors.add(new ApiException.FieldErrorKey("publishedOn", "promotion.prContent.tooFarAhead", String.valueOf(MAX_DAYS_AHEAD),
                        latest.toString()));
                on = null;
            } else if (on != null && on.isBefore(EARLIEST)) {
                errors.add(new ApiException.FieldErrorKey("publishedOn", "promotion.prContent.tooEarly", EARLIEST.toString()));
                on = null;
            }
        }
        UUID unit = PromotionParams.uuid("unitId", in.unitId, errors);
        String url = PromotionParams.blank(in.url);
        if (url != null && !webAddress(url)) {
            errors.add(new ApiException.FieldErrorKey("url", "promotion.prContent.url"));
        }
        PromotionParams.throwIfAny(errors);
        PrChannel ch = items.channelReference(channel);
        return new PrContent.Content(ch, title, on, unit, url, PromotionParams.blank(in.summary), PromotionParams.blank(in.note));
    }

    /** An absolute http or https address with a host and no spaces. */
    static boolean webAddress(String s) {
        if (s.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List PR content items, newest first (filters: channelId, kind of channel, unitId (with includeLineage=true also"
            + " the units a reorganisation connects it with), fiscalYear (R6|令和6年度|2024),"
            + " q in the title; ?sort= publishedOn, title, - for descending; paged in the database). CSV (?format=csv or Accept: text/csv,"
            + " streamed, UTF-8 with BOM)")
    @Answers(value = ItemView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("channelId") String channelId,
            @QueryParam("kind") String kind, @QueryParam("unitId") String unitId,
            @QueryParam("includeLineage") String includeLineage, @QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("q") String q, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        UUID channel = PromotionParams.uuid("channelId", channelId, errors);
        ChannelKind k = PromotionParams.code(ChannelKind.class, "kind", kind, "promotion.prChannelKind.unknown", errors);
        UUID unit = PromotionParams.uuid("unitId", unitId, errors);
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        if (q != null && q.length() > 200) {
            errors.add(new ApiException.FieldErrorKey("q", "promotion.param.tooLong", "200"));
        }
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<PrContent> found = items.items(new PrContentService.Filter(channel, k, unit, "true".equalsIgnoreCase(includeLineage),
                fy, PromotionParams.blank(q)),
                PrContentService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("pr-contents.csv",
                    List.of("publishedOn", "fiscalYear", "title", "channel", "kind", "unitName", "url", "summary", "note").stream()
                            .map(x -> Messages.get(l, "promotion.csv.prContent." + x)).toList(),
                    exports.ofChunks(found, cs -> views(cs, l)),
                    v -> Arrays.asList(v.publishedOn(), v.fiscalYearLabel(), v.title(), v.channelName(), v.kindLabel(), v.unitName(),
                            v.url(), v.summary(), v.note()));
        }
        Page<PrContent> page = found.page(paging);
        return Response.ok(page.withItems(views(page.getItems(), l))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a PR content item (channelId: a PR channel of the municipality; publishedOn at most 60 days ahead;"
            + " unitId: an organisational unit of the municipality, optional; url http or https)")
    @Answers(value = ItemView.class, status = 201)
    public Response create(@Valid ItemInput body) {
        Bodies.require(body);
        PrContent c = items.create(content(body));
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .tag(Versions.tag(c.getVersion())).entity(view(c, Problems.locale(headers), items.unitName(c.getUnitId()))).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One PR content item")
    @Answers(ItemView.class)
    public Response get(@PathParam("id") UUID id) {
        PrContent c = items.item(id);
        return Response.ok(view(c, Problems.locale(headers), items.unitName(c.getUnitId()))).tag(Versions.tag(c.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a PR content item (If-Match required; send every field: one left out is cleared)")
    @Answers(ItemView.class)
    public Response update(@PathParam("id") UUID id, @Valid ItemInput body) {
        Bodies.require(body);
        PrContent c = items.item(id);
        Versions.requireMatch(request, headers, c.getVersion());
        items.revise(c, content(body));
        return Response.ok(view(c, Problems.locale(headers), items.unitName(c.getUnitId()))).tag(Versions.tag(c.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a PR content item (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        PrContent c = items.item(id);
        Versions.requireMatch(request, headers, c.getVersion());
        items.delete(c);
        return Response.noContent().build();
    }
}
