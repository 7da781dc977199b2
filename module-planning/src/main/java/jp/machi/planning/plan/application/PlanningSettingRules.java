package jp.machi.planning.plan.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.module.SettingValidator;
import jp.machi.planning.PlanningModule;

/** What the planning module accepts as a municipality's settings beyond their declared types. */
@ApplicationScoped
public class PlanningSettingRules implements SettingValidator {

    @Override
    public String moduleId() {
        return PlanningModule.ID;
    }

    @Override
    public Optional<Refusal> check(String key, String value) {
        switch (key) {
            case PlanningModule.PERSONNEL_UNIT_COST:
                return Long.parseLong(value) < 0 ? Optional.of(new Refusal("planning.setting.negative")) : Optional.empty();
            case PlanningModule.EVALUATION_SCALE:
                List<PlanningSettings.Grade> grades = PlanningSettings.grades(ModuleSettings.items(value));
                Set<String> codes = new HashSet<>();
                for (PlanningSettings.Grade g : grades) {
                    if (g.code().isEmpty() || g.code().length() > 20 || !codes.add(g.code())) {
                        return Optional.of(new Refusal("planning.setting.scale"));
                    }
                }
                return grades.size() < 2 ? Optional.of(new Refusal("planning.setting.scale")) : Optional.empty();
            case PlanningModule.FUTURE_DIRECTIONS:
                return ModuleSettings.items(value).stream().anyMatch(d -> d.length() > 100)
                        ? Optional.of(new Refusal("planning.setting.directionTooLong")) : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
