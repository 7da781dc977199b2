package jp.machi.engagement.proposal.domain;

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

/**
 * 関係課: a unit that considers a proposal beside its lead unit (庁内連携), with what it found. A
 * privately owned child row of the proposal: adding, changing or removing one raises the
 * proposal's version.
 */
@Entity
@Table(name = "engagement_proposal_co_unit")
public class ProposalCoUnit extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id", nullable = false)
    private CitizenProposal proposal;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    /** 検討結果: what the unit found (staff's text, never published by itself). */
    @Column(name = "note", length = 2000)
    private String note;

    protected ProposalCoUnit() {
    }

    ProposalCoUnit(CitizenProposal proposal, UUID unitId, String note) {
        this.proposal = proposal;
        this.unitId = unitId;
        this.note = note;
    }

    void note(String note) {
        this.note = note;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getNote() {
        return note;
    }
}
