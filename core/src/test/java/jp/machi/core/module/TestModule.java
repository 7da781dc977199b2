package jp.machi.core.module;

import java.util.ArrayList;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;

/**
 * A module descriptor for tests: only what the resolver reads. Built fluently, e.g.
 * {@code module("engagement").requires("planning", "[0.1,1.0)")}.
 */
record TestModule(String id, String version, String coreVersionRange, List<ModuleDependency> dependencies)
        implements ModuleDescriptor {

    static final String CORE_RANGE = "[0.1,1.0)";

    TestModule {
        dependencies = List.copyOf(dependencies);
    }

    static TestModule module(String id) {
        return new TestModule(id, "0.1.0", CORE_RANGE, List.of());
    }

    TestModule version(String v) {
        return new TestModule(id, v, coreVersionRange, dependencies);
    }

    TestModule core(String range) {
        return new TestModule(id, version, range, dependencies);
    }

    TestModule requires(String moduleId) {
        return requires(moduleId, "*");
    }

    TestModule requires(String moduleId, String range) {
        return with(ModuleDependency.requires(moduleId, range));
    }

    TestModule worksWith(String moduleId) {
        return with(ModuleDependency.worksWith(moduleId, "*"));
    }

    private TestModule with(ModuleDependency dependency) {
        List<ModuleDependency> all = new ArrayList<>(dependencies);
        all.add(dependency);
        return new TestModule(id, version, coreVersionRange, all);
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of(String.valueOf(id), null);
    }

    @Override
    public String changelog() {
        return null;
    }

    @Override
    public List<Class<?>> resources() {
        return List.of();
    }
}
