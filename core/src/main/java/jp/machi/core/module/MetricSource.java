package jp.machi.core.module;

import java.math.BigDecimal;
import java.util.List;
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
}
