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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import jp.machi.core.personaldata.PersonalData;
import jp.machi.promotion.donation.application.DonationService;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.donation.domain.PaymentMethod;
import jp.machi.promotion.donation.domain.ReturnGift;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/donations}: ふるさと納税の寄附. Lists page, sort and
 * filter in the database (fiscal year, designation year, dates, donor, use, gift, payment, channel);
 * the donor's name is personal data, masked in lists and CSV.
 */
@Path("municipalities/{lgCode}/promotion/donations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class DonationResource {

    static final long MAX_YEN = 9_999_999_999L;

    @Inject
    DonationService donations;

    @Inject
    Exports exports;

    @Inject
    ReceiptPage receipts;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "donorId", "donorName", "receivedOn", "amount", "paymentMethod", "paymentMethodLabel",
        "channel", "useId", "useName", "returnGiftId", "returnGiftName", "publishName", "fiscalYear", "designationYear"})
    public record DonationView(UUID id, UUID donorId, @PersonalData(PersonalData.Kind.NAME) String donorName,
            LocalDate receivedOn, long amount, String paymentMethod, String paymentMethodLabel, String channel, UUID useId,
            String useName, UUID returnGiftId, String returnGiftName, boolean publishName, FiscalYear fiscalYear,
            int designationYear) {
    }

    DonationView view(Donation x) {
        return view(x, donations.donor(x.getDonorId()), donations.use(x.getUseId()), donations.gift(x.getReturnGiftId()));
    }

    /** Views of a page or chunk of donations, their donors, uses and gifts read with one query each. */
    List<DonationView> views(List<Donation> page) {
        DonationService.References refs = donations.references(page);
        return page.stream().map(x -> view(x, refs.donors().get(x.getDonorId()),
                x.getUseId() == null ? null : refs.uses().get(x.getUseId()),
                x.getReturnGiftId() == null ? null : refs.gifts().get(x.getReturnGiftId()))).toList();
    }

    DonationView view(Donation x, Donor donor, DonationUse use, ReturnGift gift) {
        Locale l = Problems.locale(headers);
        return new DonationView(x.getId(), x.getDonorId(), donor == null ? null : donor.getName(), x.getReceivedOn(),
                x.getAmount(), x.getPaymentMethod().name(), Messages.get(l, "promotion.payment." + x.getPaymentMethod().name()),
                x.getChannel(), x.getUseId(), use == null ? null : use.getName(), x.getReturnGiftId(),
                gift == null ? null : gift.getName(), x.isPublishName(), FiscalYear.of(x.getFiscalYear()), x.getDesignationYear());
    }

    /** A donation as sent on create and update; the amount in whole yen. */
    public static class DonationInput {
        @NotNull
        public UUID donorId;

        @NotBlank
        @Size(max = 10)
        public String receivedOn;

        @NotNull
        @Min(1)
        @Max(MAX_YEN)
        @Digits(integer = 10, fraction = 0)
        public BigDecimal amount;

        @NotBlank
        @Size(max = 30)
        public String paymentMethod;

        /** The portal site's name (ふるさとチョイス, 楽天ふるさと納税 …); blank or left out for a direct donation. */
        @Size(max = 100)
        public String channel;

        public UUID useId;

        public UUID returnGiftId;

        public Boolean publishName;

        Donation.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            LocalDate day = null;
            try {
                day = LocalDate.parse(receivedOn.strip());
            } catch (DateTimeParseException e) {
                errors.add(new ApiException.FieldErrorKey("receivedOn", "promotion.param.date", receivedOn));
            }
            PaymentMethod pm = payment("paymentMethod", paymentMethod, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new Donation.Content(donorId, day, amount.longValueExact(), pm,
                    channel == null || channel.isBlank() ? null : channel.strip(), useId, returnGiftId,
                    publishName != null && publishName);
        }
    }

    static PaymentMethod payment(String field, String text, List<ApiException.FieldErrorKey> errors) {
        try {
            return PaymentMethod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.payment.unknown", text));
            return null;
        }
    }

    /** The payment methods with their labels, for forms. */
    @JsonbPropertyOrder({"code", "label"})
    public record Choice(String code, String label) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("payment-methods")
    @Operation(summary = "The payment methods a donation may have, with their labels")
    @Answers(value = Choice.class, list = true)
    public List<Choice> paymentMethods() {
        Locale l = Problems.locale(headers);
        return Arrays.stream(PaymentMethod.values()).map(p -> new Choice(p.name(), Messages.get(l, "promotion.payment." + p.name())))
                .toList();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List donations, newest first (?fiscalYear=R6|2024, ?designationYear=2024, ?from=&to= dates, ?donorId=,"
            + " ?useId=, ?returnGiftId=, ?paymentMethod=, ?channel= portal name, ?direct=true|false; ?sort= receivedOn, amount,"
            + " fiscalYear; paged in the database; CSV with ?format=csv or Accept: text/csv, streamed, donor names masked)")
    @Answers(value = DonationView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("designationYear") String designationYear,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("donorId") String donorId,
            @QueryParam("useId") String useId, @QueryParam("returnGiftId") String returnGiftId,
            @QueryParam("paymentMethod") String paymentMethod, @QueryParam("channel") String channel,
            @QueryParam("direct") String direct, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FiscalYear fy = null;
        if (fiscalYear != null && !fiscalYear.isBlank()) {
            try {
                fy = FiscalYear.parse(fiscalYear);
            } catch (RuntimeException e) {
                errors.add(new ApiException.FieldErrorKey("fiscalYear", "promotion.param.fiscalYear", fiscalYear));
            }
        }
        Integer dy = null;
        if (designationYear != null && !designationYear.isBlank()) {
            try {
                dy = Integer.valueOf(designationYear.strip());
                if (dy < 2008 || dy > 9998) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(new ApiException.FieldErrorKey("designationYear", "promotion.param.designationYear", designationYear));
                dy = null;
            }
        }
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        UUID donor = uuid("donorId", donorId, errors);
        UUID use = uuid("useId", useId, errors);
        UUID gift = uuid("returnGiftId", returnGiftId, errors);
        PaymentMethod pm = paymentMethod == null || paymentMethod.isBlank() ? null : payment("paymentMethod", paymentMethod, errors);
        if (channel != null && channel.length() > 100) {
            errors.add(new ApiException.FieldErrorKey("channel", "promotion.param.tooLong", 100));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Boolean d = Params.bool("direct", direct);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Donation> found = donations.list(new DonationService.Filter(fy == null ? null : fy.startYear(), dy, f, t, donor,
                use, gift, pm, channel == null || channel.isBlank() ? null : channel.strip(), d), DonationService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            String yes = Messages.get(l, "promotion.csv.yes");
            String no = Messages.get(l, "promotion.csv.no");
            String direct0 = Messages.get(l, "promotion.channel.direct");
            return Csv.stream("donations.csv",
                    List.of("receivedOn", "fiscalYear", "donorName", "amount", "paymentMethod", "channel", "use", "returnGift",
                            "publishName").stream().map(k -> Messages.get(l, "promotion.csv.donation." + k)).toList(),
                    exports.ofChunks(found, this::views), v -> Arrays.asList(v.receivedOn(), v.fiscalYear().label(l), v.donorName(),
                            v.amount(), v.paymentMethodLabel(), v.channel() == null ? direct0 : v.channel(), v.useName(),
                            v.returnGiftName(), v.publishName() ? yes : no));
        }
        jp.machi.core.api.Page<Donation> page = found.page(paging);
        return Response.ok(page.withItems(views(page.getItems()))).build();
    }

    private static LocalDate date(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldErrorKey(name, "promotion.param.date", text));
            return null;
        }
    }

    private static UUID uuid(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(name, "promotion.param.uuid", text));
            return null;
        }
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a donation (donor, use and gift of this municipality; the gift's donation amount at most the amount)")
    @Answers(value = DonationView.class, status = 201)
    public Response create(@Valid DonationInput body) {
        Bodies.require(body);
        Donation x = donations.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(x.getId().toString()).build())
                .tag(Versions.tag(x.getVersion())).entity(view(x)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One donation (the donor's name masked)")
    @Answers(DonationView.class)
    public Response get(@PathParam("id") UUID id) {
        Donation x = donations.require(id);
        return Response.ok(view(x)).tag(Versions.tag(x.getVersion())).build();
    }

    @GET
    @Access(minimum = Role.STAFF)
    @Path("{id}/receipt")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "寄附金受領証明書: a print-friendly HTML page with the donor's name and address in full (staff and above;"
            + " recorded in the audit trail as a full read of the donor)")
    @Answers
    public Response receipt(@PathParam("id") UUID id) {
        Donation x = donations.require(id);
        return Response.ok(receipts.render(x)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a donation (If-Match required)")
    @Answers(DonationView.class)
    public Response update(@PathParam("id") UUID id, @Valid DonationInput body) {
        Bodies.require(body);
        Donation x = donations.require(id);
        Versions.requireMatch(request, headers, x.getVersion());
        donations.revise(x, body.content());
        return Response.ok(view(x)).tag(Versions.tag(x.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a donation (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        Donation x = donations.require(id);
        Versions.requireMatch(request, headers, x.getVersion());
        donations.delete(x);
        return Response.noContent().build();
    }
}
