package jp.machi.core.organization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.organization.domain.OrganizationChart.TreeNode;
import jp.machi.core.organization.domain.OrganizationRuleException.Rule;
import org.junit.jupiter.api.Test;

/**
 * The tree of Tsukuba's 市長公室 (seed 000) and its April reorganisation: 広報戦略課 becomes
 * 広報戦略室 on 2021-04-01 and its section moves with it.
 */
class OrganizationChartTest {

    static final LocalDate START = LocalDate.of(2020, 4, 1);
    static final LocalDate APRIL = LocalDate.of(2021, 4, 1);

    final List<OrganizationUnit> units = new ArrayList<>();
    final List<UnitSuccession> links = new ArrayList<>();

    final OrganizationUnit office = unit("01", "市長公室", UnitKind.OFFICE, null, START);
    final OrganizationUnit secretariat = unit("0101", "秘書課", UnitKind.DIVISION, office, START);
    final OrganizationUnit pr = unit("0102", "広報戦略課", UnitKind.DIVISION, office, START);
    final OrganizationUnit prSection = unit("010201", "広報係", UnitKind.SECTION, pr, START);
    final OrganizationUnit crisis = unit("0103", "危機管理課", UnitKind.DIVISION, office, START);
    final OrganizationUnit hearing = unit("0104", "広聴室", UnitKind.ROOM, office, START);

    OrganizationUnit unit(String code, String name, UnitKind kind, OrganizationUnit parent, LocalDate from) {
        OrganizationUnit u = new OrganizationUnit(code, name, null, null, kind, parent == null ? null : parent.getId(), from);
        units.add(u);
        return u;
    }

    OrganizationChart chart() {
        return new OrganizationChart(units, links);
    }

    /** Carries a plan out in memory, as the service does in the database. */
    Reorganization carryOut(Reorganization plan) {
        plan.closeAndMove();
        units.addAll(plan.created());
        links.addAll(plan.successions());
        return plan;
    }

    static UnitDraft draft(String code, String name, UnitKind kind, OrganizationUnit parent) {
        return new UnitDraft(code, name, null, null, kind, parent == null ? null : parent.getId());
    }

