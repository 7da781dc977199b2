package jp.machi.promotion.onestop.domain;

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

/** A donation a one-stop application covers (a child row; a donation is covered by one application at most). */
@Entity
@Table(name = "promotion_one_stop_match")
public class OneStopMatch extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private OneStopApplication application;

    @Column(name = "donation_id", nullable = false)
    private UUID donationId;

    protected OneStopMatch() {
    }

    OneStopMatch(OneStopApplication application, UUID donationId) {
        this.application = application;
        this.donationId = donationId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDonationId() {
        return donationId;
    }
}
