package jp.machi.engagement.comment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.comment.domain.CommentProcedure;
import jp.machi.engagement.comment.domain.CommentSubmission;
import jp.machi.engagement.comment.domain.Phase;
import jp.machi.engagement.comment.domain.ProcedureStatus;
import jp.machi.engagement.comment.domain.SubmissionChannel;
import jp.machi.engagement.voice.application.VoiceService;

/** Public comment procedures (パブリックコメント) of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class CommentService {

    /** Receipt numbers of opinions submitted on public comments: C-R8-000123 (core's public intake). */
    public static final IntakeSeries SERIES = new IntakeSeries("engagement.public-comments", "C");

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    ModuleSettings settings;

    @Inject
    PublicIntake intake;

    /** The fields a list of procedures may be sorted by; latest period end first by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("periodEnd", "p.periodEnd")
            .field("periodStart", "p.periodStart")
            .field("title", "p.title")
            .field("status", "p.status")
            .byDefault("-periodEnd");

    /** The fields a list of submissions may be sorted by; oldest first by default. */
    public static final Sort.Fields SUBMISSION_SORT = Sort.Fields.of()
            .field("receivedAt", "s.receivedAt")
            .field("receiptNumber", "s.receiptNumber")
            .field("channel", "s.channel")
            .byDefault("receivedAt");

    /** The procedures in {@code phase} (all when null), of {@code unitId} (all when null), as a database query. */
    public ListQuery<CommentProcedure> list(Phase phase, UUID unitId, Sort sort) {
        LocalDate today = VoiceService.today();
        ListQuery<CommentProcedure> q = ListQuery.of(tenancy.em(), CommentProcedure.class, "p")
                .where("p.unitId = :unitId", "unitId", unitId);
        if (phase != null) {
            q = switch (phase) {
                case DRAFT -> q.always("p.status = :st", "st", ProcedureStatus.DRAFT);
                case RESULTS_PUBLISHED -> q.always("p.status = :st", "st", ProcedureStatus.RESULTS_PUBLISHED);
                case UPCOMING -> q.always("p.status = :st AND p.periodStart > :today", "st", ProcedureStatus.ANNOUNCED,
                        "today", today);
                case OPEN -> q.always("p.status = :st AND p.periodStart <= :today AND p.periodEnd >= :today", "st",
                        ProcedureStatus.ANNOUNCED, "today", today);
                case CLOSED -> q.always("p.status = :st AND p.periodEnd < :today", "st", ProcedureStatus.ANNOUNCED,
                        "today", today);
            };
        }
        return q.orderBy(sort);
    }

    public CommentProcedure require(UUID id) {
        CommentProcedure p = tenancy.em().find(CommentProcedure.class, id);
        if (p == null) {
            throw ApiException.notFound("engagement.comment.notFound", id.toString());
        }
        return p;
    }

    /** A procedure anyone may see (announced): 404 for a draft, as for one that does not exist. */
    public CommentProcedure requirePublic(UUID id) {
        CommentProcedure p = require(id);
        if (p.getStatus() == ProcedureStatus.DRAFT) {
            throw ApiException.notFound("engagement.comment.notFound", id.toString());
        }
        return p;
    }

    /**
     * The draft's own rules, field by field: the period's end not before its start, a period shorter
     * than the municipality's minimum only with a reason, a unit of this municipality.
     */
    public void check(CommentProcedure.Draft d, List<ApiException.FieldErrorKey> errors) {
        if (d.periodEnd().isBefore(d.periodStart())) {
            errors.add(new ApiException.FieldErrorKey("periodEnd", "engagement.comment.endBeforeStart"));
        } else {
            long days = CommentProcedure.days(d.periodStart(), d.periodEnd());
            int minimum = minimumDays();
            if (days < minimum && d.shortPeriodReason() == null) {
                errors.add(new ApiException.FieldErrorKey("shortPeriodReason", "engagement.comment.periodTooShort",
                        days, minimum));
            }
        }
        if (d.unitId() != null && organization.find(d.unitId()).isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("unitId", "engagement.voice.unitNotFound", d.unitId()));
        }
    }

    public CommentProcedure create(CommentProcedure.Draft d) {
        CommentProcedure p = new CommentProcedure(d);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    /** Edits a procedure whose results are not published (409 after). */
    public CommentProcedure edit(CommentProcedure p, CommentProcedure.Draft d) {
        if (p.getStatus() == ProcedureStatus.RESULTS_PUBLISHED) {
            throw ApiException.conflict("comment-results-published", "engagement.comment.resultsPublished");
        }
        p.edit(d);
        tenancy.em().flush();
        return p;
    }

    /** 公示: a draft is announced (409 if it is not a draft). */
    public CommentProcedure announce(CommentProcedure p) {
        if (p.getStatus() != ProcedureStatus.DRAFT) {
            throw ApiException.conflict("comment-not-draft", "engagement.comment.notDraft");
        }
        p.announce(OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().flush();
        return p;
    }

    /** Results may be prepared and published only once the period is over and before they are published. */
    public void requireClosed(CommentProcedure p) {
        Phase phase = p.phase(VoiceService.today());
        if (phase != Phase.CLOSED) {
            throw ApiException.conflict("comment-not-closed", "engagement.comment.notClosed",
                    p.getPeriodEnd().toString());
        }
    }

    public CommentProcedure prepareResults(CommentProcedure p, List<CommentProcedure.Response> lines, String summary,
            UUID finalTextId) {
        requireClosed(p);
        p.prepareResults(lines, summary, finalTextId);
        tenancy.em().flush();
        return p;
    }

    /**
     * Publishes the results: the period over, and when opinions came, every line with its
     * consideration (400 without lines); a procedure without submissions says so.
     */
    public CommentProcedure publishResults(CommentProcedure p) {
        requireClosed(p);
        Counts c = counts(p.getId());
        if (c.submitters() > 0 && p.getResponses().isEmpty()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("responses",
                    "engagement.comment.responsesNeeded", c.submitters())));
        }
        p.publishResults(OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().flush();
        return p;
    }

    /** 提出者数 and 意見数 of a procedure (spam never counts). */
    public record Counts(long submitters, long opinions) {
    }

    public Counts counts(UUID procedureId) {
        Object[] r = tenancy.em().createQuery("SELECT COUNT(s), SUM(s.opinionCount) FROM CommentSubmission s"
                + " WHERE s.procedureId = :p AND s.spam = FALSE", Object[].class)
                .setParameter("p", procedureId).getSingleResult();
        return new Counts(((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue());
    }

    public ListQuery<CommentSubmission> submissions(UUID procedureId, Sort sort) {
        return ListQuery.of(tenancy.em(), CommentSubmission.class, "s").always("s.procedureId = :p", "p", procedureId)
                .always("s.spam = FALSE").orderBy(sort);
    }

    /** Files one submission accepted by public intake (spam if the honeypot caught it). */
    public CommentSubmission receive(CommentProcedure p, Intake in, SubmissionChannel channel, String opinion,
            int opinionCount, String name, String address) {
        CommentSubmission s = new CommentSubmission(p.getId(), in.receiptNumber(), in.receivedAt(), channel, opinion,
                opinionCount, name, address, in.spam());
        tenancy.em().persist(s);
        tenancy.em().flush();
        return s;
    }

    /** Demo data: a submission with a receipt number of its own. */
    public CommentSubmission receive(CommentProcedure p, OffsetDateTime receivedAt, SubmissionChannel channel,
            String opinion, int opinionCount, String name, String address) {
        return receive(p, intake.number(SERIES, receivedAt), channel, opinion, opinionCount, name, address);
    }

    public int minimumDays() {
        return (int) settings.integer(tenancy.code(), EngagementModule.ID, EngagementModule.COMMENT_MINIMUM_DAYS);
    }

    public boolean nameRequired() {
        return settings.bool(tenancy.code(), EngagementModule.ID, EngagementModule.COMMENT_NAME_REQUIRED);
    }

    public boolean addressRequired() {
        return settings.bool(tenancy.code(), EngagementModule.ID, EngagementModule.COMMENT_ADDRESS_REQUIRED);
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }

    public void flush() {
        tenancy.em().flush();
    }

}
