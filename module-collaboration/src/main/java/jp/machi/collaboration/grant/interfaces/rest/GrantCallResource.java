package jp.machi.collaboration.grant.interfaces.rest;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.grant.application.GrantService;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.collaboration.interfaces.rest.QueryParams;
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
 * {@code /api/v1/municipalities/{lgCode}/collaboration/grants/calls}: the calls for proposal-based
 * grants (協働提案型公募補助) per fiscal year with their criteria and schedule; a call's applications
 * ({@code {id}/applications}, staff-entered paper ones are posted here) and its ranking.
 */
@Path("municipalities/{lgCode}/collaboration/grants/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class GrantCallResource {

    @Inject
    GrantService grants;

    @Inject
    jp.machi.collaboration.grant.application.FundService funds;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "name", "weight"})
    public record CriterionView(UUID id, String name, int weight) {
    }

    @JsonbPropertyOrder({"briefingOn", "workshopOn", "submissionOpensOn", "submissionClosesOn", "hearingOn", "decisionOn"})
    public record ScheduleView(LocalDate briefingOn, LocalDate workshopOn, LocalDate submissionOpensOn,
            LocalDate submissionClosesOn, LocalDate hearingOn, LocalDate decisionOn) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "title", "purpose", "eligibility", "budget", "maxPerGrant",
        "subsidyRate", "maxYears", "schedule", "criteria", "requiredDocuments", "fundId", "open", "granted", "invented", "version"})
    public record CallView(UUID id, int fiscalYear, String fiscalYearLabel, String title, String purpose, String eligibility,
            long budget, long maxPerGrant, int subsidyRate, int maxYears, ScheduleView schedule, List<CriterionView> criteria,
            List<String> requiredDocuments, UUID fundId, boolean open, Long granted, boolean invented, long version) {
    }

    public static class CriterionInput {
        @NotBlank
        @Size(max = 200)
        public String name;

        @NotNull
        @Min(1)
        @Max(100)
        public Integer weight;
    }

    public static class ScheduleInput {
        public LocalDate briefingOn;
        public LocalDate workshopOn;
        @NotNull
        public LocalDate submissionOpensOn;
        @NotNull
        public LocalDate submissionClosesOn;
        public LocalDate hearingOn;
        public LocalDate decisionOn;
    }

    public static class CallInput {
        @NotNull
        public FiscalYear fiscalYear;

        @NotBlank
        @Size(max = 200)
        public String title;

        @NotBlank
        @Size(max = 2000)
        public String purpose;

        @NotBlank
        @Size(max = 2000)
        public String eligibility;

        /** 予算額 (円). */
        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long budget;

        /** 1件あたりの上限額 (円). */
        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long maxPerGrant;

        /** 補助率 (%). */
        @NotNull
        @Min(1)
        @Max(100)
        public Integer subsidyRate;

        /** 同一事業への補助の最長年数 (事業立ち上げから); by default the module setting. */
        @Min(1)
        @Max(50)
        public Integer maxYears;

        @NotNull
        @Valid
        public ScheduleInput schedule;

        @NotNull
        @Size(min = 1, max = 20)
        public List<@NotNull @Valid CriterionInput> criteria;

        /** The fund (基金) that finances the call's grants, if any. */
        public UUID fundId;

        /** 提出書類: what every application must attach before it is complete (企画書, 収支予算書 …). */
        @Size(max = 10)
        public List<@NotBlank @Size(max = 100) String> requiredDocuments;

        /** The required documents, stripped; 400 for a repeat or a line break. */
        List<String> documents() {
            List<String> out = new ArrayList<>();
            if (requiredDocuments != null) {
                for (int i = 0; i < requiredDocuments.size(); i++) {
                    String d = requiredDocuments.get(i).strip();
                    if (d.contains("\n") || d.contains("\r") || out.contains(d)) {
                        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("requiredDocuments[" + i + "]",
                                "collaboration.grant.documentName")));
                    }
                    out.add(d);
                }
            }
            return out;
        }

        GrantCall.Content content(boolean invented, int defaultMaxYears) {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            if (fiscalYear.startYear() < 1989 || fiscalYear.startYear() > 2200) {
                errors.add(new ApiException.FieldErrorKey("fiscalYear", "collaboration.grant.fiscalYearRange"));
            }
            if (schedule.submissionClosesOn.isBefore(schedule.submissionOpensOn)) {
                errors.add(new ApiException.FieldErrorKey("schedule.submissionClosesOn", "collaboration.grant.periodReversed"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new GrantCall.Content(fiscalYear.startYear(), title.strip(), purpose.strip(), eligibility.strip(), budget,
                    maxPerGrant, subsidyRate, maxYears == null ? defaultMaxYears : maxYears, new GrantCall.Schedule(schedule.briefingOn, schedule.workshopOn,
                            schedule.submissionOpensOn, schedule.submissionClosesOn, schedule.hearingOn, schedule.decisionOn),
                    criteria.stream().map(c -> new GrantCall.Criterion(c.name.strip(), c.weight)).toList(), invented);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List grant calls (filters: fiscalYear, q (title, purpose); ?sort= fiscalYear, title,"
            + " submissionClosesOn, - for descending; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = CallView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (q != null && q.length() > 200) {
            q = QueryParams.tooLong(errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Integer fy = blank(fiscalYear) == null ? null : FiscalYear.parse(fiscalYear).startYear();
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<GrantCall> query = grants.calls(fy, blank(q), GrantService.CALL_SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("grant-calls.csv", List.of("fiscalYear", "title", "budget", "maxPerGrant", "subsidyRate",
                    "maxYears", "submissionOpensOn", "submissionClosesOn", "hearingOn", "decisionOn", "criteria", "invented")
                    .stream().map(k -> Messages.get(l, "collaboration.csv.grantCall." + k)).toList(),
                    exports.of(query, c -> c), c -> Arrays.asList(FiscalYear.of(c.getFiscalYear()).label(l), c.getTitle(),
                            c.getBudget(), c.getMaxPerGrant(), c.getSubsidyRate(), c.getMaxYears(),
                            c.getSchedule().submissionOpensOn(), c.getSchedule().submissionClosesOn(),
                            c.getSchedule().hearingOn(), c.getSchedule().decisionOn(),
                            String.join(" / ", c.getCriteria().stream().map(k -> k.getName() + " ×" + k.getWeight()).toList()),
                            c.isInvented() ? Messages.get(l, "collaboration.association.invented") : ""));
        }
        return Response.ok(query.page(paging).map(c -> view(c, l, null))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Open a grant call for a fiscal year (budget, maximum per grant, subsidy rate, maximum years from"
            + " start-up, review criteria with weights, schedule)")
    @Answers(value = CallView.class, status = 201)
    public Response create(@Valid CallInput body) {
        Bodies.require(body);
        funds.requireReference("fundId", body.fundId);
        GrantCall c = grants.create(body.content(false, grants.defaultMaxYears()), body.documents(), body.fundId);
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .entity(view(c, Problems.locale(headers), 0L)).tag(Versions.tag(c.getVersion())).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One grant call with its criteria, schedule and the amount granted so far")
    @Answers(CallView.class)
    public Response get(@PathParam("id") UUID id) {
        GrantCall c = grants.requireCall(id);
        return one(c);
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a grant call, criteria included (If-Match; a change of the criteria alone raises the version)")
    @Answers(CallView.class)
    public Response update(@PathParam("id") UUID id, @Valid CallInput body) {
        Bodies.require(body);
        GrantCall c = grants.requireCall(id);
        Versions.requireMatch(request, headers, c.getVersion());
        funds.requireReference("fundId", body.fundId);
        c.financedBy(body.fundId);
        grants.revise(c, body.content(c.isInvented(), grants.defaultMaxYears()), body.documents());
        return one(c);
    }

    @GET
    @Path("{id}/applications")
    @Access(minimum = Role.STAFF)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "A call's applications (filters: state, q (applicant, project); ?sort= receivedOn, applicantName,"
            + " projectTitle, requestedAmount, state; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = GrantApplicationResource.ApplicationView.class, page = true)
    public Response applications(@PathParam("id") UUID id, @BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("state") String state, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        GrantApplicationState s = QueryParams.parse(GrantApplicationState.class, "state", state, errors);
        if (q != null && q.length() > 200) {
            q = QueryParams.tooLong(errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        GrantCall call = grants.requireCall(id);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<GrantApplication> query = grants.applications(call.getId(), s, blank(q),
                GrantService.APPLICATION_SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("grant-applications-" + call.getFiscalYear() + ".csv", List.of("receivedOn", "applicantName",
                    "projectTitle", "fundingYear", "eligibleCost", "requestedAmount", "state", "grantedAmount", "paid", "spent",
                    "returned").stream().map(k -> Messages.get(l, "collaboration.csv.grantApplication." + k)).toList(),
                    exports.of(query, a -> a), a -> Arrays.asList(a.getReceivedOn(), a.getApplicantName(),
                            a.getProjectTitle(), a.fundingYear(), a.eligibleCost(), a.getRequestedAmount(),
                            Messages.get(l, "collaboration.grant.state." + a.getState().name()), a.getGrantedAmount(),
                            a.getPaid(), a.getSpent(), a.returned()));
        }
        return Response.ok(query.page(paging).map(a -> GrantApplicationResource.view(a, call, l, null))).build();
    }

    @POST
    @Path("{id}/applications")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Enter a paper application to a call for a registered partner (requested amount within the"
            + " maximum and the rate × eligible cost; 409 grant-years-exceeded beyond the call's years from start-up)")
    @Answers(value = GrantApplicationResource.ApplicationView.class, status = 201)
    public Response apply(@PathParam("lgCode") String lgCode, @PathParam("id") UUID id, @Valid GrantApplicationResource.ApplicationInput body) {
        Bodies.require(body);
        GrantCall call = grants.requireCall(id);
        LocalDate received = body.receivedOn == null ? jp.machi.collaboration.partner.application.PartnerService.today()
                : body.receivedOn;
        GrantApplication a = grants.apply(call, body.content(), "PAPER", received, false);
        return Response.created(uri.getBaseUriBuilder().path("municipalities").path(lgCode)
                .path("collaboration/grants/applications").path(a.getId().toString()).build())
                .entity(GrantApplicationResource.view(a, call, Problems.locale(headers), null))
                .tag(Versions.tag(a.getVersion())).build();
    }

    @JsonbPropertyOrder({"rank", "applicationId", "applicantName", "projectTitle", "requestedAmount", "weightedTotal",
        "reviewers", "state", "grantedAmount"})
    public record RankLine(int rank, UUID applicationId, String applicantName, String projectTitle, long requestedAmount,
            BigDecimal weightedTotal, long reviewers, String state, Long grantedAmount) {
    }

    @JsonbPropertyOrder({"budget", "granted", "remaining", "maximumTotal", "lines"})
    public record Ranking(long budget, long granted, long remaining, long maximumTotal, List<RankLine> lines) {
    }

    @GET
    @Path("{id}/ranking")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "The ranking of a call's reviewed applications by weighted total (per panel member Σ score × weight,"
            + " averaged over members), with the budget, the amount granted and what remains")
    @Answers(Ranking.class)
    public Ranking ranking(@PathParam("id") UUID id) {
        GrantCall call = grants.requireCall(id);
        long granted = grants.granted(call.getId(), new UUID(0, 0));
        long max = call.getCriteria().stream().mapToLong(c -> (long) c.getWeight()
                * jp.machi.collaboration.grant.domain.GrantScore.MAX).sum();
        return new Ranking(call.getBudget(), granted, call.getBudget() - granted, max, grants.ranking(call).stream()
                .map(r -> new RankLine(r.rank(), r.application().getId(), r.application().getApplicantName(),
                        r.application().getProjectTitle(), r.application().getRequestedAmount(), r.weightedTotal(),
                        r.application().getScores().stream().map(s -> s.getReviewerId()).distinct().count(),
                        r.application().getState().name(), r.application().getGrantedAmount())).toList());
    }

    private Response one(GrantCall c) {
        return Response.ok(view(c, Problems.locale(headers), grants.granted(c.getId(), new UUID(0, 0))))
                .tag(Versions.tag(c.getVersion())).build();
    }

    static CallView view(GrantCall c, Locale l, Long granted) {
        GrantCall.Schedule s = c.getSchedule();
        return new CallView(c.getId(), c.getFiscalYear(), FiscalYear.of(c.getFiscalYear()).label(l), c.getTitle(),
                c.getPurpose(), c.getEligibility(), c.getBudget(), c.getMaxPerGrant(), c.getSubsidyRate(), c.getMaxYears(),
                new ScheduleView(s.briefingOn(), s.workshopOn(), s.submissionOpensOn(), s.submissionClosesOn(),
                        s.hearingOn(), s.decisionOn()),
                c.getCriteria().stream().map(k -> new CriterionView(k.getId(), k.getName(), k.getWeight())).toList(),
                c.getRequiredDocuments(), c.getFundId(), c.open(jp.machi.collaboration.partner.application.PartnerService.today()), granted, c.isInvented(),
                c.getVersion());
    }
}
