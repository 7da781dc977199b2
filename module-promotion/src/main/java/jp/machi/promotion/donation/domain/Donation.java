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
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;

/**
 * 寄附: one hometown-tax donation: the donor, the day it was received, the amount in whole yen, how
 * it was paid, the channel (a portal site's name, or none for a direct donation), the use the donor
 * chose, the return gift chosen, whether the donor wants their name published, and the fiscal year
 * (April–March) and designation year (指定対象期間, October–September) it falls in, kept as columns
 * so that lists and figures filter them in the database.
 */
@Entity
@Table(name = "promotion_donation")
public class Donation extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, length = 30)
    private PaymentMethod paymentMethod;

    @Column(name = "channel", length = 100)
    private String channel;

    @Column(name = "use_id")
    private UUID useId;

    @Column(name = "return_gift_id")
    private UUID returnGiftId;

    @Column(name = "publish_name", nullable = false)
    private boolean publishName;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "designation_year", nullable = false)
    private int designationYear;

    /** The portal site's own order id (受付番号) for an imported donation; null for one recorded by hand. */
    @Column(name = "site_order_id", length = 100, updatable = false)
    private String siteOrderId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Donation() {
    }

    /** The donation as one edit. */
    public record Content(UUID donorId, LocalDate receivedOn, long amount, PaymentMethod paymentMethod, String channel,
            UUID useId, UUID returnGiftId, boolean publishName) {
    }

    public Donation(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.donorId = c.donorId();
        this.receivedOn = c.receivedOn();
        this.amount = c.amount();
        this.paymentMethod = c.paymentMethod();
        this.channel = c.channel();
        this.useId = c.useId();
        this.returnGiftId = c.returnGiftId();
        this.publishName = c.publishName();
        this.fiscalYear = FiscalYear.containing(c.receivedOn()).startYear();
        this.designationYear = designationYear(c.receivedOn());
    }

    /** The designation year (指定対象期間, October to September) a day falls in, by the year it starts: 2024-10-01 → 2024, 2024-09-30 → 2023. */
    public static int designationYear(LocalDate day) {
        return day.getMonthValue() >= 10 ? day.getYear() : day.getYear() - 1;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDonorId() {
        return donorId;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public long getAmount() {
        return amount;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public String getChannel() {
        return channel;
    }

    public UUID getUseId() {
        return useId;
    }

    public UUID getReturnGiftId() {
        return returnGiftId;
    }

    public boolean isPublishName() {
        return publishName;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public int getDesignationYear() {
        return designationYear;
    }

    public String getSiteOrderId() {
        return siteOrderId;
    }

    public long getVersion() {
        return version;
    }
}
