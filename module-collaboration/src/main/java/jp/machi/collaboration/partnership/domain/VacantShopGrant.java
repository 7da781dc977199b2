package jp.machi.collaboration.partnership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * 空き店舗活用補助金 (seed 004 #16): a grant to a business opening in an empty shop — the applicant
 * business (事業者名・屋号, an organisation, not a person's name), the shop's address, the business, the
 * amount and the decision date (交付決定日), whose fiscal year the grant counts in.
 */
@Entity
@Table(name = "collaboration_vacant_shop_grant")
public class VacantShopGrant extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "applicant", nullable = false, length = 200)
    private String applicant;

    @Column(name = "shop_address", nullable = false, length = 300)
    private String shopAddress;

    @Column(name = "business", length = 200)
    private String business;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "opened_on")
    private LocalDate openedOn;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VacantShopGrant() {
    }

    public record Content(String applicant, String shopAddress, String business, long amount, LocalDate decidedOn,
            LocalDate openedOn, String note, boolean invented) {
    }

    public VacantShopGrant(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.applicant = c.applicant();
        this.shopAddress = c.shopAddress();
        this.business = c.business();
        this.amount = c.amount();
        this.decidedOn = c.decidedOn();
        this.fiscalYear = FiscalYear.containing(c.decidedOn()).startYear();
        this.openedOn = c.openedOn();
        this.note = c.note();
        this.invented = c.invented();
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getApplicant() {
        return applicant;
    }

    public String getShopAddress() {
        return shopAddress;
    }

    public String getBusiness() {
        return business;
    }

    public long getAmount() {
        return amount;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public String getNote() {
        return note;
    }

    public boolean isInvented() {
        return invented;
    }

    public long getVersion() {
        return version;
    }
}
