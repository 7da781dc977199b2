package jp.machi.engagement.comment.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.engagement.comment.application.CommentService;
import jp.machi.engagement.comment.domain.CommentProcedure;
import jp.machi.engagement.comment.domain.CommentSubmission;
import jp.machi.engagement.comment.domain.Phase;
import jp.machi.engagement.comment.domain.ProcedureStatus;
import jp.machi.engagement.comment.domain.SubmissionChannel;
import jp.machi.engagement.comment.interfaces.rest.CommentViews.Receipt;
import jp.machi.engagement.comment.interfaces.rest.CommentViews.SubmissionView;
import jp.machi.engagement.voice.application.VoiceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code …/engagement/public-comments/{id}/submissions}: the opinions submitted on a procedure.
 * Anyone submits during the period (core's public intake: rate limit, receipt number, a retry with
 * the same Idempotency-Key files one); staff type in those that came by post, fax, e-mail or in
 * person, with the day they came (within the period). The name and address are required or not as
 * the municipality's settings say, and masked for staff unless revealed.
 */
@Path("municipalities/{lgCode}/engagement/public-comments/{id}/submissions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class CommentSubmissionResource {

    @Inject
    CommentService service;

    @Inject
    PublicIntake intake;

    @Inject
    Exports exports;

    @Inject
    PersonalDataDisclosure disclosure;

    @Context
    HttpHeaders headers;

    /** An opinion as a resident sends it (staff may also give channel, day and count). */
    public static class SubmissionInput {
        @NotBlank
        @Size(max = 4000)
        public String opinion;

        @Size(max = 100)
        public String name;

        @Size(max = 300)
        public String address;

        /** Staff only: how it came (default: web form). */
        public SubmissionChannel channel;

        /** Staff only: the day it came (default: today); within the period. */
        public LocalDate receivedOn;

        /** Staff only: how many opinions it holds (default 1). */
        @Min(1)
        @Max(1000)
        public Integer opinionCount;

        /** The honeypot: hidden from people in the portal's form. */
        public String website;
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Submit an opinion on a public comment (anyone, during the period only: 409 before or after;"
            + " name and address as the municipality requires; answers 201 with a receipt number only). Idempotency-Key"
            + " header: a retry gives the first answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response submit(@PathParam("id") UUID id, @Valid SubmissionInput body) {
        Bodies.require(body);
        boolean staff = CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!staff) {
            for (var f : List.of(new Object[] {"channel", body.channel}, new Object[] {"receivedOn", body.receivedOn},
                    new Object[] {"opinionCount", body.opinionCount})) {
                if (f[1] != null) {
                    errors.add(new ApiException.FieldErrorKey((String) f[0], "engagement.voice.staffOnly"));
                }
            }
        }
        if (body.receivedOn != null && body.receivedOn.isAfter(VoiceService.today())) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.voice.receivedInFuture"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String name = CommentViews.blankToNull(body.name);
        String address = CommentViews.blankToNull(body.address);
        OffsetDateTime receivedAt = body.receivedOn == null ? null
                : body.receivedOn.atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
        LocalDate on = body.receivedOn == null ? VoiceService.today() : body.receivedOn;
        return intake.accept(headers, CommentService.SERIES, body, body.website, receivedAt, in -> {
            CommentProcedure p = service.requirePublic(id);
            List<ApiException.FieldErrorKey> missing = new ArrayList<>();
            if (name == null && service.nameRequired()) {
                missing.add(new ApiException.FieldErrorKey("name", "engagement.comment.nameRequired"));
            }
            if (address == null && service.addressRequired()) {
                missing.add(new ApiException.FieldErrorKey("address", "engagement.comment.addressRequired"));
            }
            if (!missing.isEmpty()) {
                throw ApiException.invalid(missing);
            }
            boolean within = !on.isBefore(p.getPeriodStart()) && !on.isAfter(p.getPeriodEnd());
            if (p.getStatus() != ProcedureStatus.ANNOUNCED || !within) {
                throw ApiException.conflict("comment-not-open", "engagement.comment.notOpen",
                        p.getPeriodStart().toString(), p.getPeriodEnd().toString());
            }
            CommentSubmission s = service.receive(p, in, body.channel == null ? SubmissionChannel.WEB_FORM : body.channel,
                    body.opinion.strip(), body.opinionCount == null ? 1 : body.opinionCount, name, address);
            return new Receipt(s.getReceiptNumber(), CommentViews.day(s.getReceivedAt()), p.getTitle());
        });
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "The opinions submitted on a procedure, oldest first (?sort= receivedAt, receiptNumber, channel;"
            + " paged in the database; CSV with ?format=csv, streamed); name and address masked")
    @Answers(value = CommentViews.SubmissionView.class, page = true)
    public Response list(@PathParam("id") UUID id, @BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("sort") String sort) {
        CommentProcedure p = service.require(id);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        Locale l = Problems.locale(headers);
        ListQuery<CommentSubmission> query = service.submissions(p.getId(), CommentService.SUBMISSION_SORT.parse(sort));
        if (csv) {
            return Csv.stream("public-comment-submissions.csv",
                    List.of("receiptNumber", "receivedAt", "channel", "opinionCount", "opinion", "submitterName",
                            "submitterAddress").stream()
                            .map(k -> Messages.get(l, "engagement.csv.commentSubmission." + k)).toList(),
                    exports.of(query, s -> CommentViews.submission(s, l)), v -> Arrays.asList(v.receiptNumber(),
                            v.receivedAt().toString(), v.channelLabel(), v.opinionCount(), v.opinion(),
                            v.submitterName(), v.submitterAddress()));
        }
        return Response.ok(query.page(paging).map(s -> CommentViews.submission(s, l))).build();
    }

    @GET
    @Path("{submissionId}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One submission; ?reveal=personal-data shows name and address in full (staff and above;"
            + " recorded in the audit trail)")
    @Answers(CommentViews.SubmissionView.class)
    public Response get(@PathParam("id") UUID id, @PathParam("submissionId") UUID submissionId,
            @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        CommentProcedure p = service.require(id);
        CommentSubmission s = service.submissions(p.getId(), CommentService.SUBMISSION_SORT.parse(null))
                .where("s.id = :sid", "sid", submissionId).all().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("engagement.comment.submissionNotFound", submissionId.toString()));
        if (full) {
            disclosure.reveal(s, s.getId());
        }
        return Response.ok(CommentViews.submission(s, Problems.locale(headers))).tag(Versions.tag(s.getVersion())).build();
    }
}
