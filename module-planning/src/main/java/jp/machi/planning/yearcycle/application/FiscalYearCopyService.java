package jp.machi.planning.yearcycle.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.deptpolicy.application.DepartmentPolicyService;
import jp.machi.planning.deptpolicy.domain.DepartmentPolicy;
import jp.machi.planning.divisionplan.application.DivisionPlanService;
import jp.machi.planning.divisionplan.domain.DivisionPlan;
import jp.machi.planning.document.References;
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.program.domain.AdministrativeProgram;
import jp.machi.planning.program.domain.ProgramIndicator;

/**
 * Starts a fiscal year from the one before, in the caller's transaction: every administrative
 * program, department operating policy and division business plan of {@code from} is copied into
 * {@code to} with a new id, unless {@code to} already has it (same program number, same
 * department, same division) or, for a program, its period (事業期間) ended before {@code to}:
 * those are skipped, each with its reason. A program's copy keeps what carries over from year to
 * year — number, serial number, name, division, purpose, overview, plan position, legal basis,
 * period, method, purpose as target/intent/result, its activity and outcome indicators — and starts
 * without results (実績) or costs, which belong to the year they describe; its evaluations stay with
 * the old program (the new year's evaluation starts fresh). Nothing of {@code from} changes. A dry
 * run decides the same and writes nothing.
 */
@ApplicationScoped
@Transactional
public class FiscalYearCopyService {

    /** Why something was not copied. */
    public enum Reason {
        /** The target year already has a program with the same number / a document of the same unit. */
        EXISTS,
        /** The program's period ended before the target year. */
        PERIOD_ENDED
    }

    /** One item of the source year and what became of it ({@code copyId} null when skipped or in a dry run). */
    public record Item(UUID sourceId, String number, String title, boolean copied, UUID copyId, Reason reason) {
    }

    /** What happened to one kind of document. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FiscalYearCopyOutcome") // a name of its own in /openapi: other classes are called Outcome too
    public record Outcome(List<Item> items) {

        public long copied() {
            return items.stream().filter(Item::copied).count();
        }

        public long skipped() {
            return items.size() - copied();
        }
    }

    public record Result(FiscalYear from, FiscalYear to, boolean dryRun, Outcome programs, Outcome departmentPolicies,
            Outcome divisionPlans) {
    }

    @Inject
    Tenancy tenancy;

    @Inject
    ProgramService programs;

    @Inject
    DepartmentPolicyService policies;

    @Inject
    DivisionPlanService divisionPlans;

    @Inject
    References references;

    public Result copy(FiscalYear from, FiscalYear to, boolean dryRun) {
        return new Result(from, to, dryRun, copyPrograms(from, to, dryRun), copyPolicies(from, to, dryRun),
                copyDivisionPlans(from, to, dryRun));
    }

    private Outcome copyPrograms(FiscalYear from, FiscalYear to, boolean dryRun) {
        Set<String> taken = new HashSet<>();
        programs.list(to).forEach(p -> taken.add(p.getProgramNumber()));
        List<Item> items = new ArrayList<>();
        for (AdministrativeProgram p : programs.list(from)) {
            AdministrativeProgram.Details d = p.details();
            Reason reason = taken.contains(p.getProgramNumber()) ? Reason.EXISTS
                    : d.lastFiscalYear() != null && d.lastFiscalYear().compareTo(to) < 0 ? Reason.PERIOD_ENDED : null;
            UUID copyId = null;
            if (reason == null && !dryRun) {
                List<UUID> activity = new ArrayList<>();
                List<UUID> outcome = new ArrayList<>();
                for (ProgramIndicator i : programs.indicators(p)) {
                    (i.getKind() == ProgramIndicator.Kind.ACTIVITY ? activity : outcome).add(i.getIndicatorId());
                }
                AdministrativeProgram copy = programs.create(new AdministrativeProgram.Content(to, p.getSerialNumber(),
                        p.getProgramNumber(), p.getName(), p.getUnitId(), p.getUnitName(), p.getPurpose(),
                        p.getOverview(), null), new ProgramService.Sheet(d, List.of(), activity, outcome));
                copyId = copy.getId();
            }
            items.add(new Item(p.getId(), p.getProgramNumber(), p.getName(), reason == null, copyId, reason));
        }
        return new Outcome(items);
    }

    private Outcome copyPolicies(FiscalYear from, FiscalYear to, boolean dryRun) {
        List<Item> items = new ArrayList<>();
        for (DepartmentPolicy p : policies.list(from, null)) {
            DepartmentPolicy.Content c = p.content();
            boolean exists = !tenancy.em().createNamedQuery("DepartmentPolicy.of", DepartmentPolicy.class)
                    .setParameter("departmentId", c.departmentId()).setParameter("fiscalYear", to).getResultList().isEmpty();
            UUID copyId = null;
            if (!exists && !dryRun) {
                copyId = policies.create(new DepartmentPolicy.Content(c.departmentId(), to, c.title(), c.mission(),
                        c.goals(), c.reformCommitments(), c.resources(), c.midTermGoalsBasis(), c.midTermGoals())).getId();
            }
            items.add(new Item(p.getId(), null, title(c.title(), c.departmentId()), !exists, copyId,
                    exists ? Reason.EXISTS : null));
        }
        return new Outcome(items);
    }

    private Outcome copyDivisionPlans(FiscalYear from, FiscalYear to, boolean dryRun) {
        List<Item> items = new ArrayList<>();
        for (DivisionPlan p : divisionPlans.list(from, null)) {
            DivisionPlan.Content c = p.content();
            boolean exists = !tenancy.em().createNamedQuery("DivisionPlan.of", DivisionPlan.class)
                    .setParameter("divisionId", c.divisionId()).setParameter("fiscalYear", to).getResultList().isEmpty();
            UUID copyId = null;
            if (!exists && !dryRun) {
                copyId = divisionPlans.create(new DivisionPlan.Content(c.divisionId(), to, c.title(), c.policyGoal(),
                        c.measureGoal(), c.approach(), c.aims(), c.projects())).getId();
            }
            items.add(new Item(p.getId(), null, title(c.title(), c.divisionId()), !exists, copyId,
                    exists ? Reason.EXISTS : null));
        }
        return new Outcome(items);
    }

    private String title(String title, UUID unitId) {
        String unit = references.unitName(unitId);
        return title == null || title.isBlank() ? unit : unit == null ? title : unit + " " + title;
    }
}
