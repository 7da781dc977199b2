package jp.machi.promotion.migration.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 移住相談: one consultation of a person thinking of moving in: the day, the channel, where the
 * person lives now, the household, what they are interested in (work, housing, child-rearing) and
 * the follow-ups (child rows: changing them raises the consultation's version). Who the person is
 * (name, e-mail, phone, where they live now) is personal data: masked in lists and CSV, exported
 * and anonymised through core's residents' data requests. The fiscal year is kept as a column so
 * that lists and the per-year count filter it in the database.
 */
@Entity
@Table(name = "promotion_migration_consultation")
@NamedQuery(name = "MigrationConsultation.byEmail", query = "SELECT c FROM MigrationConsultation c WHERE c.email = :email")
@NamedQuery(name = "MigrationConsultation.byPhone", query = "SELECT c FROM MigrationConsultation c WHERE c.phoneDigits = :phone")
@NamedQuery(name = "MigrationConsultation.expired", query = "SELECT c FROM MigrationConsultation c WHERE c.anonymisedAt IS NULL"
        + " AND c.createdAt <= :before AND c.consultedOn <= :lastDay")
public class MigrationConsultation extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "consulted_on", nullable = false)
    private LocalDate consultedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private ConsultationChannel channel;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "name", length = 100)
    private String name;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "email", length = 254)
    private String email;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "phone", length = 40)
    private String phone;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "phone_digits", length = 20)
    private String phoneDigits;

    /** Where the person lives now (e.g. 東京都世田谷区). */
    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "current_residence", length = 200)
    private String currentResidence;

    /** How many people would move (1–20); null when not known. */
    @Column(name = "household_size")
    private Integer householdSize;

    /** The household in words (夫婦と子ども2人 …), without names. */
    @Column(name = "household", length = 200)
    private String household;

    @Column(name = "interest_work", nullable = false)
    private boolean interestWork;

    @Column(name = "interest_housing", nullable = false)
    private boolean interestHousing;

    @Column(name = "interest_child_rearing", nullable = false)
    private boolean interestChildRearing;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @OneToMany(mappedBy = "consultation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("followedOn")
    private List<ConsultationFollowUp> followUps = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MigrationConsultation() {
    }

    /** A follow-up as one edit. */
    public record FollowUp(LocalDate followedOn, ConsultationChannel channel, String note) {
    }

    /** The consultation as one edit. */
    public record Content(LocalDate consultedOn, ConsultationChannel channel, String name, String email, String phone,
            String currentResidence, Integer householdSize, String household, boolean interestWork, boolean interestHousing,
            boolean interestChildRearing, List<FollowUp> followUps) {
    }

    public MigrationConsultation(Content c, OffsetDateTime now) {
        this.createdAt = now;
        revise(c);
    }

    public final void revise(Content c) {
        this.consultedOn = c.consultedOn();
        this.channel = c.channel();
        this.name = c.name();
        this.email = ResidentQuery.email(c.email());
        this.phone = c.phone();
        this.phoneDigits = ResidentQuery.phoneDigits(c.phone());
        this.currentResidence = c.currentResidence();
        this.householdSize = c.householdSize();
        this.household = c.household();
        this.interestWork = c.interestWork();
        this.interestHousing = c.interestHousing();
        this.interestChildRearing = c.interestChildRearing();
        this.fiscalYear = FiscalYear.containing(c.consultedOn()).startYear();
        List<FollowUp> wanted = c.followUps() == null ? List.of() : c.followUps();
        // Keep the rows that stay the same (no churn in the audit trail), replace the rest.
        int i = 0;
        for (; i < wanted.size() && i < followUps.size(); i++) {
            followUps.get(i).revise(wanted.get(i));
        }
        while (followUps.size() > wanted.size()) {
            followUps.remove(followUps.size() - 1);
        }
        for (; i < wanted.size(); i++) {
            followUps.add(new ConsultationFollowUp(this, wanted.get(i)));
        }
    }

    /** Anonymises the person (the retention period ended); the consultation stays counted. Does nothing the second time. */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.name = name == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.email = null;
        this.phone = null;
        this.phoneDigits = null;
        this.currentResidence = null;
        this.anonymisedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getConsultedOn() {
        return consultedOn;
    }

    public ConsultationChannel getChannel() {
        return channel;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getCurrentResidence() {
        return currentResidence;
    }

    public Integer getHouseholdSize() {
        return householdSize;
    }

    public String getHousehold() {
        return household;
    }

    public boolean isInterestWork() {
        return interestWork;
    }

    public boolean isInterestHousing() {
        return interestHousing;
    }

    public boolean isInterestChildRearing() {
        return interestChildRearing;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public List<ConsultationFollowUp> getFollowUps() {
        return followUps;
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
