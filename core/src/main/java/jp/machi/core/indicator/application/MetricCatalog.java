package jp.machi.core.indicator.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.ModuleRegistry.ModuleState;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.persistence.TransactionMemo;

/**
 * The metric sources modules publish, as one municipality sees them: only those of modules that
 * run in this deployment and that the municipality has enabled. A metric of a module switched off
 * yields nothing, so an indicator bound to it shows no actual rather than stale data.
 */
@ApplicationScoped
public class MetricCatalog {

    /** A metric as offered to one municipality; {@code id} is {@code module:metric}. */
    public record Offered(String moduleId, MetricDefinition definition) {
        public String id() {
            return moduleId + ":" + definition.id();
        }
    }

    @Inject
    ModuleRegistry modules;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    @Any
    Instance<MetricSource> sources;

    @Inject
    TransactionMemo memo;

    /**
     * Every metric the municipality is offered. Evaluating a list of indicators asks this for every
     * bound indicator and year; it is read once per transaction (modules' {@code offered()} may query).
     */
    public List<Offered> offeredTo(String lgCode) {
        return memo.get(new TransactionMemo.Key<>(MetricCatalog.class.getName(), lgCode), () -> List.copyOf(read(lgCode)));
    }

    private List<Offered> read(String lgCode) {
        List<Offered> offered = new ArrayList<>();
        for (ModuleState s : modules.started()) {
            if (!enablement.isEnabled(lgCode, s.id())) {
                continue;
            }
            s.descriptor().metrics().forEach(m -> offered.add(new Offered(s.id(), m)));
            // Metrics made from the municipality's own data (a survey question marked for indicators).
            for (MetricSource source : sources) {
                if (source.moduleId().equals(s.id())) {
                    source.offered(lgCode).forEach(m -> offered.add(new Offered(s.id(), m)));
                }
            }
        }
        return offered;
    }

    public Optional<Offered> find(String lgCode, String moduleId, String metricId) {
        return offeredTo(lgCode).stream()
                .filter(o -> o.moduleId().equals(moduleId) && o.definition().id().equals(metricId)).findFirst();
    }

    /** The metric's value, or empty when the module is off for this municipality or has no figure. */
    public Optional<BigDecimal> value(String lgCode, String moduleId, String metricId, FiscalYear fy) {
        if (find(lgCode, moduleId, metricId).isEmpty()) {
            return Optional.empty();
        }
        // A module may have several sources (one per feature): the first with a figure answers.
        for (MetricSource source : sources) {
            if (source.moduleId().equals(moduleId)) {
                Optional<BigDecimal> v = source.value(metricId, lgCode, fy);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The metric's values for the fiscal years {@code from}–{@code to} (years without a figure absent),
     * as {@link #value} would give them year by year: empty when the module is off for this municipality.
     */
    public Map<FiscalYear, BigDecimal> values(String lgCode, String moduleId, String metricId, FiscalYear from, FiscalYear to) {
        Map<FiscalYear, BigDecimal> out = new HashMap<>();
        if (from.compareTo(to) > 0 || find(lgCode, moduleId, metricId).isEmpty()) {
            return out;
        }
        // As in value(): of a module's sources, the first with a figure for a year answers for it.
        for (MetricSource source : sources) {
            if (source.moduleId().equals(moduleId)) {
                source.values(metricId, lgCode, from, to).forEach(out::putIfAbsent);
            }
        }
        return out;
    }
}
