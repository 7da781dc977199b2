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
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 当団体に対する寄附に関する事項 as an online applicant listed it (寄附年月日, 寄附金額): a child row of
 * the application, for staff to find the donations to match. It is what the donor said, not a donation.
 */
@Entity
@Table(name = "promotion_one_stop_declared_donation")
public class OneStopDeclaredDonation extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private OneStopApplication application;

    @Column(name = "donated_on", nullable = false)
    private LocalDate donatedOn;

    @Column(name = "amount", nullable = false)
    private long amount;

    protected OneStopDeclaredDonation() {
    }

    OneStopDeclaredDonation(OneStopApplication application, LocalDate donatedOn, long amount) {
        this.application = application;
        this.donatedOn = donatedOn;
        this.amount = amount;
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getDonatedOn() {
        return donatedOn;
    }

    public long getAmount() {
        return amount;
    }
}
