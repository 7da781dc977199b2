package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
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
import jp.machi.promotion.donation.application.ReturnGiftService;
import jp.machi.promotion.donation.domain.GiftRatio;
import jp.machi.promotion.donation.domain.LocalProductGround;
import jp.machi.promotion.donation.domain.ReturnGift;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/return-gifts}: 返礼品 with supplier, local-product
 * ground (地場産品基準) and costs in whole yen; a gift whose procurement cost exceeds 30 % of the
 * donation amount it is offered for is refused with the figures.
 */
@Path("municipalities/{lgCode}/promotion/return-gifts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class ReturnGiftResource {

    static final long MAX_YEN = 999_999_999L;

    @Inject
    ReturnGiftService gifts;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"code", "item", "label"})
    public record GroundView(String code, int item, String label) {
    }

    /** A gift as shown; {@code ground} is the constant a PUT takes back, {@code groundItem}/{@code groundLabel} say what it means. */
    @JsonbPropertyOrder({"id", "name", "supplier", "ground", "groundItem", "groundLabel", "procurementCost", "shippingCost",
        "donationAmount", "ratioPercent", "active"})
    public record GiftView(UUID id, String name, String supplier, String ground, int groundItem, String groundLabel,
            long procurementCost, long shippingCost, long donationAmount, String ratioPercent, boolean active) {
    }

    static GroundView ground(Locale l, LocalProductGround g) {
        return new GroundView(g.name(), g.item(), Messages.get(l, "promotion.ground." + g.name()));
    }

    GiftView view(ReturnGift g) {
        Locale l = Problems.locale(headers);
        GroundView gv = ground(l, g.getGround());
        return new GiftView(g.getId(), g.getName(), g.getSupplier(), gv.code(), gv.item(), gv.label(), g.getProcurementCost(),
                g.getShippingCost(), g.getDonationAmount(), GiftRatio.percentText(g.getProcurementCost(), g.getDonationAmount()),
                g.isActive());
    }

    /** A gift as sent on create and update; amounts in whole yen (a fraction is a field error, never cut off). */
    public static class GiftInput {
        @NotBlank
        @Size(max = 200)
        public String name;

        @NotBlank
        @Size(max = 200)
        public String supplier;

        /** 地場産品基準: the constant ({@code PRODUCED_LOCALLY}) or the 号 (1–9) of article 5 of the ministry's notice. */
        @NotBlank
        @Size(max = 40)
        public String ground;

        @NotNull
        @Min(0)
        @Max(MAX_YEN)
        @Digits(integer = 9, fraction = 0)
        public BigDecimal procurementCost;

        @NotNull
        @Min(0)
        @Max(MAX_YEN)
        @Digits(integer = 9, fraction = 0)
        public BigDecimal shippingCost;

        @NotNull
        @Min(1)
        @Max(MAX_YEN)
        @Digits(integer = 9, fraction = 0)
        public BigDecimal donationAmount;

        /** Offered now; true when left out. */
        public Boolean active;

        ReturnGift.Content content() {
            return new ReturnGift.Content(name.strip(), supplier.strip(), Params.ground("ground", ground),
                    procurementCost.longValueExact(), shippingCost.longValueExact(), donationAmount.longValueExact(),
                    active == null || active);
        }
    }

    @JsonbPropertyOrder({"ratioLimitPercent", "grounds"})
    public record RulesView(long ratioLimitPercent, List<GroundView> grounds) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("rules")
    @Transactional
    @Operation(summary = "The rules gifts are checked against: the municipality's ratio limit (30 % by law unless set lower) and the"
            + " grounds of the ministry's notice (告示第5条 各号) a gift may be a local product under, with their labels")
    @Answers(RulesView.class)
    public RulesView rules() {
        Locale l = Problems.locale(headers);
        return new RulesView(gifts.ratioLimitPercent(),
                Arrays.stream(LocalProductGround.values()).map(g -> ground(l, g)).toList());
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List return gifts (?active=true|false, ?ground= constant or 号, ?q= text in name or supplier; ?sort= name,"
            + " supplier, donationAmount, procurementCost, shippingCost, ground; paged in the database; CSV with ?format=csv"
            + " or Accept: text/csv, streamed)")
    @Answers(value = GiftView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("active") String active, @QueryParam("ground") String ground, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        Boolean a = Params.bool("active", active);
        LocalProductGround g = Params.ground("ground", ground);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<ReturnGift> found = gifts.list(a, g, q, ReturnGiftService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            String yes = Messages.get(l, "promotion.csv.yes");
            String no = Messages.get(l, "promotion.csv.no");
            return Csv.stream("return-gifts.csv",
                    List.of("name", "supplier", "ground", "donationAmount", "procurementCost", "ratio", "shippingCost", "active")
                            .stream().map(k -> Messages.get(l, "promotion.csv.gift." + k)).toList(),
                    exports.of(found, this::view),
                    v -> Arrays.asList(v.name(), v.supplier(), v.groundLabel(), v.donationAmount(), v.procurementCost(),
                            v.ratioPercent(), v.shippingCost(), v.active() ? yes : no));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Add a return gift (refused when its procurement cost exceeds 30 % of its donation amount)")
    @Answers(value = GiftView.class, status = 201)
    public Response create(@Valid GiftInput body) {
        Bodies.require(body);
        ReturnGift g = gifts.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(g.getId().toString()).build())
                .tag(Versions.tag(g.getVersion())).entity(view(g)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One return gift with its ratio of cost to donation amount")
    @Answers(GiftView.class)
    public Response get(@PathParam("id") UUID id) {
        ReturnGift g = gifts.require(id);
        return Response.ok(view(g)).tag(Versions.tag(g.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a return gift (If-Match required; the 30 % rule applies)")
    @Answers(GiftView.class)
    public Response update(@PathParam("id") UUID id, @Valid GiftInput body) {
        Bodies.require(body);
        ReturnGift g = gifts.require(id);
        Versions.requireMatch(request, headers, g.getVersion());
        gifts.revise(g, body.content());
        return Response.ok(view(g)).tag(Versions.tag(g.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a return gift (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        ReturnGift g = gifts.require(id);
        Versions.requireMatch(request, headers, g.getVersion());
        gifts.delete(g);
        return Response.noContent().build();
    }
}
