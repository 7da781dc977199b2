package jp.machi.collaboration.partnership.interfaces.rest;

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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.interfaces.rest.QueryParams;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partnership.application.PartnershipService;
import jp.machi.collaboration.partnership.domain.AgreementKind;
import jp.machi.collaboration.partnership.domain.PartnershipActivity;
import jp.machi.collaboration.partnership.domain.PartnershipAgreement;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/partnerships}: partnership agreements (連携協定)
 * with universities, companies and financial institutions, and their activities; every change of
 * an agreement or of its activities needs the agreement's ETag in If-Match.
 */
@Path("municipalities/{lgCode}/collaboration/partnerships")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class PartnershipResource {

    @Inject
    PartnershipService partnerships;

    @Inject
    Exports exports;

    @Inject
    jakarta.validation.Validator validator;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "title", "partnerId", "partnerName", "kind", "kindLabel", "concludedOn", "endsOn", "renewal",
        "fields", "note", "invented", "activityCount", "activities", "version"})
    public record AgreementView(UUID id, String title, UUID partnerId, String partnerName, String kind, String kindLabel,
            LocalDate concludedOn, LocalDate endsOn, String renewal, List<String> fields, String note, boolean invented,
            int activityCount, List<ActivityView> activities, long version) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "heldOn", "title", "kind", "participants", "note"})
    public record ActivityView(UUID id, int fiscalYear, String fiscalYearLabel, LocalDate heldOn, String title, String kind,
            Integer participants, String note) {
    }

    public static class ActivityInput {
        @NotNull
        public LocalDate heldOn;

        @NotBlank
        @Size(max = 200)
        public String title;

        /** From the setting partnershipActivityKinds (演奏会, 表彰, 学校プログラム …). */
        @NotBlank
        @Size(max = 50)
        public String kind;

        @Min(0)
        @Max(10_000_000)
        public Integer participants;

        @Size(max = 500)
        public String note;

        PartnershipAgreement.Activity activity() {
            return new PartnershipAgreement.Activity(heldOn, title.strip(), kind.strip(), participants, blank(note));
        }
    }

    public static class AgreementInput {
        @NotBlank
        @Size(max = 200)
        public String title;

        /** A registered partner (協働の相手方); its name becomes the party's name. */
        public UUID partnerId;

        /** The other party's name when it is not a registered partner (東京藝術大学 …). */
        @Size(max = 200)
        public String partnerName;

        /** UNIVERSITY, COMPANY, FINANCIAL_INSTITUTION or OTHER. */
        @NotBlank
        @Size(max = 30)
        public String kind;

        @NotNull
        public LocalDate concludedOn;

        public LocalDate endsOn;

        /** How it is renewed (e.g. 1年ごとの自動更新). */
        @Size(max = 200)
        public String renewal;

        /** 連携分野 (芸術・文化, 教育 …). */
        @Size(max = 10)
        public List<@NotBlank @Size(max = 90) String> fields;

        @Size(max = 1000)
        public String note;

        /** The activities (replacing those recorded); absent on PUT keeps them. */
        @Valid
        @Size(max = 500)
        public List<@NotNull ActivityInput> activities;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List partnership agreements (連携協定) (filters: kind, active=true for those in force today,"
            + " q (title, party, fields, note); ?sort= concludedOn, partnerName, title, kind, endsOn, - for descending;"
            + " paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = AgreementView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("kind") String kind,
            @QueryParam("active") String active, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        AgreementKind k = QueryParams.parse(AgreementKind.class, "kind", kind, errors);
        boolean inForce = QueryParams.bool("active", active, errors);
        String text = q != null && q.length() > 200 ? QueryParams.tooLong(errors) : blank(q);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<PartnershipAgreement> query = partnerships.list(
                new PartnershipService.Filter(k, inForce, PartnerService.today(), text), PartnershipService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("partnerships.csv", List.of("title", "partnerName", "kind", "concludedOn", "endsOn", "renewal",
                    "fields", "activities", "note", "invented").stream()
                    .map(c -> Messages.get(l, "collaboration.partnership.csv." + c)).toList(),
                    exports.of(query, p -> p), p -> Arrays.asList(p.getTitle(), p.getPartnerName(), p.getKind().label(l),
                            p.getConcludedOn(), p.getEndsOn(), p.getRenewal(), String.join("、", p.getFields()),
                            p.getActivities().size(), p.getNote(),
                            p.isInvented() ? Messages.get(l, "collaboration.partnership.invented") : ""));
        }
        return Response.ok(query.page(paging).map(p -> view(p, false, l))).build();
    }

    @GET
    @Path("activities")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "The activities under all agreements in a fiscal year (?fiscalYear=, by default the current one),"
            + " by date, with their agreement and party; CSV with ?format=csv")
    @Answers(YearActivities.class)
    public Response activities(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("format") String format) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? FiscalYear.containing(PartnerService.today())
                : FiscalYear.parse(fiscalYear);
        Locale l = Problems.locale(headers);
        List<Object[]> rows = partnerships.activitiesOf(fy);
        if (Csv.requested(format, headers)) {
            return Csv.stream("partnership-activities-" + fy.startYear() + ".csv", List.of("heldOn", "title", "kind",
                    "participants", "agreement", "partnerName", "note").stream()
                    .map(c -> Messages.get(l, "collaboration.partnership.csv.activity." + c)).toList(),
                    rows, r -> {
                        PartnershipActivity a = (PartnershipActivity) r[0];
                        return Arrays.asList(a.getHeldOn(), a.getTitle(), a.getKind(), a.getParticipants(), r[1], r[2],
                                a.getNote());
                    });
        }
        List<YearActivity> out = rows.stream().map(r -> new YearActivity(activity((PartnershipActivity) r[0], l),
                (UUID) r[3], (String) r[1], (String) r[2])).toList();
        return Response.ok(new YearActivities(fy.startYear(), fy.label(l), out.size(),
                out.stream().mapToLong(a -> a.activity().participants() == null ? 0 : a.activity().participants()).sum(),
                out)).build();
    }

    @JsonbPropertyOrder({"activity", "agreementId", "agreementTitle", "partnerName"})
    public record YearActivity(ActivityView activity, UUID agreementId, String agreementTitle, String partnerName) {
    }

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "count", "participants", "items"})
    public record YearActivities(int fiscalYear, String fiscalYearLabel, int count, long participants,
            List<YearActivity> items) {
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a partnership agreement (title, a registered partnerId or a partnerName, kind, concludedOn,"
            + " endsOn, renewal, fields) with its activities")
    @Answers(value = AgreementView.class, status = 201)
    public Response create(@Valid AgreementInput body) {
        Bodies.require(body);
        PartnershipAgreement p = partnerships.create(content(body, false),
                body.activities == null ? List.of() : body.activities.stream().map(ActivityInput::activity).toList());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .entity(view(p, true, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One partnership agreement with its activities, by date")
    @Answers(AgreementView.class)
    public Response get(@PathParam("id") UUID id) {
        PartnershipAgreement p = partnerships.require(id);
        return Response.ok(view(p, true, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a partnership agreement; with activities, they replace the recorded ones (If-Match required)")
    @Answers(AgreementView.class)
    public Response update(@PathParam("id") UUID id, AgreementInput body) {
        PartnershipAgreement p = partnerships.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        jp.machi.core.api.Bodies.valid(validator, body);
        partnerships.revise(p, content(body, p.isInvented()),
                body.activities == null ? null : body.activities.stream().map(ActivityInput::activity).toList());
        return Response.ok(view(p, true, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @POST
    @Path("{id}/activities")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Add one activity to a partnership agreement (If-Match: the agreement's ETag; answers the agreement"
            + " with its new ETag)")
    @Answers(value = AgreementView.class, status = 201)
    public Response addActivity(@PathParam("id") UUID id, ActivityInput body) {
        PartnershipAgreement p = partnerships.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        jp.machi.core.api.Bodies.valid(validator, body);
        checkDate("heldOn", body.heldOn);
        partnerships.addActivity(p, body.activity());
        return Response.status(201).entity(view(p, true, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a partnership agreement with its activities (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        PartnershipAgreement p = partnerships.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        partnerships.delete(p);
        return Response.noContent().build();
    }

    private static void checkDate(String field, LocalDate d) {
        if (d != null && (d.getYear() < 1900 || d.getYear() > 2200)) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(field, "collaboration.partnership.dateOutOfRange",
                    d.toString())));
        }
    }

    private static PartnershipAgreement.Content content(AgreementInput b, boolean invented) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        AgreementKind kind = QueryParams.parse(AgreementKind.class, "kind", b.kind, errors);
        for (String[] f : new String[][] {{"concludedOn"}, {"endsOn"}}) {
            LocalDate d = "concludedOn".equals(f[0]) ? b.concludedOn : b.endsOn;
            if (d != null && (d.getYear() < 1900 || d.getYear() > 2200)) {
                errors.add(new ApiException.FieldErrorKey(f[0], "collaboration.partnership.dateOutOfRange", d.toString()));
            }
        }
        if (b.endsOn != null && b.concludedOn != null && b.endsOn.isBefore(b.concludedOn)) {
            errors.add(new ApiException.FieldErrorKey("endsOn", "collaboration.partnership.endsBeforeConcluded"));
        }
        if (b.activities != null) {
            for (int i = 0; i < b.activities.size(); i++) {
                LocalDate d = b.activities.get(i).heldOn;
                if (d != null && (d.getYear() < 1900 || d.getYear() > 2200)) {
                    errors.add(new ApiException.FieldErrorKey("activities[" + i + "].heldOn",
                            "collaboration.partnership.dateOutOfRange", d.toString()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PartnershipAgreement.Content(b.title.strip(), b.partnerId, blank(b.partnerName), kind, b.concludedOn,
                b.endsOn, blank(b.renewal), b.fields == null ? List.of() : b.fields.stream().map(String::strip).toList(),
                blank(b.note), invented);
    }

    static ActivityView activity(PartnershipActivity a, Locale l) {
        return new ActivityView(a.getId(), a.getFiscalYear(), FiscalYear.of(a.getFiscalYear()).label(l), a.getHeldOn(),
                a.getTitle(), a.getKind(), a.getParticipants(), a.getNote());
    }

    static AgreementView view(PartnershipAgreement p, boolean withActivities, Locale l) {
        List<PartnershipActivity> acts = p.getActivities();
        return new AgreementView(p.getId(), p.getTitle(), p.getPartnerId(), p.getPartnerName(), p.getKind().name(),
                p.getKind().label(l), p.getConcludedOn(), p.getEndsOn(), p.getRenewal(), p.getFields(), p.getNote(),
                p.isInvented(), acts.size(), withActivities ? acts.stream().map(a -> activity(a, l)).toList() : null,
                p.getVersion());
    }
}
