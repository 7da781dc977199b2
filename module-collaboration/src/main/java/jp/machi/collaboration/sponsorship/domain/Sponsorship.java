package jp.machi.collaboration.sponsorship.domain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 後援名義使用承認: an organiser's application to use the municipality's name as 後援 for an event
 * (from the portal or on paper). Staff tick the municipality's criteria (the checklist of setting
 * {@code sponsorshipCriteria}); a holder of {@code collaboration.approver} approves (every criterion
 * checked) or refuses with a reason; after the event the organiser reports the attendance. The
 * contact person's name, address, phone and e-mail are personal data; the organiser (an
 * organisation) and the event are not.
 */
@Entity
@Table(name = "collaboration_sponsorship")
@NamedQuery(name = "Sponsorship.byEmail", query = "SELECT s FROM Sponsorship s WHERE s.contactEmail = :email")
@NamedQuery(name = "Sponsorship.byPhone", query = "SELECT s FROM Sponsorship s WHERE s.contactPhoneDigits = :phone")
@NamedQuery(name = "Sponsorship.expired",
        query = "SELECT s FROM Sponsorship s WHERE s.closedAt IS NOT NULL AND s.closedAt <= :closedBefore"
                + " AND s.anonymisedAt IS NULL")
@NamedQuery(name = "Sponsorship.unreported",
        query = "SELECT s FROM Sponsorship s WHERE s.organiserKey = :organiser AND s.state = :approved"
                + " AND s.endsOn < :today AND s.reportedOn IS NULL AND s.id <> :self ORDER BY s.endsOn")
public class Sponsorship extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "receipt_number", nullable = false, updatable = false, length = 20)
    private String receiptNumber;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private PartnerChannel channel;

    @Column(name = "event_name", nullable = false, length = 200)
    private String eventName;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "venue", nullable = false, length = 200)
    private String venue;

    @Column(name = "organiser_name", nullable = false, length = 200)
    private String organiserName;

    /** The organiser's name in a normal form (spaces removed, NFKC), so that one organiser is found again. */
    @Column(name = "organiser_key", nullable = false, length = 200)
    private String organiserKey;

    @Column(name = "purpose", nullable = false, length = 2000)
    private String purpose;

    /** 参加費 (円); 0 when free. */
    @Column(name = "fee", nullable = false)
    private int fee;

    @Column(name = "expected_attendance", nullable = false)
    private int expectedAttendance;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "contact_name", length = 100)
    private String contactName;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "contact_address", length = 300)
    private String contactAddress;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "contact_phone", length = 40)
    private String contactPhone;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "contact_phone_digits", length = 20)
    private String contactPhoneDigits;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    /** The criteria staff checked, one per line, as the municipality's checklist named them then. */
    @Column(name = "checked_criteria", length = 2000)
    private String checkedCriteria;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private SponsorshipState state;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "decision_reason", length = 1000)
    private String decisionReason;

    @Column(name = "reported_attendance")
    private Integer reportedAttendance;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    @Column(name = "report_note", length = 1000)
    private String reportNote;

    @Column(name = "spam_at")
    private OffsetDateTime spamAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Sponsorship() {
    }

    /** The event as the organiser describes it. */
    public record Event(String eventName, LocalDate startsOn, LocalDate endsOn, int fiscalYear, String venue,
            String organiserName, String purpose, int fee, int expectedAttendance) {
    }

    /** The organiser's contact person (personal data). */
    public record Contact(String contactName, String contactAddress, String contactPhone, String contactEmail) {
    }

    public Sponsorship(String receiptNumber, OffsetDateTime receivedAt, PartnerChannel channel, Event event,
            Contact contact) {
        this.receiptNumber = receiptNumber;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.state = SponsorshipState.APPLIED;
        describe(event);
        reachAt(contact);
    }

    public final void describe(Event e) {
        this.eventName = e.eventName();
        this.startsOn = e.startsOn();
        this.endsOn = e.endsOn();
        this.fiscalYear = e.fiscalYear();
        this.venue = e.venue();
        this.organiserName = e.organiserName();
        this.organiserKey = organiserKey(e.organiserName());
        this.purpose = e.purpose();
        this.fee = e.fee();
        this.expectedAttendance = e.expectedAttendance();
    }

    public final void reachAt(Contact c) {
        this.contactName = c.contactName();
        this.contactAddress = c.contactAddress();
        this.contactPhone = c.contactPhone();
        this.contactPhoneDigits = ResidentQuery.phoneDigits(c.contactPhone());
        this.contactEmail = ResidentQuery.email(c.contactEmail());
    }

    /** The normal form of an organiser's name: NFKC, without spaces, at most 200 characters. */
    public static String organiserKey(String name) {
        String k = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).replaceAll("[\\s\u3000]", "");
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    public void checked(List<String> criteria) {
        this.checkedCriteria = criteria.isEmpty() ? null : String.join("\n", criteria);
    }

    public void movedTo(SponsorshipState s) {
        this.state = s;
    }

    public void decided(LocalDate on, String reason, OffsetDateTime now) {
        this.decidedOn = on;
        this.decisionReason = reason;
        this.closedAt = state == SponsorshipState.REFUSED ? now : null;
    }

    public void reported(int attendance, LocalDate on, String note, OffsetDateTime now) {
        this.reportedAttendance = attendance;
        this.reportedOn = on;
        this.reportNote = note;
        this.closedAt = now;
    }

    public void markAsSpam(OffsetDateTime now) {
        this.spamAt = now;
    }

    public boolean releaseFromSpam() {
        if (spamAt == null) {
            return false;
        }
        spamAt = null;
        return true;
    }

    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.contactName = contactName == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.contactAddress = null;
        this.contactPhone = null;
        this.contactPhoneDigits = null;
        this.contactEmail = null;
        this.anonymisedAt = now;
        return true;
    }

    public List<String> getCheckedCriteria() {
        return checkedCriteria == null ? List.of() : new ArrayList<>(List.of(checkedCriteria.split("\n")));
    }

    public UUID getId() {
        return id;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public PartnerChannel getChannel() {
        return channel;
    }

    public String getEventName() {
        return eventName;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getVenue() {
        return venue;
    }

    public String getOrganiserName() {
        return organiserName;
    }

    public String getOrganiserKey() {
        return organiserKey;
    }

    public String getPurpose() {
        return purpose;
    }

    public int getFee() {
        return fee;
    }

    public int getExpectedAttendance() {
        return expectedAttendance;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactAddress() {
        return contactAddress;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public SponsorshipState getState() {
        return state;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public Integer getReportedAttendance() {
        return reportedAttendance;
    }

    public LocalDate getReportedOn() {
        return reportedOn;
    }

    public String getReportNote() {
        return reportNote;
    }

    public boolean isSpam() {
        return spamAt != null;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
