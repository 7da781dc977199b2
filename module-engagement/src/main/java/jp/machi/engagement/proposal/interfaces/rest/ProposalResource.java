package jp.machi.engagement.proposal.interfaces.rest;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
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
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.workflow.Workflow;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.core.workflow.WorkflowViews;
import jp.machi.core.workflow.WorkflowViews.ActionView;
import jp.machi.core.workflow.WorkflowViews.HistoryView;
import jp.machi.core.workflow.WorkflowViews.TransitionInput;
import jp.machi.engagement.proposal.application.ProposalAnswerWorkflow;
import jp.machi.engagement.proposal.application.ProposalMails;
import jp.machi.engagement.proposal.application.ProposalService;
import jp.machi.engagement.proposal.domain.CitizenProposal;
import jp.machi.engagement.proposal.domain.ProposalCoUnit;
import jp.machi.engagement.proposal.domain.ProposalStatus;
import jp.machi.engagement.voice.domain.AnswerState;
import jp.machi.engagement.voice.domain.Channel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/proposals}: まちづくり提言 (citizen proposals).
 * Anyone may send one (core's public intake) and read the published ones with their status and
 * approved answer; staff register paper ones, route them to a lead unit and the units considering
 * them with it, answer (approved through {@code /{id}/answer}, as voices' answers are), send the
 * answer by e-mail and publish. The proposer's data is {@link PersonalData}: masked in every staff
 * response unless {@code ?reveal=personal-data}, absent from public ones.
 */
@Path("municipalities/{lgCode}/engagement/proposals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class ProposalResource {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    ProposalService proposals;

    @Inject
    PersonalDataDisclosure disclosure;

    @Inject
    PublicIntake intake;

    @Inject
    Exports exports;

    @Inject
    ProposalMails mails;

    @Inject
    WorkflowService workflows;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    /** A unit considering the proposal besides the lead unit, with what it found. */
    @JsonbPropertyOrder({"unitId", "unitName", "note"})
    public record CoUnitView(UUID unitId, String unitName, String note) {
    }

    /** A proposal as staff see it; the proposer's data masked unless revealed. */
    @JsonbPropertyOrder({"id", "receiptNumber", "receivedAt", "fiscalYear", "fiscalYearLabel", "channel", "channelLabel",
        "field", "title", "body", "proposerName", "proposerAddress", "proposerPhone", "proposerEmail", "unitId", "unitName",
        "coUnits", "status", "statusLabel", "answer", "answerState", "answeredAt", "answerEmailedAt", "published",
        "publishedSummary", "publishedAt", "anonymisedAt", "spam"})
    public record ProposalView(UUID id, String receiptNumber, OffsetDateTime receivedAt, int fiscalYear,
            String fiscalYearLabel, Channel channel, String channelLabel, String field, String title, String body,
            @PersonalData(PersonalData.Kind.NAME) String proposerName,
            @PersonalData(PersonalData.Kind.ADDRESS) String proposerAddress,
            @PersonalData(PersonalData.Kind.PHONE) String proposerPhone,
            @PersonalData(PersonalData.Kind.EMAIL) String proposerEmail,
            UUID unitId, String unitName, List<CoUnitView> coUnits, ProposalStatus status, String statusLabel,
            String answer, AnswerState answerState, OffsetDateTime answeredAt, OffsetDateTime answerEmailedAt,
            boolean published, String publishedSummary, OffsetDateTime publishedAt, OffsetDateTime anonymisedAt,
            boolean spam) {
    }

    /** A published proposal as anyone sees it: never anything about the proposer; the answer once approved. */
    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "receivedOn", "field", "title", "summary", "status",
        "statusLabel", "answer", "answeredOn", "unitName", "publishedOn"})
    public record PublishedProposalView(UUID id, int fiscalYear, String fiscalYearLabel, LocalDate receivedOn,
            String field, String title, String summary, ProposalStatus status, String statusLabel, String answer,
            LocalDate answeredOn, String unitName, LocalDate publishedOn) {
    }

    /** What the proposer gets back: the receipt, nothing of what they sent. */
    @JsonbPropertyOrder({"receiptNumber", "receivedOn", "fiscalYearLabel"})
    public record Receipt(String receiptNumber, LocalDate receivedOn, String fiscalYearLabel) {
    }

    /** The answer's approval (決裁) as it stands, what the caller may do now, and what happened. */
    @JsonbPropertyOrder({"proposalId", "state", "stateLabel", "approved", "actions", "history"})
    public record AnswerApprovalView(UUID proposalId, String state, String stateLabel, boolean approved,
            List<ActionView> actions, List<HistoryView> history) {
    }

    /** A proposal as a resident sends it (or staff register a paper one, with channel and date). */
    public static class Submission {
        @Size(max = 100)
        public String field;

        @NotBlank
        @Size(max = 200)
        public String title;

        @NotBlank
        @Size(max = 4000)
        public String body;

        @Size(max = 100)
        public String name;

        @Size(max = 300)
        public String address;

        @Size(max = 40)
        public String phone;

        @Size(max = 254)
        public String email;

        /** Staff only: how it came (default: web form). */
        public Channel channel;

        /** Staff only: the day it came (default: now). */
        public LocalDate receivedOn;

        /** The honeypot: hidden from people; filled, the proposal is filed as spam. */
        public String website;
    }

    /** One unit considering the proposal with the lead unit. */
    public static class CoUnit {
        @NotNull
        public UUID unitId;

        @Size(max = 2000)
        public String note;
    }

    /** How staff handle a proposal: routing, consideration, answer, status, publication (never the proposer). */
    public static class Handling {
        @Size(max = 100)
        public String field;

        @NotBlank
        @Size(max = 200)
        public String title;

        @NotBlank
        @Size(max = 4000)
        public String body;

        public UUID unitId;

        @Size(max = 20)
        public List<@Valid @NotNull CoUnit> coUnits;

        @NotNull
        public ProposalStatus status;

        @Size(max = 4000)
        public String answer;

        @NotNull
        public Boolean published;

        @Size(max = 2000)
        public String publishedSummary;
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Send a citizen proposal (anyone; 201 with a receipt number only). Idempotency-Key header:"
            + " a retry gives the first answer, the proposal is filed once; over the municipality's rate limit 429."
            + " Staff registering a paper one may give channel and receivedOn")
    @Answers(value = Receipt.class, status = 201)
    public Response submit(@Valid Submission body) {
        Bodies.require(body);
        boolean staff = CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!staff && body.channel != null) {
            errors.add(new ApiException.FieldErrorKey("channel", "engagement.proposal.staffOnly"));
        }
        if (!staff && body.receivedOn != null) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.proposal.staffOnly"));
        }
        if (body.receivedOn != null && body.receivedOn.isAfter(LocalDate.now(ProposalService.JAPAN))) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.proposal.receivedInFuture"));
        }
        if (body.receivedOn != null && body.receivedOn.getYear() < 1989) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.proposal.receivedTooEarly"));
        }
        String email = blankToNull(body.email);
        String phone = blankToNull(body.phone);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "engagement.proposal.emailMalformed"));
        }
        String digits = ResidentQuery.phoneDigits(phone);
        if (phone != null && (digits == null || digits.length() < 6 || digits.length() > 15
                || !phone.matches("[0-9０-９\\-－ー()（）+＋ 　]+"))) {
            errors.add(new ApiException.FieldErrorKey("phone", "engagement.proposal.phoneMalformed"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime receivedAt = body.receivedOn == null ? null
                : body.receivedOn.atStartOfDay(ProposalService.JAPAN).toOffsetDateTime();
        Locale language = Problems.locale(headers);
        return intake.accept(headers, ProposalService.SERIES, body, body.website, receivedAt, in -> {
            CitizenProposal p = proposals.receive(in, body.channel == null ? Channel.WEB_FORM : body.channel,
                    blankToNull(body.field), body.title.strip(), body.body.strip(),
                    new CitizenProposal.Proposer(blankToNull(body.name), blankToNull(body.address), phone, email));
            if (!p.isSpam()) {
                mails.receipt(p, language);
            }
            return new Receipt(p.getReceiptNumber(), p.getReceivedAt().atZoneSameInstant(ProposalService.JAPAN).toLocalDate(),
                    ProposalService.fiscalYearOf(p.getReceivedAt()).label(language));
        });
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List citizen proposals, newest first (filters: status, unitId (lead or considering),"
            + " fiscalYear e.g. 2020; ?sort= receivedAt, receiptNumber, title, status, field; paged in the database;"
            + " CSV with ?format=csv, streamed); the proposer's data masked")
    @Answers(value = ProposalView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("status") String status, @QueryParam("unitId") String unitId,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        ProposalStatus s = status(status, errors);
        UUID unit = uuid("unitId", unitId, errors);
        FiscalYear fy = fiscalYear(fiscalYear, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        var query = proposals.list(new ProposalService.Filter(s, unit, fy), ProposalService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("citizen-proposals.csv",
                    List.of("receiptNumber", "receivedAt", "fiscalYear", "channel", "field", "title", "proposerName",
                            "proposerPhone", "proposerEmail", "proposerAddress", "unitName", "coUnits", "status",
                            "answer", "published").stream().map(k -> Messages.get(l, "engagement.csv.proposal." + k)).toList(),
                    exports.of(query, p -> view(p, l)), v -> Arrays.asList(v.receiptNumber(), v.receivedAt().toString(),
                            v.fiscalYearLabel(), v.channelLabel(), v.field(), v.title(), v.proposerName(), v.proposerPhone(),
                            v.proposerEmail(), v.proposerAddress(), v.unitName(),
                            String.join("、", v.coUnits().stream().map(CoUnitView::unitName).toList()), v.statusLabel(),
                            v.answer(), v.published()));
        }
        Locale l = Problems.locale(headers);
        return Response.ok(query.page(paging).map(p -> view(p, l))).build();
    }

    @GET
    @Path("published")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Published citizen proposals with their status and approved answer (anyone; never anything"
            + " about the proposer; filters: status, fiscalYear; ?sort= receivedAt, publishedAt, title)")
    @Answers(value = PublishedProposalView.class, page = true)
    public Page<PublishedProposalView> published(@BeanParam PageRequest paging, @QueryParam("status") String status,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        ProposalStatus s = status(status, errors);
        FiscalYear fy = fiscalYear(fiscalYear, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        paging.offset();
        Locale l = Problems.locale(headers);
        return proposals.published(s, fy, ProposalService.PUBLISHED_SORT.parse(sort)).page(paging)
                .map(p -> publicView(p, l));
    }

    @GET
    @Path("published/{id}")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "One published citizen proposal (anyone; 404 when it is not published)")
    @Answers(PublishedProposalView.class)
    public PublishedProposalView publishedOne(@PathParam("id") UUID id) {
        return publicView(proposals.requirePublished(id), Problems.locale(headers));
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One citizen proposal; ?reveal=personal-data shows the proposer's data in full (staff and"
            + " above; recorded in the audit trail)")
    @Answers(ProposalView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        CitizenProposal p = proposals.require(id);
        if (full) {
            disclosure.reveal(p, p.getId());
        }
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Route (lead unit, units considering it with their findings), answer, set the status or"
            + " publish a citizen proposal (If-Match required); the proposer's data is not part of it")
    @Answers(ProposalView.class)
    public Response update(@PathParam("id") UUID id, @Valid Handling body) {
        Bodies.require(body);
        CitizenProposal p = proposals.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        String answer = blankToNull(body.answer);
        String summary = blankToNull(body.publishedSummary);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!body.status.open() && !p.isAnswerApproved()) {
            errors.add(new ApiException.FieldErrorKey("status", "engagement.proposal.outcomeNeedsApproval"));
        }
        if (p.isAnswerApproved() && body.status.open()) {
            errors.add(new ApiException.FieldErrorKey("status", "engagement.proposal.answerApprovedStatus"));
        }
        if (p.getAnswerState() != AnswerState.DRAFT && !java.util.Objects.equals(answer, p.getAnswer())) {
            errors.add(new ApiException.FieldErrorKey("answer", "engagement.proposal.answerLocked"));
        }
        if (body.published && summary == null) {
            errors.add(new ApiException.FieldErrorKey("publishedSummary", "engagement.proposal.publishNeedsSummary"));
        }
        Map<UUID, String> coUnits = new LinkedHashMap<>();
        if (body.coUnits != null) {
            for (CoUnit c : body.coUnits) {
                if (coUnits.containsKey(c.unitId)) {
                    errors.add(new ApiException.FieldErrorKey("coUnits", "engagement.proposal.coUnitTwice", c.unitId));
                }
                coUnits.put(c.unitId, blankToNull(c.note));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        proposals.handle(p, new CitizenProposal.Handling(blankToNull(body.field), body.title.strip(), body.body.strip(),
                body.unitId, coUnits, body.status, answer, body.published, summary));
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @GET
    @Path("{id}/answer")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The approval (決裁) of the proposal's answer: its state, the actions the caller may take now,"
            + " the history; ETag of the proposal")
    @Answers(AnswerApprovalView.class)
    public Response answer(@PathParam("id") UUID id) {
        return answer(proposals.require(id));
    }

    @POST
    @Path("{id}/answer/transitions")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Submit the proposal's answer for approval, approve it, or return it with a reason"
            + " ({\"action\":\"submit|approve|return\",\"comment\":…}; If-Match: the proposal's ETag)")
    @Answers(AnswerApprovalView.class)
    public Response transition(@PathParam("id") UUID id, @Valid TransitionInput body) {
        Bodies.require(body);
        CitizenProposal p = proposals.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        workflows.take(ProposalAnswerWorkflow.DEFINITION, p, body.action, body.comment);
        proposals.flush();
        return answer(p);
    }

    @POST
    @Path("{id}/answer-email")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Send the approved answer to the proposer by e-mail (If-Match required; 409 without an"
            + " approved answer or an e-mail address); queued in the outbox, delivered after commit")
    @Answers(ProposalView.class)
    public Response answerEmail(@PathParam("id") UUID id) {
        CitizenProposal p = proposals.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        mails.answer(p);
        proposals.flush();
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    private Response answer(CitizenProposal p) {
        Locale l = Problems.locale(headers);
        Workflow<CitizenProposal> wf = ProposalAnswerWorkflow.DEFINITION;
        List<ActionView> actions = WorkflowViews.actions(wf, p, l);
        List<HistoryView> history = WorkflowViews.history(wf, workflows.history(wf, p.getId()), l);
        Workflow.State s = wf.stateOf(p);
        return Response.ok(new AnswerApprovalView(p.getId(), s.code(), s.label().in(l), p.isAnswerApproved(), actions,
                history)).tag(Versions.tag(p.getVersion())).build();
    }

    private ProposalView view(CitizenProposal p, Locale l) {
        FiscalYear fy = ProposalService.fiscalYearOf(p.getReceivedAt());
        List<CoUnitView> co = p.getCoUnits().stream().map((ProposalCoUnit c) -> new CoUnitView(c.getUnitId(),
                proposals.unitName(c.getUnitId()).orElse(null), c.getNote())).toList();
        return new ProposalView(p.getId(), p.getReceiptNumber(), japan(p.getReceivedAt()), fy.startYear(), fy.label(l),
                p.getChannel(), p.getChannel().label().in(l), p.getField(), p.getTitle(), p.getBody(), p.getProposerName(),
                p.getProposerAddress(), p.getProposerPhone(), p.getProposerEmail(), p.getUnitId(),
                proposals.unitName(p.getUnitId()).orElse(null), co, p.getStatus(), p.getStatus().label().in(l),
                p.getAnswer(), p.getAnswerState(), japan(p.getAnsweredAt()), japan(p.getAnswerEmailedAt()),
                p.isPublished(), p.getPublishedSummary(), japan(p.getPublishedAt()), japan(p.getAnonymisedAt()), p.isSpam());
    }

    private PublishedProposalView publicView(CitizenProposal p, Locale l) {
        FiscalYear fy = ProposalService.fiscalYearOf(p.getReceivedAt());
        boolean answered = p.isAnswerApproved();
        return new PublishedProposalView(p.getId(), fy.startYear(), fy.label(l), day(p.getReceivedAt()), p.getField(),
                p.getTitle(), p.getPublishedSummary(), p.getStatus(), p.getStatus().label().in(l),
                answered ? p.getAnswer() : null, answered ? day(p.getAnsweredAt()) : null,
                proposals.unitName(p.getUnitId()).orElse(null), day(p.getPublishedAt()));
    }

    private static ProposalStatus status(String status, List<ApiException.FieldErrorKey> errors) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProposalStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey("status", "engagement.proposal.statusUnknown", status));
            return null;
        }
    }

    private static UUID uuid(String name, String value, List<ApiException.FieldErrorKey> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(name, "engagement.proposal.uuidExpected", value));
            return null;
        }
    }

    private static FiscalYear fiscalYear(String value, List<ApiException.FieldErrorKey> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{4}")) {
            int y = Integer.parseInt(v);
            if (y >= 1989 && y <= 2200) {
                return FiscalYear.of(y);
            }
        }
        errors.add(new ApiException.FieldErrorKey("fiscalYear", "engagement.proposal.fiscalYearMalformed", value));
        return null;
    }

    private static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ProposalService.JAPAN).toOffsetDateTime();
    }

    private static LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ProposalService.JAPAN).toLocalDate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
