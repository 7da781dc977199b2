package jp.machi.engagement.comment.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.file.AttachmentEndpoints;
import jp.machi.core.file.AttachmentEndpoints.AttachmentView;
import jp.machi.core.file.Attachments;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.comment.application.CommentDocuments;
import jp.machi.engagement.comment.application.CommentService;
import jp.machi.engagement.comment.domain.CommentKind;
import jp.machi.engagement.comment.domain.CommentProcedure;
import jp.machi.engagement.comment.domain.Phase;
import jp.machi.engagement.comment.interfaces.rest.CommentViews.ProcedureView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/public-comments}: パブリックコメント (意見公募手続)
 * as staff run them: prepare the draft with its PDF documents, announce it (公示), prepare the
 * results once the period is over, and publish them (holders of {@value EngagementModule#APPROVER}).
 * What anyone sees is in {@link CommentPublicResource}; the opinions in {@link CommentSubmissionResource}.
 */
@Path("municipalities/{lgCode}/engagement/public-comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class CommentProcedureResource {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    @Inject
    CommentService service;

    @Inject
    Exports exports;

    @Inject
    AttachmentEndpoints endpoints;

    @Inject
    Attachments attachments;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    /** A procedure as staff prepare it. */
    public static class ProcedureInput {
        @NotBlank
        @Size(max = 200)
        public String title;

        @NotNull
        public CommentKind kind;

        @Size(max = 4000)
        public String summary;

        /** The responsible unit (担当課). */
        public UUID unitId;

        @NotNull
        public LocalDate periodStart;

        @NotNull
        public LocalDate periodEnd;

        /** Required when the period is shorter than the municipality's minimum; published. */
        @Size(max = 1000)
        public String shortPeriodReason;
    }

    /** The results as staff prepare them. */
    public static class ResultsInput {
        @Valid
        @Size(max = 500)
        public List<@NotNull @Valid ResponseInput> responses;

        @Size(max = 4000)
        public String resultSummary;

        /** The final text: one of the procedure's documents. */
        public UUID finalTextId;
    }

    /** One line of the results. */
    public static class ResponseInput {
        @NotBlank
        @Size(max = 2000)
        public String opinion;

        @Min(1)
        @Max(100000)
        public Integer opinionCount;

        @NotBlank
        @Size(max = 2000)
        public String consideration;

        @NotNull
        public Boolean draftChanged;
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Prepare a public comment procedure (準備中): a period shorter than the municipality's minimum"
            + " (publicCommentMinimumDays, 30 by default) needs shortPeriodReason, which is published")
    @Answers(value = ProcedureView.class, status = 201)
    public Response create(@Valid ProcedureInput body) {
        CommentProcedure.Draft d = draft(Bodies.require(body));
        CommentProcedure p = service.create(d);
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .entity(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List public comment procedures (filters: phase = DRAFT, UPCOMING, OPEN, CLOSED, RESULTS_PUBLISHED;"
            + " unitId; ?sort= periodEnd, periodStart, title, status, - for descending; paged in the database; CSV with"
            + " ?format=csv, streamed)")
    @Answers(value = ProcedureView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("phase") String phase, @QueryParam("unitId") String unitId, @QueryParam("sort") String sort) {
        Phase ph = phase(phase);
        UUID unit = uuid("unitId", unitId);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<CommentProcedure> query = service.list(ph, unit, CommentService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("public-comments.csv",
                    List.of("title", "kind", "unitName", "periodStart", "periodEnd", "periodDays", "shortPeriodReason",
                            "phase", "submitters", "opinions", "resultsPublishedAt").stream()
                            .map(k -> Messages.get(l, "engagement.csv.comment." + k)).toList(),
                    exports.of(query, this::view), v -> Arrays.asList(v.title(), v.kindLabel(), v.unitName(),
                            v.periodStart(), v.periodEnd(), v.periodDays(), v.shortPeriodReason(), v.phaseLabel(),
                            v.submitters(), v.opinions(), v.resultsPublishedAt()));
        }
        return Response.ok(query.page(paging).map(this::view)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One public comment procedure with its counts and results")
    @Answers(ProcedureView.class)
    public Response get(@PathParam("id") UUID id) {
        CommentProcedure p = service.require(id);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Edit a procedure (If-Match required; 409 once its results are published)")
    @Answers(ProcedureView.class)
    public Response update(@PathParam("id") UUID id, @Valid ProcedureInput body) {
        Bodies.require(body);
        CommentProcedure p = service.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        service.edit(p, draft(body));
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @POST
    @Path("{id}/announce")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Announce a prepared procedure (公示; If-Match required; 409 if it is not 準備中): it is on the"
            + " portal and open for opinions during its period")
    @Answers(ProcedureView.class)
    public Response announce(@PathParam("id") UUID id) {
        CommentProcedure p = service.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        service.announce(p);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{id}/results")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Prepare the results once the period is over (If-Match required; 409 before): each opinion or a"
            + " summary of several with the consideration and whether the draft changed, a summary, the final text (one"
            + " of the procedure's documents)")
    @Answers(ProcedureView.class)
    public Response results(@PathParam("id") UUID id, @Valid ResultsInput body) {
        Bodies.require(body);
        CommentProcedure p = service.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        if (p.getStatus() == jp.machi.engagement.comment.domain.ProcedureStatus.RESULTS_PUBLISHED) {
            throw ApiException.conflict("comment-results-published", "engagement.comment.resultsPublished");
        }
        if (body.finalTextId != null && attachments.all(CommentDocuments.owner(p.getId())).stream()
                .noneMatch(f -> f.getId().equals(body.finalTextId))) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("finalTextId",
                    "engagement.comment.documentNotFound", body.finalTextId)));
        }
        List<CommentProcedure.Response> lines = body.responses == null ? List.of() : body.responses.stream()
                .map(r -> new CommentProcedure.Response(r.opinion.strip(), r.opinionCount == null ? 1 : r.opinionCount,
                        r.consideration.strip(), r.draftChanged)).toList();
        service.prepareResults(p, lines, CommentViews.blankToNull(body.resultSummary), body.finalTextId);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @POST
    @Path("{id}/publish-results")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Publish the results on the portal (holders of engagement.approver only, 403 otherwise; If-Match"
            + " required; 409 before the period is over; 400 when opinions came and no line answers them)")
    @Answers(ProcedureView.class)
    public Response publishResults(@PathParam("id") UUID id) {
        if (CallerContext.current().filter(c -> c.holds(EngagementModule.APPROVER)).isEmpty()) {
            throw new ApiException(403, "forbidden", "engagement.comment.approverOnly");
        }
        CommentProcedure p = service.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        service.publishResults(p);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Attach a document (PDF only: the draft, its explanation, the final text): the raw file as the"
            + " body, its name in ?fileName=; published with the procedure once announced")
    @Answers(value = AttachmentEndpoints.AttachmentView.class, status = 201)
    public Response upload(@PathParam("id") UUID id, @QueryParam("fileName") String fileName, InputStream body) {
        return endpoints.upload(CommentDocuments.owner(service.require(id).getId()), CommentDocuments.POLICY, fileName,
                body, uri);
    }

    @GET
    @Path("{id}/documents")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The procedure's documents, oldest first (paged)")
    @Answers(value = AttachmentView.class, page = true)
    public Page<AttachmentView> documents(@PathParam("id") UUID id, @BeanParam PageRequest paging) {
        return endpoints.list(CommentDocuments.owner(service.require(id).getId()), paging);
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "Download a document of the procedure")
    @Answers(media = MediaType.WILDCARD)
    public Response document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return endpoints.download(CommentDocuments.owner(service.require(id).getId()), documentId, request);
    }

    @DELETE
    @Path("{id}/documents/{documentId}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Remove a document (If-Match required; 409 for the final text of published results)")
    @Answers(status = 204)
    public Response deleteDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        CommentProcedure p = service.require(id);
        if (documentId.equals(p.getFinalTextId())
                && p.getStatus() == jp.machi.engagement.comment.domain.ProcedureStatus.RESULTS_PUBLISHED) {
            throw ApiException.conflict("comment-results-published", "engagement.comment.resultsPublished");
        }
        return endpoints.delete(CommentDocuments.owner(p.getId()), documentId, request, headers);
    }

    private ProcedureView view(CommentProcedure p) {
        return CommentViews.staff(p, service, Problems.locale(headers));
    }

    private CommentProcedure.Draft draft(ProcedureInput body) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        for (var f : List.of(new Object[] {"periodStart", body.periodStart}, new Object[] {"periodEnd", body.periodEnd})) {
            LocalDate d = (LocalDate) f[1];
            if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
                errors.add(new ApiException.FieldErrorKey((String) f[0], "engagement.comment.dateOutOfRange",
                        EARLIEST.toString(), LATEST.toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        CommentProcedure.Draft d = new CommentProcedure.Draft(body.title.strip(), body.kind,
                CommentViews.blankToNull(body.summary), body.unitId, body.periodStart, body.periodEnd,
                CommentViews.blankToNull(body.shortPeriodReason));
        service.check(d, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return d;
    }

    static Phase phase(String phase) {
        if (phase == null || phase.isBlank()) {
            return null;
        }
        try {
            return Phase.valueOf(phase.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("phase", "engagement.comment.phaseUnknown",
                    phase.length() > 40 ? phase.substring(0, 40) : phase)));
        }
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(field, "engagement.voice.uuidExpected",
                    value.length() > 40 ? value.substring(0, 40) : value)));
        }
    }
}
