package jp.machi.promotion.onestop.interfaces.rest;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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
import jp.machi.core.municipality.domain.LocalGovernmentCode;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.onestop.application.OneStopService;
import jp.machi.promotion.onestop.domain.OneStopApplication;
import jp.machi.promotion.onestop.domain.OneStopChange;
import jp.machi.promotion.onestop.domain.OneStopChannel;
import jp.machi.promotion.onestop.domain.OneStopState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/one-stop-applications}: ワンストップ特例の申請
 * (寄附金税額控除に係る申告特例申請書) with the donations they cover and their changes (変更届出書) as
 * child rows under the application's ETag; the January 10 deadline; the notifications to each
 * residence municipality (one CSV file per municipality, personal data in full, every donor's
 * disclosure recorded in the audit trail). My Number is never taken: a {@code myNumber} field or a
 * 12-digit number in any text is refused without being echoed.
 */
@Path("municipalities/{lgCode}/promotion/one-stop-applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class OneStopResource {

    static final Pattern MY_NUMBER = Pattern.compile("(?<![0-9])[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])");

    @Inject
    OneStopService applications;

    @Inject
    PersonalDataDisclosure disclosure;

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

    @JsonbPropertyOrder({"id", "receivedOn", "amount"})
    public record DonationView(UUID id, LocalDate receivedOn, long amount) {
    }

    @JsonbPropertyOrder({"receivedOn", "kinds", "kindLabels", "residenceCodeBefore", "residenceNameBefore", "residenceCodeAfter",
        "residenceNameAfter", "note"})
    public record ChangeView(LocalDate receivedOn, List<String> kinds, String kindLabels, String residenceCodeBefore,
            String residenceNameBefore, String residenceCodeAfter, String residenceNameAfter, String note) {
    }

    /** Who applied online, as the form gave it: personal data, masked unless revealed (audited). */
    @JsonbPropertyOrder({"name", "kana", "postalCode", "address", "phone", "email", "birthDate"})
    public record ApplicantView(@PersonalData(PersonalData.Kind.NAME) String name, @PersonalData(PersonalData.Kind.NAME) String kana,
            @PersonalData(PersonalData.Kind.ADDRESS) String postalCode, @PersonalData(PersonalData.Kind.ADDRESS) String address,
            @PersonalData(PersonalData.Kind.PHONE) String phone, @PersonalData(PersonalData.Kind.EMAIL) String email,
            @PersonalData(PersonalData.Kind.OTHER) LocalDate birthDate) {
    }

    /** A donation as the online applicant listed it (寄附年月日, 寄附金額): what they said, to find the donation to match. */
    @JsonbPropertyOrder({"donatedOn", "amount"})
    public record DeclaredDonationView(LocalDate donatedOn, long amount) {
    }

    /** A donor whose e-mail or phone is the online applicant's: a candidate to match with. */
    @JsonbPropertyOrder({"id", "name"})
    public record DonorCandidateView(UUID id, @PersonalData(PersonalData.Kind.NAME) String name) {
    }

    @JsonbPropertyOrder({"id", "receiptNumber", "donorId", "donorName", "donationYear", "receivedOn", "deadline", "channel", "channelLabel",
        "residenceCode", "residenceName", "declaresNoTaxReturn", "declaresAtMostFive", "declarationsLabel", "identityChecked",
        "identityCheckedOn", "state", "stateLabel", "donations", "donationAmount", "note", "changes", "applicant", "declaredDonations",
        "donorCandidates", "unmatchedDonations"})
    public record ApplicationView(UUID id, String receiptNumber, UUID donorId, @PersonalData(PersonalData.Kind.NAME) String donorName,
            int donationYear, LocalDate receivedOn, LocalDate deadline, String channel, String channelLabel, String residenceCode,
            String residenceName, Boolean declaresNoTaxReturn, Boolean declaresAtMostFive, String declarationsLabel, boolean identityChecked,
            LocalDate identityCheckedOn, String state, String stateLabel, List<DonationView> donations, long donationAmount, String note,
            List<ChangeView> changes, ApplicantView applicant, List<DeclaredDonationView> declaredDonations,
            List<DonorCandidateView> donorCandidates, List<DonationView> unmatchedDonations) {
    }

    /** Both declarations made, one missing, or none recorded (applications recorded before they were kept), in words. */
    static String declarationsLabel(Locale l, Boolean noTaxReturn, Boolean atMostFive) {
        if (noTaxReturn == null && atMostFive == null) {
            return Messages.get(l, "promotion.oneStop.declarations.notRecorded");
        }
        if (Boolean.TRUE.equals(noTaxReturn) && Boolean.TRUE.equals(atMostFive)) {
            return Messages.get(l, "promotion.oneStop.declarations.both");
        }
        return Messages.get(l, "promotion.oneStop.declarations.incomplete");
    }

    ApplicationView view(OneStopApplication a, Map<UUID, OneStopService.DonationLine> lines, Donor donor, boolean withUnmatched) {
        Locale l = Problems.locale(headers);
        List<DonationView> ds = new ArrayList<>();
        long sum = 0;
        for (UUID id : a.donationIds()) {
            OneStopService.DonationLine d = lines.get(id);
            if (d != null) {
                ds.add(new DonationView(d.id(), d.receivedOn(), d.amount()));
                sum += d.amount();
            }
        }
        ds.sort((x, y) -> x.receivedOn().compareTo(y.receivedOn()));
        List<ChangeView> cs = new ArrayList<>();
        for (OneStopChange c : a.getChanges()) {
            List<String> kinds = Arrays.asList(c.getKinds().split(","));
            cs.add(new ChangeView(c.getReceivedOn(), kinds, String.join("・", kinds.stream().map(k -> Messages.get(l, "promotion.oneStopChange." + k))
                    .toList()), c.getResidenceCodeBefore(), c.getResidenceNameBefore(), c.getResidenceCodeAfter(), c.getResidenceNameAfter(),
                    c.getNote()));
        }
        List<DonationView> unmatched = withUnmatched && a.getDonorId() != null ? applications.unmatched(a.getDonorId(), a.getDonationYear())
                .stream().map(d -> new DonationView(d.id(), d.receivedOn(), d.amount())).toList() : withUnmatched ? List.of() : null;
        ApplicantView applicant = a.getReceiptNumber() == null ? null : new ApplicantView(a.getApplicantName(), a.getApplicantKana(),
                a.getApplicantPostalCode(), a.getApplicantAddress(), a.getApplicantPhone(), a.getApplicantEmail(), a.getApplicantBirthDate());
        List<DeclaredDonationView> declared = a.getDeclaredDonations().stream()
                .map(d -> new DeclaredDonationView(d.getDonatedOn(), d.getAmount())).toList();
        List<DonorCandidateView> candidates = withUnmatched ? applications.candidates(a).stream()
                .map(d -> new DonorCandidateView(d.getId(), d.getName())).toList() : null;
        return new ApplicationView(a.getId(), a.getReceiptNumber(), a.getDonorId(), donor == null ? null : donor.getName(), a.getDonationYear(),
                a.getReceivedOn(), OneStopApplication.deadline(a.getDonationYear()), a.getChannel().name(),
                Messages.get(l, "promotion.oneStopChannel." + a.getChannel()), a.getResidenceCode(), a.getResidenceName(),
                a.getDeclaresNoTaxReturn(), a.getDeclaresAtMostFive(), declarationsLabel(l, a.getDeclaresNoTaxReturn(), a.getDeclaresAtMostFive()),
                a.getIdentityCheckedOn() != null, a.getIdentityCheckedOn(), a.getState().name(),
                Messages.get(l, "promotion.oneStopState." + a.getState()), ds, sum, a.getNote(), cs, applicant, declared, candidates, unmatched);
    }

    ApplicationView view(OneStopApplication a) {
        return view(a, applications.donations(a.donationIds()), applications.donor(a.getDonorId()), true);
    }

    List<ApplicationView> views(List<OneStopApplication> page) {
        List<UUID> ids = page.stream().flatMap(a -> a.donationIds().stream()).toList();
        Map<UUID, OneStopService.DonationLine> lines = applications.donations(ids);
        Map<UUID, Donor> donors = applications.donors(new HashSet<>(page.stream().map(OneStopApplication::getDonorId)
                .filter(java.util.Objects::nonNull).toList()));
        return page.stream().map(a -> view(a, lines, a.getDonorId() == null ? null : donors.get(a.getDonorId()), false)).toList();
    }

    /** An application as sent on create and update (send every field: the donations listed are the ones it covers). */
    public static class ApplicationInput {
        @Size(max = 40)
        public String donorId;

        @Min(2008)
        @Max(9998)
        public Integer donationYear;

        @Size(max = 20)
        public String receivedOn;

        @Size(max = 10)
        public String channel;

        @Size(max = 10)
        public String residenceCode;

        @Size(max = 100)
        public String residenceName;

        /** The day My Number and the identity documents were checked (the number itself is never sent). */
        @Size(max = 20)
        public String identityCheckedOn;

        @Size(max = 1000)
        public String note;

        @Size(max = 100)
        public List<String> donationIds;

        /** ① 申告特例対象寄附者である: the donor needs no tax return for the year (required on a new application). */
        public Boolean declaresNoTaxReturn;

        /** ② the donor applies to at most five municipalities in the year (their declaration; required on a new application). */
        public Boolean declaresAtMostFive;

        /** Never accepted: present only to refuse it clearly. */
        @Size(max = 100)
        public String myNumber;

        OneStopApplication.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            noMyNumber(errors, myNumber, residenceName, note);
            UUID donor = required(errors, "donorId", PromotionParams.uuid("donorId", donorId, errors), donorId);
            if (donationYear == null) {
                errors.add(new ApiException.FieldErrorKey("donationYear", "promotion.param.required"));
            }
            LocalDate on = required(errors, "receivedOn", PromotionParams.date("receivedOn", receivedOn, errors), receivedOn);
            OneStopChannel ch = required(errors, "channel", PromotionParams.code(OneStopChannel.class, "channel", channel,
                    "promotion.oneStopChannel.unknown", errors), channel);
            String code = residence(errors, "residenceCode", residenceCode);
            String name = PromotionParams.blank(residenceName);
            if (name == null) {
                errors.add(new ApiException.FieldErrorKey("residenceName", "promotion.param.required"));
            }
            LocalDate checked = PromotionParams.date("identityCheckedOn", identityCheckedOn, errors);
            List<UUID> ids = new ArrayList<>();
            if (donationIds != null) {
                Set<UUID> seen = new LinkedHashSet<>();
                for (int i = 0; i < donationIds.size(); i++) {
                    UUID id = PromotionParams.uuid("donationIds[" + i + "]", donationIds.get(i), errors);
                    if (id == null && (donationIds.get(i) == null || donationIds.get(i).isBlank())) {
                        errors.add(new ApiException.FieldErrorKey("donationIds[" + i + "]", "promotion.param.required"));
                    } else if (id != null && seen.add(id)) {
                        ids.add(id);
                    }
                }
            }
            PromotionParams.throwIfAny(errors);
            return new OneStopApplication.Content(donor, donationYear, on, ch, code, name, checked, PromotionParams.blank(note), ids,
                    declaresNoTaxReturn, declaresAtMostFive);
        }
    }

    static <T> T required(List<ApiException.FieldErrorKey> errors, String field, T value, String text) {
        if (value == null && (text == null || text.isBlank())) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.param.required"));
        }
        return value;
    }

    /** A residence municipality's local government code: six digits with a right check digit (a city's, not a prefecture's). */
    static String residence(List<ApiException.FieldErrorKey> errors, String field, String text) {
        String s = PromotionParams.blank(text);
        if (s == null) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.param.required"));
            return null;
        }
        if (s.matches("[0-9]{6}") && !LocalGovernmentCode.isValid(s)) {
            String right = s.substring(0, 5) + LocalGovernmentCode.checkDigit(s.substring(0, 5));
            errors.add(new ApiException.FieldErrorKey(field, "promotion.oneStop.residenceCheckDigit", s, right));
            return null;
        }
        if (!LocalGovernmentCode.isValid(s) || LocalGovernmentCode.of(s).isPrefecture()) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.oneStop.residenceCode", s.length() > 10 ? s.substring(0, 10) : s));
            return null;
        }
        return s;
    }

    /** A My Number field, or a 12-digit number in any text, refuses the request without echoing it. */
    static void noMyNumber(List<ApiException.FieldErrorKey> errors, String myNumber, String... texts) {
        if (myNumber != null) {
            errors.add(new ApiException.FieldErrorKey("myNumber", "promotion.oneStop.myNumber"));
        }
        for (String t : texts) {
            if (t != null && MY_NUMBER.matcher(t).find()) {
                errors.add(new ApiException.FieldErrorKey("body", "promotion.oneStop.myNumber"));
                return;
            }
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List one-stop applications (?year= the donations' calendar year, ?state=RECEIVED|CHECKED|MATCHED|TO_MATCH,"
            + " ?residenceCode=, ?donorId=; ?sort= receivedOn, donationYear, residenceCode; paged in the database; donors' names masked;"
            + " CSV with ?format=csv or Accept: text/csv, streamed)")
    @Answers(value = ApplicationView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("year") String year,
            @QueryParam("state") String state, @QueryParam("residenceCode") String residenceCode, @QueryParam("donorId") String donorId,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer y = year(errors, year);
        List<OneStopState> states = null;
        if (state != null && !state.isBlank()) {
            if ("TO_MATCH".equalsIgnoreCase(state.strip())) {
                states = List.of(OneStopState.RECEIVED, OneStopState.CHECKED);
            } else {
                OneStopState s = PromotionParams.code(OneStopState.class, "state", state, "promotion.oneStopState.unknown", errors);
                states = s == null ? null : List.of(s);
            }
        }
        String rc = residenceCode == null || residenceCode.isBlank() ? null : residence(errors, "residenceCode", residenceCode);
        UUID d = PromotionParams.uuid("donorId", donorId, errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<OneStopApplication> found = applications.list(y, states, rc, d, OneStopService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("one-stop-applications.csv",
                    // The columns added later (receipt number, declarations) come last: files read by position keep working.
                    List.of("donationYear", "receivedOn", "channel", "donor", "residenceCode", "residenceName", "identityCheckedOn", "state",
                            "donations", "donationAmount", "changes", "receiptNumber", "declarations").stream()
                            .map(k -> Messages.get(l, "promotion.csv.oneStop." + k)).toList(),
                    exports.ofChunks(found, this::views), v -> Arrays.asList(v.donationYear(), v.receivedOn(), v.channelLabel(), v.donorName(),
                            v.residenceCode(), v.residenceName(), v.identityCheckedOn(), v.stateLabel(), v.donations().size(), v.donationAmount(),
                            v.changes().size(), v.receiptNumber(), v.declarationsLabel()));
        }
        jp.machi.core.api.Page<OneStopApplication> page = found.page(paging);
        return Response.ok(page.withItems(views(page.getItems()))).build();
    }

    static Integer year(List<ApiException.FieldErrorKey> errors, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.matches("\\d{4}") && Integer.parseInt(s) >= 2008) {
            return Integer.parseInt(s);
        }
        errors.add(new ApiException.FieldErrorKey("year", "promotion.oneStop.year", s.length() > 20 ? s.substring(0, 20) : s));
        return null;
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a one-stop application received by mail or online (refused after January 10 of the year after the"
            + " donations, with the reason); My Number is never accepted, only the day it was checked")
    @Answers(value = ApplicationView.class, status = 201)
    public Response create(@Valid ApplicationInput body) {
        Bodies.require(body);
        OneStopApplication a = applications.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(a.getId().toString()).build())
                .tag(Versions.tag(a.getVersion())).entity(view(a)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One one-stop application, with the donations it covers, its changes and the donor's donations of the year still to"
            + " match; an online one with the applicant as sent (masked), the donations they listed and donors with the same e-mail or phone;"
            + " ?reveal=personal-data shows names and the applicant in full (staff and above; recorded in the audit trail)")
    @Answers(ApplicationView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        OneStopApplication a = applications.require(id);
        if (full) {
            PersonalDataDisclosure.requireMayReveal();
            if (a.getReceiptNumber() != null) {
                disclosure.reveal(a, a.getId());
            }
            Donor d = applications.donor(a.getDonorId());
            if (d != null) {
                disclosure.reveal(Donor.class, d.getId(), List.of("name"));
            }
        }
        return Response.ok(view(a)).tag(Versions.tag(a.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a one-stop application: checked, matched to donations (If-Match required; a donation added or removed"
            + " raises its version)")
    @Answers(ApplicationView.class)
    public Response update(@PathParam("id") UUID id, ApplicationInput body) {
        OneStopApplication a = applications.require(id);
        Bodies.valid(validator, body);
        Versions.requireMatch(request, headers, a.getVersion());
        applications.revise(a, body.content());
        return Response.ok(view(a)).tag(Versions.tag(a.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a one-stop application (If-Match required), e.g. one the donor withdrew")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        OneStopApplication a = applications.require(id);
        Versions.requireMatch(request, headers, a.getVersion());
        applications.delete(a);
        return Response.noContent().build();
    }

    /** A 変更届出書 as sent: what changed, and for an address the new residence municipality; the new address or name goes to the donor. */
    public static class ChangeInput {
        @Size(max = 20)
        public String receivedOn;

        @Size(max = 2)
        public List<String> kinds;

        @Size(max = 10)
        public String residenceCode;

        @Size(max = 100)
        public String residenceName;

        @Size(max = 1000)
        public String note;

        @Size(max = 100)
        public String myNumber;
    }

    @POST
    @Path("{id}/changes")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a change to the application (変更届出書; If-Match required): ADDRESS (with the new residence"
            + " municipality, notified from now on) and/or NAME; refused after January 10 of the year after the donations")
    @Answers(ApplicationView.class)
    public Response change(@PathParam("id") UUID id, ChangeInput body) {
        OneStopApplication a = applications.require(id);
        Bodies.valid(validator, body);
        Versions.requireMatch(request, headers, a.getVersion());
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        noMyNumber(errors, body.myNumber, body.residenceName, body.note);
        LocalDate on = required(errors, "receivedOn", PromotionParams.date("receivedOn", body.receivedOn, errors), body.receivedOn);
        Set<String> kinds = new LinkedHashSet<>();
        if (body.kinds == null || body.kinds.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("kinds", "promotion.param.required"));
        } else {
            for (int i = 0; i < body.kinds.size(); i++) {
                String k = body.kinds.get(i) == null ? "" : body.kinds.get(i).strip().toUpperCase(Locale.ROOT);
                if (!k.equals("ADDRESS") && !k.equals("NAME")) {
                    errors.add(new ApiException.FieldErrorKey("kinds[" + i + "]", "promotion.oneStopChange.unknown", body.kinds.get(i)));
                } else {
                    kinds.add(k);
                }
            }
        }
        String code = null;
        String name = null;
        if (kinds.contains("ADDRESS")) {
            code = residence(errors, "residenceCode", body.residenceCode);
            name = PromotionParams.blank(body.residenceName);
            if (name == null) {
                errors.add(new ApiException.FieldErrorKey("residenceName", "promotion.param.required"));
            }
        }
        PromotionParams.throwIfAny(errors);
        applications.change(a, on, String.join(",", kinds), code, name, PromotionParams.blank(body.note));
        return Response.ok(view(a)).tag(Versions.tag(a.getVersion())).build();
    }

    @JsonbPropertyOrder({"residenceCode", "residenceName", "donors", "donations", "amount"})
    public record NoticeView(String residenceCode, String residenceName, long donors, long donations, long amount) {
    }

    @JsonbPropertyOrder({"year", "deadline", "notifyBy", "received", "checked", "matched", "municipalities"})
    public record NoticesView(int year, LocalDate deadline, LocalDate notifyBy, long received, long checked, long matched,
            List<NoticeView> municipalities) {
    }

    @GET
    @Path("notifications")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The notifications of a year's one-stop applications (?year=; left out: last year in January, else this year): per residence municipality the donors,"
            + " donations and amount of the matched applications, due by January 31; the counts per state")
    @Answers(NoticesView.class)
    public NoticesView notices(@QueryParam("year") String year) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer y = year(errors, year);
        if (y == null && errors.isEmpty()) {
            // In January the notices of last year's donations are due; from February on, this year's applications gather.
            LocalDate today = OneStopService.today();
            y = today.getMonthValue() == 1 ? today.getYear() - 1 : today.getYear();
        }
        PromotionParams.throwIfAny(errors);
        Map<OneStopState, Long> counts = applications.counts(y);
        return new NoticesView(y, OneStopApplication.deadline(y), OneStopApplication.notifyBy(y), counts.getOrDefault(OneStopState.RECEIVED, 0L),
                counts.getOrDefault(OneStopState.CHECKED, 0L), counts.getOrDefault(OneStopState.MATCHED, 0L),
                applications.notices(y).stream().map(n -> new NoticeView(n.residenceCode(), n.residenceName(), n.donors(), n.donations(),
                        n.amount())).toList());
    }

    /**
     * One donor's line of a notification file. Deliberately not marked {@code @PersonalData}: core masks
     * every CSV even after a disclosure, and this file exists to hand the residence municipality the
     * names and addresses in full. The endpoint makes up for it: STAFF and above only
     * ({@link PersonalDataDisclosure#requireMayReveal()}), every donor in the file disclosed through
     * {@link PersonalDataDisclosure#reveal} (a {@code READ_PERSONAL} audit event each) before a byte is written.
     */
    @JsonbPropertyOrder({"name", "nameKana", "postalCode", "address", "donations", "amount", "firstDonation", "lastDonation"})
    public record NoticeLineView(String name, String nameKana, String postalCode, String address, long donations, long amount,
            LocalDate firstDonation, LocalDate lastDonation) {
    }

    @GET
    @Path("notifications/{residenceCode}")
    @Access(minimum = Role.STAFF)
    @Produces(Csv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "The notification file for one residence municipality (?year=, required): a CSV (UTF-8 with BOM) listing each"
            + " donor with their matched donations and amount, personal data in full; every donor's disclosure is recorded in the audit"
            + " trail (staff and above). My Number is not in it: Machi never holds it")
    @Answers
    public Response notice(@PathParam("residenceCode") String residenceCode, @QueryParam("year") String year) {
        // The municipality first: a code that names none (another municipality's record id, say) is 404 whatever the parameters say.
        if (residenceCode == null || !LocalGovernmentCode.isValid(residenceCode.strip())) {
            throw ApiException.notFound("promotion.oneStop.noNotice", residenceCode == null ? ""
                    : residenceCode.length() > 10 ? residenceCode.substring(0, 10) : residenceCode);
        }
        String rc = residenceCode.strip();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer y = year(errors, year);
        if (y == null && errors.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("year", "promotion.param.required"));
        }
        PromotionParams.throwIfAny(errors);
        List<OneStopService.NoticeLine> lines = applications.noticeLines(y, rc);
        if (lines.isEmpty()) {
            throw ApiException.notFound("promotion.oneStop.noNotice", rc);
        }
        PersonalDataDisclosure.requireMayReveal();
        List<NoticeLineView> rows = new ArrayList<>();
        for (OneStopService.NoticeLine n : lines) {
            Donor d = n.donor();
            disclosure.reveal(Donor.class, d.getId(), PersonalDataFields.present(d));
            rows.add(new NoticeLineView(d.getName(), d.getNameKana(), d.getPostalCode(), d.getAddress(), n.donations(), n.amount(),
                    n.firstDonation(), n.lastDonation()));
        }
        Locale l = Problems.locale(headers);
        return Csv.stream("one-stop-notice-" + y + "-" + rc + ".csv",
                List.of("name", "nameKana", "postalCode", "address", "donations", "amount", "firstDonation", "lastDonation").stream()
                        .map(k -> Messages.get(l, "promotion.csv.oneStopNotice." + k)).toList(),
                rows, v -> Arrays.asList(v.name(), v.nameKana(), v.postalCode(), v.address(), v.donations(), v.amount(), v.firstDonation(),
                        v.lastDonation()));
    }
}
