package jp.machi.planning.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jp.machi.planning.demo.SuzakaPlanDemo.DemoLink;
import jp.machi.planning.demo.SuzakaPlanDemo.DemoNode;
import jp.machi.planning.demo.SuzakaPlanDemo.DemoPlan;
import org.junit.jupiter.api.Test;

/** The demo plan file says what seed 002 says: its hierarchy, measures 35–39 and their indicators. */
class SuzakaPlanDemoTest {

    private static final DemoPlan PLAN = SuzakaPlanDemo.read();

    private static void each(List<DemoNode> nodes, Consumer<DemoNode> f) {
        if (nodes != null) {
            for (DemoNode n : nodes) {
                f.accept(n);
                each(n.children(), f);
            }
        }
    }

    private static List<DemoNode> measures() {
        DemoNode goal = PLAN.nodes().get(0);
        return goal.children().get(0).children();
    }

    @Test
    void theHierarchyIsGoalBasicMeasureMeasuresAndInitiatives() {
        assertEquals(List.of("基本目標", "基本施策", "施策", "取組項目"), PLAN.levelNames());
        assertEquals(2021, PLAN.firstFiscalYear());
        assertEquals(2025, PLAN.lastFiscalYear());
        assertEquals(1, PLAN.nodes().size());
        DemoNode goal = PLAN.nodes().get(0);
        assertEquals("市民とともにつくる持続可能なまち", goal.title());
        DemoNode basic = goal.children().get(0);
        assertEquals("13", basic.number());
        assertEquals("未来志向型の行政経営を行うまちづくり", basic.title());
        assertEquals(List.of("35", "36", "37", "38", "39"), measures().stream().map(DemoNode::number).toList());
        assertEquals(List.of("広聴・広報の充実", "ICT 等による利便性の向上と業務効率化の促進", "長期的展望に立った財政運営",
                "移住定住の促進及び若者の結婚支援", "協働・市民参画の推進"), measures().stream().map(DemoNode::title).toList());
        assertEquals(List.of(2, 17, 9, 4, 4), measures().stream().map(m -> m.children().size()).toList());
        measures().forEach(m -> m.children().forEach(i -> assertTrue(i.children() == null || i.children().isEmpty())));
    }

    @Test
    void eachMeasureLinksTheSeedsOutcomeAndProcessIndicators() {
        List<List<Integer>> counts = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (DemoNode m : measures()) {
            long outcome = m.indicators().stream().filter(l -> l.role().equals("OUTCOME")).count();
            long process = m.indicators().stream().filter(l -> l.role().equals("PROCESS")).count();
            counts.add(List.of((int) outcome, (int) process));
            for (DemoLink l : m.indicators()) {
                assertTrue(l.code().startsWith(m.number() + "."), l::code);
                assertEquals(l.code().contains(".O") ? "OUTCOME" : "PROCESS", l.role(), l::code);
                assertTrue(codes.add(l.code()), l::code);
            }
        }
        assertEquals(List.of(List.of(2, 2), List.of(1, 4), List.of(2, 3), List.of(2, 4), List.of(2, 2)), counts);
        assertEquals(24, codes.size());
    }

    @Test
    void everyMeasureHasItsTextsUnitsAndRoles() {
        for (DemoNode m : measures()) {
            assertNotNull(m.targetVision(), m.number());
            assertNotNull(m.currentIssues(), m.number());
            assertNotNull(m.policyDirections(), m.number());
            assertFalse(m.units().isEmpty(), m.number());
            assertNotNull(m.residents(), m.number());
            assertNotNull(m.companies(), m.number());
            assertNotNull(m.activityGroups(), m.number());
            m.children().forEach(i -> assertFalse(i.details().isEmpty(), i.title()));
            m.children().forEach(i -> assertFalse(i.units().isEmpty(), i.title()));
        }
        Set<String> units = new HashSet<>();
        each(PLAN.nodes(), n -> {
            if (n.units() != null) {
                units.addAll(n.units());
            }
        });
        assertEquals(Set.of("政策推進課", "市民課", "総務課", "財政課", "税務課", "生涯学習推進課"), units);
    }

    @Test
    void noExtractionArtefactIsLeft() {
        List<String> texts = new ArrayList<>();
        each(PLAN.nodes(), n -> {
            texts.add(n.title());
            for (List<String> l : List.of(nz(n.targetVision()), nz(n.currentIssues()), nz(n.policyDirections()),
                    nz(n.details()), nz(n.notes()), nz(n.residents()), nz(n.companies()), nz(n.activityGroups()))) {
                texts.addAll(l);
            }
        });
        for (String t : texts) {
            assertFalse(t.contains("\uFFFD"), t);
            assertFalse(t.startsWith(" ") || t.endsWith(" ") || t.contains("  "), t);
            assertFalse(t.startsWith("☞") || t.startsWith("◇") || t.startsWith("●"), t);
            assertFalse(t.contains("\n"), t);
        }
    }

    private static List<String> nz(List<String> l) {
        return l == null ? List.of() : l;
    }
}
