package jp.machi.promotion.donation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 寄附者: a person who made hometown-tax donations. Everything that identifies them is personal
 * data: masked in lists and CSV, shown in full only on an audited request, exported and anonymised
 * through core's residents' data requests.
 */
@Entity
@Table(name = "promotion_donor")
@NamedQuery(name = "Donor.byEmail", query = "SELECT d FROM Donor d WHERE d.email = :email")
@NamedQuery(name = "Donor.byPhone", query = "SELECT d FROM Donor d WHERE d.phoneDigits = :phone")
@NamedQuery(name = "Donor.expired", query = "SELECT d FROM Donor d WHERE d.anonymisedAt IS NULL AND d.createdAt <= :before"
        + " AND NOT EXISTS (SELECT x FROM Donation x WHERE x.donorId = d.id AND x.receivedOn > :lastDay)")
public class Donor extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "name_kana", length = 100)
    private String nameKana;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "postal_code", length = 8)
    private String postalCode;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "address", length = 300)
    private String address;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "phone", length = 40)
    private String phone;

    /** The phone's digits only, to find a resident's records (see {@link ResidentQuery}). */
    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "phone_digits", length = 20)
    private String phoneDigits;

    /** In the normal form of {@link ResidentQuery#email}. */
    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Donor() {
    }

    /** What identifies the donor, as one edit. */
    public record Person(String name, String nameKana, String postalCode, String address, String phone, String email) {
    }

    public Donor(Person p, OffsetDateTime now) {
        this.createdAt = now;
        revise(p);
    }

    public final void revise(Person p) {
        this.name = p.name();
        this.nameKana = p.nameKana();
        this.postalCode = p.postalCode();
        this.address = p.address();
        this.phone = p.phone();
        this.phoneDigits = ResidentQuery.phoneDigits(p.phone());
        this.email = ResidentQuery.email(p.email());
    }

    /**
     * Anonymises the donor (the retention period ended): the name becomes
     * {@value PersonalDataFields#ANONYMOUS_NAME}, the rest goes; the donations stay with their
     * amounts and dates. Does nothing the second time.
     */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.name = PersonalDataFields.ANONYMOUS_NAME;
        this.nameKana = null;
        this.postalCode = null;
        this.address = null;
        this.phone = null;
        this.phoneDigits = null;
        this.email = null;
        this.anonymisedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
