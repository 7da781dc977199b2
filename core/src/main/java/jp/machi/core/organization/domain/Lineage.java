package jp.machi.core.organization.domain;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * 系譜: how units are connected through reorganisations. Following successions backwards gives a
 * unit's predecessors, forwards its successors; ignoring direction gives everything that shares
 * its history (in a merger of A and B into C, B belongs to A's lineage without being before or
 * after it).
 */
public final class Lineage {

    private Lineage() {
    }

    /** {@code start} and every unit connected to it by successions in either direction. */
    public static Set<UUID> connected(UUID start, Collection<UnitSuccession> links) {
        return walk(start, links, true, true);
    }

    /** Every unit {@code start} descends from, however many reorganisations back. */
    public static Set<UUID> predecessors(UUID start, Collection<UnitSuccession> links) {
        Set<UUID> found = walk(start, links, true, false);
        found.remove(start);
        return found;
    }

    /** Every unit that took over from {@code start}, however many reorganisations on. */
    public static Set<UUID> successors(UUID start, Collection<UnitSuccession> links) {
        Set<UUID> found = walk(start, links, false, true);
        found.remove(start);
        return found;
    }

    private static Set<UUID> walk(UUID start, Collection<UnitSuccession> links, boolean backwards, boolean forwards) {
        Set<UUID> seen = new LinkedHashSet<>();
        Deque<UUID> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            UUID current = todo.poll();
            if (!seen.add(current)) {
                continue;
            }
            for (UnitSuccession s : links) {
                step(s, current, forwards, UnitSuccession::getPredecessorId, UnitSuccession::getSuccessorId, todo);
                step(s, current, backwards, UnitSuccession::getSuccessorId, UnitSuccession::getPredecessorId, todo);
            }
        }
        return seen;
    }

    private static void step(UnitSuccession s, UUID current, boolean enabled, Function<UnitSuccession, UUID> from,
            Function<UnitSuccession, UUID> to, Deque<UUID> todo) {
        if (enabled && from.apply(s).equals(current)) {
            todo.add(to.apply(s));
        }
    }
}
