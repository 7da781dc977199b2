package jp.machi.itfixtures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.ModuleDependency;
import jp.machi.core.module.ModuleDescriptor;

/**
 * A module that requires module {@code nonexistent}, which no build has: the deployment must list
 * it as not started, saying which module is missing, and start everything else.
 */
@ApplicationScoped
public class NeedsMissingModule implements ModuleDescriptor {

    public static final String ID = "fixture-needs-missing";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("試験用: 依存先なし", "Test fixture: missing dependency");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String coreVersionRange() {
        return "[0.1,1.0)";
    }

    @Override
    public List<ModuleDependency> dependencies() {
        return List.of(ModuleDependency.requires("nonexistent", "[1.0,)"));
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
