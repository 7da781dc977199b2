package jp.machi.core.organization.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import jp.machi.core.organization.domain.OrganizationRuleException.Rule;
import jp.machi.core.organization.domain.OrganizationRuleException.Violation;

/**
 * 組織図: every unit one municipality has had and every succession between them, as one snapshot.
 * It answers what the tree looked like on a day and how units follow one another, and it checks a
 * change against the rules of the tree before anything is written. A municipality has hundreds of
 * units, not millions, so the whole history fits in memory.
 *
 * <p>Rules kept here: a code is used by one unit at a time (compared without regard to case, so
 * {@code k01} and {@code K01} are not two units); a unit sits under a parent that exists on its
 * first day and has no end date, so no unit outlives its parent; a reorganisation is checked as a
 * whole (see {@link #reorganize}).
 */
public final class OrganizationChart {

    /** Order of units in lists and among siblings: by code, then the older version first. */
    public static final Comparator<OrganizationUnit> BY_CODE = Comparator.comparing(OrganizationUnit::getCode)
            .thenComparing(OrganizationUnit::getValidFrom);

    private static final Comparator<OrganizationUnit> BY_TIME = Comparator.comparing(OrganizationUnit::getValidFrom)
            .thenComparing(OrganizationUnit::getCode);

    private final Map<UUID, OrganizationUnit> units = new LinkedHashMap<>();
    private final Map<UUID, List<OrganizationUnit>> children = new HashMap<>();
    private final List<UnitSuccession> successions;

    public OrganizationChart(Collection<OrganizationUnit> units, Collection<UnitSuccession> successions) {
        units.stream().sorted(BY_CODE).forEach(u -> {
            this.units.put(u.getId(), u);
            if (u.getParentId() != null) {
                children.computeIfAbsent(u.getParentId(), k -> new ArrayList<>()).add(u);
            }
        });
        this.successions = List.copyOf(successions);
    }

    /** A unit reached through a succession, with the day the succession took effect. */
    public record Linked(OrganizationUnit unit, LocalDate effectiveDate) {
    }

    /** A unit on a given day with the units under it on that day, ordered by code. */
    public record TreeNode(OrganizationUnit unit, List<TreeNode> children) {
    }

    /**
     * A unit's whole history: what it descends from, what took it over, and the units that are
     * neither but share a reorganisation with it (the other half of a merger or a split).
     */
    public record UnitLineage(OrganizationUnit unit, List<OrganizationUnit> predecessors,
            List<OrganizationUnit> successors, List<OrganizationUnit> related, List<UnitSuccession> successions) {
    }

    public Optional<OrganizationUnit> unit(UUID id) {
        return Optional.ofNullable(id == null ? null : units.get(id));
    }

    /** All units ever, by code and then by date. */
    public List<OrganizationUnit> units() {
        return List.copyOf(units.values());
    }

    /** The units that exist on {@code day}, by code. */
    public List<OrganizationUnit> validOn(LocalDate day) {
        return units.values().stream().filter(u -> u.isValidOn(day)).toList();
    }

    public Optional<OrganizationUnit> parentOf(OrganizationUnit unit) {
        return unit(unit.getParentId());
    }

    /** Every unit that has ever been directly under {@code id}, by code. */
    public List<OrganizationUnit> childrenOf(UUID id) {
        return List.copyOf(children.getOrDefault(id, List.of()));
    }

    /** The units {@code id} directly took over from, oldest first. */
    public List<Linked> predecessorsOf(UUID id) {
        return linked(id, UnitSuccession::getSuccessorId, UnitSuccession::getPredecessorId);
    }

    /** The units that directly took over from {@code id}, oldest first. */
    public List<Linked> successorsOf(UUID id) {
        return linked(id, UnitSuccession::getPredecessorId, UnitSuccession::getSuccessorId);
    }

    private List<Linked> linked(UUID id, Function<UnitSuccession, UUID> self, Function<UnitSuccession, UUID> other) {
        return successions.stream().filter(s -> self.apply(s).equals(id))
                .flatMap(s -> unit(other.apply(s)).map(u -> new Linked(u, s.getEffectiveDate())).stream())
                .sorted(Comparator.comparing(Linked::effectiveDate).thenComparing(l -> l.unit().getCode()))
                .toList();
    }

