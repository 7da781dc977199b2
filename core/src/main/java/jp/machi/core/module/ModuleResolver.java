package jp.machi.core.module;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which modules can start and in which order: core version ranges, required
 * dependencies (present, started, right version; transitively), and a dependency order without
 * cycles. A module that cannot start is reported with the reason; the others go on.
 */
public final class ModuleResolver {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private ModuleResolver() {
    }

    /** Why a module was not started: a message key and its arguments, localized when shown. */
    public record Reason(String key, List<String> args) {
        public static Reason of(String key, String... args) {
            return new Reason(key, List.of(args));
        }
    }

    /** One module's outcome. {@code reason} is null when it starts. */
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
        for (ModuleDescriptor d : descriptors) {
            duplicates.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
        }
        List<Outcome> rejected = new ArrayList<>();
        for (Map.Entry<String, List<ModuleDescriptor>> e : duplicates.entrySet()) {
            if (e.getValue().size() > 1) {
                for (ModuleDescriptor d : e.getValue()) {
                    rejected.add(new Outcome(d, Reason.of("module.reason.duplicate", d.id())));
                }
                continue;
            }
            ModuleDescriptor d = e.getValue().get(0);
            if (d.id() == null || !ID.matcher(d.id()).matches()) {
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
                    Reason r = checkRequired(dep, byId, failed);
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
        List<String> inCycle = topologicalOrder(candidates, ordered);

        // A module that needs one caught in a cycle cannot start either.
        for (String id : inCycle) {
            failed.put(id, Reason.of("module.reason.cycle", String.join(" → ", cycleThrough(id, candidates))));
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

        List<Outcome> outcomes = new ArrayList<>();
        startable.forEach(d -> outcomes.add(new Outcome(d, null)));
        byId.values().stream().filter(d -> failed.containsKey(d.id()))
                .forEach(d -> outcomes.add(new Outcome(d, failed.get(d.id()))));
        rejected.sort(Comparator.comparing(o -> String.valueOf(o.descriptor().id())));
        outcomes.addAll(rejected);
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

    private static Reason checkRequired(ModuleDependency dep, Map<String, ModuleDescriptor> byId, Map<String, Reason> failed) {
        ModuleDescriptor target = byId.get(dep.moduleId());
        if (target == null) {
            return Reason.of("module.reason.missingDependency", dep.moduleId(), dep.versionRange());
        }
        Version v = Version.parse(target.version());
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

    /** A path from {@code start} along dependencies until an id repeats: the cycle to show a person. */
    private static List<String> cycleThrough(String start, Map<String, ModuleDescriptor> candidates) {
        List<String> path = new ArrayList<>();
        Deque<String> seen = new ArrayDeque<>();
        String current = start;
        while (current != null && !seen.contains(current)) {
            seen.add(current);
            path.add(current);
            List<String> next = edges(candidates.get(current), candidates);
            current = next.isEmpty() ? null : next.get(0);
        }
        if (current != null) {
            path.add(current);
            int first = path.indexOf(current);
            return path.subList(first, path.size());
        }
        return path;
    }
}
