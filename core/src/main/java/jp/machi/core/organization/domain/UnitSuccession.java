package jp.machi.core.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 組織改正の引継ぎ: {@code successor} took over the work of {@code predecessor} on
 * {@code effectiveDate}. A renaming is one link; a merger, several predecessors with one
 * successor; a split, one predecessor with several successors.
 */
@Entity
@Table(name = "organization_unit_succession")
@NamedQuery(name = "UnitSuccession.all", query = "SELECT s FROM UnitSuccession s ORDER BY s.effectiveDate")
public class UnitSuccession extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "predecessor_id", nullable = false)
    private UUID predecessorId;

    @Column(name = "successor_id", nullable = false)
    private UUID successorId;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    protected UnitSuccession() {
    }

    public UnitSuccession(UUID predecessorId, UUID successorId, LocalDate effectiveDate) {
        this.predecessorId = predecessorId;
        this.successorId = successorId;
        this.effectiveDate = effectiveDate;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPredecessorId() {
        return predecessorId;
    }

    public UUID getSuccessorId() {
        return successorId;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }
}
