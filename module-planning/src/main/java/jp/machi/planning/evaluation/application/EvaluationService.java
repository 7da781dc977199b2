package jp.machi.planning.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.planning.evaluation.domain.EvaluationEntry;
import jp.machi.planning.evaluation.domain.EvaluationStage;
import jp.machi.planning.evaluation.domain.ProgramEvaluation;
import jp.machi.planning.plan.application.PlanningSettings;
import jp.machi.planning.program.domain.AdministrativeProgram;

/**
 * Runs the evaluation workflow, declared on core's workflows in {@link EvaluationWorkflow} (who may
 * do a step, the history's lines in core's table); this service keeps the evaluation API's own
 * refusals (problem types {@code evaluation-…}) and the judgements. Who may do which step:
 * <ul>
 * <li>{@code SELF} (自己評価): staff of the program's responsible unit, or a municipality administrator;</li>
 * <li>{@code SECONDARY} (二次評価) and {@code EXTERNAL} (外部評価, entered from the committee's
 * result): holders of the module role {@code planning.evaluator};</li>
 * <li>{@code FINAL} (最終決定): a municipality administrator.</li>
 * </ul>
 * Steps come in this order, each once; returning a step (差し戻し) is for whoever may do the step
 * waited for, and makes the one before it to be done again. A refused request writes nothing:
 * every check comes before the first write.
 */
@ApplicationScoped
@Transactional
public class EvaluationService {

    @Inject
    Tenancy tenancy;

    @Inject
    PlanningSettings settings;

    @Inject
    WorkflowService workflows;

    /** An evaluation as it stands: its row (absent until the first step) and its history. */
    public record State(AdministrativeProgram program, FiscalYear fiscalYear, Optional<ProgramEvaluation> evaluation,
            List<EvaluationEntry> history) {

        public EvaluationStage stage() {
            return evaluation.map(ProgramEvaluation::getStage).orElse(EvaluationStage.SELF);
        }

        public long version() {
            return evaluation.map(ProgramEvaluation::getVersion).orElse(0L);
        }

        /** What each step submitted and still stands (a step returned for revision stands no more). */
        public Map<EvaluationStage, EvaluationEntry> standing() {
            Map<EvaluationStage, EvaluationEntry> standing = new EnumMap<>(EvaluationStage.class);
            for (EvaluationEntry e : history) {
                if (e.getAction() == EvaluationEntry.Action.SUBMITTED) {
                    standing.put(e.getStep(), e);
                } else {
                    standing.keySet().removeIf(s -> s.ordinal() >= e.getStep().ordinal());
                }
            }
            return standing;
        }
    }

    public State state(AdministrativeProgram p, FiscalYear fy) {
        Optional<ProgramEvaluation> e = find(p, fy);
        return new State(p, fy, e, e.map(this::history).orElse(List.of()));
    }

    public List<ProgramEvaluation> ofProgram(AdministrativeProgram p) {
        return tenancy.em().createNamedQuery("ProgramEvaluation.ofProgram", ProgramEvaluation.class)
                .setParameter("programId", p.getId()).getResultList();
    }

    /** Number of programs whose evaluation of {@code fy} ended in the final direction {@code direction}. */
    public long countDecided(FiscalYear fy, String direction) {
        return tenancy.em().createNamedQuery("ProgramEvaluation.countDecided", Long.class)
                .setParameter("fiscalYear", fy).setParameter("stage", EvaluationStage.DECIDED)
                .setParameter("direction", direction).getSingleResult();
    }

    /** Number of programs whose evaluation of {@code fy} is decided, whatever the direction. */
    public long countDecidedAny(FiscalYear fy) {
        return tenancy.em().createNamedQuery("ProgramEvaluation.countDecidedAny", Long.class)
                .setParameter("fiscalYear", fy).setParameter("stage", EvaluationStage.DECIDED).getSingleResult();
    }

    /** May {@code c} do {@code step} of {@code p}'s evaluation? (As {@link EvaluationWorkflow} declares.) */
    public static boolean mayDo(Caller c, EvaluationStage step, AdministrativeProgram p) {
        if (!step.isStep()) {
            return false;
        }
        var wf = EvaluationWorkflow.DEFINITION;
        var t = wf.transition(step.name(), EvaluationWorkflow.action(step)).orElseThrow();
        return wf.may(c, t, new EvaluationWorkflow.Subject(p, null));
    }

