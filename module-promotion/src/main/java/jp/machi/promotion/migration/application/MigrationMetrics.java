package jp.machi.promotion.migration.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.promotion.PromotionModule;

/**
 * 移住・定住 metrics per fiscal year, from live data: consultations, and the persons and households
 * who moved in with support. A cumulative indicator (累計, e.g. 須坂市's 「行政のサポートによる移住者数の累計」)
 * bound to the persons adds these yearly figures to its baseline (core's indicator evaluation).
 */
@ApplicationScoped
public class MigrationMetrics implements MetricSource {

    public static final String CONSULTATIONS = "migration-consultations-per-fiscal-year";
    public static final String PERSONS = "supported-migrants-per-fiscal-year";
    public static final String HOUSEHOLDS = "supported-migrant-households-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(CONSULTATIONS, LocalizedText.of("移住相談の件数", "Migration consultations"), "件",
                    LocalizedText.of("その年度 (4月〜翌3月) に受けた移住相談の件数", "Migration consultations in the fiscal year (April–March)")),
            new MetricDefinition(PERSONS, LocalizedText.of("行政のサポートによる移住者数", "Migrants who moved in with support (persons)"), "人",
                    LocalizedText.of("その年度に市の支援を受けて転入した人数。累計の指標に結び付けると基準値に毎年度の人数を加えます",
                            "Persons who moved in with the municipality's support in the fiscal year; a cumulative indicator adds them to its baseline")),
            new MetricDefinition(HOUSEHOLDS, LocalizedText.of("行政のサポートによる移住世帯数", "Households that moved in with support"), "世帯",
                    LocalizedText.of("その年度に市の支援を受けて転入した世帯数", "Households that moved in with the municipality's support in the fiscal year")));

    @Inject
    MigrationService migration;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year without records has no figure (not 0): nothing was recorded yet. */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        return Optional.ofNullable(values(metricId, lgCode, fiscalYear, fiscalYear).get(fiscalYear));
    }

    /** Every year of the range in one grouped query; a year without records is absent. */
    @Override
    public Map<FiscalYear, BigDecimal> values(String metricId, String lgCode, FiscalYear from, FiscalYear to) {
        Map<FiscalYear, BigDecimal> out = new HashMap<>();
        if (CONSULTATIONS.equals(metricId)) {
            migration.consultationCounts(from.startYear(), to.startYear()).forEach((y, n) -> {
                if (n != 0) {
                    out.put(FiscalYear.of(y), BigDecimal.valueOf(n));
                }
            });
        } else if (PERSONS.equals(metricId) || HOUSEHOLDS.equals(metricId)) {
            migration.migrationTotalsByYear(from.startYear(), to.startYear()).forEach((y, t) -> {
                if (t[2] != 0) {
                    out.put(FiscalYear.of(y), BigDecimal.valueOf(PERSONS.equals(metricId) ? t[1] : t[0]));
                }
            });
        }
        return out;
    }
}
