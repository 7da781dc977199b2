package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.comment.application.CommentMetrics;
import jp.machi.engagement.voice.domain.AnswerState;
import jp.machi.engagement.voice.domain.AnsweredOnTime;
import jp.machi.engagement.voice.domain.VoiceYearRecord;

/**
 * The engagement module's metrics per fiscal year (April to March, Japan time), for indicators to
 * bind to. Voices filed as spam never count. A year with a recorded figure ({@link VoiceYearRecord},
 * e.g. つくば市 FY2020 from its program evaluation) takes the recorded figure instead of counting.
 * <ul>
 * <li>{@value #RECEIVED}: voices received in the year;</li>
 * <li>{@value #WRITTEN_ANSWER_REQUIRED}: of those, the ones needing a written answer;</li>
 * <li>{@value #ANSWERED_ON_TIME}: of the voices needing a written answer whose deadline falls in the
 * year, the share answered (answer approved) on or before the deadline, in per cent
 * ({@link AnsweredOnTime} defines which count).</li>
 * </ul>
 */
@ApplicationScoped
public class VoiceMetrics implements MetricSource {

    public static final String RECEIVED = "voices-received";
    public static final String WRITTEN_ANSWER_REQUIRED = "voices-written-answer-required";
    public static final String ANSWERED_ON_TIME = "voices-answered-on-time-share";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(RECEIVED, LocalizedText.of("市民の声の受付件数", "Citizen voices received"), "件",
                    LocalizedText.of("その年度に受け付けた市民の声の数 (迷惑投稿を除く)",
                            "Citizen voices received in the fiscal year (spam excluded)")),
            new MetricDefinition(WRITTEN_ANSWER_REQUIRED, LocalizedText.of("文書等による回答を要する市民の声の件数",
                    "Citizen voices needing a written answer"), "件",
                    LocalizedText.of("その年度に受け付けた市民の声のうち、文書等による回答を要するものの数",
                            "Citizen voices received in the fiscal year that need a written answer")),
            new MetricDefinition(ANSWERED_ON_TIME, LocalizedText.of("期限内回答率", "Share answered within the deadline"),
                    "%", LocalizedText.of("回答期限がその年度にある、文書等による回答を要する市民の声のうち、期限の日までに回答 (決裁済み) "
                            + "したものの割合。回答済みのもの、または期限を過ぎたものを数えます。",
                            "Of the citizen voices needing a written answer whose deadline falls in the fiscal year, the"
                                    + " share answered (answer approved) on or before the deadline; counted are those"
                                    + " answered and those past their deadline")));

    @Inject
    Tenancy tenancy;

    /** The module's public comment metrics: core asks one metric source per module, this one. */
    @Inject
    CommentMetrics comments;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fy) {
        if (CommentMetrics.knows(metricId)) {
            return comments.value(metricId, fy);
        }
        if (!RECEIVED.equals(metricId) && !WRITTEN_ANSWER_REQUIRED.equals(metricId) && !ANSWERED_ON_TIME.equals(metricId)) {
            return Optional.empty();
        }
        var em = tenancy.em();
        List<VoiceYearRecord> recorded = em.createNamedQuery("VoiceYearRecord.of", VoiceYearRecord.class)
                .setParameter("year", fy.startYear()).getResultList();
        if (!recorded.isEmpty()) {
            VoiceYearRecord r = recorded.get(0);
            return Optional.ofNullable(switch (metricId) {
                case RECEIVED -> BigDecimal.valueOf(r.getReceived());
                case WRITTEN_ANSWER_REQUIRED -> r.getWrittenAnswerRequired() == null ? null
                        : BigDecimal.valueOf(r.getWrittenAnswerRequired());
                default -> r.getAnsweredOnTimePercent();
            });
        }
        OffsetDateTime from = fy.firstDay().atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
        OffsetDateTime to = fy.lastDay().plusDays(1).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
        if (!ANSWERED_ON_TIME.equals(metricId)) {
            long n = em.createQuery("SELECT COUNT(v) FROM CitizenVoice v WHERE v.spam = FALSE AND v.receivedAt >= :from"
                    + " AND v.receivedAt < :to" + (RECEIVED.equals(metricId) ? "" : " AND v.writtenAnswerRequired = TRUE"),
                    Long.class).setParameter("from", from).setParameter("to", to).getSingleResult();
            return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
        }
        List<AnsweredOnTime.Case> cases = em.createQuery("SELECT v.answerDue, v.answeredAt, v.answerState FROM CitizenVoice v"
                + " WHERE v.spam = FALSE AND v.writtenAnswerRequired = TRUE AND v.answerDue >= :first AND v.answerDue <= :last",
                Object[].class).setParameter("first", fy.firstDay()).setParameter("last", fy.lastDay()).getResultList()
                .stream().map(r -> new AnsweredOnTime.Case((LocalDate) r[0],
                        r[2] == AnswerState.APPROVED && r[1] != null
                                ? ((OffsetDateTime) r[1]).atZoneSameInstant(VoiceService.JAPAN).toLocalDate() : null))
                .toList();
        return AnsweredOnTime.percent(cases, VoiceService.today());
    }
}
