/**
 * Application metrics on {@code /metrics} through MicroProfile Metrics (README "Observing Machi"):
 * {@link Observations} is what core and modules call; it writes to MicroProfile Metrics' application
 * registry where the server has it and does nothing where it has not (GlassFish 7), so no class of
 * Machi names the MicroProfile Metrics API but {@link MicroProfileMetricSink}, loaded only when that
 * API is there. Gauges that need the database ({@link GaugeSource}) are read when {@code /metrics} is
 * asked for, at most every few seconds, with one grouped query each across all municipalities.
 */
package jp.machi.core.observe;
