package jp.machi.promotion.migration.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
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
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.migration.application.MigrationService;
import jp.machi.promotion.migration.domain.ConsultationChannel;
import jp.machi.promotion.migration.domain.ConsultationFollowUp;
import jp.machi.promotion.migration.domain.MigrationConsultation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/migration-consultations}: 移住相談. Lists page, sort
 * and filter in the database (fiscal year, days, channel, interests); who the person is (name,
 * e-mail, phone, where they live now) is {@link PersonalData}: masked in lists, CSV and ordinary
 * reads, in full only with {@code ?reveal=personal-data} (staff and above, audited).
 */
@Path("municipalities/{lgCode}/promotion/migration-consultations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class ConsultationResource {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    MigrationService migration;

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

    @JsonbPropertyOrder({"followedOn", "channel", "channelLabel", "note"})
    public record FollowUpView(LocalDate followedOn, String channel, String channelLabel, String note) {
    }

    @JsonbPropertyOrder({"id", "consultedOn", "fiscalYear", "channel", "channelLabel", "name", "email", "phone", "currentResidence",
        "householdSize", "household", "interestWork", "interestHousing", "interestChildRearing", "interests", "followUps",
        "createdAt", "anonymisedAt"})
    public record ConsultationView(UUID id, LocalDate consultedOn, FiscalYear fiscalYear, String channel, String channelLabel,
            @PersonalData(PersonalData.Kind.NAME) String name,
            @PersonalData(PersonalData.Kind.EMAIL) String email,
            @PersonalData(PersonalData.Kind.PHONE) String phone,
            @PersonalData(PersonalData.Kind.ADDRESS) String currentResidence,
            Integer householdSize, String household, boolean interestWork, boolean interestHousing,
            boolean interestChildRearing, String interests, List<FollowUpView> followUps, OffsetDateTime createdAt,
            OffsetDateTime anonymisedAt) {
    }

    ConsultationView view(MigrationConsultation c) {
        Locale l = Problems.locale(headers);
        List<String> interests = new ArrayList<>();
        if (c.isInterestWork()) {
            interests.add(Messages.get(l, "promotion.interest.work"));
        }
        if (c.isInterestHousing()) {
            interests.add(Messages.get(l, "promotion.interest.housing"));
        }
        if (c.isInterestChildRearing()) {
            interests.add(Messages.get(l, "promotion.interest.childRearing"));
        }
        List<FollowUpView> followUps = new ArrayList<>();
        for (ConsultationFollowUp f : c.getFollowUps()) {
            followUps.add(new FollowUpView(f.getFollowedOn(), f.getChannel().name(), label(l, f.getChannel()), f.getNote()));
        }
        return new ConsultationView(c.getId(), c.getConsultedOn(), FiscalYear.of(c.getFiscalYear()), c.getChannel().name(),
                label(l, c.getChannel()), c.getName(), c.getEmail(), c.getPhone(), c.getCurrentResidence(), c.getHouseholdSize(),
                c.getHousehold(), c.isInterestWork(), c.isInterestHousing(), c.isInterestChildRearing(),
                String.join(l.getLanguage().equals("en") ? ", " : "・", interests), followUps, c.getCreatedAt(), c.getAnonymisedAt());
    }

    static String label(Locale l, ConsultationChannel ch) {
        return Messages.get(l, "promotion.consultationChannel." + ch.name());
    }

    /** A follow-up as sent within a consultation. */
    public static class FollowUpInput {
        @NotBlank
        @Size(max = 10)
        public String followedOn;

        @NotBlank
        @Size(max = 20)
        public String channel;

        @Size(max = 1000)
        public String note;
    }

    /** A consultation as sent on create and update (send every field: a field left out is cleared). */
    public static class ConsultationInput {
        @NotBlank
        @Size(max = 10)
        public String consultedOn;

        @NotBlank
        @Size(max = 20)
        public String channel;

        @Size(max = 100)
        public String name;

        @Size(max = 254)
        public String email;

        @Size(max = 40)
        public String phone;

        @Size(max = 200)
        public String currentResidence;

        @Min(1)
        @Max(20)
        public Integer householdSize;

        @Size(max = 200)
        public String household;

        public Boolean interestWork;

        public Boolean interestHousing;

        public Boolean interestChildRearing;

        @Valid
        @Size(max = 100)
        public List<FollowUpInput> followUps;

        MigrationConsultation.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            LocalDate day = PromotionParams.date("consultedOn", consultedOn, errors);
            ConsultationChannel ch = PromotionParams.code(ConsultationChannel.class, "channel", channel,
                    "promotion.consultationChannel.unknown", errors);
            String mail = PromotionParams.blank(email);
            if (mail != null && !EMAIL.matcher(mail).matches()) {
                errors.add(new ApiException.FieldErrorKey("email", "promotion.param.email"));
            }
            String tel = PromotionParams.blank(phone);
            String digits = ResidentQuery.phoneDigits(tel);
            if (tel != null && (digits == null || digits.length() < 6 || digits.length() > 15)) {
                errors.add(new ApiException.FieldErrorKey("phone", "promotion.param.phone"));
            }
            List<MigrationConsultation.FollowUp> fs = new ArrayList<>();
            if (followUps != null) {
                for (int i = 0; i < followUps.size(); i++) {
                    FollowUpInput f = followUps.get(i);
                    if (f == null) {
                        errors.add(new ApiException.FieldErrorKey("followUps[" + i + "]", "promotion.param.required"));
                        continue;
                    }
                    LocalDate d = PromotionParams.date("followUps[" + i + "].followedOn", f.followedOn, errors);
                    ConsultationChannel fc = PromotionParams.code(ConsultationChannel.class, "followUps[" + i + "].channel",
                            f.channel, "promotion.consultationChannel.unknown", errors);
                    fs.add(new MigrationConsultation.FollowUp(d, fc, PromotionParams.blank(f.note)));
                }
            }
            // The days' order and the future are checked here too, so that one answer names every field.
            LocalDate today = MigrationService.today();
            if (day != null && day.isAfter(today)) {
                errors.add(new ApiException.FieldErrorKey("consultedOn", "promotion.date.future"));
            }
            for (int i = 0; i < fs.size(); i++) {
                LocalDate d = fs.get(i).followedOn();
                if (d != null && day != null && d.isBefore(day)) {
                    errors.add(new ApiException.FieldErrorKey("followUps[" + i + "].followedOn", "promotion.consultation.followUpBefore"));
                } else if (d != null && d.isAfter(today)) {
                    errors.add(new ApiException.FieldErrorKey("followUps[" + i + "].followedOn", "promotion.date.future"));
                }
            }
            PromotionParams.throwIfAny(errors);
            return new MigrationConsultation.Content(day, ch, PromotionParams.blank(name), mail, tel,
                    PromotionParams.blank(currentResidence), householdSize, PromotionParams.blank(household),
                    Boolean.TRUE.equals(interestWork), Boolean.TRUE.equals(interestHousing),
                    Boolean.TRUE.equals(interestChildRearing), fs);
        }
    }

    /** A code with its label, for forms. */
    @JsonbPropertyOrder({"code", "label"})
    public record Choice(String code, String label) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("channels")
    @Operation(summary = "The channels a consultation may come by (窓口, イベント, オンライン, 電話, メール), with their labels")
    @Answers(value = Choice.class, list = true)
    public List<Choice> channels() {
        Locale l = Problems.locale(headers);
        return Arrays.stream(ConsultationChannel.values()).map(c -> new Choice(c.name(), label(l, c))).toList();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List migration consultations, newest first (?fiscalYear=R6|2024, ?from=&to= dates, ?channel=,"
            + " ?interestWork=, ?interestHousing=, ?interestChildRearing= true|false; ?sort= consultedOn, channel; paged in the"
            + " database; personal data masked; CSV with ?format=csv or Accept: text/csv, streamed and masked)")
    @Answers(value = ConsultationView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("channel") String channel, @QueryParam("interestWork") String interestWork,
            @QueryParam("interestHousing") String interestHousing,
            @QueryParam("interestChildRearing") String interestChildRearing, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        MigrationService.ConsultationFilter f = new MigrationService.ConsultationFilter(
                PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors), PromotionParams.date("from", from, errors),
                PromotionParams.date("to", to, errors),
                PromotionParams.code(ConsultationChannel.class, "channel", channel, "promotion.consultationChannel.unknown", errors),
                PromotionParams.bool("interestWork", interestWork, errors),
                PromotionParams.bool("interestHousing", interestHousing, errors),
                PromotionParams.bool("interestChildRearing", interestChildRearing, errors));
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<MigrationConsultation> found = migration.consultations(f, MigrationService.CONSULTATION_SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("migration-consultations.csv",
                    List.of("consultedOn", "fiscalYear", "channel", "name", "email", "phone", "currentResidence", "householdSize",
                            "household", "interests", "followUps").stream()
                            .map(k -> Messages.get(l, "promotion.csv.consultation." + k)).toList(),
                    exports.of(found, this::view), v -> Arrays.asList(v.consultedOn(), v.fiscalYear().label(l), v.channelLabel(),
                            v.name(), v.email(), v.phone(), v.currentResidence(), v.householdSize(), v.household(), v.interests(),
                            v.followUps().size()));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a consultation (the answer masks the personal data sent, like every read without ?reveal)")
    @Answers(value = ConsultationView.class, status = 201)
    public Response create(@Valid ConsultationInput body) {
        Bodies.require(body);
        MigrationConsultation c = migration.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .tag(Versions.tag(c.getVersion())).entity(view(c)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One consultation with its follow-ups; ?reveal=personal-data shows the personal data in full (staff and"
            + " above; recorded in the audit trail)")
    @Answers(ConsultationView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        MigrationConsultation c = migration.consultation(id);
        if (full) {
            disclosure.reveal(c, c.getId());
        }
        return Response.ok(view(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a consultation and its follow-ups (If-Match required; send every field and every follow-up)")
    @Answers(ConsultationView.class)
    public Response update(@PathParam("id") UUID id, @Valid ConsultationInput body) {
        Bodies.require(body);
        MigrationConsultation c = migration.consultation(id);
        Versions.requireMatch(request, headers, c.getVersion());
        migration.revise(c, body.content());
        return Response.ok(view(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a consultation (If-Match required; 409 while a supported migration refers to it)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        MigrationConsultation c = migration.consultation(id);
        Versions.requireMatch(request, headers, c.getVersion());
        migration.delete(c);
        return Response.noContent().build();
    }
}
