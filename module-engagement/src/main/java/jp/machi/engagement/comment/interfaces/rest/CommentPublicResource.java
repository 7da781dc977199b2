package jp.machi.engagement.comment.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Sort;
import jp.machi.core.file.AttachmentEndpoints;
import jp.machi.core.file.Attachments;
import jp.machi.core.identity.Access;
import jp.machi.engagement.comment.application.CommentDocuments;
import jp.machi.engagement.comment.application.CommentService;
import jp.machi.engagement.comment.domain.CommentProcedure;
import jp.machi.engagement.comment.domain.Phase;
import jp.machi.engagement.comment.domain.ProcedureStatus;
import jp.machi.engagement.comment.interfaces.rest.CommentViews.DocumentView;
import jp.machi.engagement.comment.interfaces.rest.CommentViews.PublicProcedureView;
import jp.machi.engagement.comment.interfaces.rest.CommentViews.ResponseView;
import jp.machi.engagement.voice.application.VoiceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code …/engagement/public-comments/public}: what anyone sees of public comments: the open ones
 * with the days remaining, the past ones with their results once published, their documents. Never
 * a submitter's name, address or opinion as sent: only the lines staff wrote for the results.
 */
@Path("municipalities/{lgCode}/engagement/public-comments/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class CommentPublicResource {

    @Inject
    CommentService service;

    @Inject
    Attachments attachments;

    @Inject
    AttachmentEndpoints endpoints;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @GET
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Public comments anyone sees (?phase= OPEN (default: open now, the period ending soonest first),"
            + " UPCOMING, RESULTS (results published, latest first), CLOSED (period over, results to come); paged)")
    @Answers(value = PublicProcedureView.class, page = true)
    public Page<PublicProcedureView> list(@BeanParam PageRequest paging, @QueryParam("phase") String phase) {
        paging.offset();
        String p = phase == null || phase.isBlank() ? "OPEN" : phase.strip().toUpperCase(Locale.ROOT);
        Phase ph = switch (p) {
            case "OPEN" -> Phase.OPEN;
            case "UPCOMING" -> Phase.UPCOMING;
            case "CLOSED" -> Phase.CLOSED;
            case "RESULTS", "RESULTS_PUBLISHED" -> Phase.RESULTS_PUBLISHED;
            default -> throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("phase",
                    "engagement.comment.publicPhaseUnknown", phase.length() > 40 ? phase.substring(0, 40) : phase)));
        };
        Sort sort = CommentService.SORT.parse(ph == Phase.OPEN || ph == Phase.UPCOMING ? "periodEnd,title" : "-periodEnd,title");
        return service.list(ph, null, sort).page(paging).map(x -> view(x, false));
    }

    @GET
    @Path("{id}")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "One announced public comment with its documents, and its results once published (404 for one"
            + " not announced)")
    @Answers(PublicProcedureView.class)
    public PublicProcedureView get(@PathParam("id") UUID id) {
        return view(service.requirePublic(id), true);
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Download a document of an announced public comment (anyone)")
    @Answers(media = MediaType.WILDCARD)
    public Response document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return endpoints.download(CommentDocuments.owner(service.requirePublic(id).getId()), documentId, request);
    }

    private PublicProcedureView view(CommentProcedure p, boolean detail) {
        Locale l = Problems.locale(headers);
        LocalDate today = VoiceService.today();
        Phase phase = p.phase(today);
        boolean results = p.getStatus() == ProcedureStatus.RESULTS_PUBLISHED;
        CommentService.Counts c = results ? service.counts(p.getId()) : null;
        List<DocumentView> documents = detail ? attachments.all(CommentDocuments.owner(p.getId())).stream()
                .filter(f -> results || !f.getId().equals(p.getFinalTextId()))
                .map(f -> new DocumentView(f.getId(), f.getFileName(), f.getSizeBytes(), f.getId().equals(p.getFinalTextId())))
                .toList() : null;
        return new PublicProcedureView(p.getId(), p.getTitle(), p.getKind().label().in(l), p.getSummary(),
                service.unitName(p.getUnitId()).orElse(null), p.getPeriodStart(), p.getPeriodEnd(), p.periodDays(),
                p.getShortPeriodReason(), phase, phase.label().in(l), CommentViews.daysRemaining(p, phase, today),
                service.nameRequired(), service.addressRequired(), documents, c == null ? null : c.submitters(),
                c == null ? null : c.opinions(), c == null ? null : c.submitters() == 0,
                results ? p.getResultSummary() : null, results ? p.getFinalTextId() : null,
                results && detail ? p.getResponses().stream().map(ResponseView::of).toList() : null,
                CommentViews.day(p.getResultsPublishedAt()));
    }
}
