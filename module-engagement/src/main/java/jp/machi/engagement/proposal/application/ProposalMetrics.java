package jp.machi.engagement.proposal.application;

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
import jp.machi.engagement.proposal.domain.ProposalStatus;

/**
 * まちづくり提言 per fiscal year (April to March, Japan time, by the day a proposal was received),
 * for indicators to bind to; spam never counts.
 * <ul>
 * <li>{@value #RECEIVED}: proposals received in the year;</li>
 * <li>{@value #REALISED}: of those, the ones realised in full or in part (実現, 一部実現).</li>
 * </ul>
 */
@ApplicationScoped
public class ProposalMetrics implements MetricSource {

    public static final String RECEIVED = "proposals-received";
    public static final String REALISED = "proposals-realised";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(RECEIVED, LocalizedText.of("まちづくり提言の受付件数", "Citizen proposals received"), "件",
                    LocalizedText.of("その年度に受け付けたまちづくり提言の数 (迷惑投稿を除く)",
                            "Citizen proposals received in the fiscal year (spam excluded)")),
            new MetricDefinition(REALISED, LocalizedText.of("まちづくり提言の実現件数", "Citizen proposals realised"), "件",
                    LocalizedText.of("その年度に受け付けたまちづくり提言のうち、実現または一部実現したものの数",
                            "Citizen proposals received in the fiscal year that were realised in full or in part")));

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fy) {
        if (!RECEIVED.equals(metricId) && !REALISED.equals(metricId)) {
            return Optional.empty();
        }
        var q = tenancy.em().createQuery("SELECT COUNT(p) FROM CitizenProposal p WHERE p.spam = FALSE"
                + " AND p.receivedAt >= :from AND p.receivedAt < :to"
                + (REALISED.equals(metricId) ? " AND p.status IN :realised" : ""), Long.class)
                .setParameter("from", ProposalService.start(fy))
                .setParameter("to", ProposalService.start(FiscalYear.of(fy.startYear() + 1)));
        if (REALISED.equals(metricId)) {
            q.setParameter("realised", List.of(ProposalStatus.REALISED, ProposalStatus.PARTLY_REALISED));
        }
        long n = q.getSingleResult();
        return n == 0 && RECEIVED.equals(metricId) ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
