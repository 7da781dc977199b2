package jp.machi.planning.plan.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The nodes of one plan as a tree: children in order, descendants, depths, depth-first order. */
public final class PlanTree {

    private final Map<UUID, PlanNode> byId = new HashMap<>();
    private final Map<UUID, List<PlanNode>> children = new HashMap<>();
    private final List<PlanNode> roots = new ArrayList<>();

    public PlanTree(List<PlanNode> nodes) {
        Comparator<PlanNode> order = Comparator.comparingInt(PlanNode::getPosition)
                .thenComparing(n -> n.getId().toString());
        for (PlanNode n : nodes) {
            byId.put(n.getId(), n);
        }
        for (PlanNode n : nodes) {
            if (n.getParentId() == null || !byId.containsKey(n.getParentId())) {
                roots.add(n);
            } else {
                children.computeIfAbsent(n.getParentId(), k -> new ArrayList<>()).add(n);
            }
        }
        roots.sort(order);
        children.values().forEach(list -> list.sort(order));
    }

    public Optional<PlanNode> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<PlanNode> roots() {
        return List.copyOf(roots);
    }

    /** The children of a node, or the top-level nodes for {@code null}. */
    public List<PlanNode> childrenOf(UUID parentId) {
        return parentId == null ? roots() : List.copyOf(children.getOrDefault(parentId, List.of()));
    }

    /** Every node below {@code id}, depth first. */
    public List<PlanNode> descendantsOf(UUID id) {
        List<PlanNode> out = new ArrayList<>();
        collect(children.getOrDefault(id, List.of()), out);
        return out;
    }

    /** All nodes depth first, siblings in order: the order of a printed plan. */
    public List<PlanNode> depthFirst() {
        List<PlanNode> out = new ArrayList<>();
        collect(roots, out);
        return out;
    }

    private void collect(List<PlanNode> nodes, List<PlanNode> out) {
        for (PlanNode n : nodes) {
            out.add(n);
            collect(children.getOrDefault(n.getId(), List.of()), out);
        }
    }

    /** How many levels the subtree of {@code id} spans below the node itself (0 for a leaf). */
    public int heightBelow(UUID id) {
        int h = 0;
        for (PlanNode c : children.getOrDefault(id, List.of())) {
            h = Math.max(h, 1 + heightBelow(c.getId()));
        }
        return h;
    }

    /** The number of levels in use: the deepest node's level + 1, 0 for an empty plan. */
    public int levelsInUse() {
        return byId.values().stream().mapToInt(PlanNode::getLevel).max().orElse(-1) + 1;
    }

    /** The ids from the root down to {@code id}, both included. */
    public Set<UUID> pathTo(UUID id) {
        List<UUID> up = new ArrayList<>();
        for (PlanNode n = byId.get(id); n != null; n = n.getParentId() == null ? null : byId.get(n.getParentId())) {
            up.add(0, n.getId());
        }
        return new LinkedHashSet<>(up);
    }

    public int size() {
        return byId.size();
    }
}
