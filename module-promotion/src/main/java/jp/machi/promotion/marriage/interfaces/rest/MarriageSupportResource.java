package jp.machi.promotion.marriage.interfaces.rest;

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
import java.time.ZoneId;
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
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.marriage.application.MarriageSupportService;
import jp.machi.promotion.marriage.domain.MarriageActivityKind;
import jp.machi.promotion.marriage.domain.MarriageSupportActivity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/marriage-support}: 結婚支援 activities (exchange
 * events, consultations, seminars) with participants, couples formed and marriages; a year's totals
 * summed in the database; counts only, no person.
 */
@Path("municipalities/{lgCode}/promotion/marriage-support")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class MarriageSupportResource {

    static final int MAX_COUNT = 100_000;

    @Inject
    MarriageSupportService marriage;

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

    @JsonbPropertyOrder({"id", "kind", "kindLabel", "heldOn", "fiscalYear", "title", "participants", "couplesFormed", "marriages", "note"})
    public record ActivityView(UUID id, String kind, String kindLabel, LocalDate heldOn, FiscalYear fiscalYear, String title, int participants,
            int couplesFormed, int marriages, String note) {
    }

    ActivityView view(MarriageSupportActivity a) {
        Locale l = Problems.locale(headers);
        return new ActivityView(a.getId(), a.getKind().name(), Messages.get(l, "promotion.marriageKind." + a.getKind()), a.getHeldOn(),
                FiscalYear.of(a.getFiscalYear()), a.getTitle(), a.getParticipants(), a.getCouplesFormed(), a.getMarriages(), a.getNote());
    }

    /** An activity as sent on create and update. */
    public static class ActivityInput {
        @Size(max = 20)
        public String kind;

        @Size(max = 20)
        public String heldOn;

        @Size(max = 200)
        public String title;

        @Min(0)
        @Max(MAX_COUNT)
        public Integer participants;

        @Min(0)
        @Max(MAX_COUNT)
        public Integer couplesFormed;

        @Min(0)
        @Max(MAX_COUNT)
        public Integer marriages;

        @Size(max = 1000)
        public String note;

        MarriageSupportActivity.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            MarriageActivityKind k = PromotionParams.code(MarriageActivityKind.class, "kind", kind, "promotion.marriageKind.unknown", errors);
            if (k == null && (kind == null || kind.isBlank())) {
                errors.add(new ApiException.FieldErrorKey("kind", "promotion.param.required"));
            }
            LocalDate on = PromotionParams.date("heldOn", heldOn, errors);
            if (on == null && (heldOn == null || heldOn.isBlank())) {
                errors.add(new ApiException.FieldErrorKey("heldOn", "promotion.param.required"));
            } else if (on != null && on.isAfter(LocalDate.now(ZoneId.of("Asia/Tokyo")))) {
                errors.add(new ApiException.FieldErrorKey("heldOn", "promotion.date.future"));
            }
            String t = PromotionParams.blank(title);
            if (t == null) {
                errors.add(new ApiException.FieldErrorKey("title", "promotion.param.required"));
            }
            int p = participants == null ? 0 : participants;
            int c = couplesFormed == null ? 0 : couplesFormed;
            int m = marriages == null ? 0 : marriages;
            if (c * 2L > p && k == MarriageActivityKind.EVENT) {
                errors.add(new ApiException.FieldErrorKey("couplesFormed", "promotion.marriage.couples"));
            }
            PromotionParams.throwIfAny(errors);
            return new MarriageSupportActivity.Content(k, on, t, p, c, m, PromotionParams.blank(note));
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List marriage-support activities, newest first (?fiscalYear= R6|2024, ?kind=EVENT|CONSULTATION|SEMINAR;"
            + " ?sort= heldOn, kind; paged in the database; CSV with ?format=csv or Accept: text/csv, streamed)")
    @Answers(value = ActivityView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("kind") String kind, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        MarriageActivityKind k = PromotionParams.code(MarriageActivityKind.class, "kind", kind, "promotion.marriageKind.unknown", errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<MarriageSupportActivity> found = marriage.list(fy, k, MarriageSupportService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("marriage-support.csv", List.of("heldOn", "fiscalYear", "kind", "title", "participants", "couplesFormed", "marriages",
                    "note").stream().map(x -> Messages.get(l, "promotion.csv.marriage." + x)).toList(), exports.of(found, this::view),
                    v -> Arrays.asList(v.heldOn(), v.fiscalYear().label(l), v.kindLabel(), v.title(), v.participants(), v.couplesFormed(),
                            v.marriages(), v.note()));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @JsonbPropertyOrder({"fiscalYear", "activities", "events", "consultations", "seminars", "participants", "couplesFormed", "marriages"})
    public record TotalsView(FiscalYear fiscalYear, long activities, long events, long consultations, long seminars, long participants,
            long couplesFormed, long marriages) {
    }

    @GET
    @Path("totals")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "A fiscal year's marriage-support figures (?fiscalYear= R6|2024; this fiscal year when left out), summed in the database")
    @Answers(TotalsView.class)
    public TotalsView totals(@QueryParam("fiscalYear") String fiscalYear) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        if (fy == null && errors.isEmpty()) {
            fy = FiscalYear.containing(LocalDate.now(ZoneId.of("Asia/Tokyo"))).startYear();
        }
        PromotionParams.throwIfAny(errors);
        MarriageSupportService.Totals t = marriage.totals(fy);
        return new TotalsView(FiscalYear.of(fy), t.activities(), t.events(), t.consultations(), t.seminars(), t.participants(), t.couplesFormed(),
                t.marriages());
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a marriage-support activity")
    @Answers(value = ActivityView.class, status = 201)
    public Response create(@Valid ActivityInput body) {
        Bodies.require(body);
        MarriageSupportActivity a = marriage.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(a.getId().toString()).build()).tag(Versions.tag(a.getVersion()))
                .entity(view(a)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One marriage-support activity")
    @Answers(ActivityView.class)
    public Response get(@PathParam("id") UUID id) {
        MarriageSupportActivity a = marriage.require(id);
        return Response.ok(view(a)).tag(Versions.tag(a.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a marriage-support activity (If-Match required)")
    @Answers(ActivityView.class)
    public Response update(@PathParam("id") UUID id, ActivityInput body) {
        MarriageSupportActivity a = marriage.require(id);
        Bodies.valid(validator, body);
        Versions.requireMatch(request, headers, a.getVersion());
        marriage.revise(a, body.content());
        return Response.ok(view(a)).tag(Versions.tag(a.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a marriage-support activity (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        MarriageSupportActivity a = marriage.require(id);
        Versions.requireMatch(request, headers, a.getVersion());
        marriage.delete(a);
        return Response.noContent().build();
    }
}
