package jp.machi.planning.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * A core indicator linked to a plan node: as its 成果指標 (outcome) or プロセス指標 (process), with
 * its weight in the node's roll-up. The indicator itself (targets, actuals) stays core's.
 */
@Entity
@Table(name = "planning_plan_indicator")
@NamedQuery(name = "IndicatorLink.ofPlan",
        query = "SELECT l FROM IndicatorLink l WHERE l.planId = :planId ORDER BY l.position")
@NamedQuery(name = "IndicatorLink.ofNode",
        query = "SELECT l FROM IndicatorLink l WHERE l.nodeId = :nodeId ORDER BY l.position")
public class IndicatorLink extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Column(name = "node_id", nullable = false)
    private UUID nodeId;

    @Column(name = "indicator_id", nullable = false)
    private UUID indicatorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_role", nullable = false, length = 20)
    private LinkRole role;

    @Column(name = "weight", nullable = false, precision = 9, scale = 4)
    private BigDecimal weight;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IndicatorLink() {
    }

    public IndicatorLink(UUID planId, UUID nodeId, UUID indicatorId, LinkRole role, BigDecimal weight, int position) {
        this.planId = planId;
        this.nodeId = nodeId;
        this.indicatorId = indicatorId;
        this.position = position;
        revise(role, weight);
    }

    public final void revise(LinkRole role, BigDecimal weight) {
        this.role = role;
        this.weight = weight;
    }

    public void reorder(int position) {
        this.position = position;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPlanId() {
        return planId;
    }

    public UUID getNodeId() {
        return nodeId;
    }

    public UUID getIndicatorId() {
        return indicatorId;
    }

    public LinkRole getRole() {
        return role;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public int getPosition() {
        return position;
    }

    public long getVersion() {
        return version;
    }
}
