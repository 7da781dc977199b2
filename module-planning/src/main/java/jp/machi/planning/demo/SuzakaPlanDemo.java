package jp.machi.planning.demo;

import jakarta.enterprise.context.ApplicationScoped;
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
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.plan.application.PlanNodeService;
import jp.machi.planning.plan.application.PlanService;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.domain.LinkRole;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.plan.domain.RollUpRule;

/**
 * 須坂市's comprehensive plan as seed 002 gives it: 基本目標 → 基本施策13 → 施策35〜39 → 取組項目,
 * with each measure's texts, responsible divisions (core's demo units, by name) and its outcome and
 * process indicators (core's demo indicators, by code 35.O1 … 39.P2). The content is
 * {@code demo/suzaka-plan.json}; texts listing items hold one item per line.
 */
@ApplicationScoped
public class SuzakaPlanDemo {

    private static final Logger LOG = Logger.getLogger(SuzakaPlanDemo.class.getName());
    static final String SUZAKA = "202070";

    @Inject
    Tenancy tenancy;

    @Inject
    PlanService plans;

    @Inject
    PlanNodeService nodes;

    /** Shape of demo/suzaka-plan.json. */
    public record DemoPlan(String about, String municipality, String name, String nameEn, int firstFiscalYear,
            int lastFiscalYear, List<String> levelNames, List<DemoNode> nodes) {
    }

    public record DemoNode(String number, String title, String groupLabel, List<String> targetVision,
            List<String> currentIssues, List<String> policyDirections, List<String> details, List<String> notes,
            List<String> units, String unitsNote, List<String> residents, List<String> companies,
            List<String> activityGroups, List<DemoLink> indicators, List<DemoNode> children) {
    }

    public record DemoLink(String code, String role) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void load() {
        var em = tenancy.bind(SUZAKA);
        DemoPlan d = read();
        Map<String, UUID> units = new HashMap<>();
        em.createNamedQuery("OrganizationUnit.all", OrganizationUnit.class).getResultList()
                .forEach(u -> units.put(u.getNameJa(), u.getId()));
        Map<String, UUID> indicators = new HashMap<>();
        em.createNamedQuery("Indicator.all", Indicator.class).getResultList().stream().filter(i -> i.getCode() != null)
                .forEach(i -> indicators.put(i.getCode(), i.getId()));
        ComprehensivePlan plan = plans.create(new ComprehensivePlan.Content(d.name(), d.nameEn(),
                FiscalYear.of(d.firstFiscalYear()), FiscalYear.of(d.lastFiscalYear()), d.levelNames(), RollUpRule.defaults(), true));
        int[] counts = new int[2];
        for (DemoNode n : d.nodes()) {
            add(plan, null, n, units, indicators, counts);
        }
        LOG.info(() -> "Planning demo data: comprehensive plan of " + SUZAKA + " with " + counts[0] + " nodes and "
                + counts[1] + " indicator links");
    }

    private void add(ComprehensivePlan plan, UUID parentId, DemoNode n, Map<String, UUID> units,
            Map<String, UUID> indicators, int[] counts) {
        List<UUID> unitIds = n.units() == null ? List.of() : n.units().stream().map(name -> {
            UUID id = units.get(name);
            if (id == null) {
                throw new IllegalStateException("Demo plan names unit " + name + ", which " + SUZAKA + " does not have");
            }
            return id;
        }).toList();
        PlanNode node = nodes.create(plan, parentId, null, new PlanNode.Content(n.number(), n.title(), null,
                n.groupLabel(), BigDecimal.ONE, lines(n.targetVision()), lines(n.currentIssues()),
                lines(n.policyDirections()), lines(n.details()), lines(n.notes()), unitIds, n.unitsNote(),
                lines(n.residents()), lines(n.companies()), lines(n.activityGroups())));
        counts[0]++;
        if (n.indicators() != null) {
            for (DemoLink link : n.indicators()) {
                UUID indicatorId = indicators.get(link.code());
                if (indicatorId == null) {
                    throw new IllegalStateException("Demo plan names indicator " + link.code() + ", which " + SUZAKA
                            + " does not have");
                }
                nodes.link(plan, node, indicatorId, LinkRole.valueOf(link.role()), BigDecimal.ONE, null);
                counts[1]++;
            }
        }
        if (n.children() != null) {
            for (DemoNode c : n.children()) {
                add(plan, node.getId(), c, units, indicators, counts);
            }
        }
    }

    private static String lines(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("\n", items);
    }

    static DemoPlan read() {
        try (InputStream in = SuzakaPlanDemo.class.getResourceAsStream("/demo/suzaka-plan.json");
                Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(in, DemoPlan.class);
        } catch (Exception e) {
            throw new IllegalStateException("Demo plan cannot be read", e);
        }
    }
}
