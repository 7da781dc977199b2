package jp.machi.engagement.comment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.comment.domain.ProcedureStatus;
import jp.machi.engagement.voice.application.VoiceService;

/**
 * Public comment metrics per fiscal year (April to March, Japan time), answered through the
 * module's one metric source ({@code VoiceMetrics}):
 * <ul>
 * <li>{@value #HELD}: procedures announced whose period began in the year;</li>
 * <li>{@value #SUBMISSIONS}: submissions received in the year (spam never counts).</li>
 * </ul>
 * A year without any is no figure.
 */
@ApplicationScoped
public class CommentMetrics {

    public static final String HELD = "public-comments-held";
    public static final String SUBMISSIONS = "public-comment-submissions";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(HELD, LocalizedText.of("パブリックコメントの実施件数", "Public comment procedures held"), "件",
                    LocalizedText.of("意見募集期間がその年度に始まった (公示した) パブリックコメントの数",
                            "Public comment procedures announced whose period began in the fiscal year")),
            new MetricDefinition(SUBMISSIONS, LocalizedText.of("パブリックコメントの意見提出件数",
                    "Public comment submissions received"), "件",
                    LocalizedText.of("その年度に受け付けたパブリックコメントへの意見提出の数 (迷惑投稿を除く)",
                            "Submissions on public comments received in the fiscal year (spam excluded)")));

    @Inject
    Tenancy tenancy;

    public static boolean knows(String metricId) {
        return HELD.equals(metricId) || SUBMISSIONS.equals(metricId);
    }

    public Optional<BigDecimal> value(String metricId, FiscalYear fy) {
        var em = tenancy.em();
        long n;
        if (HELD.equals(metricId)) {
            n = em.createQuery("SELECT COUNT(p) FROM CommentProcedure p WHERE p.status <> :draft"
                    + " AND p.periodStart >= :first AND p.periodStart <= :last", Long.class)
                    .setParameter("draft", ProcedureStatus.DRAFT).setParameter("first", fy.firstDay())
                    .setParameter("last", fy.lastDay()).getSingleResult();
        } else {
            OffsetDateTime from = fy.firstDay().atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
            OffsetDateTime to = fy.lastDay().plusDays(1).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
            n = em.createQuery("SELECT COUNT(s) FROM CommentSubmission s WHERE s.spam = FALSE"
                    + " AND s.receivedAt >= :from AND s.receivedAt < :to", Long.class)
                    .setParameter("from", from).setParameter("to", to).getSingleResult();
        }
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
