package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;

/** 後援名義使用承認件数: approvals of sponsorship name use whose event is in the fiscal year. */
@ApplicationScoped
public class SponsorshipMetrics implements MetricSource {

    public static final String APPROVALS = "sponsorship-approvals-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(new MetricDefinition(APPROVALS,
            LocalizedText.of("後援名義使用承認件数", "Sponsorship name-use approvals"), "件",
            LocalizedText.of("その年度に開催される事業について、市の後援名義の使用を承認した件数",
                    "Approvals of the use of the municipality's name as sponsor, for events of the fiscal year")));

    @Inject
    SponsorshipService sponsorships;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!APPROVALS.equals(metricId)) {
            return Optional.empty();
        }
        // A year without any application has no figure yet; once it has some, 0 approvals is a figure.
        if (sponsorships.applications(fiscalYear) == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(sponsorships.approvals(fiscalYear)));
    }
}
