package jp.machi.collaboration.partner.interfaces.rest;

import static jp.machi.collaboration.interfaces.rest.QueryParams.blank;
import static jp.machi.collaboration.interfaces.rest.QueryParams.bool;
import static jp.machi.collaboration.interfaces.rest.QueryParams.japan;
import static jp.machi.collaboration.interfaces.rest.QueryParams.parse;
import static jp.machi.collaboration.interfaces.rest.QueryParams.tooLong;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.machi.collaboration.partner.application.PartnerRegistrationWorkflow;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.collaboration.partner.domain.PartnerKind;
import jp.machi.collaboration.partner.domain.PartnerRole;
import jp.machi.collaboration.partner.domain.PartnerState;
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
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.ResidentQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/partners}: the partner registry (協働の相手方).
 * Organisations apply to register from the portal ({@code POST applications}, anyone, core's public
 * intake); staff enter paper applications, keep the registry, and a holder of
 * {@code collaboration.approver} decides ({@link PartnerRegistrationResource}). The representative
 * and contact are {@link PersonalData}: masked in every response and CSV, in full only with
 * {@code ?reveal=personal-data} (staff, recorded in the audit trail).
 */
@Path("municipalities/{lgCode}/collaboration/partners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class PartnerResource {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    PartnerService partners;

    @Inject
    PublicIntake intake;

    @Inject
    Exports exports;

    @Inject
    PersonalDataDisclosure disclosure;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    /** A partner as staff see it; the representative and contact masked unless revealed. */
    @JsonbPropertyOrder({"id", "receiptNumber", "receivedAt", "channel", "name", "nameKana", "kind", "kindLabel", "roles",
        "fieldsOfActivity", "area", "purpose", "website", "representativeName", "contactName", "contactAddress",
        "contactPhone", "contactEmail", "registrationNumber", "registeredOn", "state", "stateLabel", "spam",
        "anonymisedAt"})
    public record PartnerView(UUID id, String receiptNumber, OffsetDateTime receivedAt, PartnerChannel channel,
            String name, String nameKana, PartnerKind kind, String kindLabel, List<PartnerRole> roles,
            List<String> fieldsOfActivity, String area, String purpose, String website,
            @PersonalData(PersonalData.Kind.NAME) String representativeName,
            @PersonalData(PersonalData.Kind.NAME) String contactName,
            @PersonalData(PersonalData.Kind.ADDRESS) String contactAddress,
            @PersonalData(PersonalData.Kind.PHONE) String contactPhone,
            @PersonalData(PersonalData.Kind.EMAIL) String contactEmail,
            String registrationNumber, LocalDate registeredOn, PartnerState state, String stateLabel, boolean spam,
            OffsetDateTime anonymisedAt) {
    }

    /** What the applicant gets back: the receipt, nothing of what they sent. */
    @JsonbPropertyOrder({"receiptNumber", "receivedOn"})
    public record Receipt(String receiptNumber, LocalDate receivedOn) {
    }

    /** The organisation and its contacts, as an applicant or staff send them. */
    public static class PartnerInput {
        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 200)
        public String nameKana;

        @NotNull
        public PartnerKind kind;

        @Size(max = 4)
        public List<@NotNull PartnerRole> roles;

        @Size(max = 10)
        public List<@NotBlank @Size(max = 60) String> fieldsOfActivity;

        @Size(max = 200)
        public String area;

        @Size(max = 2000)
        public String purpose;

        @Size(max = 300)
        public String website;

        @Size(max = 100)
        public String representativeName;

        @Size(max = 100)
        public String contactName;

        @Size(max = 300)
        public String contactAddress;

        @Size(max = 40)
        public String contactPhone;

        @Size(max = 254)
        public String contactEmail;
    }

    /** A registration application from the portal (anyone) or on paper (staff). */
    public static class Application extends PartnerInput {
        /** The honeypot: hidden from people in the portal's form; filled, the application is filed as spam. */
        @Size(max = 300)
        public String confirmEmail;

        /** Staff only: the day a paper application came (default: now). */
        public LocalDate receivedOn;
    }

    /** A partner as staff revise it, with its registration at the support centre. */
    public static class Revision extends PartnerInput {
        @Size(max = 20)
        public String registrationNumber;

        public LocalDate registeredOn;
    }

    @POST
    @Path("applications")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Apply to register an organisation as a partner (anyone, from the portal; staff for a paper"
            + " application). Answers 201 with a receipt number only. Idempotency-Key header: a retry gives the first"
            + " answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response apply(@Valid Application body) {
        Bodies.require(body);
        boolean staff = jp.machi.core.identity.CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!staff && body.receivedOn != null) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "collaboration.partner.staffOnly"));
        }
        if (body.receivedOn != null && body.receivedOn.isAfter(PartnerService.today())) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "collaboration.partner.receivedInFuture"));
        }
        if (blank(body.representativeName) == null) {
            errors.add(new ApiException.FieldErrorKey("representativeName", "collaboration.partner.representativeNeeded"));
        }
        if (blank(body.contactEmail) == null && blank(body.contactPhone) == null) {
            errors.add(new ApiException.FieldErrorKey("contactEmail", "collaboration.partner.contactNeeded"));
        }
        check(body, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime receivedAt = body.receivedOn == null ? null
                : body.receivedOn.atStartOfDay(PartnerService.JAPAN).toOffsetDateTime();
        PartnerChannel channel = staff ? PartnerChannel.PAPER : PartnerChannel.PORTAL;
        return intake.accept(headers, PartnerService.SERIES, body, blank(body.confirmEmail), receivedAt, in -> {
            Partner p = partners.apply(in, channel, profile(body), contacts(body));
            return new Receipt(p.getReceiptNumber(), p.getReceivedAt().atZoneSameInstant(PartnerService.JAPAN).toLocalDate());
        });
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List partner organisations by name (filters: state APPLIED|REGISTERED|REFUSED|CLOSED, kind,"
            + " role, q (name, kana, area, fields of activity), spam=true for applications filed as spam; ?sort= name,"
            + " nameKana, kind, state, receivedAt, receiptNumber, registeredOn, registrationNumber, - for descending;"
            + " paged in the database; CSV with ?format=csv, streamed); contacts masked")
    @Answers(value = PartnerView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("state") String state, @QueryParam("kind") String kind, @QueryParam("role") String role,
            @QueryParam("q") String q, @QueryParam("spam") String spam, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        PartnerService.Filter filter = new PartnerService.Filter(parse(PartnerState.class, "state", state, errors),
                parse(PartnerKind.class, "kind", kind, errors), parse(PartnerRole.class, "role", role, errors),
                q != null && q.length() > 200 ? tooLong(errors) : q, bool("spam", spam, errors));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Partner> query = partners.list(filter, PartnerService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("partners.csv",
                    List.of("receiptNumber", "receivedAt", "channel", "name", "nameKana", "kind", "roles",
                            "fieldsOfActivity", "area", "website", "representativeName", "contactName", "contactAddress",
                            "contactPhone", "contactEmail", "registrationNumber", "registeredOn", "state")
                            .stream().map(k -> Messages.get(l, "collaboration.csv.partner." + k)).toList(),
                    exports.of(query, p -> view(p, l)), v -> Arrays.asList(v.receiptNumber(), v.receivedAt().toString(),
                            v.channel().label().in(l), v.name(), v.nameKana(), v.kindLabel(),
                            String.join("・", v.roles().stream().map(r -> r.label().in(l)).toList()),
                            String.join("・", v.fieldsOfActivity()), v.area(), v.website(), v.representativeName(),
                            v.contactName(), v.contactAddress(), v.contactPhone(), v.contactEmail(),
                            v.registrationNumber(), v.registeredOn(), v.stateLabel()));
        }
        Locale l = Problems.locale(headers);
        return Response.ok(query.page(paging).map(p -> view(p, l))).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One partner organisation; ?reveal=personal-data shows the representative and contact in full"
            + " (staff and above; recorded in the audit trail)")
    @Answers(PartnerView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        Partner p = partners.require(id);
        if (full) {
            disclosure.reveal(p, p.getId());
        }
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a partner organisation: its profile, contacts, and 登録番号/登録日 at the support centre"
            + " (If-Match required; 409 once its contacts were anonymised); its state moves only through the"
            + " registration workflow")
    @Answers(PartnerView.class)
    public Response update(@PathParam("id") UUID id, @Valid Revision body) {
        Bodies.require(body);
        Partner p = partners.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        check(body, errors);
        if (body.registeredOn != null && body.registeredOn.isAfter(PartnerService.today())) {
            errors.add(new ApiException.FieldErrorKey("registeredOn", "collaboration.partner.registeredInFuture"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        partners.revise(p, profile(body), contacts(body), blank(body.registrationNumber), body.registeredOn);
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @POST
    @Path("{id}/not-spam")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Release an application filed as spam: it joins the normal list to be decided (If-Match"
            + " required; 409 if it was none)")
    @Answers(PartnerView.class)
    public Response releaseFromSpam(@PathParam("id") UUID id) {
        Partner p = partners.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        partners.releaseFromSpam(p);
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    private static void check(PartnerInput body, List<ApiException.FieldErrorKey> errors) {
        String email = blank(body.contactEmail);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("contactEmail", "collaboration.partner.emailMalformed"));
        }
        String phone = blank(body.contactPhone);
        String digits = ResidentQuery.phoneDigits(phone);
        if (phone != null && (digits == null || digits.length() < 6 || digits.length() > 15
                || !phone.matches("[0-9０-９\\-－ー()（）+＋ 　]+"))) {
            errors.add(new ApiException.FieldErrorKey("contactPhone", "collaboration.partner.phoneMalformed"));
        }
        String site = blank(body.website);
        if (site != null && !site.matches("https?://[^\\s<>\"]+")) {
            errors.add(new ApiException.FieldErrorKey("website", "collaboration.partner.websiteMalformed"));
        }
    }

    private static Partner.Profile profile(PartnerInput b) {
        return new Partner.Profile(b.name.strip(), blank(b.nameKana), b.kind,
                b.roles == null || b.roles.isEmpty() ? List.of(PartnerRole.PARTNER) : b.roles,
                b.fieldsOfActivity == null ? List.of() : b.fieldsOfActivity.stream().map(String::strip).distinct().toList(),
                blank(b.area), blank(b.purpose), blank(b.website));
    }

    private static Partner.Contacts contacts(PartnerInput b) {
        return new Partner.Contacts(blank(b.representativeName), blank(b.contactName), blank(b.contactAddress),
                blank(b.contactPhone), blank(b.contactEmail));
    }

    static PartnerView view(Partner p, Locale l) {
        return new PartnerView(p.getId(), p.getReceiptNumber(), japan(p.getReceivedAt()), p.getChannel(), p.getName(),
                p.getNameKana(), p.getKind(), p.getKind().label().in(l), p.getRoles(), p.getFieldsOfActivity(),
                p.getArea(), p.getPurpose(), p.getWebsite(), p.getRepresentativeName(), p.getContactName(),
                p.getContactAddress(), p.getContactPhone(), p.getContactEmail(), p.getRegistrationNumber(),
                p.getRegisteredOn(), p.getState(),
                PartnerRegistrationWorkflow.DEFINITION.state(p.getState().name()).label().in(l), p.isSpam(),
                japan(p.getAnonymisedAt()));
    }
}
