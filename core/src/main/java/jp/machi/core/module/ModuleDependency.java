package jp.machi.core.module;

import java.util.Objects;

/**
 * A dependency on another module. A required one must be present, started and within
 * {@code versionRange}, or the depending module is not started; an optional one only orders
 * start-up (its changelog runs first when it is there).
 */
public record ModuleDependency(String moduleId, String versionRange, boolean required) {

    public ModuleDependency {
        Objects.requireNonNull(moduleId, "moduleId");
        versionRange = versionRange == null ? "*" : versionRange;
    }

    public static ModuleDependency requires(String moduleId, String versionRange) {
        return new ModuleDependency(moduleId, versionRange, true);
    }

    public static ModuleDependency worksWith(String moduleId, String versionRange) {
        return new ModuleDependency(moduleId, versionRange, false);
    }
}
