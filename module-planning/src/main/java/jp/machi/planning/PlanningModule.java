package jp.machi.planning;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.ModuleDescriptor;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.core.module.UiContribution;
import jp.machi.planning.deptpolicy.interfaces.rest.DepartmentPolicyResource;
import jp.machi.planning.divisionplan.interfaces.rest.DivisionPlanResource;
import jp.machi.planning.evaluation.interfaces.rest.EvaluationPublicationResource;
import jp.machi.planning.evaluation.interfaces.rest.EvaluationResource;
import jp.machi.planning.evaluation.interfaces.rest.EvaluationSheetResource;
import jp.machi.planning.evaluation.interfaces.rest.PublicEvaluationResource;
import jp.machi.planning.interfaces.rest.PlanningApi;
import jp.machi.planning.plan.interfaces.rest.PlanNodeResource;
import jp.machi.planning.plan.interfaces.rest.PlanResource;
import jp.machi.planning.plan.interfaces.rest.PublicPlanResource;
import jp.machi.planning.program.application.ProgramMetrics;
import jp.machi.planning.program.interfaces.rest.ProgramImportResource;
import jp.machi.planning.program.interfaces.rest.ProgramResource;
import jp.machi.planning.reform.interfaces.rest.ReformItemResource;
import jp.machi.planning.yearcycle.interfaces.rest.FiscalYearResource;

/** The planning module's descriptor: 行政計画・評価 (Planning and evaluation). */
@ApplicationScoped
public class PlanningModule implements ModuleDescriptor {

    public static final String ID = "planning";

    /** Setting: the default names of a comprehensive plan's levels, top first. */
    public static final String LEVEL_NAMES = "levelNames";

    /** Setting: the future directions (今後の方向性) an evaluation may propose or decide. */
    public static final String FUTURE_DIRECTIONS = "futureDirections";

    /** Setting: personnel cost of one full-time staff member for a year, in ¥1,000. */
    public static final String PERSONNEL_UNIT_COST = "personnelUnitCost";

    /** Setting: the grades of necessity, effectiveness and efficiency, best first, as {@code code:label}. */
    public static final String EVALUATION_SCALE = "evaluationScale";

    /** Module role: may do the secondary and external evaluation steps. */
    public static final String EVALUATOR = "planning.evaluator";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("行政計画・評価", "Planning and evaluation");
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
    public String changelog() {
        return "db/machi/planning/changelog.xml";
    }

    @Override
    public List<Class<?>> resources() {
        return List.of(PlanningApi.class, ProgramResource.class, ProgramImportResource.class, PlanResource.class,
                PlanNodeResource.class, PublicPlanResource.class, DepartmentPolicyResource.class,
                DivisionPlanResource.class, ReformItemResource.class, EvaluationResource.class,
                EvaluationSheetResource.class,
                // Issue 5: the yearly cycle and published evaluation results.
                FiscalYearResource.class, EvaluationPublicationResource.class, PublicEvaluationResource.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(
                new RoleDefinition("planning.editor", LocalizedText.of("計画・事業の編集", "Edit plans and programs")),
                new RoleDefinition(EVALUATOR, LocalizedText.of("事務事業の評価", "Evaluate programs")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                new SettingDefinition(LEVEL_NAMES, LocalizedText.of("計画の階層名", "Plan level names"), SettingDefinition.Type.LIST, "基本目標,基本施策,施策,取組項目"),
                new SettingDefinition(FUTURE_DIRECTIONS, LocalizedText.of("今後の方向性の選択肢", "Future directions"), SettingDefinition.Type.LIST, "拡充,現状維持,改善,縮小,統合,休止,廃止,終了"),
                new SettingDefinition(PERSONNEL_UNIT_COST, LocalizedText.of("人件費単価 (千円/人・年)", "Personnel unit cost (¥1,000 per FTE-year)"), SettingDefinition.Type.INTEGER, "8000"),
                new SettingDefinition(EVALUATION_SCALE, LocalizedText.of("評価の段階 (記号:説明、高い順)", "Evaluation scale (code:label, best first)"), SettingDefinition.Type.LIST, "A:高い,B:中程度,C:低い"));
    }

    @Override
    public List<MetricDefinition> metrics() {
        return ProgramMetrics.DEFINITIONS;
    }

    @Override
    public List<UiContribution> ui() {
        return List.of(
                new UiContribution("planning-programs", UiContribution.Area.CONSOLE, LocalizedText.of("事務事業", "Administrative programs"), "programs.js", 10),
                new UiContribution("planning-plans", UiContribution.Area.CONSOLE, LocalizedText.of("総合計画", "Comprehensive plans"), "plans.js", 5),
                new UiContribution("planning-progress", UiContribution.Area.PORTAL, LocalizedText.of("計画の進捗", "Plan progress"), "progress.js", 10),
                new UiContribution("planning-import", UiContribution.Area.CONSOLE, LocalizedText.of("事務事業一覧の取込", "Import a program list"), "import.js", 11),
                new UiContribution("planning-department-policies", UiContribution.Area.CONSOLE, LocalizedText.of("部の運営方針", "Department policies"), "department-policies.js", 20),
                new UiContribution("planning-division-plans", UiContribution.Area.CONSOLE, LocalizedText.of("課の業務計画", "Division plans"), "division-plans.js", 21),
                new UiContribution("planning-reform-items", UiContribution.Area.CONSOLE, LocalizedText.of("行政改革の改革項目", "Administrative reform items"), "reform-items.js", 22),
                // Issue 5: the yearly cycle (console) and the published evaluation results (portal).
                new UiContribution("planning-fiscal-year", UiContribution.Area.CONSOLE, LocalizedText.of("年度更新", "Start a fiscal year"), "fiscal-year.js", 90),
                new UiContribution("planning-evaluations", UiContribution.Area.PORTAL, LocalizedText.of("事務事業評価の結果", "Program evaluation results"), "evaluations.js", 20));
    }
}
