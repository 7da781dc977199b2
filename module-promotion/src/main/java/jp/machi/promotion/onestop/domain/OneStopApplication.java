package jp.machi.promotion.onestop.domain;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 寄附金税額控除に係る申告特例申請書 (ワンストップ特例): a donor's application that the municipality
 * notify their residence municipality instead of a tax return, for the donations of one calendar
 * year. It must arrive by January 10 of the following year ({@link #deadline}); it records that the
 * identity documents (My Number) were checked, never the number; the donations it covers and the
 * changes (変更届出書) received later are child rows, so matching or a change raises its version.
 * The residence municipality (住所地の市区町村, by its local government code) is who is notified.
 *
 * <p>An application sent online through the portal (core's public intake) has a receipt number, keeps
 * the applicant as the form gave them (personal data: name, kana, address, phone, e-mail, date of
 * birth) and the donations they listed, and has no donor until staff match it. Every application
 * carries the donor's two declarations of the form (申告特例対象寄附者であること: no tax return needed;
 * at most five municipalities applied to in the year): Machi cannot see other municipalities'
 * applications, so the five-municipality rule is the donor's declaration, recorded, never computed.
 */
@Entity
@Table(name = "promotion_one_stop_application")
@NamedQuery(name = "OneStopApplication.byApplicantEmail", query = "SELECT a FROM OneStopApplication a WHERE a.applicantEmail = :email")
@NamedQuery(name = "OneStopApplication.byApplicantPhone", query = "SELECT a FROM OneStopApplication a WHERE a.applicantPhoneDigits = :phone")
@NamedQuery(name = "OneStopApplication.applicantsOfYearsBefore", query = "SELECT a FROM OneStopApplication a WHERE a.receiptNumber IS NOT NULL"
        + " AND a.anonymisedAt IS NULL AND a.donationYear < :year")
public class OneStopApplication extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    /** The donor: null for an online application staff have not matched yet. */
    @Column(name = "donor_id")
    private UUID donorId;

    /** 受付番号 of an application sent through the portal (null for one staff recorded). */
    @Column(name = "receipt_number", length = 20, updatable = false)
    private String receiptNumber;

    /** The calendar year of the donations (寄附をした年). */
    @Column(name = "donation_year", nullable = false)
    private int donationYear;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private OneStopChannel channel;

    @Column(name = "residence_code", nullable = false, length = 6)
    private String residenceCode;

    @Column(name = "residence_name", nullable = false, length = 100)
    private String residenceName;

    /** The day the identity documents (個人番号確認・本人確認) were checked; the number itself never enters Machi. */
    @Column(name = "identity_checked_on")
    private LocalDate identityCheckedOn;

    @Column(name = "note", length = 1000)
    private String note;

    /** 申告特例対象寄附者である (①: no tax return needed for the year); null on applications recorded before it was kept. */
    @Column(name = "declares_no_tax_return")
    private Boolean declaresNoTaxReturn;

    /** 申告特例の求めを行う地方団体の数が5以下と見込まれる (②); null on applications recorded before it was kept. */
    @Column(name = "declares_at_most_five")
    private Boolean declaresAtMostFive;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "applicant_name", length = 100)
    private String applicantName;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "applicant_kana", length = 100)
    private String applicantKana;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "applicant_postal_code", length = 8)
    private String applicantPostalCode;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "applicant_address", length = 300)
    private String applicantAddress;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "applicant_phone", length = 40)
    private String applicantPhone;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "applicant_phone_digits", length = 20)
    private String applicantPhoneDigits;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "applicant_email", length = 254)
    private String applicantEmail;

    @PersonalData(PersonalData.Kind.OTHER)
    @Column(name = "applicant_birth_date")
    private LocalDate applicantBirthDate;

    @Column(name = "consented_at")
    private OffsetDateTime consentedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    /** Denormalised from the matches, so that lists filter by state in the database. */
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private OneStopState state;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("donationId")
    private List<OneStopMatch> matches = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("receivedOn")
    private List<OneStopChange> changes = new ArrayList<>();

    /** The donations as an online applicant listed them (day, amount), for staff to match. */
    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("donatedOn")
    private List<OneStopDeclaredDonation> declaredDonations = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OneStopApplication() {
    }

    /**
     * The application as one edit (the donations it covers included). A declaration left null keeps
     * the one recorded (an update from a client that does not send it).
     */
    public record Content(UUID donorId, int donationYear, LocalDate receivedOn, OneStopChannel channel, String residenceCode,
            String residenceName, LocalDate identityCheckedOn, String note, List<UUID> donationIds, Boolean declaresNoTaxReturn,
            Boolean declaresAtMostFive) {
    }

    /** Who applied online, as the form gave it (personal data). */
    public record Applicant(String name, String kana, String postalCode, String address, String phone, String email, LocalDate birthDate) {
    }

    /** A donation as an online applicant listed it. */
    public record Declared(LocalDate donatedOn, long amount) {
    }

    public OneStopApplication(Content c) {
        revise(c);
    }

    /** An application sent through the portal: received today, not checked, no donor yet; both declarations made. */
    public OneStopApplication(String receiptNumber, Applicant p, int donationYear, LocalDate receivedOn, String residenceCode,
            String residenceName, List<Declared> declared, OffsetDateTime consentedAt) {
        this.receiptNumber = receiptNumber;
        this.applicantName = p.name();
        this.applicantKana = p.kana();
        this.applicantPostalCode = p.postalCode();
        this.applicantAddress = p.address();
        this.applicantPhone = p.phone();
        this.applicantPhoneDigits = ResidentQuery.phoneDigits(p.phone());
        this.applicantEmail = ResidentQuery.email(p.email());
        this.applicantBirthDate = p.birthDate();
        this.consentedAt = consentedAt;
        this.donationYear = donationYear;
        this.receivedOn = receivedOn;
        this.channel = OneStopChannel.ONLINE;
        this.residenceCode = residenceCode;
        this.residenceName = residenceName;
        this.declaresNoTaxReturn = Boolean.TRUE;
        this.declaresAtMostFive = Boolean.TRUE;
        this.state = OneStopState.RECEIVED;
        for (Declared d : declared) {
            declaredDonations.add(new OneStopDeclaredDonation(this, d.donatedOn(), d.amount()));
        }
    }

    /** The last day an application (or a change) for the donations of {@code donationYear} may arrive: January 10 of the next year. */
    public static LocalDate deadline(int donationYear) {
        return LocalDate.of(donationYear + 1, 1, 10);
    }

    /** The last day the notification to the residence municipalities is due: January 31 of the next year. */
    public static LocalDate notifyBy(int donationYear) {
        return LocalDate.of(donationYear + 1, 1, 31);
    }

    public final void revise(Content c) {
        this.donorId = c.donorId();
        this.donationYear = c.donationYear();
        this.receivedOn = c.receivedOn();
        this.channel = c.channel();
        this.residenceCode = c.residenceCode();
        this.residenceName = c.residenceName();
        this.identityCheckedOn = c.identityCheckedOn();
        this.note = c.note();
        if (c.declaresNoTaxReturn() != null) {
            this.declaresNoTaxReturn = c.declaresNoTaxReturn();
        }
        if (c.declaresAtMostFive() != null) {
            this.declaresAtMostFive = c.declaresAtMostFive();
        }
        Set<UUID> wanted = new LinkedHashSet<>(c.donationIds() == null ? List.of() : c.donationIds());
        matches.removeIf(m -> !wanted.contains(m.getDonationId()));
        Set<UUID> have = new LinkedHashSet<>();
        matches.forEach(m -> have.add(m.getDonationId()));
        for (UUID d : wanted) {
            if (!have.contains(d)) {
                matches.add(new OneStopMatch(this, d));
            }
        }
        this.state = identityCheckedOn == null ? OneStopState.RECEIVED : matches.isEmpty() ? OneStopState.CHECKED : OneStopState.MATCHED;
    }

    /** Records a 変更届出書: the residence municipality from now on (when given), and the change itself. */
    public void change(LocalDate on, String kinds, String newResidenceCode, String newResidenceName, String changeNote) {
        changes.add(new OneStopChange(this, on, kinds, residenceCode, residenceName, newResidenceCode, newResidenceName, changeNote));
        if (newResidenceCode != null) {
            this.residenceCode = newResidenceCode;
            this.residenceName = newResidenceName;
        }
    }

    /**
     * Anonymises what the applicant typed online (the retention period ended): the name becomes
     * {@value PersonalDataFields#ANONYMOUS_NAME}, the rest goes; the application, its declarations
     * and matches stay. Does nothing the second time or on an application staff recorded.
     */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null || receiptNumber == null) {
            return false;
        }
        this.applicantName = PersonalDataFields.ANONYMOUS_NAME;
        this.applicantKana = null;
        this.applicantPostalCode = null;
        this.applicantAddress = null;
        this.applicantPhone = null;
        this.applicantPhoneDigits = null;
        this.applicantEmail = null;
        this.applicantBirthDate = null;
        this.anonymisedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public Boolean getDeclaresNoTaxReturn() {
        return declaresNoTaxReturn;
    }

    public Boolean getDeclaresAtMostFive() {
        return declaresAtMostFive;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getApplicantKana() {
        return applicantKana;
    }

    public String getApplicantPostalCode() {
        return applicantPostalCode;
    }

    public String getApplicantAddress() {
        return applicantAddress;
    }

    public String getApplicantPhone() {
        return applicantPhone;
    }

    public String getApplicantPhoneDigits() {
        return applicantPhoneDigits;
    }

    public String getApplicantEmail() {
        return applicantEmail;
    }

    public LocalDate getApplicantBirthDate() {
        return applicantBirthDate;
    }

    public OffsetDateTime getConsentedAt() {
        return consentedAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public List<OneStopDeclaredDonation> getDeclaredDonations() {
        return declaredDonations;
    }

    public UUID getDonorId() {
        return donorId;
    }

    public int getDonationYear() {
        return donationYear;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public OneStopChannel getChannel() {
        return channel;
    }

    public String getResidenceCode() {
        return residenceCode;
    }

    public String getResidenceName() {
        return residenceName;
    }

    public LocalDate getIdentityCheckedOn() {
        return identityCheckedOn;
    }

    public String getNote() {
        return note;
    }

    public OneStopState getState() {
        return state;
    }

    public List<OneStopMatch> getMatches() {
        return matches;
    }

    public List<UUID> donationIds() {
        return matches.stream().map(OneStopMatch::getDonationId).toList();
    }

    public List<OneStopChange> getChanges() {
        return changes;
    }

    public long getVersion() {
        return version;
    }
}
