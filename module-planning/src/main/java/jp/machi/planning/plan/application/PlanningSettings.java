package jp.machi.planning.plan.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import jp.machi.core.module.SettingDefinition;
import jp.machi.planning.PlanningModule;

/**
 * The planning module's settings as they apply to the request's municipality. Core keeps no
 * per-municipality values yet, so every municipality has the defaults the module declares
 * ({@link PlanningModule#settings()}); this is the one place to read them from when it does.
 */
@ApplicationScoped
public class PlanningSettings {

    @Inject
    PlanningModule module;

    /** The default names of a plan's levels, top first (基本目標, 基本施策, 施策, 取組項目). */
    public List<String> levelNames() {
        return list(PlanningModule.LEVEL_NAMES);
    }

    private List<String> list(String key) {
        SettingDefinition s = module.settings().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No setting " + key));
        return Arrays.stream(s.defaultValue().split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
