package jp.machi.planning.evaluation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.api.Answers;
import jp.machi.core.api.CachedRead;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.planning.document.DocumentParams;
import jp.machi.planning.evaluation.application.EvaluationPublicationService;
import jp.machi.planning.evaluation.domain.EvaluationEntry;
import jp.machi.planning.evaluation.domain.EvaluationPublication;
import jp.machi.planning.evaluation.domain.EvaluationStage;
import jp.machi.planning.plan.application.PlanningSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/public/evaluations}: the evaluation results a
 * municipality has published, per fiscal year — program number, name and division, what each step
 * rated and proposed, the final direction and the final comment, and the count per final direction.
 * Never who evaluated (no names, logins or e-mail addresses). A year not published answers exactly
 * like one without results (404).
 */
@Path("municipalities/{lgCode}/planning/public/evaluations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class PublicEvaluationResource {

    @Inject
    EvaluationPublicationService service;

    @Inject
    PlanningSettings settings;

    @Inject
    jp.machi.planning.program.application.ProgramService programs;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "publishedAt", "count"})
    public record YearView(FiscalYear fiscalYear, String fiscalYearLabel, OffsetDateTime publishedAt, int count) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"step", "label", "necessity", "effectiveness", "efficiency", "direction", "comment"})
    public record PublicStepView(EvaluationStage step, String label, String necessity, String effectiveness,
            String efficiency, String direction, String comment) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"programNumber", "programName", "unitName", "finalDirection", "comment", "steps"})
    public record PublicResultView(String programNumber, String programName, String unitName, String finalDirection,
            String comment, List<PublicStepView> steps) {
    }

    @JsonbPropertyOrder({"direction", "count"})
    public record DirectionCount(String direction, long count) {
    }

    @JsonbPropertyOrder({"code", "label"})
    public record GradeView(String code, String label) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "publishedAt", "count", "directions", "scale", "results"})
    public record PublishedResultsView(FiscalYear fiscalYear, String fiscalYearLabel, OffsetDateTime publishedAt,
            int count, List<DirectionCount> directions, List<GradeView> scale, List<PublicResultView> results) {
    }

    @GET
    @CachedRead
    @Path("years")
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: the fiscal years whose evaluation results are published, latest first")
    @Answers(value = YearView.class, list = true)
    public List<YearView> years() {
        Locale l = Problems.locale(headers);
        return service.publications().stream().map(p -> new YearView(p.getFiscalYear(), p.getFiscalYear().label(l),
                p.getPublishedAt(), service.decided(p.getFiscalYear()).size())).toList();
    }

    @GET
    @CachedRead
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: the published evaluation results of ?fiscalYear= (default: the latest published"
            + " year, an empty answer while none is; 404 when the year asked for is not published), with the count per final direction")
    @Answers(PublishedResultsView.class)
    public PublishedResultsView results(@QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear fy = DocumentParams.fiscalYear(fiscalYear);
        EvaluationPublication p;
        if (fy == null) {
            p = service.publications().stream().findFirst().orElse(null);
            if (p == null) {
                // Nothing published yet: an empty answer (a year asked for by name is 404 instead).
                return new PublishedResultsView(null, null, null, 0, List.of(), List.of(), List.of());
            }
        } else {
            p = service.requirePublished(fy);
        }
        Locale l = Problems.locale(headers);
        List<PublicResultView> results = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        settings.futureDirections().forEach(d -> counts.put(d, 0L));
        for (EvaluationPublicationService.Result r : service.decided(p.getFiscalYear())) {
            List<PublicStepView> steps = new ArrayList<>();
            for (Map.Entry<EvaluationStage, EvaluationEntry> s : r.steps().entrySet()) {
                EvaluationEntry e = s.getValue();
                steps.add(new PublicStepView(s.getKey(), s.getKey().label().in(l), e.getNecessity(), e.getEffectiveness(),
                        e.getEfficiency(), e.getDirection(), e.getComment()));
            }
            EvaluationEntry last = r.steps().get(EvaluationStage.FINAL);
            String direction = r.evaluation().getFinalDirection();
            counts.merge(direction == null ? "-" : direction, 1L, Long::sum);
            results.add(new PublicResultView(r.program().getProgramNumber(), r.program().getName(),
                    programs.unitLabel(r.program()), direction, last == null ? null : last.getComment(), steps));
        }
        List<DirectionCount> directions = counts.entrySet().stream().map(e -> new DirectionCount(e.getKey(), e.getValue()))
                .toList();
        List<GradeView> scale = settings.evaluationScale().stream().map(g -> new GradeView(g.code(), g.label())).toList();
        return new PublishedResultsView(p.getFiscalYear(), p.getFiscalYear().label(l), p.getPublishedAt(), results.size(),
                directions, scale, results);
    }
}
