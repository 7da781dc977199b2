package jp.machi.collaboration.association.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * One association's figures for one fiscal year: the households in its area (区域内世帯数), its member
 * households (加入世帯数) and the subsidies the municipality paid it (補助金交付額, 円). Its own record
 * with its own version (addressed as {@code associations/{id}/years/{fiscalYear}}).
 */
@Entity
@Table(name = "collaboration_association_year")
public class AssociationYear extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "association_id", nullable = false, updatable = false)
    private UUID associationId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "households", nullable = false)
    private int households;

    @Column(name = "member_households", nullable = false)
    private int memberHouseholds;

    @Column(name = "subsidy_paid", nullable = false)
    private long subsidyPaid;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AssociationYear() {
    }

    public AssociationYear(UUID associationId, int fiscalYear, int households, int memberHouseholds, long subsidyPaid) {
        this.associationId = associationId;
        this.fiscalYear = fiscalYear;
        revise(households, memberHouseholds, subsidyPaid);
    }

    public final void revise(int households, int memberHouseholds, long subsidyPaid) {
        this.households = households;
        this.memberHouseholds = memberHouseholds;
        this.subsidyPaid = subsidyPaid;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAssociationId() {
        return associationId;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public int getHouseholds() {
        return households;
    }

    public int getMemberHouseholds() {
        return memberHouseholds;
    }

    public long getSubsidyPaid() {
        return subsidyPaid;
    }

    public long getVersion() {
        return version;
    }
}
