package jp.machi.planning.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.PlanningModule;
import jp.machi.planning.evaluation.domain.EvaluationStage;

/**
 * Program evaluations in 「あなたの対応待ち」 (ADR 0019), each waiting for the caller's step, as
 * {@link EvaluationService#mayDo} decides who may take it:
 * <ul>
 * <li>自己評価: programs of the caller's unit, of this fiscal year or the last, whose evaluation of
 * the program's own fiscal year has not begun or was returned to it (an older year's program is
 * history, not work);</li>
 * <li>二次評価 and 外部評価: evaluations waiting for that step, for staff holding
 * {@code planning.evaluator};</li>
 * <li>最終決定: evaluations waiting for the decision, for municipality administrators.</li>
 * </ul>
 * Evaluations have no due date; items carry the fiscal year evaluated and are never overdue.
 */
@ApplicationScoped
public class EvaluationTasks implements TaskSource {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return PlanningModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        List<TaskGroup> groups = new ArrayList<>();
        if (!caller.has(Role.STAFF)) {
            return groups;
        }
        if (caller.unitId() != null) {
            groups.add(selfEvaluations(caller.unitId(), limit));
        }
        if (caller.holds(PlanningModule.EVALUATOR)) {
            groups.add(started(EvaluationStage.SECONDARY, limit));
            groups.add(started(EvaluationStage.EXTERNAL, limit));
        }
        if (caller.has(Role.MUNICIPALITY_ADMIN)) {
            groups.add(started(EvaluationStage.FINAL, limit));
        }
        return groups;
    }

    private TaskGroup selfEvaluations(UUID unit, int limit) {
        EntityManager em = tenancy.em();
        FiscalYear current = FiscalYear.containing(LocalDate.now(JAPAN));
        String from = " FROM AdministrativeProgram p WHERE p.unitId = :unit"
                + " AND (p.fiscalYear = :current OR p.fiscalYear = :previous)"
                + " AND NOT EXISTS (SELECT e.id FROM ProgramEvaluation e WHERE e.programId = p.id"
                + " AND e.fiscalYear = p.fiscalYear AND e.stage <> :self)";
        long total = em.createQuery("SELECT COUNT(p)" + from, Long.class).setParameter("unit", unit)
                .setParameter("current", current).setParameter("previous", current.previous())
                .setParameter("self", EvaluationStage.SELF).getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : em.createQuery("SELECT p.id, p.programNumber, p.name, p.fiscalYear, p.unitId" + from
                    + " ORDER BY p.fiscalYear, p.serialNumber, p.programNumber", Object[].class)
                    .setParameter("unit", unit).setParameter("current", current)
                    .setParameter("previous", current.previous()).setParameter("self", EvaluationStage.SELF)
                    .setMaxResults(limit).getResultList()) {
                items.add(item(r[0], (String) r[1], (String) r[2], (FiscalYear) r[3], r[4]));
            }
        }
        return new TaskGroup("evaluation-self", label(EvaluationStage.SELF), total, 0, items);
    }

    private TaskGroup started(EvaluationStage stage, int limit) {
        EntityManager em = tenancy.em();
        String from = " FROM ProgramEvaluation e, AdministrativeProgram p WHERE p.id = e.programId AND e.stage = :stage";
        long total = em.createQuery("SELECT COUNT(e)" + from, Long.class).setParameter("stage", stage).getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : em.createQuery("SELECT p.id, p.programNumber, p.name, e.fiscalYear, p.unitId" + from
                    + " ORDER BY e.fiscalYear, p.serialNumber, p.programNumber", Object[].class)
                    .setParameter("stage", stage).setMaxResults(limit).getResultList()) {
                items.add(item(r[0], (String) r[1], (String) r[2], (FiscalYear) r[3], r[4]));
            }
        }
        return new TaskGroup("evaluation-" + stage.name().toLowerCase(java.util.Locale.ROOT), label(stage), total, 0,
                items);
    }

    private static LocalizedText label(EvaluationStage stage) {
        return LocalizedText.of(stage.label().ja() + "待ちの事務事業", "Programs awaiting " + switch (stage) {
            case SELF -> "self-evaluation";
            case SECONDARY -> "secondary evaluation";
            case EXTERNAL -> "external evaluation";
            default -> "the final decision";
        });
    }

    private static TaskItem item(Object programId, String number, String name, FiscalYear fy, Object unitId) {
        return new TaskItem("program-evaluation", programId + "/" + fy.startYear(), number, name, null, fy, false,
                unitId == null ? null : UUID.fromString(unitId.toString()),
                PlanningModule.ID + "/planning-programs/" + programId + "/evaluation/" + fy.startYear());
    }
}
