package jp.machi.promotion.vacanthouse.application;

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

/**
 * 空き家バンク metrics per fiscal year, from live data: properties registered (by the day first
 * registered) and contracts. A cumulative indicator such as 須坂市's 「空き家バンク掲載物件登録件数の累計」
 * bound to the registrations adds them to its baseline.
 */
@ApplicationScoped
public class VacantHouseMetrics implements MetricSource {

    public static final String REGISTRATIONS = "vacant-house-registrations-per-fiscal-year";
    public static final String CONTRACTS = "vacant-house-contracts-per-fiscal-year";
    public static final String SEEKERS = "vacant-house-seekers-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(REGISTRATIONS, LocalizedText.of("空き家バンクの物件登録件数", "Vacant-house bank registrations"), "件",
                    LocalizedText.of("その年度に空き家バンクに登録した物件の数 (更新は数えない)",
                            "Properties first registered in the vacant-house bank in the fiscal year (renewals not counted)")),
            new MetricDefinition(CONTRACTS, LocalizedText.of("空き家バンクの成約件数", "Vacant-house bank contracts"), "件",
                    LocalizedText.of("その年度に成約した空き家バンクの物件の数", "Vacant-house bank properties contracted in the fiscal year")),
            new MetricDefinition(SEEKERS, LocalizedText.of("空き家バンクの利用登録者数", "Vacant-house bank house seekers registered"), "人",
                    LocalizedText.of("その年度に利用登録を承認した人の数", "House seekers whose registration was approved in the fiscal year")));

    @Inject
    VacantHouseService houses;

    @Inject
    HouseSeekerService seekers;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year without any has no figure (not 0). */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (SEEKERS.equals(metricId)) {
            long n = seekers.approved(fiscalYear.startYear());
            return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
        }
        if (!REGISTRATIONS.equals(metricId) && !CONTRACTS.equals(metricId)) {
            return Optional.empty();
        }
        long[] t = houses.totals(fiscalYear.startYear());
        long n = REGISTRATIONS.equals(metricId) ? t[0] : t[1];
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
