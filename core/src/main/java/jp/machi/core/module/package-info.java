/**
 * The module contract (SPI) and the machinery that discovers, orders, migrates and starts modules.
 * A module author implements {@link jp.machi.core.module.ModuleDescriptor} once and, for metrics,
 * {@link jp.machi.core.module.MetricSource}.
 */
package jp.machi.core.module;
