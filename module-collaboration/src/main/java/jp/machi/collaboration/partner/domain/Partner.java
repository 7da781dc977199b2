package jp.machi.collaboration.partner.domain;

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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 協働の相手方: an organisation the municipality works with (NPO法人, 市民活動団体, 自治会 …), registered
 * after an application (from the portal or on paper) that a holder of {@code collaboration.approver}
 * approves or refuses (the {@code collaboration.partner-registration} workflow). One organisation
 * plays several roles. The representative's and the contact person's name, address, phone and
 * e-mail are personal data: masked in lists, never on a public page, anonymised when the retention
 * period after refusal or closing ends (the organisation itself stays).
 */
@Entity
@Table(name = "collaboration_partner")
@NamedQuery(name = "Partner.byEmail", query = "SELECT p FROM Partner p WHERE p.contactEmail = :email")
@NamedQuery(name = "Partner.byPhone", query = "SELECT p FROM Partner p WHERE p.contactPhoneDigits = :phone")
@NamedQuery(name = "Partner.expired",
        query = "SELECT p FROM Partner p WHERE p.closedAt IS NOT NULL AND p.closedAt <= :closedBefore"
                + " AND p.anonymisedAt IS NULL AND p.state IN (jp.machi.collaboration.partner.domain.PartnerState.REFUSED,"
                + " jp.machi.collaboration.partner.domain.PartnerState.CLOSED)")
@NamedQuery(name = "Partner.byIds", query = "SELECT p FROM Partner p WHERE p.id IN :ids")
public class Partner extends TenantOwned implements Anonymisable {

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

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "name_kana", length = 200)
    private String nameKana;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private PartnerKind kind;

    /** The role codes between commas (",PARTNER,GRANT_APPLICANT,"), so that one role is found with LIKE. */
    @Column(name = "roles", nullable = false, length = 200)
    private String roles;

    @Column(name = "fields_of_activity", length = 1000)
    private String fieldsOfActivity;

    @Column(name = "area", length = 200)
    private String area;

    @Column(name = "purpose", length = 2000)
    private String purpose;

    @Column(name = "website", length = 300)
    private String website;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "representative_name", length = 100)
    private String representativeName;

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

    @Column(name = "registration_number", length = 20)
    private String registrationNumber;

    @Column(name = "registered_on")
    private LocalDate registeredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private PartnerState state;

    /** When the honeypot filed it as spam (public intake); null for the others and once staff released it. */
    @Column(name = "spam_at")
    private OffsetDateTime spamAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Partner() {
    }

    /** The organisation as described by itself or by staff (the registration fields aside). */
    public record Profile(String name, String nameKana, PartnerKind kind, List<PartnerRole> roles,
            List<String> fieldsOfActivity, String area, String purpose, String website) {
    }

    /** Its representative and contact person (personal data). */
    public record Contacts(String representativeName, String contactName, String contactAddress, String contactPhone,
            String contactEmail) {
    }

    public Partner(String receiptNumber, OffsetDateTime receivedAt, PartnerChannel channel, Profile profile,
            Contacts contacts) {
        this.receiptNumber = receiptNumber;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.state = PartnerState.APPLIED;
        describe(profile);
        reachAt(contacts);
    }

    public final void describe(Profile p) {
        this.name = p.name();
        this.nameKana = p.nameKana();
        this.kind = p.kind();
        this.roles = joinRoles(p.roles());
        this.fieldsOfActivity = p.fieldsOfActivity() == null || p.fieldsOfActivity().isEmpty() ? null
                : String.join("\n", p.fieldsOfActivity());
        this.area = p.area();
        this.purpose = p.purpose();
        this.website = p.website();
    }

    public final void reachAt(Contacts c) {
        this.representativeName = c.representativeName();
        this.contactName = c.contactName();
        this.contactAddress = c.contactAddress();
        this.contactPhone = c.contactPhone();
        this.contactPhoneDigits = ResidentQuery.phoneDigits(c.contactPhone());
        this.contactEmail = ResidentQuery.email(c.contactEmail());
    }

    /** 登録番号 and 登録日 at the citizen-activity support centre, as staff record them. */
    public void registration(String number, LocalDate on) {
        this.registrationNumber = number;
        this.registeredOn = on;
    }

    /** The registration workflow moved it to {@code s}. */
    public void movedTo(PartnerState s) {
        this.state = s;
    }

    /** Approved: registered from {@code today} unless staff recorded another day. */
    public void registered(LocalDate today) {
        if (registeredOn == null) {
            registeredOn = today;
        }
        this.closedAt = null;
    }

    /** Refused or closed: the retention period of the personal data runs from now. */
    public void ended(OffsetDateTime now) {
        this.closedAt = now;
    }

    /** Refused or closed, then taken up again: open once more, so no retention period runs. */
    public void reopened() {
        this.closedAt = null;
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

    /** Anonymises the representative and contact (retention ended); the organisation stays. False the second time. */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.representativeName = representativeName == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.contactName = contactName == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.contactAddress = null;
        this.contactPhone = null;
        this.contactPhoneDigits = null;
        this.contactEmail = null;
        this.anonymisedAt = now;
        return true;
    }

    static String joinRoles(Collection<PartnerRole> roles) {
        if (roles == null || roles.isEmpty()) {
            return ",";
        }
        return "," + roles.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(",")) + ",";
    }

    /** The LIKE pattern that finds partners playing {@code role}. */
    public static String rolePattern(PartnerRole role) {
        return "%," + role.name() + ",%";
    }

    public List<PartnerRole> getRoles() {
        return Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(PartnerRole::valueOf).toList();
    }

    public List<String> getFieldsOfActivity() {
        return fieldsOfActivity == null ? List.of() : List.of(fieldsOfActivity.split("\n"));
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

    public String getName() {
        return name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public String getArea() {
        return area;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getWebsite() {
        return website;
    }

    public String getRepresentativeName() {
        return representativeName;
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

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    public PartnerState getState() {
        return state;
    }

    public boolean isSpam() {
        return spamAt != null;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
