package ${package}.item.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import ${package}.${className}Module;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;

/**
 * The module's metrics, computed from its live data: an indicator bound to {@code ${moduleId}:items-per-fiscal-year}
 * takes its yearly actuals from here. Core calls it inside a transaction bound to {@code lgCode}.
 */
@ApplicationScoped
public class ItemMetrics implements MetricSource {

    public static final String ITEMS_PER_YEAR = "items-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(ITEMS_PER_YEAR, LocalizedText.of("${nameJa}の件数", "${nameEn}: items"), "件",
                    LocalizedText.of("その年度に登録されている項目の数", "Items registered for the fiscal year")));

    @Inject
    ItemService items;

    @Override
    public String moduleId() {
        return ${className}Module.ID;
    }

    /** Empty for a metric this source does not know, and for a year without items (no figure, rather than 0). */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!ITEMS_PER_YEAR.equals(metricId)) {
            return Optional.empty();
        }
        long n = items.countIn(fiscalYear);
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
