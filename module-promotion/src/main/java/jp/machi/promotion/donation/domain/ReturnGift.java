package jp.machi.promotion.donation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 返礼品: a return gift for hometown-tax donations: its name and supplier (返礼品提供事業者), the
 * ground of the ministry's notice under which it is a local product (地場産品基準), what it costs to
 * procure and to ship in whole yen, the donation amount it is offered for, and whether it is
 * offered now. The 30 % rule ({@link GiftRatio}) is checked before it is written.
 */
@Entity
@Table(name = "promotion_return_gift")
public class ReturnGift extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "supplier", nullable = false, length = 200)
    private String supplier;

    @Enumerated(EnumType.STRING)
    @Column(name = "local_ground", nullable = false, length = 40)
    private LocalProductGround ground;

    @Column(name = "procurement_cost", nullable = false)
    private long procurementCost;

    @Column(name = "shipping_cost", nullable = false)
    private long shippingCost;

    @Column(name = "donation_amount", nullable = false)
    private long donationAmount;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReturnGift() {
    }

    /** The gift as one edit. */
    public record Content(String name, String supplier, LocalProductGround ground, long procurementCost,
            long shippingCost, long donationAmount, boolean active) {
    }

    public ReturnGift(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.name = c.name();
        this.supplier = c.supplier();
        this.ground = c.ground();
        this.procurementCost = c.procurementCost();
        this.shippingCost = c.shippingCost();
        this.donationAmount = c.donationAmount();
        this.active = c.active();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSupplier() {
        return supplier;
    }

    public LocalProductGround getGround() {
        return ground;
    }

    public long getProcurementCost() {
        return procurementCost;
    }

    public long getShippingCost() {
        return shippingCost;
    }

    public long getDonationAmount() {
        return donationAmount;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
