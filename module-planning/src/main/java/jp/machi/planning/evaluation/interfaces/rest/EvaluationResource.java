package jp.machi.planning.evaluation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.planning.evaluation.application.EvaluationService;
import jp.machi.planning.evaluation.domain.EvaluationEntry;
import jp.machi.planning.evaluation.domain.EvaluationStage;
import jp.machi.planning.evaluation.domain.ProgramEvaluation;
import jp.machi.planning.plan.application.PlanningSettings;
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.program.domain.AdministrativeProgram;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/programs/{id}/evaluations}: a program's yearly
 * evaluation (事務事業評価) through its steps — {@code self} (自己評価), {@code secondary} (二次評価),
 * {@code external} (外部評価), {@code final} (最終決定) — each by the people allowed to do it, in
 * order; returning for revision (差し戻し); and the history.
 */
@Path("municipalities/{lgCode}/planning/programs/{id}/evaluations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class EvaluationResource {

    @Inject
    ProgramService programs;

    @Inject
    EvaluationService evaluations;

    @Inject
    PlanningSettings settings;

    @Context
    HttpHeaders headers;

    @PathParam("id")
    UUID programId;

    /** What a step's evaluator says; which fields a step needs depends on the step. */
    public static class JudgementInput {
        @Size(max = 20)
        public String necessity;

        @Size(max = 20)
        public String effectiveness;

        @Size(max = 20)
        public String efficiency;

        @Size(max = 100)
        public String direction;

        @Size(max = 4000)
        public String comment;

        EvaluationEntry.Judgement judgement() {
            return new EvaluationEntry.Judgement(trim(necessity), trim(effectiveness), trim(efficiency), trim(direction),
                    trim(comment));
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** Why a step goes back for revision. */
    public static class ReturnInput {
        @Size(max = 4000)
        public String comment;
    }

    @JsonbPropertyOrder({"code", "label"})
    public record GradeView(String code, String label) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"step", "label", "necessity", "effectiveness", "efficiency", "direction", "comment", "by", "at"})
    public record StepView(EvaluationStage step, String label, String necessity, String effectiveness, String efficiency,
            String direction, String comment, String by, OffsetDateTime at) {
    }

    /**
     * An evaluation as it stands: the step waited for ({@code stage}; {@code DECIDED} when done),
     * what each step said that still stands, whether the caller may do the step waited for, and
     * the municipality's scale and directions to choose from.
     */
    @JsonbNillable
    @JsonbPropertyOrder({"programId", "fiscalYear", "stage", "stageLabel", "finalDirection", "callerMayAct", "steps",
        "scale", "directions"})
    public record EvaluationView(UUID programId, FiscalYear fiscalYear, EvaluationStage stage, String stageLabel,
            String finalDirection, boolean callerMayAct, List<StepView> steps, List<GradeView> scale,
            List<String> directions) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"seq", "step", "stepLabel", "action", "necessity", "effectiveness", "efficiency", "direction",
        "comment", "actorId", "by", "at"})
    public record EntryView(int seq, EvaluationStage step, String stepLabel, EvaluationEntry.Action action,
            String necessity, String effectiveness, String efficiency, String direction, String comment, String actorId,
            String by, OffsetDateTime at) {
        static EntryView of(EvaluationEntry e, Locale l) {
            return new EntryView(e.getSeq(), e.getStep(), e.getStep().label().in(l), e.getAction(), e.getNecessity(),
                    e.getEffectiveness(), e.getEfficiency(), e.getDirection(), e.getComment(), e.getActorId(),
                    e.getActorName(), e.getActedAt());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"fiscalYear", "stage", "stageLabel", "finalDirection"})
    public record SummaryView(FiscalYear fiscalYear, EvaluationStage stage, String stageLabel, String finalDirection) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The program's evaluations, one per fiscal year evaluated")
    @Answers(value = SummaryView.class, list = true)
    public List<SummaryView> list() {
        AdministrativeProgram p = programs.require(programId);
        Locale l = Problems.locale(headers);
        return evaluations.ofProgram(p).stream().map(e -> new SummaryView(e.getFiscalYear(), e.getStage(),
                e.getStage().label().in(l), e.getFinalDirection())).toList();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{fiscalYear}")
    @Transactional
    @Operation(summary = "The program's evaluation of one fiscal year as it stands (waiting for self-evaluation if not begun)")
    @Answers(EvaluationView.class)
    public Response get(@PathParam("fiscalYear") String fiscalYear) {
        AdministrativeProgram p = programs.require(programId);
        return answer(evaluations.state(p, FiscalYear.parse(fiscalYear)));
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("{fiscalYear}/steps/{step}")
    @Transactional
    @Operation(summary = "Submit a step (self, secondary, external, final): only the step waited for, only by those allowed")
    @Answers(EvaluationView.class)
    public Response submit(@PathParam("fiscalYear") String fiscalYear, @PathParam("step") String step,
            @Valid JudgementInput body) {
        Bodies.require(body);
        EvaluationStage s = EvaluationStage.step(step)
                .orElseThrow(() -> ApiException.notFound("planning.evaluation.step.unknown", step));
        AdministrativeProgram p = programs.require(programId);
        return answer(evaluations.submit(p, FiscalYear.parse(fiscalYear), s, body.judgement()));
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("{fiscalYear}/return")
    @Transactional
    @Operation(summary = "Return the step before the one waited for, for revision (差し戻し), with the reason")
    @Answers(EvaluationView.class)
    public Response sendBack(@PathParam("fiscalYear") String fiscalYear, @Valid ReturnInput body) {
        Bodies.require(body);
        AdministrativeProgram p = programs.require(programId);
        return answer(evaluations.returnStep(p, FiscalYear.parse(fiscalYear), body.comment));
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{fiscalYear}/history")
    @Transactional
    @Operation(summary = "Every step submitted or returned, oldest first, with who and when")
    @Answers(value = EntryView.class, list = true)
    public List<EntryView> history(@PathParam("fiscalYear") String fiscalYear) {
        AdministrativeProgram p = programs.require(programId);
        Locale l = Problems.locale(headers);
        return evaluations.state(p, FiscalYear.parse(fiscalYear)).history().stream().map(e -> EntryView.of(e, l))
                .toList();
    }

    private Response answer(EvaluationService.State s) {
        Locale l = Problems.locale(headers);
        Map<EvaluationStage, EvaluationEntry> standing = s.standing();
        List<StepView> steps = new ArrayList<>();
        for (EvaluationStage step : EvaluationStage.values()) {
            EvaluationEntry e = standing.get(step);
            if (e != null) {
                steps.add(new StepView(step, step.label().in(l), e.getNecessity(), e.getEffectiveness(),
                        e.getEfficiency(), e.getDirection(), e.getComment(), e.getActorName(), e.getActedAt()));
            }
        }
        EvaluationStage stage = s.stage();
        boolean may = stage.isStep() && CallerContext.current()
                .map(c -> EvaluationService.mayDo(c, stage, s.program())).orElse(false);
        EvaluationView v = new EvaluationView(s.program().getId(), s.fiscalYear(), stage, stage.label().in(l),
                s.evaluation().map(ProgramEvaluation::getFinalDirection).orElse(null), may, steps,
                settings.evaluationScale().stream().map(g -> new GradeView(g.code(), g.label())).toList(),
                settings.futureDirections());
        return Response.ok(v).tag(Versions.tag(s.version())).build();
    }
}
