package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.promotion.PromotionModule;

/** The promotion module's metrics: hometown-tax donations per fiscal year (amount in yen, count), from live data. */
@ApplicationScoped
public class DonationMetrics implements MetricSource {

    public static final String AMOUNT = "donation-amount-per-fiscal-year";
    public static final String COUNT = "donations-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(AMOUNT, LocalizedText.of("ふるさと納税の寄附額", "Hometown-tax donations (amount)"), "円",
                    LocalizedText.of("その年度 (4月〜翌3月) に受け付けた寄附金の合計額", "Total of the donations received in the fiscal year (April–March)")),
            new MetricDefinition(COUNT, LocalizedText.of("ふるさと納税の寄附件数", "Hometown-tax donations (count)"), "件",
                    LocalizedText.of("その年度 (4月〜翌3月) に受け付けた寄附の件数", "Donations received in the fiscal year (April–March)")));

    @Inject
    DonationService donations;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year without donations has no figure (not 0): nothing was recorded yet. */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!AMOUNT.equals(metricId) && !COUNT.equals(metricId)) {
            return Optional.empty();
        }
        long[] totals = donations.totals(fiscalYear.startYear());
        if (totals[1] == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(AMOUNT.equals(metricId) ? totals[0] : totals[1]));
    }
}
