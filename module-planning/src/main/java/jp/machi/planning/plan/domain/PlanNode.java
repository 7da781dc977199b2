package jp.machi.planning.plan.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * A node of a comprehensive plan: a 基本目標, 基本施策, 施策 or 取組項目 (whatever the plan's level
 * names call it), with what the plan says about it — 目指す姿, 現状と課題, 取組方針, 具体的な内容,
 * the responsible units, and the roles it expects of residents, companies and activity groups
 * (市民・企業・活動団体の役割). Texts that list items hold one item per line.
 *
 * <p>{@code level} is 0 for a top-level node and the parent's level + 1 below; {@code position}
 * orders siblings. {@code weight} is the node's weight in its parent's roll-up.
 */
@Entity
@Table(name = "planning_plan_node")
@NamedQuery(name = "PlanNode.ofPlan",
        query = "SELECT n FROM PlanNode n WHERE n.planId = :planId ORDER BY n.level, n.position")
@NamedQuery(name = "PlanNode.countOfPlan", query = "SELECT COUNT(n) FROM PlanNode n WHERE n.planId = :planId")
public class PlanNode extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "level_index", nullable = false)
    private int level;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Column(name = "node_number", length = 20)
    private String number;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "title_en", length = 300)
    private String titleEn;

    @Column(name = "group_label", length = 300)
    private String groupLabel;

    @Column(name = "weight", nullable = false, precision = 9, scale = 4)
    private BigDecimal weight;

    @Column(name = "target_vision", length = 8000)
    private String targetVision;

    @Column(name = "current_issues", length = 8000)
    private String currentIssues;

    @Column(name = "policy_directions", length = 8000)
    private String policyDirections;

    @Column(name = "details", length = 8000)
    private String details;

    @Column(name = "notes", length = 8000)
    private String notes;

    @Column(name = "responsible_units_note", length = 200)
    private String responsibleUnitsNote;

    @Column(name = "residents_role", length = 2000)
    private String residentsRole;

    @Column(name = "companies_role", length = 2000)
    private String companiesRole;

    @Column(name = "groups_role", length = 2000)
    private String groupsRole;

    @OneToMany(mappedBy = "node", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ResponsibleUnit> units = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PlanNode() {
    }

    /** What a node says, as one edit (everything but its place in the tree). */
    public record Content(String number, String title, String titleEn, String groupLabel, BigDecimal weight,
            String targetVision, String currentIssues, String policyDirections, String details, String notes,
            List<UUID> responsibleUnitIds, String responsibleUnitsNote, String residentsRole, String companiesRole,
            String groupsRole) {
    }

    public PlanNode(UUID planId, UUID parentId, int level, int position, Content c) {
        this.planId = planId;
        this.parentId = parentId;
        this.level = level;
        this.position = position;
        revise(c);
    }

    public final void revise(Content c) {
        this.number = c.number();
        this.title = c.title();
        this.titleEn = c.titleEn();
        this.groupLabel = c.groupLabel();
        this.weight = c.weight();
        this.targetVision = c.targetVision();
        this.currentIssues = c.currentIssues();
        this.policyDirections = c.policyDirections();
        this.details = c.details();
        this.notes = c.notes();
        this.responsibleUnitsNote = c.responsibleUnitsNote();
        this.residentsRole = c.residentsRole();
        this.companiesRole = c.companiesRole();
        this.groupsRole = c.groupsRole();
        replaceUnits(c.responsibleUnitIds());
    }

    private void replaceUnits(List<UUID> unitIds) {
        // Keep the rows of units that stay, so an edit that only reorders does not delete and insert.
        units.removeIf(u -> !unitIds.contains(u.getUnitId()));
        for (int i = 0; i < unitIds.size(); i++) {
            UUID unitId = unitIds.get(i);
            int position = i;
            units.stream().filter(u -> u.getUnitId().equals(unitId)).findFirst()
                    .ifPresentOrElse(u -> u.moveTo(position), () -> units.add(new ResponsibleUnit(this, unitId, position)));
        }
        units.sort((a, b) -> Integer.compare(a.getPosition(), b.getPosition()));
    }

    /** Places the node under another parent (null: top level) at a level and position. */
    public void place(UUID parentId, int level, int position) {
        this.parentId = parentId;
        this.level = level;
        this.position = position;
    }

    /** Changes only the position among the same siblings. */
    public void reorder(int position) {
        this.position = position;
    }

    /** Gives the node another number (null: none), as a renumbering of the plan does. */
    public void renumber(String number) {
        this.number = number;
    }

    public void relevel(int level) {
        this.level = level;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPlanId() {
        return planId;
    }

    public UUID getParentId() {
        return parentId;
    }

    public int getLevel() {
        return level;
    }

    public int getPosition() {
        return position;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getGroupLabel() {
        return groupLabel;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public String getTargetVision() {
        return targetVision;
    }

    public String getCurrentIssues() {
        return currentIssues;
    }

    public String getPolicyDirections() {
        return policyDirections;
    }

    public String getDetails() {
        return details;
    }

    public String getNotes() {
        return notes;
    }

    public String getResponsibleUnitsNote() {
        return responsibleUnitsNote;
    }

    public String getResidentsRole() {
        return residentsRole;
    }

    public String getCompaniesRole() {
        return companiesRole;
    }

    public String getGroupsRole() {
        return groupsRole;
    }

    public List<UUID> getResponsibleUnitIds() {
        return units.stream().map(ResponsibleUnit::getUnitId).toList();
    }

    public long getVersion() {
        return version;
    }

    /** "35 広聴・広報の充実", or the title alone when the node has no number. */
    public String label() {
        return number == null ? title : number + " " + title;
    }
}
