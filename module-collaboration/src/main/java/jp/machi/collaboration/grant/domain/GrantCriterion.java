package jp.machi.collaboration.grant.domain;

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

/** 審査基準: one review criterion of a {@link GrantCall} and its weight (配点の重み). A child row of the call. */
@Entity
@Table(name = "collaboration_grant_criterion")
public class GrantCriterion extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "call_id", nullable = false)
    private GrantCall call;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "weight", nullable = false)
    private int weight;

    protected GrantCriterion() {
    }

    GrantCriterion(GrantCall call, int seq, String name, int weight) {
        this.call = call;
        this.seq = seq;
        revise(name, weight);
    }

    final void revise(String name, int weight) {
        this.name = name;
        this.weight = weight;
    }

    public UUID getId() {
        return id;
    }

    public int getSeq() {
        return seq;
    }

    public String getName() {
        return name;
    }

    public int getWeight() {
        return weight;
    }
}
