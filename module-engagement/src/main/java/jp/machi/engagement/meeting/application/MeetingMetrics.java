package jp.machi.engagement.meeting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.meeting.domain.MeetingStatus;
import jp.machi.engagement.meeting.domain.OpinionStatus;

/**
 * Town meetings per fiscal year (the meeting's fiscal year), for indicators to bind to: meetings held,
 * their participants, opinions recorded at them and opinions closed. A year with meetings planned or
 * cancelled only has 0 held.
 */
@ApplicationScoped
public class MeetingMetrics implements MetricSource {

    public static final String HELD = "meetings-held";
    public static final String PARTICIPANTS = "meeting-participants";
    public static final String OPINIONS = "meeting-opinions-recorded";
    public static final String CLOSED = "meeting-opinions-closed";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(HELD, LocalizedText.of("タウンミーティングの開催回数", "Town meetings held"), "回",
                    LocalizedText.of("その年度に開催したタウンミーティング・懇談会の数 (中止したものを除く)",
                            "Town meetings and dialogues held in the fiscal year (cancelled ones excluded)")),
            new MetricDefinition(PARTICIPANTS, LocalizedText.of("タウンミーティングの参加者数", "Town meeting participants"), "人",
                    LocalizedText.of("その年度に開催したタウンミーティング・懇談会の参加者の合計",
                            "Participants of the town meetings held in the fiscal year, added up")),
            new MetricDefinition(OPINIONS, LocalizedText.of("タウンミーティングで出た意見の件数", "Opinions raised at town meetings"),
                    "件", LocalizedText.of("その年度のタウンミーティング・懇談会で記録した意見の数",
                            "Opinions recorded at the fiscal year's town meetings")),
            new MetricDefinition(CLOSED, LocalizedText.of("対応を完了した意見の件数", "Opinions from town meetings closed"),
                    "件", LocalizedText.of("その年度のタウンミーティング・懇談会で出た意見のうち、対応を完了したものの数",
                            "Opinions from the fiscal year's town meetings whose handling is closed")));

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fy) {
        var em = tenancy.em();
        int year = fy.startYear();
        switch (metricId) {
            case HELD, PARTICIPANTS -> {
                long meetings = em.createQuery("SELECT COUNT(m) FROM TownMeeting m WHERE m.fiscalYear = :fy", Long.class)
                        .setParameter("fy", year).getSingleResult();
                if (meetings == 0) {
                    return Optional.empty();
                }
                if (HELD.equals(metricId)) {
                    return Optional.of(BigDecimal.valueOf(em.createQuery("SELECT COUNT(m) FROM TownMeeting m WHERE"
                            + " m.fiscalYear = :fy AND m.status = :held", Long.class).setParameter("fy", year)
                            .setParameter("held", MeetingStatus.HELD).getSingleResult()));
                }
                Long sum = em.createQuery("SELECT SUM(m.participants) FROM TownMeeting m WHERE m.fiscalYear = :fy"
                        + " AND m.status = :held", Long.class).setParameter("fy", year)
                        .setParameter("held", MeetingStatus.HELD).getSingleResult();
                return Optional.ofNullable(sum).map(BigDecimal::valueOf);
            }
            case OPINIONS, CLOSED -> {
                var q = em.createQuery("SELECT COUNT(o) FROM MeetingOpinion o WHERE o.meeting.fiscalYear = :fy"
                        + (CLOSED.equals(metricId) ? " AND o.status = :closed" : ""), Long.class)
                        .setParameter("fy", year);
                if (CLOSED.equals(metricId)) {
                    q.setParameter("closed", OpinionStatus.CLOSED);
                }
                long n = q.getSingleResult();
                return OPINIONS.equals(metricId) && n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
