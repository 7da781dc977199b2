package jp.machi.promotion.fanclub.domain;

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
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;

/**
 * ファンクラブ会員: a person who signed up for the municipality's fan club on the portal. Counted
 * only once they confirmed their e-mail address by the link sent to it; they leave by the link in
 * every mail, without an account. Who they are (name, e-mail, municipality, address) is personal
 * data: masked in lists and CSV, exported and anonymised through core's residents' data requests.
 * The prefecture and the {@link Residence} stay after anonymisation (they count, identify nobody).
 * The confirmation, edit and new-address tokens are kept only as hashes; the leave token as is,
 * because every mail carries the same leave link (it only lets someone leave). A member changes
 * their own details by an edit link (single use, expiring); a new e-mail address replaces the old
 * one only once the link mailed to it is opened.
 */
@Entity
@Table(name = "promotion_fan_club_member")
@NamedQuery(name = "FanClubMember.byEmail", query = "SELECT m FROM FanClubMember m WHERE m.email = :email ORDER BY m.signedUpAt")
@NamedQuery(name = "FanClubMember.byConfirmToken", query = "SELECT m FROM FanClubMember m WHERE m.confirmTokenHash = :hash")
@NamedQuery(name = "FanClubMember.byEditToken", query = "SELECT m FROM FanClubMember m WHERE m.editTokenHash = :hash")
@NamedQuery(name = "FanClubMember.byAnyEmail", query = "SELECT m FROM FanClubMember m WHERE m.email = :email OR m.newEmail = :email"
        + " ORDER BY m.signedUpAt")
@NamedQuery(name = "FanClubMember.byEmailToken", query = "SELECT m FROM FanClubMember m WHERE m.emailTokenHash = :hash")
@NamedQuery(name = "FanClubMember.byLeaveToken", query = "SELECT m FROM FanClubMember m WHERE m.leaveToken = :token")
@NamedQuery(name = "FanClubMember.expired", query = "SELECT m FROM FanClubMember m WHERE m.anonymisedAt IS NULL AND"
        + " ((m.status = jp.machi.promotion.fanclub.domain.MemberStatus.LEFT AND m.leftAt <= :before)"
        + " OR (m.status = jp.machi.promotion.fanclub.domain.MemberStatus.PENDING AND m.signedUpAt <= :before))")
