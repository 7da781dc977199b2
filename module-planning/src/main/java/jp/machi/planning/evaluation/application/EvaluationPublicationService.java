package jp.machi.planning.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.evaluation.domain.EvaluationEntry;
import jp.machi.planning.evaluation.domain.EvaluationPublication;
import jp.machi.planning.evaluation.domain.EvaluationStage;
import jp.machi.planning.evaluation.domain.ProgramEvaluation;
import jp.machi.planning.program.domain.AdministrativeProgram;

/**
 * 評価結果の公表: a municipality administrator publishes (or withdraws) a fiscal year's evaluation
 * results; what is public is then every evaluation of that year with a final decision — what each
 * step submitted and still stands, the final direction — never who evaluated.
 */
@ApplicationScoped
@Transactional
public class EvaluationPublicationService {

    @Inject
    Tenancy tenancy;

    /** A decided evaluation with its program and what each step said that stands. */
    public record Result(AdministrativeProgram program, ProgramEvaluation evaluation,
            Map<EvaluationStage, EvaluationEntry> steps) {
    }

    public List<EvaluationPublication> publications() {
        return tenancy.em().createNamedQuery("EvaluationPublication.all", EvaluationPublication.class).getResultList();
    }

    public Optional<EvaluationPublication> publication(FiscalYear fy) {
        return tenancy.em().createNamedQuery("EvaluationPublication.of", EvaluationPublication.class)
                .setParameter("fiscalYear", fy).getResultList().stream().findFirst();
    }

    /** Publishes {@code fy}'s results (again: nothing changes); 409 while no evaluation of the year is decided. */
    public EvaluationPublication publish(FiscalYear fy) {
        Optional<EvaluationPublication> existing = publication(fy);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (decided(fy).isEmpty()) {
            throw ApiException.conflict("nothing-decided", "planning.evaluationResults.nothingDecided",
                    String.valueOf(fy.startYear()));
        }
        EvaluationPublication p = new EvaluationPublication(fy);
        tenancy.em().persist(p);
        tenancy.em().flush();
        return p;
    }

    /** Withdraws {@code fy}'s results from the public; 404 when they were not published. */
    public void withdraw(FiscalYear fy) {
        tenancy.em().remove(requirePublished(fy));
        tenancy.em().flush();
    }

    public EvaluationPublication requirePublished(FiscalYear fy) {
        return publication(fy).orElseThrow(() -> ApiException.notFound("planning.evaluationResults.notPublished",
                String.valueOf(fy.startYear())));
    }

    /** The evaluations of {@code fy} with a final decision, by program (serial number, then number). */
    public List<Result> decided(FiscalYear fy) {
        var em = tenancy.em();
        List<Result> results = new ArrayList<>();
        for (ProgramEvaluation e : em.createQuery("SELECT e FROM ProgramEvaluation e WHERE e.fiscalYear = :fy"
                + " AND e.stage = :stage", ProgramEvaluation.class).setParameter("fy", fy)
                .setParameter("stage", EvaluationStage.DECIDED).getResultList()) {
            AdministrativeProgram p = em.find(AdministrativeProgram.class, e.getProgramId());
            List<EvaluationEntry> history = em.createNamedQuery("EvaluationEntry.ofEvaluation", EvaluationEntry.class)
                    .setParameter("evaluationId", e.getId()).getResultList();
            results.add(new Result(p, e, new EvaluationService.State(p, fy, Optional.of(e), history).standing()));
        }
        results.sort(Comparator.comparing((Result r) -> r.program().getSerialNumber() == null ? Integer.MAX_VALUE
                : r.program().getSerialNumber()).thenComparing(r -> r.program().getProgramNumber())
                .thenComparing(r -> r.program().getName()));
        return results;
    }
}
