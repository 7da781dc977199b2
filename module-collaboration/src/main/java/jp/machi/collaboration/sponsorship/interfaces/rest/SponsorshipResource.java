package jp.machi.collaboration.sponsorship.interfaces.rest;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.collaboration.sponsorship.application.SponsorshipService;
import jp.machi.collaboration.sponsorship.application.SponsorshipWorkflow;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
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
import jp.machi.core.identity.CallerContext;
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
 * {@code /api/v1/municipalities/{lgCode}/collaboration/sponsorships}: 後援名義使用承認. An organiser
 * applies from the portal ({@code POST applications}, anyone, core's public intake) or staff enter a
 * paper application; staff record the criteria they checked ({@code PUT {id}/checklist}); a holder
 * of {@code collaboration.approver} decides ({@link SponsorshipDecisionResource}); the notice prints
 * from {@code GET {id}/notice}; after the event staff record the organiser's report ({@code POST
 * {id}/report}). The contact person is {@link PersonalData}: masked unless revealed.
 */
@Path("municipalities/{lgCode}/collaboration/sponsorships")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class SponsorshipResource {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    SponsorshipService sponsorships;

    @Inject
    SponsorshipNoticePage notices;

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

    /** One criterion of the municipality's checklist and whether staff checked it. */
    @JsonbPropertyOrder({"criterion", "checked"})
    public record CriterionView(String criterion, boolean checked) {
    }

    @JsonbPropertyOrder({"id", "receiptNumber", "receivedAt", "channel", "channelLabel", "eventName", "startsOn",
        "endsOn", "fiscalYear", "fiscalYearLabel", "venue", "organiserName", "purpose", "fee", "expectedAttendance",
        "contactName", "contactAddress", "contactPhone", "contactEmail", "checklist", "state", "stateLabel",
        "decidedOn", "decisionReason", "reportedAttendance", "reportedOn", "reportNote", "reportOverdue", "spam",
        "anonymisedAt"})
    public record SponsorshipView(UUID id, String receiptNumber, OffsetDateTime receivedAt, PartnerChannel channel,
            String channelLabel, String eventName, LocalDate startsOn, LocalDate endsOn, int fiscalYear,
            String fiscalYearLabel, String venue, String organiserName, String purpose, int fee, int expectedAttendance,
            @PersonalData(PersonalData.Kind.NAME) String contactName,
            @PersonalData(PersonalData.Kind.ADDRESS) String contactAddress,
            @PersonalData(PersonalData.Kind.PHONE) String contactPhone,
            @PersonalData(PersonalData.Kind.EMAIL) String contactEmail,
            List<CriterionView> checklist, SponsorshipState state, String stateLabel, LocalDate decidedOn,
            String decisionReason, Integer reportedAttendance, LocalDate reportedOn, String reportNote,
            boolean reportOverdue, boolean spam, OffsetDateTime anonymisedAt) {
    }

    @JsonbPropertyOrder({"receiptNumber", "receivedOn"})
    public record Receipt(String receiptNumber, LocalDate receivedOn) {
    }

    /** The event and the organiser's contact, as an organiser or staff send them. */
    public static class SponsorshipInput {
        @NotBlank
        @Size(max = 200)
        public String eventName;

        @NotNull
        public LocalDate startsOn;

        public LocalDate endsOn;

        @NotBlank
        @Size(max = 200)
        public String venue;

        @NotBlank
        @Size(max = 200)
        public String organiserName;

        @NotBlank
        @Size(max = 2000)
        public String purpose;

        /** 参加費 (円): 0 when free. */
        @NotNull
        @Min(0)
        @Max(1_000_000)
        public Integer fee;

        @NotNull
        @Min(1)
        @Max(10_000_000)
        public Integer expectedAttendance;

        @NotBlank
        @Size(max = 100)
        public String contactName;

        @Size(max = 300)
        public String contactAddress;

        @Size(max = 40)
        public String contactPhone;

        @Size(max = 254)
        public String contactEmail;
    }

    public static class Application extends SponsorshipInput {
        /** The honeypot: hidden in the portal's form; filled, the application is filed as spam. */
        @Size(max = 300)
        public String confirmEmail;

        /** Staff only: the day a paper application came (default: now). */
        public LocalDate receivedOn;
    }

    public static class Checklist {
        @NotNull
        @Size(max = 50)
        public List<@NotBlank @Size(max = 200) String> checked;
    }

    public static class Report {
        @NotNull
        @Min(0)
        @Max(10_000_000)
        public Integer attendance;

        /** The day of the report (default today); not in the future. */
        public LocalDate reportedOn;

        @Size(max = 1000)
        public String note;
    }

    @POST
    @Path("applications")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Apply for the use of the municipality's name as sponsor (後援) of an event (anyone, from the"
            + " portal; staff for a paper application). Answers 201 with a receipt number only. Idempotency-Key header:"
            + " a retry gives the first answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response apply(@Valid Application body) {
        Bodies.require(body);
        boolean staff = CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!staff && body.receivedOn != null) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "collaboration.partner.staffOnly"));
        }
        if (body.receivedOn != null && body.receivedOn.isAfter(PartnerService.today())) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "collaboration.partner.receivedInFuture"));
        }
        if (!staff && body.startsOn.isBefore(PartnerService.today())) {
            errors.add(new ApiException.FieldErrorKey("startsOn", "collaboration.sponsorship.startsInPast"));
        }
        check(body, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime receivedAt = body.receivedOn == null ? null
                : body.receivedOn.atStartOfDay(PartnerService.JAPAN).toOffsetDateTime();
        PartnerChannel channel = staff ? PartnerChannel.PAPER : PartnerChannel.PORTAL;
        return intake.accept(headers, SponsorshipService.SERIES, body, blank(body.confirmEmail), receivedAt, in -> {
            Sponsorship s = sponsorships.apply(in, channel, event(body), contact(body));
            return new Receipt(s.getReceiptNumber(), s.getReceivedAt().atZoneSameInstant(PartnerService.JAPAN).toLocalDate());
        });
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List sponsorship applications, latest event first (filters: fiscalYear (of the event),"
            + " state APPLIED|APPROVED|REFUSED, reported=true|false, q (event, organiser, venue), spam=true; ?sort="
            + " startsOn, receivedAt, receiptNumber, eventName, organiserName, state, decidedOn, expectedAttendance, -"
            + " for descending; paged in the database; CSV with ?format=csv, streamed); the contact masked")
    @Answers(value = SponsorshipView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("state") String state,
            @QueryParam("reported") String reported, @QueryParam("q") String q, @QueryParam("spam") String spam,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        Boolean rep = reported == null || reported.isBlank() ? null : bool("reported", reported, errors);
        SponsorshipService.Filter filter = new SponsorshipService.Filter(fy, parse(SponsorshipState.class, "state",
                state, errors), rep, q != null && q.length() > 200 ? tooLong(errors) : q, bool("spam", spam, errors));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Sponsorship> query = sponsorships.list(filter, SponsorshipService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("sponsorships.csv",
                    List.of("receiptNumber", "receivedAt", "channel", "fiscalYear", "eventName", "startsOn", "endsOn",
                            "venue", "organiserName", "purpose", "fee", "expectedAttendance", "contactName",
                            "contactAddress", "contactPhone", "contactEmail", "checked", "state", "decidedOn",
                            "decisionReason", "reportedAttendance", "reportedOn")
                            .stream().map(k -> Messages.get(l, "collaboration.csv.sponsorship." + k)).toList(),
                    exports.of(query, s -> view(s, l, List.of())), v -> Arrays.asList(v.receiptNumber(),
                            v.receivedAt().toString(), v.channelLabel(), v.fiscalYearLabel(), v.eventName(),
                            v.startsOn(), v.endsOn(), v.venue(), v.organiserName(), v.purpose(), v.fee(),
                            v.expectedAttendance(), v.contactName(), v.contactAddress(), v.contactPhone(),
                            v.contactEmail(), String.join("・", v.checklist().stream().map(CriterionView::criterion).toList()),
                            v.stateLabel(), v.decidedOn(), v.decisionReason(), v.reportedAttendance(), v.reportedOn()));
        }
        return Response.ok(query.page(paging).map(s -> view(s, l, List.of()))).build();
    }

    @GET
    @Path("criteria")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The municipality's criteria for sponsorship (setting sponsorshipCriteria), in order")
    @Answers(value = String.class, list = true)
    public List<String> criteria() {
        return sponsorships.criteria();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One sponsorship application with the municipality's checklist; ?reveal=personal-data shows the"
            + " contact in full (staff and above; recorded in the audit trail)")
    @Answers(SponsorshipView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        Sponsorship s = sponsorships.require(id);
        if (full) {
            disclosure.reveal(s, s.getId());
        }
        return one(s);
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise an application not yet decided: the event and the contact (If-Match required; 409 once"
            + " decided)")
    @Answers(SponsorshipView.class)
    public Response update(@PathParam("id") UUID id, @Valid SponsorshipInput body) {
        Bodies.require(body);
        Sponsorship s = sponsorships.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        check(body, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        sponsorships.revise(s, event(body), contact(body));
        return one(s);
    }

    @PUT
    @Path("{id}/checklist")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record which of the municipality's criteria staff checked ({\"checked\":[…]}, each one of"
            + " GET criteria; If-Match required; 409 once decided). Approval needs every criterion checked")
    @Answers(SponsorshipView.class)
    public Response checklist(@PathParam("id") UUID id, @Valid Checklist body) {
        Bodies.require(body);
        Sponsorship s = sponsorships.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        sponsorships.check(s, body.checked);
        return one(s);
    }

    @POST
    @Path("{id}/report")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record the organiser's report after an approved event: the attendance and a note (If-Match"
            + " required; 409 when not approved or the event has not begun)")
    @Answers(SponsorshipView.class)
    public Response report(@PathParam("id") UUID id, @Valid Report body) {
        Bodies.require(body);
        Sponsorship s = sponsorships.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        LocalDate on = body.reportedOn == null ? PartnerService.today() : body.reportedOn;
        if (on.isAfter(PartnerService.today())) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("reportedOn",
                    "collaboration.sponsorship.reportedInFuture")));
        }
        sponsorships.report(s, body.attendance, on, blank(body.note));
        return one(s);
    }

    @POST
    @Path("{id}/not-spam")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Release an application filed as spam (If-Match required; 409 if it was none)")
    @Answers(SponsorshipView.class)
    public Response releaseFromSpam(@PathParam("id") UUID id) {
        Sponsorship s = sponsorships.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        sponsorships.releaseFromSpam(s);
        return one(s);
    }

    @GET
    @Path("{id}/notice")
    @Produces(MediaType.TEXT_HTML)
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "後援名義使用承認通知書 / 不承認通知書: the decision as a print-friendly HTML page addressed to the"
            + " organiser (staff and above; 409 before the decision)")
    @Answers
    public Response notice(@PathParam("id") UUID id) {
        Sponsorship s = sponsorships.require(id);
        if (s.getState() == SponsorshipState.APPLIED) {
            throw ApiException.conflict("sponsorship-undecided", "collaboration.sponsorship.undecided",
                    s.getReceiptNumber());
        }
        return Response.ok(notices.render(s)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private Response one(Sponsorship s) {
        return Response.ok(view(s, Problems.locale(headers), sponsorships.criteria())).tag(Versions.tag(s.getVersion()))
                .build();
    }

    private static void check(SponsorshipInput body, List<ApiException.FieldErrorKey> errors) {
        if (body.endsOn != null && body.startsOn != null && body.endsOn.isBefore(body.startsOn)) {
            errors.add(new ApiException.FieldErrorKey("endsOn", "collaboration.sponsorship.endsBeforeStart"));
        }
        if (body.startsOn != null && (body.startsOn.getYear() < 2000 || body.startsOn.getYear() > 2200)) {
            errors.add(new ApiException.FieldErrorKey("startsOn", "collaboration.sponsorship.dateOutOfRange"));
        }
        if (body.endsOn != null && body.startsOn != null && body.endsOn.isAfter(body.startsOn.plusYears(1))) {
            errors.add(new ApiException.FieldErrorKey("endsOn", "collaboration.sponsorship.tooLong"));
        }
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
        if (email == null && phone == null) {
            errors.add(new ApiException.FieldErrorKey("contactEmail", "collaboration.partner.contactNeeded"));
        }
    }

    private static Sponsorship.Event event(SponsorshipInput b) {
        LocalDate ends = b.endsOn == null ? b.startsOn : b.endsOn;
        return new Sponsorship.Event(b.eventName.strip(), b.startsOn, ends, FiscalYear.containing(b.startsOn).startYear(),
                b.venue.strip(), b.organiserName.strip(), b.purpose.strip(), b.fee, b.expectedAttendance);
    }

    private static Sponsorship.Contact contact(SponsorshipInput b) {
        return new Sponsorship.Contact(blank(b.contactName), blank(b.contactAddress), blank(b.contactPhone),
                blank(b.contactEmail));
    }

    static SponsorshipView view(Sponsorship s, Locale l, List<String> criteria) {
        List<String> checked = s.getCheckedCriteria();
        List<CriterionView> checklist = new ArrayList<>();
        for (String c : criteria) {
            checklist.add(new CriterionView(c, checked.contains(c)));
        }
        // Criteria checked under an earlier list stay shown as checked.
        checked.stream().filter(c -> !criteria.contains(c)).forEach(c -> checklist.add(new CriterionView(c, true)));
        boolean overdue = s.getState() == SponsorshipState.APPROVED && s.getReportedOn() == null
                && s.getEndsOn().isBefore(PartnerService.today());
        return new SponsorshipView(s.getId(), s.getReceiptNumber(), japan(s.getReceivedAt()), s.getChannel(),
                s.getChannel().label().in(l), s.getEventName(), s.getStartsOn(), s.getEndsOn(), s.getFiscalYear(),
                FiscalYear.of(s.getFiscalYear()).label(l), s.getVenue(), s.getOrganiserName(), s.getPurpose(),
                s.getFee(), s.getExpectedAttendance(), s.getContactName(), s.getContactAddress(), s.getContactPhone(),
                s.getContactEmail(), checklist, s.getState(),
                SponsorshipWorkflow.DEFINITION.state(s.getState().name()).label().in(l), s.getDecidedOn(),
                s.getDecisionReason(), s.getReportedAttendance(), s.getReportedOn(), s.getReportNote(), overdue,
                s.isSpam(), japan(s.getAnonymisedAt()));
    }
}
