package jp.machi.core.module;

import jp.machi.core.i18n.LocalizedText;

/**
 * A figure a module can compute per municipality and fiscal year from its own live data, such as
 * "administrative programs registered in the year". An indicator bound to it takes its actuals
 * from the module's {@link MetricSource} instead of typed-in values.
 */
public record MetricDefinition(String id, LocalizedText name, String unit, LocalizedText description) {
}
