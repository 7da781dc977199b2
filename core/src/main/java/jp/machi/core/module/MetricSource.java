package jp.machi.core.module;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;

/**
 * Computes a module's declared metrics. A module that declares {@link ModuleDescriptor#metrics()}
 * provides one or more {@code @ApplicationScoped} beans implementing this for its own id (each answers empty for metrics it does not know). Core calls it
 * inside a transaction whose entity manager is already bound to {@code lgCode}.
 */
public interface MetricSource {

    String moduleId();

    /**
     * Metrics this source offers {@code lgCode} (called like {@link #value}) beyond those its
     * module declares, made from the municipality's own data (e.g. one per survey question staff
     * marked for indicators). Empty by default.
     */
    default List<MetricDefinition> offered(String lgCode) {
        return List.of();
    }

    /** The value of metric {@code metricId} for one municipality and fiscal year, if any. */
    Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear);

    /**
     * The values of metric {@code metricId} for every fiscal year from {@code from} to {@code to}
     * (both included) that has one; years without a figure are absent. An indicator shows every year
     * of its period, so core asks this once per indicator rather than {@link #value} once per year.
     * The default asks {@link #value} year by year; a source whose figure is one query per year
     * answers all years with one query (grouped by fiscal year) and must agree with {@link #value}.
     */
    default Map<FiscalYear, BigDecimal> values(String metricId, String lgCode, FiscalYear from, FiscalYear to) {
        Map<FiscalYear, BigDecimal> out = new LinkedHashMap<>();
        for (FiscalYear y = from; y.compareTo(to) <= 0; y = y.next()) {
            FiscalYear year = y;
            value(metricId, lgCode, year).ifPresent(v -> out.put(year, v));
        }
        return out;
    }
}