    static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(n -> n.unit().getNameJa()).toList();
    }

    @Test
    void treeListsRootsWithChildrenOrderedByCode() {
        List<TreeNode> roots = chart().treeOn(START);
        assertEquals(List.of("市長公室"), names(roots));
        assertEquals(List.of("秘書課", "広報戦略課", "危機管理課", "広聴室"), names(roots.get(0).children()));
        assertEquals(List.of("広報係"), names(roots.get(0).children().get(1).children()));
    }

    @Test
    void treeBeforeAnyUnitExistsIsEmpty() {
        assertTrue(chart().treeOn(START.minusDays(1)).isEmpty());
    }

    @Test
    void renamingKeepsThePastTreeAndCarriesTheSectionOver() {
        Reorganization r = carryOut(chart().reorganize(APRIL, List.of(pr.getId()),
                draft("0102", "広報戦略室", UnitKind.ROOM, office)));

        OrganizationChart after = chart();
        List<TreeNode> before = after.treeOn(APRIL.minusDays(1)).get(0).children();
        assertEquals(List.of("秘書課", "広報戦略課", "危機管理課", "広聴室"), names(before));
        assertEquals(List.of("広報係"), names(before.get(1).children()));
        assertSame(prSection, before.get(1).children().get(0).unit());

        List<TreeNode> now = after.treeOn(APRIL).get(0).children();
        assertEquals(List.of("秘書課", "広報戦略室", "危機管理課", "広聴室"), names(now));
        TreeNode newSection = now.get(1).children().get(0);
        assertEquals("広報係", newSection.unit().getNameJa());
        assertFalse(newSection.unit().getId().equals(prSection.getId()));

        assertEquals(LocalDate.of(2021, 3, 31), pr.getValidTo());
        assertEquals(LocalDate.of(2021, 3, 31), prSection.getValidTo());
        assertEquals(2, r.created().size());
        assertEquals(2, r.successions().size());
        assertEquals(List.of(prSection.getId()),
                after.predecessorsOf(newSection.unit().getId()).stream().map(l -> l.unit().getId()).toList());
    }

    @Test
    void lineageFindsTheOldNameFromTheNewAndTheMergedPartner() {
        Reorganization r = carryOut(chart().reorganize(APRIL, List.of(pr.getId(), hearing.getId()),
                draft("0105", "広報広聴課", UnitKind.DIVISION, office)));
        OrganizationUnit merged = r.successor().orElseThrow();

        OrganizationChart.UnitLineage fromNew = chart().lineageOf(merged.getId()).orElseThrow();
        assertEquals(Set.of(pr.getId(), hearing.getId()),
                Set.copyOf(fromNew.predecessors().stream().map(OrganizationUnit::getId).toList()));
        assertTrue(fromNew.successors().isEmpty());

        OrganizationChart.UnitLineage fromOld = chart().lineageOf(pr.getId()).orElseThrow();
        assertEquals(List.of(merged.getId()), fromOld.successors().stream().map(OrganizationUnit::getId).toList());
        assertEquals(List.of(hearing.getId()), fromOld.related().stream().map(OrganizationUnit::getId).toList());
    }

    @Test
    void lineageFollowsSeveralReorganisations() {
        OrganizationUnit second = carryOut(chart().reorganize(APRIL, List.of(pr.getId()),
                draft("0102", "広報戦略室", UnitKind.ROOM, office))).successor().orElseThrow();
        OrganizationUnit third = carryOut(chart().reorganize(APRIL.plusYears(1), List.of(second.getId()),
                draft("0102", "シティプロモーション課", UnitKind.DIVISION, office))).successor().orElseThrow();

        assertEquals(List.of(pr.getId(), second.getId()), chart().lineageOf(third.getId()).orElseThrow()
                .predecessors().stream().map(OrganizationUnit::getId).toList());
        assertEquals(Set.of(pr.getId(), second.getId(), third.getId()), Lineage.connected(pr.getId(), links));
    }

    @Test
    void abolishingAUnitWithAContinuingChildIsRefusedAndChangesNothing() {
        OrganizationRuleException e = assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(pr.getId()), null));
        assertEquals(Rule.UNIT_IN_USE, e.rule());
        assertNull(pr.getValidTo());
        assertNull(prSection.getValidTo());
    }

    @Test
    void abolishingAUnitTogetherWithItsChildCreatesNothing() {
        Reorganization r = carryOut(chart().reorganize(APRIL, List.of(pr.getId(), prSection.getId()), null));
        assertTrue(r.successor().isEmpty());
        assertTrue(r.created().isEmpty());
        assertTrue(r.successions().isEmpty());
        assertEquals(List.of("秘書課", "危機管理課", "広聴室"), names(chart().treeOn(APRIL).get(0).children()));
    }

    @Test
    void closingAParentCarriesGrandchildrenOverToo() {
        Reorganization r = carryOut(chart().reorganize(APRIL, List.of(office.getId()),
                draft("01", "政策局", UnitKind.BUREAU, null)));
        assertEquals(6, r.created().size());
        List<TreeNode> now = chart().treeOn(APRIL);
        assertEquals(List.of("政策局"), names(now));
        assertEquals(List.of("広報係"), names(now.get(0).children().get(1).children()));
        assertEquals(LocalDate.of(2021, 3, 31), prSection.getValidTo());
    }

    @Test
    void aChildThatOnlyStartsOnTheEffectiveDateMovesInsteadOfBeingCopied() {
        OrganizationUnit planned = unit("010202", "報道係", UnitKind.SECTION, pr, APRIL);
        Reorganization r = carryOut(chart().reorganize(APRIL, List.of(pr.getId()),
                draft("0102", "広報戦略室", UnitKind.ROOM, office)));
        assertEquals(r.successor().orElseThrow().getId(), planned.getParentId());
        assertNull(planned.getValidTo());
        assertEquals(2, r.created().size());
    }

    @Test
    void predecessorsMustExistOnTheDayBeforeAndStillBeOpen() {
        OrganizationRuleException tooLate = assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(START, List.of(pr.getId()), draft("X", "新課", UnitKind.DIVISION, office)));
        assertEquals(Rule.INVALID_REORGANIZATION, tooLate.rule());
        assertEquals("predecessorIds[0]", tooLate.violations().get(0).field());

        carryOut(chart().reorganize(APRIL, List.of(crisis.getId()), draft("0103", "危機管理室", UnitKind.ROOM, office)));
        OrganizationRuleException ended = assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL.plusYears(1), List.of(crisis.getId()), null));
        assertEquals("organization.reorg.notValid", ended.violations().get(0).key());
        OrganizationRuleException again = assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(crisis.getId()), null));
        assertEquals("organization.reorg.alreadyEnds", again.violations().get(0).key());
    }

    @Test
    void duplicateOrUnknownPredecessorsAreRefused() {
        assertEquals(Rule.INVALID_INPUT, assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(pr.getId(), pr.getId()), null)).rule());
        assertEquals(Rule.INVALID_INPUT, assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(), null)).rule());
        assertEquals(Rule.UNKNOWN_UNIT, assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(UUID.randomUUID()), null)).rule());
    }

    @Test
    void successorCannotSitUnderAUnitThatTheSameReorganisationCloses() {
        OrganizationRuleException e = assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(pr.getId()), draft("0109", "新係", UnitKind.SECTION, prSection)));
        assertEquals(Rule.INVALID_REORGANIZATION, e.rule());
        assertEquals("successor.parentId", e.violations().get(0).field());
    }

    @Test
    void successorCodeMayReuseThePredecessorsButNotAnotherLivingUnits() {
        assertEquals(Rule.CODE_IN_USE, assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(pr.getId()), draft("0101", "広報戦略室", UnitKind.ROOM, office)))
                .rule());
        assertEquals(Rule.CODE_IN_USE, assertThrows(OrganizationRuleException.class,
                () -> chart().reorganize(APRIL, List.of(pr.getId()), draft("010201", "広報戦略室", UnitKind.ROOM, office)))
                .rule());
    }

    @Test
    void registeringChecksCodeOverlapAndParentValidity() {
        assertEquals(Rule.CODE_IN_USE, assertThrows(OrganizationRuleException.class,
                () -> chart().register(draft("0101", "別の課", UnitKind.DIVISION, office), APRIL)).rule());
        assertEquals(Rule.INVALID_PARENT, assertThrows(OrganizationRuleException.class,
                () -> chart().register(draft("0199", "前年の課", UnitKind.DIVISION, office), START.minusDays(1))).rule());
        assertEquals(Rule.UNKNOWN_UNIT, assertThrows(OrganizationRuleException.class,
                () -> chart().register(new UnitDraft("0199", "課", null, null, UnitKind.DIVISION, UUID.randomUUID()), START))
                .rule());
        assertEquals(Rule.INVALID_INPUT, assertThrows(OrganizationRuleException.class,
                () -> chart().register(draft("01 02", "課", UnitKind.DIVISION, office), START)).rule());

        carryOut(chart().reorganize(APRIL, List.of(crisis.getId()), null));
        assertEquals(Rule.INVALID_PARENT, assertThrows(OrganizationRuleException.class,
                () -> chart().register(draft("010301", "係", UnitKind.SECTION, crisis), START)).rule());
        assertEquals("0103", chart().register(draft("0103", "危機管理監", UnitKind.OTHER, office), APRIL).getCode());
    }

    @Test
    void codesClashRegardlessOfCase() {
        unit("K01", "課", UnitKind.DIVISION, office, START);
        assertEquals(Rule.CODE_IN_USE, assertThrows(OrganizationRuleException.class,
                () -> chart().register(draft("k01", "課", UnitKind.DIVISION, office), APRIL)).rule());
    }

    @Test
    void correctionMayKeepItsOwnCodeButNotTakeAnother() {
        chart().checkCorrection(pr, "0102");
        assertEquals(Rule.CODE_IN_USE, assertThrows(OrganizationRuleException.class,
                () -> chart().checkCorrection(pr, "0101")).rule());
    }

    @Test
    void unitCodesAreShortAsciiIdentifiers() {
        assertTrue(OrganizationUnit.isValidCode("0102-a_B"));
        assertTrue(OrganizationUnit.isValidCode("12345678901234567890"));
        assertFalse(OrganizationUnit.isValidCode("123456789012345678901"));
        assertFalse(OrganizationUnit.isValidCode(""));
        assertFalse(OrganizationUnit.isValidCode("広報"));
        assertFalse(OrganizationUnit.isValidCode("01 02"));
        assertFalse(OrganizationUnit.isValidCode(null));
    }
}
