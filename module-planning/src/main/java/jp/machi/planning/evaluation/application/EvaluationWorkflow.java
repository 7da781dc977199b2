package jp.machi.planning.evaluation.application;

import java.util.UUID;
import jp.machi.core.identity.Role;
import jp.machi.core.workflow.Guard;
import jp.machi.core.workflow.Workflow;
import jp.machi.planning.PlanningModule;
import jp.machi.planning.evaluation.domain.EvaluationStage;
import jp.machi.planning.evaluation.domain.ProgramEvaluation;
import jp.machi.planning.program.domain.AdministrativeProgram;

/**
 * The evaluation workflow (事務事業評価) declared on core's workflows: the states are the
 * {@link EvaluationStage}s; the actions are the steps ({@code self}, {@code secondary},
 * {@code external}, {@code final}), each from its stage to the next, and {@code return} (差し戻し,
 * reason required) from each stage after the first to the one before, by whoever may do the step
 * waited for. Who may do a step:
 * <ul>
 * <li>{@code self}: staff of the program's responsible unit, or a municipality administrator;</li>
 * <li>{@code secondary}, {@code external}: staff holding {@value PlanningModule#EVALUATOR};</li>
 * <li>{@code final}: a municipality administrator.</li>
 * </ul>
 * The history's lines are in core's table under {@code planning.evaluation}; what each step said
 * (ratings, direction, comment) stays in planning's {@code EvaluationEntry}.
 */
public final class EvaluationWorkflow {

    /** A program's evaluation of a fiscal year: the evaluation is absent until its first step. */
    public record Subject(AdministrativeProgram program, ProgramEvaluation evaluation) {

        UUID id() {
            return evaluation == null ? null : evaluation.getId();
        }

        EvaluationStage stage() {
            return evaluation == null ? EvaluationStage.SELF : evaluation.getStage();
        }
    }

    private static final Guard<Subject> SELF = Guard.<Subject>staffOfUnit(s -> s.program().getUnitId())
            .or(Guard.role(Role.MUNICIPALITY_ADMIN));
    private static final Guard<Subject> EVALUATOR = Guard.moduleRole(PlanningModule.EVALUATOR);
    private static final Guard<Subject> ADMIN = Guard.role(Role.MUNICIPALITY_ADMIN);

    public static final Workflow<Subject> DEFINITION = declare();

    private EvaluationWorkflow() {
    }

    /** The action that submits {@code step} ({@code self}, …). */
    public static String action(EvaluationStage step) {
        return step.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Workflow<Subject> declare() {
        Workflow.Builder<Subject> b = Workflow.<Subject>define("planning.evaluation", Subject::id, s -> s.stage().name(),
                (s, code) -> s.evaluation().moveTo(EvaluationStage.valueOf(code)));
        for (EvaluationStage s : EvaluationStage.values()) {
            b.state(s.name(), s.label().ja(), s.label().en());
        }
        for (EvaluationStage s : EvaluationStage.values()) {
            if (s.isStep()) {
                b.action(action(s), s.label().ja(), s.label().en(), s.next().name()).from(s.name()).by(guard(s)).done();
            }
        }
        for (EvaluationStage s : EvaluationStage.values()) {
            if (s.isStep() && s != EvaluationStage.SELF) {
                b.action("return", "差し戻し", "Return for revision", s.previous().name()).from(s.name()).by(guard(s))
                        .reasonRequired().done();
            }
        }
        return b.build();
    }

    private static Guard<Subject> guard(EvaluationStage step) {
        return switch (step) {
            case SELF -> SELF;
            case SECONDARY, EXTERNAL -> EVALUATOR;
            case FINAL -> ADMIN;
            case DECIDED -> (c, s) -> false;
        };
    }
}
