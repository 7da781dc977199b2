package jp.machi.planning.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.planning.PlanningModule;

/** The planning module's metrics, computed from its live data. */
@ApplicationScoped
public class ProgramMetrics implements MetricSource {

    public static final String PROGRAMS_PER_YEAR = "programs-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(PROGRAMS_PER_YEAR, LocalizedText.of("事務事業数", "Administrative programs"), "件",
                    LocalizedText.of("その年度に登録されている事務事業の数", "Administrative programs registered for the fiscal year")));

    @Inject
    ProgramService programs;

    @Override
    public String moduleId() {
        return PlanningModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!PROGRAMS_PER_YEAR.equals(metricId)) {
            return Optional.empty();
        }
        long n = programs.countIn(fiscalYear);
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
