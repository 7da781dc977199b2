package jp.machi.engagement.comment.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.engagement.comment.application.CommentService;
import jp.machi.engagement.comment.domain.CommentKind;
import jp.machi.engagement.comment.domain.CommentProcedure;
import jp.machi.engagement.comment.domain.CommentResponse;
import jp.machi.engagement.comment.domain.CommentSubmission;
import jp.machi.engagement.comment.domain.Phase;
import jp.machi.engagement.comment.domain.SubmissionChannel;
import jp.machi.engagement.voice.application.VoiceService;

/** What the public comment endpoints answer: staff views and public views (the latter never with personal data). */
public final class CommentViews {

    private CommentViews() {
    }

    /** One line of the results. */
    @JsonbPropertyOrder({"opinion", "opinionCount", "consideration", "draftChanged"})
    public record ResponseView(String opinion, int opinionCount, String consideration, boolean draftChanged) {
        static ResponseView of(CommentResponse r) {
            return new ResponseView(r.getOpinion(), r.getOpinionCount(), r.getConsideration(), r.isDraftChanged());
        }
    }

    /** A procedure as staff see it. */
    @JsonbPropertyOrder({"id", "title", "kind", "kindLabel", "summary", "unitId", "unitName", "periodStart", "periodEnd",
        "periodDays", "minimumDays", "shortPeriodReason", "status", "phase", "phaseLabel", "daysRemaining", "announcedAt",
        "submitters", "opinions", "resultSummary", "finalTextId", "responses", "resultsPublishedAt"})
    public record ProcedureView(UUID id, String title, CommentKind kind, String kindLabel, String summary, UUID unitId,
            String unitName, LocalDate periodStart, LocalDate periodEnd, long periodDays, int minimumDays,
            String shortPeriodReason, String status, Phase phase, String phaseLabel, Long daysRemaining,
            OffsetDateTime announcedAt, long submitters, long opinions, String resultSummary, UUID finalTextId,
            List<ResponseView> responses, OffsetDateTime resultsPublishedAt) {
    }

    /** A procedure as anyone sees it (announced only): no personal data, the results once published. */
    @JsonbPropertyOrder({"id", "title", "kindLabel", "summary", "unitName", "periodStart", "periodEnd", "periodDays",
        "shortPeriodReason", "phase", "phaseLabel", "daysRemaining", "nameRequired", "addressRequired", "documents",
        "submitters", "opinions", "noSubmissions", "resultSummary", "finalTextId", "responses", "resultsPublishedOn"})
    public record PublicProcedureView(UUID id, String title, String kindLabel, String summary, String unitName,
            LocalDate periodStart, LocalDate periodEnd, long periodDays, String shortPeriodReason, Phase phase,
            String phaseLabel, Long daysRemaining, boolean nameRequired, boolean addressRequired,
            List<DocumentView> documents, Long submitters, Long opinions, Boolean noSubmissions, String resultSummary,
            UUID finalTextId, List<ResponseView> responses, LocalDate resultsPublishedOn) {
    }

    /** A document of a procedure, as the portal links it. */
    @JsonbPropertyOrder({"id", "fileName", "size", "finalText"})
    public record DocumentView(UUID id, String fileName, long size, boolean finalText) {
    }

    /** A submission as staff see it; name and address masked unless revealed. */
    @JsonbPropertyOrder({"id", "procedureId", "receiptNumber", "receivedAt", "channel", "channelLabel", "opinion",
        "opinionCount", "submitterName", "submitterAddress"})
    public record SubmissionView(UUID id, UUID procedureId, String receiptNumber, OffsetDateTime receivedAt,
            SubmissionChannel channel, String channelLabel, String opinion, int opinionCount,
            @PersonalData(PersonalData.Kind.NAME) String submitterName,
            @PersonalData(PersonalData.Kind.ADDRESS) String submitterAddress) {
    }

    /** What a submitter gets back: the receipt, nothing of what they sent. */
    @JsonbPropertyOrder({"receiptNumber", "receivedOn", "procedureTitle"})
    public record Receipt(String receiptNumber, LocalDate receivedOn, String procedureTitle) {
    }

    /** Days left in the period, today included (募集中 only). */
    static Long daysRemaining(CommentProcedure p, Phase phase, LocalDate today) {
        return phase == Phase.OPEN ? ChronoUnit.DAYS.between(today, p.getPeriodEnd()) + 1 : null;
    }

    static ProcedureView staff(CommentProcedure p, CommentService service, Locale l) {
        LocalDate today = VoiceService.today();
        Phase phase = p.phase(today);
        CommentService.Counts c = service.counts(p.getId());
        return new ProcedureView(p.getId(), p.getTitle(), p.getKind(), p.getKind().label().in(l), p.getSummary(),
                p.getUnitId(), service.unitName(p.getUnitId()).orElse(null), p.getPeriodStart(), p.getPeriodEnd(),
                p.periodDays(), service.minimumDays(), p.getShortPeriodReason(), p.getStatus().name(), phase,
                phase.label().in(l), daysRemaining(p, phase, today), japan(p.getAnnouncedAt()), c.submitters(),
                c.opinions(), p.getResultSummary(), p.getFinalTextId(),
                p.getResponses().stream().map(ResponseView::of).toList(), japan(p.getResultsPublishedAt()));
    }

    static SubmissionView submission(CommentSubmission s, Locale l) {
        return new SubmissionView(s.getId(), s.getProcedureId(), s.getReceiptNumber(), japan(s.getReceivedAt()),
                s.getChannel(), s.getChannel().label().in(l), s.getOpinion(), s.getOpinionCount(), s.getSubmitterName(),
                s.getSubmitterAddress());
    }

    static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime();
    }

    static LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VoiceService.JAPAN).toLocalDate();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
