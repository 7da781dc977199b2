package jp.machi.core.module;

import java.util.List;

/**
 * CDI event fired once migrations are done and modules are started; beans that need the schema
 * (demo data, timers, caches) observe it instead of starting on their own.
 */
public record ModulesStarted(List<String> startedModuleIds) {
}
