package jp.machi.core.module;

import java.util.List;
import jp.machi.core.i18n.LocalizedText;

/**
 * The one place a module describes itself (モジュール記述子). Each module jar contains exactly one
 * {@code @ApplicationScoped} bean implementing this interface; core discovers it through CDI,
 * checks its versions and dependencies, runs its Liquibase changelog after core's and after those
 * of the modules it depends on, and serves its resources only while it is started and, per
 * municipality, enabled.
 *
 * <p>Everything here is data: a descriptor does no work when asked. Work belongs in the module's
 * own beans, which may observe {@link ModulesStarted} to begin.
 */
public interface ModuleDescriptor {

    /** Stable id: lower-case letters, digits and dashes; also the module's URL segment. */
    String id();

    LocalizedText name();

    /** This module's version, e.g. {@code 0.1.0}. */
    String version();

    /** The core versions this module works with, e.g. {@code [0.1,1.0)}. */
    String coreVersionRange();

    /** Modules this one requires (not started without them) or works with when present. */
    default List<ModuleDependency> dependencies() {
        return List.of();
    }

    /**
     * Class-path location of the module's Liquibase changelog, e.g.
     * {@code db/machi/planning/changelog.xml}, or {@code null} when the module keeps no tables.
     */
    String changelog();

    /** JAX-RS resource classes of this module; requests to them are refused while it is off. */
    List<Class<?>> resources();

    default List<RoleDefinition> roles() {
        return List.of();
    }

    default List<SettingDefinition> settings() {
        return List.of();
    }

    /** Metric sources whose values an indicator can be bound to; see {@link MetricSource}. */
    default List<MetricDefinition> metrics() {
        return List.of();
    }

    default List<UiContribution> ui() {
        return List.of();
    }
}
