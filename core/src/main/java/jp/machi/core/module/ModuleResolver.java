package jp.machi.core.module;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides which modules can start and in which order: core version ranges, required
 * dependencies (present, started, right version; transitively), and a dependency order without
 * cycles. A module that cannot start is reported with the reason; the others go on.
 */
public final class ModuleResolver {

    private ModuleResolver() {
    }

    /** Why a module was not started: a message key and its arguments, localized when shown. */
    public record Reason(String key, List<String> args) {
        public static Reason of(String key, String... args) {
            return new Reason(key, List.of(args));
        }
    }

    /** One module's outcome. {@code reason} is null when it starts. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ModuleResolution") // a name of its own in /openapi: other classes are called Outcome too
    public record Outcome(ModuleDescriptor descriptor, Reason reason) {
        public boolean startable() {
            return reason == null;
        }
    }

    /** Startable modules in start order, followed by the others ordered by id. */
    public static List<Outcome> resolve(Version coreVersion, Collection<? extends ModuleDescriptor> descriptors) {
        Map<String, Reason> failed = new HashMap<>();
        Map<String, ModuleDescriptor> byId = new TreeMap<>();
        Map<String, List<ModuleDescriptor>> duplicates = new TreeMap<>();
        List<Outcome> rejected = new ArrayList<>();
        for (ModuleDescriptor d : descriptors) {
            if (d.id() == null) {
                // Checked here: the grouping below is a TreeMap, which cannot hold a null key.
                rejected.add(new Outcome(d, Reason.of("module.reason.invalidId", "null")));
                continue;
            }
            duplicates.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<ModuleDescriptor>> e : duplicates.entrySet()) {
            if (e.getValue().size() > 1) {
                for (ModuleDescriptor d : e.getValue()) {
                    rejected.add(new Outcome(d, Reason.of("module.reason.duplicate", d.id())));
                }
                continue;
            }
            ModuleDescriptor d = e.getValue().get(0);
            if (!ModuleIds.valid(d.id())) {
                rejected.add(new Outcome(d, Reason.of("module.reason.invalidId", String.valueOf(d.id()))));
                continue;
            }
            byId.put(d.id(), d);
        }

        for (ModuleDescriptor d : byId.values()) {
            Reason r = checkOwnVersions(d, coreVersion);
            if (r != null) {
                failed.put(d.id(), r);
            }
        }

        // Required dependencies, to a fixed point: a module fails when something it needs failed.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ModuleDescriptor d : byId.values()) {
                if (failed.containsKey(d.id())) {
                    continue;
                }
                for (ModuleDependency dep : d.dependencies()) {
                    if (!dep.required()) {
                        continue;
                    }
                    Reason r = checkRequired(dep, byId, duplicates.keySet(), failed);
                    if (r != null) {
                        failed.put(d.id(), r);
                        changed = true;
                        break;
                    }
                }
            }
        }

        Map<String, ModuleDescriptor> candidates = new LinkedHashMap<>();
        byId.values().stream().filter(d -> !failed.containsKey(d.id())).forEach(d -> candidates.put(d.id(), d));
        List<ModuleDescriptor> ordered = new ArrayList<>();
        List<String> leftOver = topologicalOrder(candidates, ordered);
        if (!leftOver.isEmpty()) {
            // What Kahn's algorithm leaves over sits on a cycle or merely behind one. Only the
            // modules on a cycle fail for it; without them the rest has an order, and a module
            // behind a cycle then fails below like any module whose required dependency did not
            // start - or starts, when it only works with a cycle member.
            Set<String> onCycle = onCycle(leftOver, candidates);
            for (String id : onCycle) {
                failed.put(id, Reason.of("module.reason.cycle", String.join(" → ", cycleThrough(id, onCycle, candidates))));
            }
            candidates.keySet().removeAll(onCycle);
            ordered.clear();
            topologicalOrder(candidates, ordered);
        }
        List<ModuleDescriptor> startable = new ArrayList<>();
        for (ModuleDescriptor d : ordered) {
            Reason r = null;
            for (ModuleDependency dep : d.dependencies()) {
                if (dep.required() && failed.containsKey(dep.moduleId())) {
                    r = Reason.of("module.reason.dependencyNotStarted", dep.moduleId());
                    break;
                }
            }
            if (r == null) {
                startable.add(d);
            } else {
                failed.put(d.id(), r);
            }
        }

        List<Outcome> notStartable = new ArrayList<>(rejected);
        byId.values().stream().filter(d -> failed.containsKey(d.id()))
                .forEach(d -> notStartable.add(new Outcome(d, failed.get(d.id()))));
        notStartable.sort(Comparator.comparing(o -> String.valueOf(o.descriptor().id())));
        List<Outcome> outcomes = new ArrayList<>();
        startable.forEach(d -> outcomes.add(new Outcome(d, null)));
        outcomes.addAll(notStartable);
        return outcomes;
    }

    private static Reason checkOwnVersions(ModuleDescriptor d, Version coreVersion) {
        try {
            Version.parse(d.version());
        } catch (RuntimeException e) {
            return Reason.of("module.reason.invalidVersion", String.valueOf(d.version()));
        }
        VersionRange range;
        try {
            range = VersionRange.parse(d.coreVersionRange());
        } catch (RuntimeException e) {
            return Reason.of("module.reason.invalidRange", String.valueOf(d.coreVersionRange()));
        }
        if (!range.contains(coreVersion)) {
            return Reason.of("module.reason.coreVersion", range.toString(), coreVersion.toString());
        }
        for (ModuleDependency dep : d.dependencies()) {
            try {
                VersionRange.parse(dep.versionRange());
            } catch (RuntimeException e) {
                return Reason.of("module.reason.invalidRange", dep.versionRange());
            }
        }
        return null;
    }

    private static Reason checkRequired(ModuleDependency dep, Map<String, ModuleDescriptor> byId, Set<String> presentIds,
            Map<String, Reason> failed) {
        ModuleDescriptor target = byId.get(dep.moduleId());
        if (target == null) {
            // Present but rejected (duplicate or invalid id) is not "missing": it did not start.
            return presentIds.contains(dep.moduleId())
                    ? Reason.of("module.reason.dependencyNotStarted", dep.moduleId())
                    : Reason.of("module.reason.missingDependency", dep.moduleId(), dep.versionRange());
        }
        Version v;
        try {
            v = Version.parse(target.version());
        } catch (RuntimeException e) {
            // The dependency itself failed with module.reason.invalidVersion.
            return Reason.of("module.reason.dependencyNotStarted", dep.moduleId());
        }
        if (!VersionRange.parse(dep.versionRange()).contains(v)) {
            return Reason.of("module.reason.dependencyVersion", dep.moduleId(), dep.versionRange(), v.toString());
        }
        if (failed.containsKey(dep.moduleId())) {
            return Reason.of("module.reason.dependencyNotStarted", dep.moduleId());
        }
        return null;
    }

    /** Kahn's algorithm, ties broken by id; returns the ids left over, which sit on a cycle or behind one. */
    private static List<String> topologicalOrder(Map<String, ModuleDescriptor> candidates, List<ModuleDescriptor> out) {
        Map<String, Integer> indegree = new TreeMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (ModuleDescriptor d : candidates.values()) {
            indegree.putIfAbsent(d.id(), 0);
            for (String dep : edges(d, candidates)) {
                indegree.merge(d.id(), 1, Integer::sum);
                dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(d.id());
            }
        }
        TreeMap<String, Boolean> ready = new TreeMap<>();
        indegree.forEach((id, n) -> {
            if (n == 0) {
                ready.put(id, true);
            }
        });
        while (!ready.isEmpty()) {
            String id = ready.pollFirstEntry().getKey();
            out.add(candidates.get(id));
            for (String next : dependents.getOrDefault(id, List.of())) {
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.put(next, true);
                }
            }
        }
        return indegree.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    private static List<String> edges(ModuleDescriptor d, Map<String, ModuleDescriptor> candidates) {
        return d.dependencies().stream().map(ModuleDependency::moduleId).filter(candidates::containsKey).distinct()
                .collect(Collectors.toList());
    }

    /** The ids among {@code leftOver} that lie on a cycle: those that can reach themselves. */
    private static Set<String> onCycle(List<String> leftOver, Map<String, ModuleDescriptor> candidates) {
        Set<String> within = new HashSet<>(leftOver);
        Set<String> result = new TreeSet<>();
        for (String id : leftOver) {
            if (!shortestPath(id, id, within, candidates).isEmpty()) {
                result.add(id);
            }
        }
        return result;
    }

    /** The shortest cycle from {@code start} back to itself, e.g. [a, b, a]: the one to show a person. */
    private static List<String> cycleThrough(String start, Set<String> onCycle, Map<String, ModuleDescriptor> candidates) {
        return shortestPath(start, start, onCycle, candidates);
    }

    /**
     * Breadth-first along dependencies (declared order, so the answer is stable) through ids in
     * {@code within}, from {@code from} to {@code to}; at least one step; empty when there is none.
     */
    private static List<String> shortestPath(String from, String to, Set<String> within,
            Map<String, ModuleDescriptor> candidates) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String next : edges(candidates.get(current), candidates)) {
                if (!within.contains(next)) {
                    continue;
                }
                if (next.equals(to)) {
                    LinkedList<String> path = new LinkedList<>();
                    path.addFirst(to);
                    for (String step = current; step != null; step = step.equals(from) ? null : cameFrom.get(step)) {
                        path.addFirst(step);
                    }
                    return path;
                }
                if (!next.equals(from) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}