    /**
     * The tree on {@code day}: units without a parent that day are roots; siblings are ordered by
     * code. A unit whose parent does not exist that day (which the rules prevent) shows as a root
     * rather than disappearing.
     */
    public List<TreeNode> treeOn(LocalDate day) {
        List<OrganizationUnit> valid = validOn(day);
        Set<UUID> present = new HashSet<>();
        valid.forEach(u -> present.add(u.getId()));
        Map<UUID, List<OrganizationUnit>> under = new HashMap<>();
        List<OrganizationUnit> roots = new ArrayList<>();
        for (OrganizationUnit u : valid) {
            if (u.getParentId() != null && present.contains(u.getParentId()) && !u.getParentId().equals(u.getId())) {
                under.computeIfAbsent(u.getParentId(), k -> new ArrayList<>()).add(u);
            } else {
                roots.add(u);
            }
        }
        return roots.stream().map(r -> node(r, under, new HashSet<>())).toList();
    }

    private static TreeNode node(OrganizationUnit u, Map<UUID, List<OrganizationUnit>> under, Set<UUID> path) {
        path.add(u.getId());
        List<TreeNode> kids = under.getOrDefault(u.getId(), List.of()).stream()
                .filter(c -> !path.contains(c.getId()))
                .map(c -> node(c, under, path)).toList();
        path.remove(u.getId());
        return new TreeNode(u, kids);
    }

    /** {@code id}'s lineage; empty when no such unit. */
    public Optional<UnitLineage> lineageOf(UUID id, Set<UUID> connected) {
        return unit(id).map(unit -> {
            Set<UUID> before = Lineage.predecessors(id, successions);
            Set<UUID> after = Lineage.successors(id, successions);
            List<OrganizationUnit> related = connected.stream()
                    .filter(x -> !x.equals(id) && !before.contains(x) && !after.contains(x))
                    .flatMap(x -> unit(x).stream()).sorted(BY_TIME).toList();
            List<UnitSuccession> links = successions.stream()
                    .filter(s -> connected.contains(s.getPredecessorId()) && connected.contains(s.getSuccessorId()))
                    .sorted(Comparator.comparing(UnitSuccession::getEffectiveDate))
                    .toList();
            return new UnitLineage(unit, resolve(before), resolve(after), related, links);
        });
    }

    /** {@code id}'s lineage, following the successions known to this chart. */
    public Optional<UnitLineage> lineageOf(UUID id) {
        return lineageOf(id, Lineage.connected(id, successions));
    }

    private List<OrganizationUnit> resolve(Set<UUID> ids) {
        return ids.stream().flatMap(x -> unit(x).stream()).sorted(BY_TIME).toList();
    }

    /**
     * A new unit from {@code draft}, valid from {@code validFrom} with no end, once the rules
     * allow it: a well-formed code that no unit uses on any day from {@code validFrom} on, and a
     * parent (if any) of this municipality that exists on {@code validFrom} and has no end date.
     */
    public OrganizationUnit register(UnitDraft draft, LocalDate validFrom) {
        requireCode("code", draft.code());
        if (draft.parentId() != null) {
            OrganizationUnit parent = unit(draft.parentId()).orElseThrow(() -> new OrganizationRuleException(
                    Rule.UNKNOWN_UNIT, "parentId", "organization.reference.notFound", draft.parentId().toString()));
            requireUsableParent("parentId", parent, validFrom);
        }
        clash(draft.code(), validFrom, null, u -> false, OrganizationUnit::getValidTo).ifPresent(other -> {
            throw codeInUse("code", draft.code(), other);
        });
        return draft.startingOn(validFrom);
    }

    /**
     * Checks a correction of {@code unit}'s code: well-formed, and not used by another unit
     * during the unit's own period.
     */
    public void checkCorrection(OrganizationUnit unit, String newCode) {
        requireCode("code", newCode);
        clash(newCode, unit.getValidFrom(), unit.getValidTo(), u -> u.getId().equals(unit.getId()),
                OrganizationUnit::getValidTo).ifPresent(other -> {
                    throw codeInUse("code", newCode, other);
                });
    }

