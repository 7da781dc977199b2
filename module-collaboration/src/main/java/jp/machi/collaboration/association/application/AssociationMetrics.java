package jp.machi.collaboration.association.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.association.domain.MembershipRate;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;

/**
 * 自治会加入率 (the municipality's member households over the households in the associations' areas,
 * a rate of sums) and 自治会への補助金交付額 per fiscal year. A year without figures has none.
 */
@ApplicationScoped
public class AssociationMetrics implements MetricSource {

    public static final String MEMBERSHIP_RATE = "association-membership-rate";
    public static final String SUBSIDIES = "association-subsidies-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(MEMBERSHIP_RATE, LocalizedText.of("自治会加入率", "Neighbourhood association membership rate"),
                    "%", LocalizedText.of("その年度の自治会・町内会の加入世帯数の合計を、区域内世帯数の合計で割った割合",
                            "Member households of all neighbourhood associations over the households in their areas,"
                                    + " in the fiscal year")),
            new MetricDefinition(SUBSIDIES, LocalizedText.of("自治会への補助金交付額", "Subsidies paid to neighbourhood associations"),
                    "円", LocalizedText.of("その年度に自治会・町内会へ交付した補助金の合計",
                            "Subsidies paid to neighbourhood associations in the fiscal year")));

    @Inject
    AssociationService associations;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        long[] s = associations.sums(fiscalYear);
        if (s[0] == 0) {
            return Optional.empty();
        }
        if (MEMBERSHIP_RATE.equals(metricId)) {
            return Optional.ofNullable(new MembershipRate(s[1], s[2]).percent());
        }
        if (SUBSIDIES.equals(metricId)) {
            return Optional.of(BigDecimal.valueOf(s[3]));
        }
        return Optional.empty();
    }
}