public class FanClubMember extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "receipt_number", nullable = false, length = 30)
    private String receiptNumber;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "name", length = 100)
    private String name;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "prefecture_code", nullable = false, length = 2)
    private String prefectureCode;

    /** The city, town or village the member lives in (e.g. 世田谷区). */
    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "municipality_name", length = 100)
    private String municipalityName;

    /** The rest of the address, if given: hidden entirely when masked (its first words would be a district). */
    @PersonalData(PersonalData.Kind.OTHER)
    @Column(name = "address", length = 200)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "residence", nullable = false, length = 20)
    private Residence residence;

    /** The interests chosen from the municipality's list, stored as |a|b| so that a filter is one LIKE in the database. */
    @Column(name = "interests", nullable = false, length = 2000)
    private String interests;

    @Column(name = "newsletter", nullable = false)
    private boolean newsletter;

    @Column(name = "language", nullable = false, length = 2)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private MemberStatus status;

    @Column(name = "confirm_token_hash", length = 64)
    private String confirmTokenHash;

    @Column(name = "confirm_expires_at", nullable = false)
    private OffsetDateTime confirmExpiresAt;

    /** The link to change one's details: only its SHA-256, when it stops working, and when it was used (once). */
    @Column(name = "edit_token_hash", length = 64)
    private String editTokenHash;

    @Column(name = "edit_expires_at")
    private OffsetDateTime editExpiresAt;

    @Column(name = "edit_used_at")
    private OffsetDateTime editUsedAt;

    /** The e-mail address the member asked to change to: it replaces {@link #email} only once confirmed by its link. */
    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "new_email", length = 254)
    private String newEmail;

    @Column(name = "email_token_hash", length = 64)
    private String emailTokenHash;

    @Column(name = "email_expires_at")
    private OffsetDateTime emailExpiresAt;

    @Column(name = "email_used_at")
    private OffsetDateTime emailUsedAt;

    @Column(name = "leave_token", nullable = false, length = 43)
    private String leaveToken;

    @Column(name = "signed_up_at", nullable = false)
    private OffsetDateTime signedUpAt;

    /** The day (Japan) the member confirmed: from then on they count. */
    @Column(name = "confirmed_on")
    private LocalDate confirmedOn;

    @Column(name = "left_at")
    private OffsetDateTime leftAt;

    /** The day (Japan) the member left: from then on they no longer count. */
    @Column(name = "left_on")
    private LocalDate leftOn;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected FanClubMember() {
    }

    /** What a person gives when signing up. */
    public record Application(String name, String email, String prefectureCode, String municipalityName, String address,
            List<String> interests, boolean newsletter, String language) {
    }

    public FanClubMember(String receiptNumber, Application a, Residence residence, String confirmTokenHash,
            OffsetDateTime confirmExpiresAt, String leaveToken, OffsetDateTime now) {
        this.receiptNumber = receiptNumber;
        this.status = MemberStatus.PENDING;
        this.signedUpAt = now;
        this.leaveToken = leaveToken;
        reapply(a, residence, confirmTokenHash, confirmExpiresAt);
    }

    /** A pending member who signs up again: the new details and a new confirmation link replace the old. */
    public final void reapply(Application a, Residence r, String confirmTokenHash, OffsetDateTime confirmExpiresAt) {
        this.name = a.name();
        this.email = a.email();
        this.prefectureCode = a.prefectureCode();
        this.municipalityName = a.municipalityName();
        this.address = a.address();
        this.residence = r;
        this.interests = joined(a.interests());
        this.newsletter = a.newsletter();
        this.language = a.language();
        this.confirmTokenHash = confirmTokenHash;
        this.confirmExpiresAt = confirmExpiresAt;
    }

    /** Confirms the e-mail address; the member counts from {@code today}. Does nothing when already confirmed. */
    public boolean confirm(LocalDate today) {
        if (status != MemberStatus.PENDING) {
            return false;
        }
        this.status = MemberStatus.CONFIRMED;
        this.confirmedOn = today;
        return true;
    }

    /** Leaves the fan club (no more mail; no longer counted). Does nothing the second time. */
    public boolean leave(OffsetDateTime now, LocalDate today) {
        if (status == MemberStatus.LEFT) {
            return false;
        }
        this.status = MemberStatus.LEFT;
        this.newsletter = false;
        this.leftAt = now;
        this.leftOn = today;
        return true;
    }

    /** A new link to change one's details; any earlier one stops working (it is no longer known). */
    public void issueEditLink(String tokenHash, OffsetDateTime expiresAt) {
        this.editTokenHash = tokenHash;
        this.editExpiresAt = expiresAt;
        this.editUsedAt = null;
    }

    /**
     * What the member may change by the edit link (the e-mail address separately: it needs
     * confirming). Where they live only when {@code municipalityName} is given (with the prefecture;
     * the address then replaces the old one); else it stays.
     */
    public record Changes(String prefectureCode, String municipalityName, String address, List<String> interests,
            boolean newsletter) {
    }

    /** Applies the member's own changes and uses up the edit link; {@code r}: the new residence, or null when it stays. */
    public void edit(Changes c, Residence r, OffsetDateTime now) {
        if (c.municipalityName() != null) {
            this.prefectureCode = c.prefectureCode();
            this.municipalityName = c.municipalityName();
            this.address = c.address();
            this.residence = r;
        }
        this.interests = joined(c.interests());
        this.newsletter = c.newsletter();
        this.editUsedAt = now;
    }

    /** Asks to change the e-mail address to {@code address}: it takes effect when the link mailed to it is opened. */
    public void requestEmailChange(String address, String tokenHash, OffsetDateTime expiresAt) {
        this.newEmail = address;
        this.emailTokenHash = tokenHash;
        this.emailExpiresAt = expiresAt;
        this.emailUsedAt = null;
    }

    /** The new address was confirmed: it replaces the old one; the link is used up. */
    public void confirmEmailChange(OffsetDateTime now) {
        this.email = newEmail;
        this.newEmail = null;
        this.emailUsedAt = now;
    }

    /** Anonymises the person (the retention period ended); prefecture and residence stay for the counts. */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.name = name == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.email = null;
        this.municipalityName = null;
        this.address = null;
        this.confirmTokenHash = null;
        this.editTokenHash = null;
        this.newEmail = null;
        this.emailTokenHash = null;
        this.anonymisedAt = now;
        return true;
    }

    static String joined(List<String> items) {
        return items == null || items.isEmpty() ? "" : "|" + String.join("|", items) + "|";
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

    public String getEmail() {
        return email;
    }

    public String getPrefectureCode() {
        return prefectureCode;
    }

    public String getMunicipalityName() {
        return municipalityName;
    }

    public String getAddress() {
        return address;
    }

    public Residence getResidence() {
        return residence;
    }

    public List<String> getInterests() {
        return interests == null || interests.isEmpty() ? List.of()
                : Arrays.stream(interests.split("\\|")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isNewsletter() {
        return newsletter;
    }

    public String getLanguage() {
        return language;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public OffsetDateTime getConfirmExpiresAt() {
        return confirmExpiresAt;
    }

    public OffsetDateTime getEditExpiresAt() {
        return editExpiresAt;
    }

    public OffsetDateTime getEditUsedAt() {
        return editUsedAt;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public OffsetDateTime getEmailExpiresAt() {
        return emailExpiresAt;
    }

    public OffsetDateTime getEmailUsedAt() {
        return emailUsedAt;
    }

    public String getLeaveToken() {
        return leaveToken;
    }

    public OffsetDateTime getSignedUpAt() {
        return signedUpAt;
    }

    public LocalDate getConfirmedOn() {
        return confirmedOn;
    }

    public OffsetDateTime getLeftAt() {
        return leftAt;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