    /** Submits {@code step}: checks who, the order and the judgement, then records it and moves on. */
    public State submit(AdministrativeProgram p, FiscalYear fy, EvaluationStage step, EvaluationEntry.Judgement j) {
        Caller c = caller();
        if (!mayDo(c, step, p)) {
            throw new ApiException(403, "evaluation-step-forbidden", "planning.evaluation.forbidden." + step.name());
        }
        State s = state(p, fy);
        EvaluationStage stage = s.stage();
        if (stage == EvaluationStage.DECIDED) {
            throw ApiException.conflict("evaluation-decided", "planning.evaluation.decided", String.valueOf(fy.startYear()));
        }
        if (step.ordinal() < stage.ordinal()) {
            throw ApiException.conflict("evaluation-step-done", "planning.evaluation.stepDone", step.label(), stage.label());
        }
        if (step.ordinal() > stage.ordinal()) {
            throw ApiException.conflict("evaluation-step-out-of-order", "planning.evaluation.outOfOrder", step.label(),
                    stage.label());
        }
        check(step, j);
        var em = tenancy.em();
        ProgramEvaluation e = s.evaluation().orElse(null);
        if (e == null) {
            e = new ProgramEvaluation(p.getId(), fy);
            em.persist(e);
            em.flush();
        }
        em.persist(new EvaluationEntry(e.getId(), s.history().size() + 1, step, EvaluationEntry.Action.SUBMITTED, j,
                c.id(), c.name()));
        var wf = EvaluationWorkflow.DEFINITION;
        workflows.apply(wf, new EvaluationWorkflow.Subject(p, e),
                wf.transition(step.name(), EvaluationWorkflow.action(step)).orElseThrow(), j.comment(), c);
        if (e.getStage() == EvaluationStage.DECIDED) {
            e.decided(j.direction());
        }
        em.flush();
        return state(p, fy);
    }

    /** 差し戻し: the step before the one waited for is to be done again. */
    public State returnStep(AdministrativeProgram p, FiscalYear fy, String comment) {
        Caller c = caller();
        State s = state(p, fy);
        EvaluationStage stage = s.stage();
        if (stage.isStep() && !mayDo(c, stage, p)) {
            throw new ApiException(403, "evaluation-step-forbidden", "planning.evaluation.forbidden." + stage.name());
        }
        if (s.evaluation().isEmpty() || stage == EvaluationStage.SELF) {
            throw ApiException.conflict("evaluation-nothing-to-return", "planning.evaluation.nothingToReturn");
        }
        if (stage == EvaluationStage.DECIDED) {
            throw ApiException.conflict("evaluation-decided", "planning.evaluation.decided", String.valueOf(fy.startYear()));
        }
        if (comment == null || comment.isBlank()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("comment", "planning.evaluation.required")));
        }
        ProgramEvaluation e = s.evaluation().get();
        var em = tenancy.em();
        em.persist(new EvaluationEntry(e.getId(), s.history().size() + 1, stage.previous(),
                EvaluationEntry.Action.RETURNED, new EvaluationEntry.Judgement(null, null, null, null, comment.strip()),
                c.id(), c.name()));
        var wf = EvaluationWorkflow.DEFINITION;
        workflows.apply(wf, new EvaluationWorkflow.Subject(p, e), wf.transition(stage.name(), "return").orElseThrow(),
                comment, c);
        em.flush();
        return state(p, fy);
    }

    private void check(EvaluationStage step, EvaluationEntry.Judgement j) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        boolean ratingsRequired = step != EvaluationStage.EXTERNAL;
        List<PlanningSettings.Grade> scale = settings.evaluationScale();
        String codes = scale.stream().map(PlanningSettings.Grade::code).collect(Collectors.joining(", "));
        grade("necessity", j.necessity(), ratingsRequired, scale, codes, errors);
        grade("effectiveness", j.effectiveness(), ratingsRequired, scale, codes, errors);
        grade("efficiency", j.efficiency(), ratingsRequired, scale, codes, errors);
        List<String> directions = settings.futureDirections();
        if (j.direction() == null || j.direction().isBlank()) {
            if (ratingsRequired) {
                errors.add(new ApiException.FieldErrorKey("direction", "planning.evaluation.required"));
            }
        } else if (!directions.contains(j.direction())) {
            errors.add(new ApiException.FieldErrorKey("direction", "planning.evaluation.direction.unknown", j.direction(),
                    String.join(", ", directions)));
        }
        if (step == EvaluationStage.EXTERNAL && (j.comment() == null || j.comment().isBlank())) {
            errors.add(new ApiException.FieldErrorKey("comment", "planning.evaluation.required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void grade(String field, String code, boolean required, List<PlanningSettings.Grade> scale,
            String codes, List<ApiException.FieldErrorKey> errors) {
        if (code == null || code.isBlank()) {
            if (required) {
                errors.add(new ApiException.FieldErrorKey(field, "planning.evaluation.required"));
            }
        } else if (scale.stream().noneMatch(g -> g.code().equals(code))) {
            errors.add(new ApiException.FieldErrorKey(field, "planning.evaluation.grade.unknown", code, codes));
        }
    }

    private Optional<ProgramEvaluation> find(AdministrativeProgram p, FiscalYear fy) {
        return tenancy.em().createNamedQuery("ProgramEvaluation.of", ProgramEvaluation.class)
                .setParameter("programId", p.getId()).setParameter("fiscalYear", fy).getResultStream().findFirst();
    }

    private List<EvaluationEntry> history(ProgramEvaluation e) {
        return tenancy.em().createNamedQuery("EvaluationEntry.ofEvaluation", EvaluationEntry.class)
                .setParameter("evaluationId", e.getId()).getResultList();
    }

    private static Caller caller() {
        return CallerContext.current().orElseThrow();
    }
}
