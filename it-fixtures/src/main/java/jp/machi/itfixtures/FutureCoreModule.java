package jp.machi.itfixtures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.ModuleDescriptor;

/**
 * A module written for core 99, which does not exist yet: the deployment must list it as not
 * started, naming the core range it needs and the core it has.
 */
@ApplicationScoped
public class FutureCoreModule implements ModuleDescriptor {

    public static final String ID = "fixture-future-core";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("試験用: 将来のコア向け", "Test fixture: future core");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public String coreVersionRange() {
        return "[99,100)";
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
