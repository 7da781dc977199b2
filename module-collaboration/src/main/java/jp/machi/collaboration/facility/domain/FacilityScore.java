package jp.machi.collaboration.facility.domain;

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

/** A {@link FacilityMonitoring}'s score on one evaluation item. A child row. */
@Entity
@Table(name = "collaboration_facility_score")
public class FacilityScore extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "monitoring_id", nullable = false)
    private FacilityMonitoring monitoring;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "item", nullable = false, length = 200)
    private String item;

    @Column(name = "score", nullable = false)
    private int score;

    protected FacilityScore() {
    }

    FacilityScore(FacilityMonitoring monitoring, int seq, String item, int score) {
        this.monitoring = monitoring;
        this.seq = seq;
        this.item = item;
        this.score = score;
    }

    public String getItem() {
        return item;
    }

    public int getScore() {
        return score;
    }
}
