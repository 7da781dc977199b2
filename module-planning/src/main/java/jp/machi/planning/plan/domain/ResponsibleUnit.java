package jp.machi.planning.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** 担当課: an organisational unit (core's) responsible for a plan node, in the order the plan names them. */
@Entity
@Table(name = "planning_plan_node_unit")
public class ResponsibleUnit extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "node_id", nullable = false)
    private PlanNode node;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Column(name = "sort_order", nullable = false)
    private int position;

    protected ResponsibleUnit() {
    }

    ResponsibleUnit(PlanNode node, UUID unitId, int position) {
        this.node = node;
        this.unitId = unitId;
        this.position = position;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public int getPosition() {
        return position;
    }
}