    /**
     * Plans a reorganisation taking effect on {@code effectiveDate}: the predecessors end the day
     * before and {@code successor} (null to abolish them) starts that day. Refused as a whole when
     * any predecessor is unknown, listed twice, not running on the day before, already has an
     * end date or starts only on the effective date; when the successor's parent would itself be
     * closed, does not exist that day or ends; when the successor's code is in use; when a child
     * that must move already has an end date of its own; and, for an abolition, when units are
     * still under a predecessor.
     */
    public Reorganization reorganize(LocalDate effectiveDate, List<UUID> predecessorIds, UnitDraft successor) {
        List<OrganizationUnit> predecessors = requirePredecessors(effectiveDate, predecessorIds);
        LocalDate lastDay = effectiveDate.minusDays(1);
        Set<UUID> closing = new LinkedHashSet<>();
        predecessors.forEach(p -> closing.add(p.getId()));

        OrganizationUnit next = null;
        if (successor != null) {
            requireCode("successor.code", successor.code());
            if (successor.parentId() != null) {
                OrganizationUnit parent = unit(successor.parentId()).orElseThrow(() -> new OrganizationRuleException(
                        Rule.UNKNOWN_UNIT, "successor.parentId", "organization.reference.notFound",
                        successor.parentId().toString()));
                Set<UUID> visited = new HashSet<>();
                for (OrganizationUnit up = parent; up != null && visited.add(up.getId()); up = parentOf(up).orElse(null)) {
                    if (closing.contains(up.getId())) {
                        throw new OrganizationRuleException(Rule.INVALID_REORGANIZATION, "successor.parentId",
                                "organization.reorg.parentClosed", parent.getCode(), parent.getNameJa(), up.getCode(),
                                up.getNameJa());
                    }
                }
                requireUsableParent("successor.parentId", parent, effectiveDate);
            }
            next = successor.startingOn(effectiveDate);
        }

        Plan plan = new Plan(effectiveDate, closing);
        List<UnitSuccession> links = new ArrayList<>();
        for (OrganizationUnit p : predecessors) {
            plan.closed.add(p);
            if (next != null) {
                links.add(new UnitSuccession(p.getId(), next.getId(), effectiveDate));
            }
        }
        if (next != null) {
            plan.created.add(next);
        }
        for (OrganizationUnit p : predecessors) {
            plan.carryChildren(p, next);
        }
        links.addAll(plan.links);
        if (!plan.stillUnder.isEmpty()) {
            throw new OrganizationRuleException(Rule.UNIT_IN_USE, plan.stillUnder);
        }
        if (!plan.problems.isEmpty()) {
            throw new OrganizationRuleException(Rule.INVALID_REORGANIZATION, plan.problems);
        }
        Set<UUID> closingAll = new HashSet<>();
        plan.closed.forEach(u -> closingAll.add(u.getId()));
        Function<OrganizationUnit, LocalDate> endAfterwards = u -> closingAll.contains(u.getId()) ? lastDay : u.getValidTo();
        for (OrganizationUnit created : plan.created) {
            String field = created == next ? "successor.code" : "predecessorIds";
            Optional<OrganizationUnit> clash = clash(created.getCode(), effectiveDate, null, u -> false, endAfterwards);
            if (clash.isEmpty()) {
                clash = plan.created.stream()
                        .filter(o -> o != created && o.getCode().equalsIgnoreCase(created.getCode())).findFirst();
            }
            if (clash.isPresent()) {
                throw codeInUse(field, created.getCode(), clash.get());
            }
        }
        return new Reorganization(effectiveDate, next, plan.created, plan.closed, plan.moved, links);
    }

    /** The work a reorganisation finds under its predecessors, gathered before anything changes. */
    private final class Plan {
        final LocalDate effectiveDate;
        final Set<UUID> predecessors;
        final List<OrganizationUnit> created = new ArrayList<>();
        final List<OrganizationUnit> closed = new ArrayList<>();
        final Map<OrganizationUnit, UUID> moved = new LinkedHashMap<>();
        final List<UnitSuccession> links = new ArrayList<>();
        final List<Violation> stillUnder = new ArrayList<>();
        final List<Violation> problems = new ArrayList<>();

        Plan(LocalDate effectiveDate, Set<UUID> predecessors) {
            this.effectiveDate = effectiveDate;
            this.predecessors = predecessors;
        }

        /**
         * Children of {@code old} that go on after it ends: each ends with it and continues under
         * {@code newParent}, recursively; a child that only starts on or after the effective date
         * has no past to keep and simply moves. A child that is itself a predecessor is handled
         * as one, and a child that ended by then stays where it was.
         */
        void carryChildren(OrganizationUnit old, OrganizationUnit newParent) {
            for (OrganizationUnit child : childrenOf(old.getId())) {
                if (predecessors.contains(child.getId()) || child.getId().equals(old.getId())) {
                    continue;
                }
                if (child.getValidTo() != null && child.getValidTo().isBefore(effectiveDate)) {
                    continue;
                }
                if (newParent == null) {
                    stillUnder.add(new Violation("predecessorIds", "organization.reorg.stillUnder", old.getCode(),
                            old.getNameJa(), child.getCode(), child.getNameJa()));
                    continue;
                }
                if (!child.getValidFrom().isBefore(effectiveDate)) {
                    moved.put(child, newParent.getId());
                    continue;
                }
                if (child.getValidTo() != null) {
                    problems.add(new Violation("predecessorIds", "organization.reorg.childEnds", child.getCode(),
                            child.getNameJa(), child.getValidTo()));
                    continue;
                }
                OrganizationUnit continued = child.continuedUnder(newParent.getId(), effectiveDate);
                closed.add(child);
                created.add(continued);
                links.add(new UnitSuccession(child.getId(), continued.getId(), effectiveDate));
                carryChildren(child, continued);
            }
        }
    }

