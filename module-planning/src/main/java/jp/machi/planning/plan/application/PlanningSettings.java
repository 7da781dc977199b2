package jp.machi.planning.plan.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.PlanningModule;

/**
 * The planning module's settings as they apply to the municipality of the current request or
 * transaction: its own values where its administrator set them
 * ({@code PUT /api/v1/municipalities/{lgCode}/modules/planning/settings}), else the defaults the
 * module declares ({@link PlanningModule#settings()}).
 */
@ApplicationScoped
public class PlanningSettings {

    @Inject
    ModuleSettings settings;

    @Inject
    Tenancy tenancy;

    /** One grade of the evaluation scale: its code (A) and label (高い). */
    public record Grade(String code, String label) {
    }

    /** The default names of a plan's levels, top first (基本目標, 基本施策, 施策, 取組項目). */
    public List<String> levelNames() {
        return settings.list(tenancy.code(), PlanningModule.ID, PlanningModule.LEVEL_NAMES);
    }

    /** The future directions (今後の方向性) this municipality uses: 拡充, 現状維持, 改善 … */
    public List<String> futureDirections() {
        return settings.list(tenancy.code(), PlanningModule.ID, PlanningModule.FUTURE_DIRECTIONS);
    }

    /** Personnel cost of one full-time staff member for a year, in ¥1,000. */
    public long personnelUnitCost() {
        return settings.integer(tenancy.code(), PlanningModule.ID, PlanningModule.PERSONNEL_UNIT_COST);
    }

    /** The grades of necessity, effectiveness and efficiency, best first. */
    public List<Grade> evaluationScale() {
        return grades(settings.list(tenancy.code(), PlanningModule.ID, PlanningModule.EVALUATION_SCALE));
    }

    public Optional<Grade> grade(String code) {
        return evaluationScale().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** Grades written as {@code code:label} (the label may be left out). */
    public static List<Grade> grades(List<String> items) {
        List<Grade> grades = new ArrayList<>();
        for (String item : items) {
            int colon = item.indexOf(':');
            String code = (colon < 0 ? item : item.substring(0, colon)).strip();
            String label = colon < 0 ? "" : item.substring(colon + 1).strip();
            grades.add(new Grade(code, label));
        }
        return grades;
    }
}
