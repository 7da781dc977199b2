package jp.machi.planning.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.deptpolicy.application.DepartmentPolicyService;
import jp.machi.planning.deptpolicy.domain.DepartmentPolicy;
import jp.machi.planning.divisionplan.application.DivisionPlanService;
import jp.machi.planning.divisionplan.domain.DivisionPlan;
import jp.machi.planning.reform.application.ReformItemService;
import jp.machi.planning.reform.domain.ReformItem;

/**
 * Demo data of the planning documents, each seed in its own municipality and transaction:
 * 周南市's department operating policy (seed 001, {@code demo/shunan-r5-department-policy.json}),
 * 茅ヶ崎市's division business plan (seed 003, {@code demo/chigasaki-h31-division-plan.json}) and
 * 取手市's reform items 14–17 (seed 004, {@code demo/toride-reform-items.json}), linked to the units
 * and indicators core's demo data gives these municipalities.
 */
@ApplicationScoped
public class PlanningDocumentsDemoData {

    private static final Logger LOG = Logger.getLogger(PlanningDocumentsDemoData.class.getName());
    static final String SHUNAN = "352152";
    static final String CHIGASAKI = "142077";
    static final String TORIDE = "082171";

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        CallerContext.runAs(Caller.SYSTEM, () -> {
            if (loaded.municipalityCodes().contains(SHUNAN)) {
                loader.shunan();
            }
            if (loaded.municipalityCodes().contains(CHIGASAKI)) {
                loader.chigasaki();
            }
            if (loaded.municipalityCodes().contains(TORIDE)) {
                loader.toride();
            }
            return null;
        });
    }

    /** Shape of demo/shunan-r5-department-policy.json. */
    public record DemoPolicy(String about, String unit, int fiscalYear, String title, List<String> mission,
            List<DepartmentPolicy.Goal> goals, List<String> reformCommitments, DemoResources resources,
            String midTermGoalsBasis, List<DemoMidTermGoal> midTermGoals) {
    }

    public record DemoResources(BigDecimal regularStaff, BigDecimal partTimeStaff, Long personnelCostRegular,
            Long personnelCostPartTime, Long revenueBudget, Long expenditureBudget, Integer budgetProgramCount,
            Integer divisionCount, String notes) {
    }

    public record DemoMidTermGoal(String measure, String divisionName, String outcome) {
    }

    /** Shape of demo/chigasaki-h31-division-plan.json. */
    public record DemoDivisionPlan(String about, String unit, int fiscalYear, String title, DivisionPlan.Goal policyGoal,
            DivisionPlan.Goal measureGoal, List<String> approach, List<DivisionPlan.Aim> aims,
            List<DivisionPlan.Project> projects) {
    }

    /** Shape of demo/toride-reform-items.json. */
    public record DemoReform(String about, int firstFiscalYear, int lastFiscalYear, List<DemoItem> items,
            List<DemoIndicator> extraIndicators) {
    }

    public record DemoItem(int itemNumber, String theme, String title, List<String> units, String currentState,
            String direction, List<String> examples, List<DemoSchedule> schedule, List<String> indicators) {
    }

    public record DemoSchedule(String activity, int from, int to) {
    }

    public record DemoIndicator(String code, String nameJa, String unit, String ownerUnit, String note) {
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = PlanningDocumentsDemoData.class.getResourceAsStream(resource);
                Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(in, type);
        } catch (Exception e) {
            throw new IllegalStateException("Demo data " + resource + " cannot be read", e);
        }
    }

    /** Loads each municipality's document in a transaction of its own. */
    @ApplicationScoped
    public static class Loader {

        @Inject
        Tenancy tenancy;

        @Inject
        DepartmentPolicyService policies;

        @Inject
        DivisionPlanService divisionPlans;

        @Inject
        ReformItemService reforms;

        @Inject
        IndicatorService indicators;

        private Map<String, UUID> units() {
            Map<String, UUID> units = new HashMap<>();
            tenancy.em().createNamedQuery("OrganizationUnit.all", OrganizationUnit.class).getResultList()
                    .forEach(u -> units.put(u.getNameJa(), u.getId()));
            return units;
        }

        private static UUID unit(Map<String, UUID> units, String name, String lg) {
            UUID id = units.get(name);
            if (id == null) {
                throw new IllegalStateException("Demo data names unit " + name + ", which " + lg + " does not have");
            }
            return id;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void shunan() {
            tenancy.bind(SHUNAN);
            DemoPolicy d = read("/demo/shunan-r5-department-policy.json", DemoPolicy.class);
            Map<String, UUID> units = units();
            DemoResources r = d.resources();
            policies.create(new DepartmentPolicy.Content(unit(units, d.unit(), SHUNAN), FiscalYear.of(d.fiscalYear()),
                    d.title(), d.mission(), d.goals(), d.reformCommitments(),
                    new DepartmentPolicy.Resources(r.regularStaff(), r.partTimeStaff(), r.personnelCostRegular(),
                            r.personnelCostPartTime(), r.revenueBudget(), r.expenditureBudget(), r.budgetProgramCount(),
                            r.divisionCount(), r.notes()),
                    d.midTermGoalsBasis(), d.midTermGoals().stream().map(g -> new DepartmentPolicy.MidTermGoal(g.measure(),
                            null, unit(units, g.divisionName(), SHUNAN), g.divisionName(), g.outcome())).toList()));
            LOG.info(() -> "Planning demo data: department operating policy of " + SHUNAN + " for FY" + d.fiscalYear());
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void chigasaki() {
            tenancy.bind(CHIGASAKI);
            DemoDivisionPlan d = read("/demo/chigasaki-h31-division-plan.json", DemoDivisionPlan.class);
            Map<String, UUID> units = units();
            divisionPlans.create(new DivisionPlan.Content(unit(units, d.unit(), CHIGASAKI), FiscalYear.of(d.fiscalYear()),
                    d.title(), d.policyGoal(), d.measureGoal(), d.approach(), d.aims(), d.projects()));
            LOG.info(() -> "Planning demo data: division business plan of " + CHIGASAKI + " with " + d.projects().size()
                    + " projects");
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void toride() {
            var em = tenancy.bind(TORIDE);
            DemoReform d = read("/demo/toride-reform-items.json", DemoReform.class);
            Map<String, UUID> units = units();
            Map<String, UUID> byCode = new HashMap<>();
            em.createNamedQuery("Indicator.all", Indicator.class).getResultList().stream()
                    .filter(i -> i.getCode() != null).forEach(i -> byCode.put(i.getCode(), i.getId()));
            for (DemoIndicator x : d.extraIndicators()) {
                Indicator created = indicators.create(new Indicator.Definition(x.code(), x.nameJa(), null,
                        IndicatorKind.ACTIVITY, "行政改革", x.unit(), Direction.HIGHER_IS_BETTER, null, null, null, null,
                        false, unit(units, x.ownerUnit(), TORIDE), null, null, x.note()), List.of());
                byCode.put(x.code(), created.getId());
            }
            for (DemoItem i : d.items()) {
                reforms.create(new ReformItem.Content(i.itemNumber(), FiscalYear.of(d.firstFiscalYear()),
                        FiscalYear.of(d.lastFiscalYear()), i.theme(), i.title(),
                        i.units().stream().map(n -> new ReformItem.ResponsibleUnit(unit(units, n, TORIDE), n)).toList(),
                        i.currentState(), i.direction(), i.examples(),
                        i.schedule().stream().map(s -> new ReformItem.ScheduleEntry(s.activity(), s.from(), s.to(), null))
                                .toList(),
                        i.indicators().stream().map(code -> {
                            UUID id = byCode.get(code);
                            if (id == null) {
                                throw new IllegalStateException("Demo data names indicator " + code + ", which " + TORIDE
                                        + " does not have");
                            }
                            return id;
                        }).toList(), null));
            }
            LOG.info(() -> "Planning demo data: " + d.items().size() + " reform items of " + TORIDE);
        }
    }
}
