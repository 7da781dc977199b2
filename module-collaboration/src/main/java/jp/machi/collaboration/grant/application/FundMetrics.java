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

/** 基金の年度末残高 and 寄附額 per fiscal year, over all the municipality's funds; none before a fund's first year. */
@ApplicationScoped
public class FundMetrics implements MetricSource {

    public static final String BALANCE = "fund-balance-per-fiscal-year";
    public static final String DONATIONS = "fund-donations-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(BALANCE, LocalizedText.of("基金の年度末残高", "Fund balance at the end of the year"), "円",
                    LocalizedText.of("基金の年度末残高の合計 (期首残高 + 寄附 + 運用益 − 補助金)",
                            "Sum of the funds' closing balances (opening + donations + interest − grants)")),
            new MetricDefinition(DONATIONS, LocalizedText.of("基金への寄附額", "Donations to funds"), "円",
                    LocalizedText.of("その年度に基金が受けた寄附の合計", "Donations the funds received in the fiscal year")));

    @Inject
    FundService funds;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        long[] y = funds.year(fiscalYear);
        if (y == null) {
            return Optional.empty();
        }
        return switch (metricId) {
            case BALANCE -> Optional.of(BigDecimal.valueOf(y[0]));
            case DONATIONS -> Optional.of(BigDecimal.valueOf(y[1]));
            default -> Optional.empty();
        };
    }
}
