package jp.machi.core.module;

import java.math.BigDecimal;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;

/**
 * Computes a module's declared metrics. A module that declares {@link ModuleDescriptor#metrics()}
 * provides one or more {@code @ApplicationScoped} beans implementing this for its own id (each answers empty for metrics it does not know). Core calls it
 * inside a transaction whose entity manager is already bound to {@code lgCode}.
 */
public interface MetricSource {

    String moduleId();

    /** The value of metric {@code metricId} for one municipality and fiscal year, if any. */
    Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear);
}
