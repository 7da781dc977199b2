package jp.machi.planning.plan.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.domain.IndicatorLink;
import jp.machi.planning.plan.domain.LinkRole;
import jp.machi.planning.plan.domain.NumberScheme;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.plan.domain.PlanTree;

/**
 * The tree of a comprehensive plan: adding, revising, moving and removing nodes, and linking core
 * indicators to them. Callers pass a plan they loaded with
 * {@link PlanService#requireForTreeChange}, so changes to one plan's tree take turns.
 */
@ApplicationScoped
@Transactional
public class PlanNodeService {

    @Inject
    Tenancy tenancy;

    @Inject
    PlanService plans;

    @Inject
    OrganizationService organization;

    /** A node of this plan; 404 for an unknown id, another plan's node or another municipality's. */
    public PlanNode require(ComprehensivePlan plan, UUID nodeId) {
        PlanNode n = tenancy.em().find(PlanNode.class, nodeId);
        if (n == null || !n.getPlanId().equals(plan.getId())) {
            throw ApiException.notFound("planning.node.notFound", nodeId.toString());
        }
        return n;
    }

    /**
     * Adds a node under {@code parentId} (null: at the top) at {@code position} among its siblings
     * (null: last). Its level is its parent's + 1 and must have a name in the plan.
     */
    public PlanNode create(ComprehensivePlan plan, UUID parentId, Integer position, PlanNode.Content c) {
        PlanTree tree = plans.tree(plan);
        if (tree.size() >= MAX_NODES) {
            throw ApiException.conflict("plan-node-limit", "planning.node.limit", MAX_NODES);
        }
        int level = 0;
        if (parentId != null) {
            PlanNode parent = tree.find(parentId).orElseThrow(() -> invalidReference("parentId",
                    "planning.node.parent.notFound", parentId));
            level = parent.getLevel() + 1;
        }
        List<String> levelNames = plans.levelNames(plan);
        if (level >= levelNames.size()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("parentId", "planning.node.tooDeep",
                    levelNames.size(), String.join(" → ", levelNames))));
        }
        checkUnits(c.responsibleUnitIds());
        List<PlanNode> siblings = new ArrayList<>(tree.childrenOf(parentId));
        int at = position == null ? siblings.size() : Math.min(position, siblings.size());
        PlanNode node = new PlanNode(plan.getId(), parentId, level, at, c);
        siblings.add(at, node);
        renumber(siblings);
        tenancy.em().persist(node);
        tenancy.em().flush();
        return node;
    }

    /**
     * The most nodes one plan may hold. A comprehensive plan is a document: Suzaka's has 40
     * measures, the largest plans a few hundred items. The limit keeps every read of a whole tree
     * (the roll-up, document order, the node list's page) bounded.
     */
    public static final int MAX_NODES = 3000;

    /**
     * The plan's nodes in document order (depth first, siblings by position), walked by the database:
     * a recursive query builds each node's path of zero-padded positions (and ids, so that equal
     * positions never interleave two subtrees) and the page is cut there; only the page's nodes are read
     * as entities. Native SQL, so the municipality is named here as well as the plan (already found in
     * the caller's municipality); EclipseLink allows it per query.
     */
    private static final String DOCUMENT_ORDER = "WITH RECURSIVE t (id, path) AS ("
            + " SELECT id, CAST(LPAD(CAST(sort_order AS VARCHAR(10)), 6, '0') || CAST(id AS VARCHAR(36)) AS VARCHAR(2000))"
            + " FROM planning_plan_node WHERE plan_id = ?1 AND municipality_code = ?2 AND parent_id IS NULL"
            + " UNION ALL"
            + " SELECT c.id, CAST(t.path || LPAD(CAST(c.sort_order AS VARCHAR(10)), 6, '0') || CAST(c.id AS VARCHAR(36))"
            + " AS VARCHAR(2000)) FROM planning_plan_node c JOIN t ON c.parent_id = t.id)"
            + " SELECT id FROM t ORDER BY path LIMIT ?3 OFFSET ?4";

    /** One page of the plan's nodes in document order, read in the database (see {@link #DOCUMENT_ORDER}). */
    public jp.machi.core.api.Page<PlanNode> documentOrder(ComprehensivePlan p, jp.machi.core.api.PageRequest paging) {
        EntityManager em = tenancy.em();
        int page = paging.page();
        int size = paging.size();
        long total = em.createQuery("SELECT COUNT(n) FROM PlanNode n WHERE n.planId = :planId", Long.class)
                .setParameter("planId", p.getId()).getSingleResult();
        if ((long) page * size >= total) {
            return new jp.machi.core.api.Page<>(List.of(), page, size, total);
        }
        List<?> found = em.createNativeQuery(DOCUMENT_ORDER).setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, p.getId()).setParameter(2, tenancy.code()).setParameter(3, size)
                .setParameter(4, page * size).getResultList();
        List<UUID> ids = found.stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
        java.util.Map<UUID, PlanNode> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT n FROM PlanNode n WHERE n.planId = :planId AND n.id IN :ids", PlanNode.class)
                    .setParameter("planId", p.getId()).setParameter("ids", ids).getResultList()
                    .forEach(n -> byId.put(n.getId(), n));
        }
        return new jp.machi.core.api.Page<>(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), page,
                size, total);
    }

    /** The indicator links of these nodes of the plan, in their order. */
    public List<IndicatorLink> links(ComprehensivePlan p, java.util.Collection<UUID> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return tenancy.em().createQuery("SELECT l FROM IndicatorLink l WHERE l.planId = :planId AND l.nodeId IN :ids"
                + " ORDER BY l.nodeId, l.position", IndicatorLink.class).setParameter("planId", p.getId())
                .setParameter("ids", nodeIds).getResultList();
    }

    public PlanNode revise(PlanNode node, PlanNode.Content c) {
        checkUnits(c.responsibleUnitIds());
        node.revise(c);
        // Responsible units are rows of their own; a new ETag must follow any change to them too.
        tenancy.em().lock(node, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return node;
    }

    /**
     * Moves a node with everything below it under {@code parentId} (null: to the top) at
     * {@code position} (null: last). Refused when the new parent is the node itself or below it,
     * or when the subtree would go deeper than the plan has levels.
     */
    public PlanNode move(ComprehensivePlan plan, PlanNode node, UUID parentId, Integer position) {
        PlanTree tree = plans.tree(plan);
        int level = 0;
        if (parentId != null) {
            PlanNode parent = tree.find(parentId).orElseThrow(() -> invalidReference("parentId",
                    "planning.node.parent.notFound", parentId));
            if (tree.pathTo(parentId).contains(node.getId())) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("parentId",
                        "planning.node.parent.cycle", node.label())));
            }
            level = parent.getLevel() + 1;
        }
        List<String> levelNames = plans.levelNames(plan);
        if (level + tree.heightBelow(node.getId()) >= levelNames.size()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("parentId", "planning.node.tooDeep",
                    levelNames.size(), String.join(" → ", levelNames))));
        }
        List<PlanNode> oldSiblings = new ArrayList<>(tree.childrenOf(node.getParentId()));
        oldSiblings.removeIf(n -> n.getId().equals(node.getId()));
        renumber(oldSiblings);
        List<PlanNode> newSiblings = new ArrayList<>(tree.childrenOf(parentId));
        newSiblings.removeIf(n -> n.getId().equals(node.getId()));
        int at = position == null ? newSiblings.size() : Math.min(position, newSiblings.size());
        newSiblings.add(at, node);
        int shift = level - node.getLevel();
        node.place(parentId, level, at);
        renumber(newSiblings);
        if (shift != 0) {
            tree.descendantsOf(node.getId()).forEach(d -> d.relevel(d.getLevel() + shift));
        }
        tenancy.em().lock(node, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return node;
    }

    /**
     * Removes a node and its indicator links. A node with children is removed only with
     * {@code withDescendants}, and then everything below it goes too (409 otherwise).
     */
    public void delete(ComprehensivePlan plan, PlanNode node, boolean withDescendants) {
        PlanTree tree = plans.tree(plan);
        List<PlanNode> below = tree.descendantsOf(node.getId());
        if (!below.isEmpty() && !withDescendants) {
            throw ApiException.conflict("node-has-children", "planning.node.hasChildren", node.label(), below.size());
        }
        EntityManager em = tenancy.em();
        Set<UUID> gone = new HashSet<>();
        gone.add(node.getId());
        below.forEach(n -> gone.add(n.getId()));
        List<String> serving = plans.programsServing(gone);
        if (!serving.isEmpty()) {
            throw ApiException.conflict("node-has-programs", "planning.node.hasPrograms", node.label(), serving.size(),
                    String.join("、", serving.subList(0, Math.min(3, serving.size()))));
        }
        plans.links(plan).stream().filter(l -> gone.contains(l.getNodeId())).forEach(em::remove);
        em.flush();
        List<PlanNode> doomed = new ArrayList<>(below);
        doomed.add(node);
        doomed.sort(Comparator.comparingInt(PlanNode::getLevel).reversed());
        for (PlanNode n : doomed) {
            em.remove(n);
            em.flush();
        }
        List<PlanNode> siblings = new ArrayList<>(tree.childrenOf(node.getParentId()));
        siblings.removeIf(n -> n.getId().equals(node.getId()));
        renumber(siblings);
        em.flush();
    }

    /** The longest number a node keeps (the column's length). */
    public static final int MAX_NUMBER_LENGTH = 20;

    /** How one level is renumbered: the scheme, the first number, and OUTLINE's separator. */
    public record LevelNumbering(NumberScheme scheme, int start, String separator) {
    }

    /**
     * Renumbers the plan's nodes (or only those below {@code underNodeId}) level by level in one
     * step: {@code levels.get(i)} says how the nodes of level i are numbered; levels beyond the list
     * keep their numbers. Every number is worked out first, so a number longer than a node can keep
     * refuses the whole request (400) and changes nothing. The plan's version is raised (its If-Match
     * guards the request), and every node whose number changes gets a new version too.
     */
    public void renumber(ComprehensivePlan plan, UUID underNodeId, List<LevelNumbering> levels) {
        PlanTree tree = plans.tree(plan);
        List<PlanNode> scope;
        if (underNodeId != null) {
            tree.find(underNodeId).orElseThrow(() -> invalidReference("underNodeId", "planning.node.notFound", underNodeId));
            scope = tree.descendantsOf(underNodeId);
        } else {
            scope = tree.depthFirst();
        }
        java.util.Map<UUID, String> numbers = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> counters = new java.util.HashMap<>();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        // Depth first, so a parent's new number is known before its children are numbered after it.
        for (PlanNode n : scope) {
            LevelNumbering rule = n.getLevel() < levels.size() ? levels.get(n.getLevel()) : null;
            NumberScheme scheme = rule == null ? NumberScheme.KEEP : rule.scheme();
            String number = switch (scheme) {
                case KEEP -> n.getNumber();
                case CLEAR -> null;
                case SEQUENCE -> {
                    int next = counters.getOrDefault(n.getLevel(), rule.start());
                    counters.put(n.getLevel(), next + 1);
                    yield String.valueOf(next);
                }
                case SIBLINGS -> String.valueOf(rule.start() + tree.childrenOf(n.getParentId()).indexOf(n));
                case OUTLINE -> {
                    String own = String.valueOf(rule.start() + tree.childrenOf(n.getParentId()).indexOf(n));
                    String parent = n.getParentId() == null ? null
                            : numbers.containsKey(n.getParentId()) ? numbers.get(n.getParentId())
                            : tree.find(n.getParentId()).map(PlanNode::getNumber).orElse(null);
                    yield parent == null ? own : parent + rule.separator() + own;
                }
            };
            if (number != null && number.length() > MAX_NUMBER_LENGTH) {
                errors.add(new ApiException.FieldErrorKey("levels[" + n.getLevel() + "]", "planning.renumber.tooLong",
                        n.getTitle(), number, MAX_NUMBER_LENGTH));
            }
            numbers.put(n.getId(), number);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.subList(0, Math.min(20, errors.size())));
        }
        for (PlanNode n : scope) {
            String number = numbers.get(n.getId());
            if (!java.util.Objects.equals(number, n.getNumber())) {
                n.renumber(number);
            }
        }
        tenancy.em().lock(plan, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
    }

    /** Positions 0, 1, 2 … in list order; only rows whose position changes are written. */
    private static void renumber(List<PlanNode> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).getPosition() != i) {
                siblings.get(i).reorder(i);
            }
        }
    }

    private void checkUnits(List<UUID> unitIds) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < unitIds.size(); i++) {
            UUID id = unitIds.get(i);
            if (!seen.add(id)) {
                errors.add(new ApiException.FieldErrorKey("responsibleUnitIds[" + i + "]", "planning.node.unit.duplicate", id));
            } else if (organization.find(id).isEmpty()) {
                throw invalidReference("responsibleUnitIds[" + i + "]", "planning.node.unit.notFound", id);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    // ---- indicator links

    /** A node's links in their order, as a query run in the database (for paging). */
    public ListQuery<IndicatorLink> linkList(PlanNode node) {
        return ListQuery.of(tenancy.em(), IndicatorLink.class, "l").where("l.nodeId = :nodeId", "nodeId", node.getId())
                .orderBy(LINK_ORDER);
    }

    private static final Sort LINK_ORDER = Sort.Fields.of().field("position", "l.position").byDefault("position")
            .parse(null);

    public List<IndicatorLink> links(PlanNode node) {
        return tenancy.em().createNamedQuery("IndicatorLink.ofNode", IndicatorLink.class)
                .setParameter("nodeId", node.getId()).getResultList();
    }

    /** A link of this node; 404 otherwise. */
    public IndicatorLink requireLink(PlanNode node, UUID linkId) {
        IndicatorLink l = tenancy.em().find(IndicatorLink.class, linkId);
        if (l == null || !l.getNodeId().equals(node.getId())) {
            throw ApiException.notFound("planning.link.notFound", linkId.toString());
        }
        return l;
    }

    /** The municipality's indicator; 400 when the id names none of its indicators. */
    public Indicator indicator(UUID indicatorId) {
        Indicator i = tenancy.em().find(Indicator.class, indicatorId);
        if (i == null) {
            throw invalidReference("indicatorId", "planning.link.indicator.notFound", indicatorId);
        }
        return i;
    }

    /**
     * Links an indicator to a node, by default in the role its kind suggests (成果指標 for outcome
     * indicators, プロセス指標 otherwise) with weight 1; once per node (409 for a second time).
     */
    public IndicatorLink link(ComprehensivePlan plan, PlanNode node, UUID indicatorId, LinkRole role, BigDecimal weight,
            Integer position) {
        Indicator indicator = indicator(indicatorId);
        List<IndicatorLink> existing = new ArrayList<>(links(node));
        if (existing.stream().anyMatch(l -> l.getIndicatorId().equals(indicatorId))) {
            throw ApiException.conflict("indicator-already-linked", "planning.link.duplicate",
                    indicator.getCode() == null ? indicator.getNameJa() : indicator.getCode(), node.label());
        }
        int at = position == null ? existing.size() : Math.min(position, existing.size());
        IndicatorLink link = new IndicatorLink(plan.getId(), node.getId(), indicatorId,
                role == null ? LinkRole.defaultFor(indicator.getKind()) : role, weight == null ? BigDecimal.ONE : weight, at);
        existing.add(at, link);
        for (int i = 0; i < existing.size(); i++) {
            if (existing.get(i).getPosition() != i) {
                existing.get(i).reorder(i);
            }
        }
        tenancy.em().persist(link);
        tenancy.em().flush();
        return link;
    }

    public IndicatorLink reviseLink(IndicatorLink link, LinkRole role, BigDecimal weight) {
        link.revise(role, weight == null ? BigDecimal.ONE : weight);
        tenancy.em().lock(link, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return link;
    }

    public void unlink(PlanNode node, IndicatorLink link) {
        tenancy.em().remove(link);
        tenancy.em().flush();
        List<IndicatorLink> rest = links(node);
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).getPosition() != i) {
                rest.get(i).reorder(i);
            }
        }
        tenancy.em().flush();
    }

    private static ApiException invalidReference(String field, String key, Object arg) {
        return new ApiException(400, "invalid-reference", List.of(new ApiException.FieldErrorKey(field, key, arg)),
                "problem.validation.detail");
    }
}
