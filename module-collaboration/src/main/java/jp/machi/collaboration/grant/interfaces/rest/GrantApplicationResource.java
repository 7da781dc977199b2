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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.grant.application.GrantService;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.collaboration.grant.domain.GrantScore;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/grants/applications/{id}}: one grant application —
 * revised while not yet checked, the completeness check, each panel member's scores, the decision
 * (by {@value CollaborationModule#APPROVER}, within the call's budget), the printable notice and the
 * result report and settlement. Every change needs If-Match.
 */
@Path("municipalities/{lgCode}/collaboration/grants/applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class GrantApplicationResource {

    @Inject
    GrantService grants;

    @Inject
    GrantNoticePage notices;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @JsonbPropertyOrder({"item", "amount", "eligible"})
    public record LineView(String item, long amount, boolean eligible) {
    }

    @JsonbPropertyOrder({"reviewerName", "criterionId", "score"})
    public record ScoreView(String reviewerName, UUID criterionId, int score) {
    }

    /** A document of an application: which it is, and its file (never its bytes). */
    @JsonbPropertyOrder({"fileId", "document", "fileName", "contentType", "size", "addedAt"})
    public record DocumentView(UUID fileId, String document, String fileName, String contentType, Long size,
            java.time.OffsetDateTime addedAt) {

        static DocumentView of(jp.machi.collaboration.grant.domain.GrantDocument d,
                jp.machi.core.file.domain.StoredFile f) {
            return new DocumentView(d.getFileId(), d.getDocument(), d.getFileName(), f == null ? null : f.getContentType(),
                    f == null ? null : f.getSizeBytes(), jp.machi.collaboration.interfaces.rest.QueryParams.japan(d.getAddedAt()));
        }
    }

    @JsonbPropertyOrder({"id", "receiptNumber", "callId", "fiscalYear", "fiscalYearLabel", "partnerId", "applicantName", "projectTitle",
        "plan", "startYear", "fundingYear", "budgetLines", "totalCost", "eligibleCost", "requestedAmount", "channel",
        "receivedOn", "state", "stateLabel", "completenessNote", "scores", "weightedTotal", "grantedAmount",
        "decisionReason", "decidedOn", "paid", "spent", "returned", "resultReport", "settledOn", "documents",
        "missingDocuments", "invented", "version"})
    public record ApplicationView(UUID id, String receiptNumber, UUID callId, int fiscalYear, String fiscalYearLabel, UUID partnerId,
            String applicantName, String projectTitle, String plan, int startYear, int fundingYear,
            List<LineView> budgetLines, long totalCost, long eligibleCost, long requestedAmount, String channel,
            LocalDate receivedOn, String state, String stateLabel, String completenessNote, List<ScoreView> scores,
            BigDecimal weightedTotal, Long grantedAmount, String decisionReason, LocalDate decidedOn, Long paid, Long spent,
            Long returned, String resultReport, LocalDate settledOn, List<DocumentView> documents,
            List<String> missingDocuments, boolean invented, long version) {
    }

    public static class LineInput {
        @NotBlank
        @Size(max = 200)
        public String item;

        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long amount;

        public boolean eligible = true;
    }

    public static class ApplicationInput {
        @NotNull
        public UUID partnerId;

        @NotBlank
        @Size(max = 200)
        public String projectTitle;

        @NotBlank
        @Size(max = 4000)
        public String plan;

        /** 事業立ち上げ年度: the fiscal year the project started (令和2年度, R2, 2020 …). */
        @NotNull
        public FiscalYear startYear;

        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long requestedAmount;

        @NotNull
        @Size(min = 1, max = 50)
        public List<@NotNull @Valid LineInput> budgetLines;

        /** 受付日 of a paper application (by default today). */
        public LocalDate receivedOn;

        GrantApplication.Content content() {
            if (startYear.startYear() < 1989 || startYear.startYear() > 2200) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("startYear",
                        "collaboration.grant.fiscalYearRange")));
            }
            long total = budgetLines.stream().mapToLong(l -> l.amount).sum();
            if (total > 1_000_000_000_000L) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("budgetLines",
                        "collaboration.grant.budgetTooLarge")));
            }
            return new GrantApplication.Content(partnerId, null, projectTitle.strip(), plan.strip(), startYear.startYear(),
                    requestedAmount, budgetLines.stream().map(l -> new GrantApplication.Line(l.item.strip(), l.amount,
                            l.eligible)).toList());
        }
    }

    public static class CompletenessInput {
        @NotNull
        public Boolean complete;

        @Size(max = 1000)
        public String note;
    }

    public static class ScoreInput {
        @NotNull
        public UUID criterionId;

        @NotNull
        @Min(0)
        @Max(GrantScore.MAX)
        public Integer score;
    }

    public static class ScoresInput {
        @NotNull
        @Size(min = 1, max = 20)
        public List<@NotNull @Valid ScoreInput> scores;
    }

    public static class DecisionInput {
        @NotNull
        public Boolean adopt;

        @Min(1)
        @Max(1_000_000_000_000L)
        public Long grantedAmount;

        @Size(max = 1000)
        public String reason;
    }

    public static class SettlementInput {
        /** 交付額 (支払済). */
        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long paid;

        /** 補助金の支出額. */
        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long spent;

        /** 実績報告の概要. */
        @Size(max = 4000)
        public String resultReport;
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "One grant application with its budget lines, scores, weighted total, decision and settlement")
    @Answers(ApplicationView.class)
    public Response get(@PathParam("id") UUID id) {
        return one(grants.requireApplication(id));
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise an application before its completeness is confirmed, budget lines included (If-Match)")
    @Answers(ApplicationView.class)
    public Response update(@PathParam("id") UUID id, @Valid ApplicationInput body) {
        Bodies.require(body);
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        grants.revise(a, body.content());
        return one(a);
    }

    @POST
    @Path("{id}/completeness")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "形式審査: complete (to review) or incomplete with a note (If-Match)")
    @Answers(ApplicationView.class)
    public Response completeness(@PathParam("id") UUID id, @Valid CompletenessInput body) {
        Bodies.require(body);
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        grants.checkCompleteness(a, body.complete, blank(body.note));
        return one(a);
    }

    @PUT
    @Path("{id}/scores")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "The calling panel member's scores (0–5) on every criterion of the call, replacing their earlier"
            + " ones (If-Match; the application's version rises)")
    @Answers(ApplicationView.class)
    public Response score(@PathParam("id") UUID id, @Valid ScoresInput body) {
        Bodies.require(body);
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        for (ScoreInput s : body.scores) {
            if (scores.put(s.criterionId, s.score) != null) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("scores",
                        "collaboration.grant.scoreRepeated")));
            }
        }
        Caller caller = CallerContext.current().orElseThrow();
        grants.score(a, caller, scores);
        return one(a);
    }

    @POST
    @Path("{id}/decision")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "採択 / 不採択 by a holder of collaboration.approver (If-Match); the granted amounts of a call"
            + " may not exceed its budget (409 grant-budget-exceeded)")
    @Answers(ApplicationView.class)
    public Response decide(@PathParam("id") UUID id, @Valid DecisionInput body) {
        Bodies.require(body);
        Caller caller = CallerContext.current().orElseThrow();
        if (!caller.holds(CollaborationModule.APPROVER)) {
            throw new ApiException(403, "forbidden", "collaboration.grant.approverOnly");
        }
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        grants.decide(a, body.adopt, body.adopt ? body.grantedAmount : null, blank(body.reason));
        return one(a);
    }

    /** The calling panel member's scores as {@code PUT {id}/scores} takes them, for a merge patch. */
    @jp.machi.core.api.MergePatch.Base("{id}/scores")
    @Transactional
    public jakarta.json.JsonObject currentScores(@PathParam("id") UUID id) {
        GrantApplication a = grants.requireApplication(id);
        String me = CallerContext.current().orElseThrow().id();
        jakarta.json.JsonArrayBuilder scores = jakarta.json.Json.createArrayBuilder();
        a.getScores().stream().filter(s -> s.getReviewerId().equals(me)).forEach(s -> scores.add(jakarta.json.Json
                .createObjectBuilder().add("criterionId", s.getCriterionId().toString()).add("score", s.getScore())));
        return jakarta.json.Json.createObjectBuilder().add("scores", scores).build();
    }

    /** The settlement as {@code PUT {id}/settlement} takes it, for a merge patch (paid, spent, report). */
    @jp.machi.core.api.MergePatch.Base("{id}/settlement")
    @Transactional
    public SettlementInput currentSettlement(@PathParam("id") UUID id) {
        GrantApplication a = grants.requireApplication(id);
        SettlementInput s = new SettlementInput();
        s.paid = a.getPaid();
        s.spent = a.getSpent();
        s.resultReport = a.getResultReport();
        return s;
    }

    @PUT
    @Path("{id}/settlement")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "実績報告・精算 of an adopted application: paid (≤ granted), spent; returned = paid − spent when"
            + " positive (If-Match)")
    @Answers(ApplicationView.class)
    public Response settle(@PathParam("id") UUID id, @Valid SettlementInput body) {
        Bodies.require(body);
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        grants.settle(a, body.paid, body.spent, blank(body.resultReport));
        return one(a);
    }

    @GET
    @Path("{id}/notice")
    @Produces(MediaType.TEXT_HTML)
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "交付決定通知書 / 不採択通知書: the decision as a print-friendly HTML page addressed to the"
            + " organisation (409 before the decision)")
    @Answers
    public Response notice(@PathParam("id") UUID id) {
        GrantApplication a = grants.requireApplication(id);
        if (a.getState() != GrantApplicationState.ADOPTED && a.getState() != GrantApplicationState.REJECTED) {
            throw ApiException.conflict("grant-undecided", "collaboration.grant.undecided");
        }
        return Response.ok(notices.render(a, grants.requireCall(a.getCallId())))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private Response one(GrantApplication a) {
        GrantCall call = grants.requireCall(a.getCallId());
        return Response.ok(view(a, call, Problems.locale(headers), grants.weights(call))).tag(Versions.tag(a.getVersion()))
                .build();
    }

    static ApplicationView view(GrantApplication a, GrantCall call, Locale l, Map<UUID, Integer> weights) {
        Map<UUID, Integer> w = weights == null ? call.getCriteria().stream().collect(java.util.stream.Collectors.toMap(
                c -> c.getId(), c -> c.getWeight())) : weights;
        return new ApplicationView(a.getId(), a.getReceiptNumber(), a.getCallId(), a.getFiscalYear(), FiscalYear.of(a.getFiscalYear()).label(l),
                a.getPartnerId(), a.getApplicantName(), a.getProjectTitle(), a.getPlan(), a.getStartYear(),
                a.fundingYear(), a.getBudgetLines().stream().map(x -> new LineView(x.getItem(), x.getAmount(),
                        x.isEligible())).toList(), a.totalCost(), a.eligibleCost(), a.getRequestedAmount(), a.getChannel(),
                a.getReceivedOn(), a.getState().name(), Messages.get(l, "collaboration.grant.state." + a.getState().name()),
                a.getCompletenessNote(), a.getScores().stream()
                        // A stable order (reviewer, criterion): the rows' order in the database is none.
                        .sorted(java.util.Comparator.comparing(jp.machi.collaboration.grant.domain.GrantScore::getReviewerId)
                                .thenComparing(jp.machi.collaboration.grant.domain.GrantScore::getCriterionId))
                        .map(s -> new ScoreView(s.getReviewerName(),
                        s.getCriterionId(), s.getScore())).toList(), a.weightedTotal(w), a.getGrantedAmount(),
                a.getDecisionReason(), a.getDecidedOn(), a.getPaid(), a.getSpent(), a.returned(), a.getResultReport(),
                a.getSettledOn(), a.getDocuments().stream().map(d -> DocumentView.of(d, null)).toList(),
                a.missingDocuments(call.getRequiredDocuments()), a.isInvented(), a.getVersion());
    }
}