    private List<OrganizationUnit> requirePredecessors(LocalDate effectiveDate, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new OrganizationRuleException(Rule.INVALID_INPUT, "predecessorIds", "organization.reorg.noPredecessor");
        }
        List<Violation> duplicates = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                duplicates.add(new Violation("predecessorIds[" + i + "]", "organization.reorg.duplicate", ids.get(i).toString()));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new OrganizationRuleException(Rule.INVALID_INPUT, duplicates);
        }
        List<Violation> unknown = new ArrayList<>();
        List<Violation> unfit = new ArrayList<>();
        List<OrganizationUnit> found = new ArrayList<>();
        LocalDate lastDay = effectiveDate.minusDays(1);
        for (int i = 0; i < ids.size(); i++) {
            String field = "predecessorIds[" + i + "]";
            OrganizationUnit p = units.get(ids.get(i));
            if (p == null) {
                unknown.add(new Violation(field, "organization.reference.notFound", ids.get(i).toString()));
                continue;
            }
            found.add(p);
            if (!p.getValidFrom().isBefore(effectiveDate)) {
                unfit.add(new Violation(field, "organization.reorg.startsTooLate", p.getCode(), p.getNameJa(),
                        p.getValidFrom(), effectiveDate));
            } else if (p.getValidTo() != null && p.getValidTo().isBefore(lastDay)) {
                unfit.add(new Violation(field, "organization.reorg.notValid", p.getCode(), p.getNameJa(), lastDay,
                        p.getValidTo()));
            } else if (p.getValidTo() != null) {
                unfit.add(new Violation(field, "organization.reorg.alreadyEnds", p.getCode(), p.getNameJa(),
                        p.getValidTo()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new OrganizationRuleException(Rule.UNKNOWN_UNIT, unknown);
        }
        if (!unfit.isEmpty()) {
            throw new OrganizationRuleException(Rule.INVALID_REORGANIZATION, unfit);
        }
        return found;
    }

    private static void requireCode(String field, String code) {
        if (!OrganizationUnit.isValidCode(code)) {
            throw new OrganizationRuleException(Rule.INVALID_INPUT, field, "organization.code.format");
        }
    }

    private static void requireUsableParent(String field, OrganizationUnit parent, LocalDate day) {
        if (!parent.isValidOn(day)) {
            throw new OrganizationRuleException(Rule.INVALID_PARENT, field,
                    parent.isOpen() ? "organization.parent.notYet" : "organization.parent.notValidOn",
                    parent.getCode(), parent.getNameJa(), day, parent.getValidFrom(), parent.getValidTo());
        }
        if (!parent.isOpen()) {
            throw new OrganizationRuleException(Rule.INVALID_PARENT, field, "organization.parent.ends",
                    parent.getCode(), parent.getNameJa(), parent.getValidTo());
        }
    }

    /** A unit other than those {@code ignored} using {@code code} on some day from {@code from} to {@code to}. */
    private Optional<OrganizationUnit> clash(String code, LocalDate from, LocalDate to,
            Predicate<OrganizationUnit> ignored, Function<OrganizationUnit, LocalDate> endOf) {
        return units.values().stream()
                .filter(u -> !ignored.test(u) && u.getCode().equalsIgnoreCase(code))
                .filter(u -> {
                    LocalDate end = endOf.apply(u);
                    return (end == null || !end.isBefore(from)) && (to == null || !u.getValidFrom().isAfter(to));
                })
                .findFirst();
    }

    private static OrganizationRuleException codeInUse(String field, String code, OrganizationUnit other) {
        return new OrganizationRuleException(Rule.CODE_IN_USE, field,
                other.isOpen() ? "organization.code.inUseSince" : "organization.code.inUse", code, other.getNameJa(),
                other.getValidFrom(), other.getValidTo());
    }
}
