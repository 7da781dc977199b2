package jp.machi.core.organization.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 組織改正: one reorganisation, checked against the chart and ready to carry out. Predecessors end
 * the day before the effective date; the successor (none for an abolition) starts on it; every
 * child still running under a closed unit ends too and continues as a new unit under the
 * successor, with its own succession link, so that the tree of any past day stays as it was.
 * Built by {@link OrganizationChart#reorganize}, which refuses anything that would not fit.
 */
public final class Reorganization {

    private final LocalDate effectiveDate;
    private final OrganizationUnit successor;
    private final List<OrganizationUnit> created;
    private final List<OrganizationUnit> closed;
    private final Map<OrganizationUnit, UUID> moved;
    private final List<UnitSuccession> successions;

    Reorganization(LocalDate effectiveDate, OrganizationUnit successor, List<OrganizationUnit> created,
            List<OrganizationUnit> closed, Map<OrganizationUnit, UUID> moved, List<UnitSuccession> successions) {
        this.effectiveDate = effectiveDate;
        this.successor = successor;
        this.created = List.copyOf(created);
        this.closed = List.copyOf(closed);
        this.moved = new LinkedHashMap<>(moved);
        this.successions = List.copyOf(successions);
    }

    /**
     * Ends the closed units and re-parents the units that only start on or after the effective
     * date. Call it once the created units exist, since moved units will point at them.
     */
    public void closeAndMove() {
        LocalDate lastDay = lastDayOfOldUnits();
        closed.forEach(u -> u.close(lastDay));
        moved.forEach(OrganizationUnit::moveUnder);
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    /** The day before the effective date: the last day of every closed unit. */
    public LocalDate lastDayOfOldUnits() {
        return effectiveDate.minusDays(1);
    }

    /** The new unit, or empty when the predecessors are abolished. */
    public Optional<OrganizationUnit> successor() {
        return Optional.ofNullable(successor);
    }

    /** Every new unit, the successor first, each parent before its children. */
    public List<OrganizationUnit> created() {
        return created;
    }

    /** The predecessors, then the children closed with them. */
    public List<OrganizationUnit> closed() {
        return closed;
    }

    /** Units that start on or after the effective date, and the new parent each moves under. */
    public Map<OrganizationUnit, UUID> moved() {
        return Collections.unmodifiableMap(moved);
    }

    public List<UnitSuccession> successions() {
        return successions;
    }
}
