package jp.machi.promotion.vacanthouse.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 空き家バンクの利用登録: a person looking for a house, registered from the portal (core's public
 * intake, a receipt number) or by staff. Who they are (name, kana, address, phone, e-mail) is personal
 * data; what they look for (household, wished area, deal type, budget, move-in timing) is not. Staff
 * approve (the registration then runs for the municipality's registration period, as a property's)
 * or refuse it (a reason required).
 */
@Entity
@Table(name = "promotion_house_seeker")
@NamedQuery(name = "HouseSeeker.byEmail", query = "SELECT s FROM HouseSeeker s WHERE s.email = :email")
@NamedQuery(name = "HouseSeeker.byPhone", query = "SELECT s FROM HouseSeeker s WHERE s.phoneDigits = :phone")
@NamedQuery(name = "HouseSeeker.refusedBefore", query = "SELECT s FROM HouseSeeker s WHERE s.anonymisedAt IS NULL"
        + " AND s.state = jp.machi.promotion.vacanthouse.domain.HouseSeekerState.REFUSED AND s.decidedAt <= :before")
@NamedQuery(name = "HouseSeeker.endedBefore", query = "SELECT s FROM HouseSeeker s WHERE s.anonymisedAt IS NULL"
        + " AND s.state = jp.machi.promotion.vacanthouse.domain.HouseSeekerState.APPROVED AND s.expiresOn < :before")
public class HouseSeeker extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "receipt_number", length = 20, updatable = false)
    private String receiptNumber;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "kana", length = 100)
    private String kana;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "address", length = 300)
    private String address;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "phone", length = 40)
    private String phone;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "phone_digits", length = 20)
    private String phoneDigits;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "household_size")
    private Integer householdSize;

    @Column(name = "household", length = 200)
    private String household;

    @Column(name = "wished_area", length = 100)
    private String wishedArea;

    @Enumerated(EnumType.STRING)
    @Column(name = "deal_type", nullable = false, length = 20)
    private DealType dealType;

    /** The most they would pay: yen a month for rent, yen for a purchase (either for RENT_OR_SALE, as they say). */
    @Column(name = "budget")
    private Long budget;

    @Column(name = "move_in", length = 50)
    private String moveIn;

    @Column(name = "consented_at", nullable = false)
    private OffsetDateTime consentedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private HouseSeekerState state;

    @Column(name = "applied_on", nullable = false)
    private LocalDate appliedOn;

    @Column(name = "approved_on")
    private LocalDate approvedOn;

    @Column(name = "approved_fy")
    private Integer approvedFiscalYear;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "reason", length = 500)
    private String reason;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected HouseSeeker() {
    }

    /** Who they are. */
    public record Person(String name, String kana, String address, String phone, String email) {
    }

    /** What they look for. */
    public record Wish(Integer householdSize, String household, String wishedArea, DealType dealType, Long budget, String moveIn) {
    }

    public HouseSeeker(String receiptNumber, Person p, Wish w, LocalDate appliedOn, OffsetDateTime consentedAt) {
        this.receiptNumber = receiptNumber;
        this.state = HouseSeekerState.APPLIED;
        this.appliedOn = appliedOn;
        this.consentedAt = consentedAt;
        revise(p, w);
    }

    public final void revise(Person p, Wish w) {
        this.name = p.name();
        this.kana = p.kana();
        this.address = p.address();
        this.phone = p.phone();
        this.phoneDigits = ResidentQuery.phoneDigits(p.phone());
        this.email = ResidentQuery.email(p.email());
        this.householdSize = w.householdSize();
        this.household = w.household();
        this.wishedArea = w.wishedArea();
        this.dealType = w.dealType();
        this.budget = w.budget();
        this.moveIn = w.moveIn();
    }

    /** Approved on {@code day} for {@code years}: the registration runs until the day before the same date that many years on. */
    public void approve(LocalDate day, int years, OffsetDateTime now) {
        this.state = HouseSeekerState.APPROVED;
        this.approvedOn = day;
        this.approvedFiscalYear = FiscalYear.containing(day).startYear();
        this.expiresOn = day.plusYears(years).minusDays(1);
        this.decidedAt = now;
        this.reason = null;
    }

    /** 登録の更新: registered again from {@code day} for {@code years}, as a property's renewal (the day it was approved stays). */
    public void renew(LocalDate day, int years) {
        this.expiresOn = day.plusYears(years).minusDays(1);
    }

    public void refuse(String reason, OffsetDateTime now) {
        this.state = HouseSeekerState.REFUSED;
        this.reason = reason;
        this.decidedAt = now;
    }

    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.name = PersonalDataFields.ANONYMOUS_NAME;
        this.kana = null;
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

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public String getName() {
        return name;
    }

    public String getKana() {
        return kana;
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

    public Integer getHouseholdSize() {
        return householdSize;
    }

    public String getHousehold() {
        return household;
    }

    public String getWishedArea() {
        return wishedArea;
    }

    public DealType getDealType() {
        return dealType;
    }

    public Long getBudget() {
        return budget;
    }

    public String getMoveIn() {
        return moveIn;
    }

    public OffsetDateTime getConsentedAt() {
        return consentedAt;
    }

    public HouseSeekerState getState() {
        return state;
    }

    public LocalDate getAppliedOn() {
        return appliedOn;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public OffsetDateTime getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
