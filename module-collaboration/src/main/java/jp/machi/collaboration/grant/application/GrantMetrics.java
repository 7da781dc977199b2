package jp.machi.collaboration.grant.application;

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

/**
 * 協働提案型公募補助の応募件数・採択件数・交付決定額 per fiscal year (the fiscal year of the call). A year
 * without a call has no figure; a year with a call and no application has 0.
 */
@ApplicationScoped
public class GrantMetrics implements MetricSource {

    public static final String APPLICATIONS = "grant-applications-per-fiscal-year";
    public static final String ADOPTED = "grants-adopted-per-fiscal-year";
    public static final String AMOUNT = "grant-amount-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(APPLICATIONS, LocalizedText.of("協働提案型公募補助の応募件数", "Proposal-based grant applications"),
                    "件", LocalizedText.of("その年度の募集への申請の数", "Applications to the fiscal year's calls")),
            new MetricDefinition(ADOPTED, LocalizedText.of("協働提案型公募補助の採択件数", "Proposal-based grants adopted"),
                    "件", LocalizedText.of("その年度の募集で採択した事業の数", "Projects adopted in the fiscal year's calls")),
            new MetricDefinition(AMOUNT, LocalizedText.of("協働提案型公募補助の交付決定額", "Proposal-based grants: amount granted"),
                    "円", LocalizedText.of("その年度の募集で採択した事業の交付決定額の合計",
                            "Sum of the amounts granted in the fiscal year's calls")));

    @Inject
    GrantService grants;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        long[] s = grants.sums(fiscalYear);
        if (s[0] == 0) {
            return Optional.empty();
        }
        return switch (metricId) {
            case APPLICATIONS -> Optional.of(BigDecimal.valueOf(s[1]));
            case ADOPTED -> Optional.of(BigDecimal.valueOf(s[2]));
            case AMOUNT -> Optional.of(BigDecimal.valueOf(s[3]));
            default -> Optional.empty();
        };
    }
}
