package jp.machi.promotion.onestop.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 寄附金税額控除に係る申告特例申請書 (ワンストップ特例): a donor's application that the municipality
 * notify their residence municipality instead of a tax return, for the donations of one calendar
 * year. It must arrive by January 10 of the following year ({@link #deadline}); it records that the
 * identity documents (My Number) were checked, never the number; the donations it covers and the
 * changes (変更届出書) received later are child rows, so matching or a change raises its version.
 * The residence municipality (住所地の市区町村, by its local government code) is who is notified.
 */
@Entity
@Table(name = "promotion_one_stop_application")
public class OneStopApplication extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

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

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OneStopApplication() {
    }

    /** The application as one edit (the donations it covers included). */
    public record Content(UUID donorId, int donationYear, LocalDate receivedOn, OneStopChannel channel, String residenceCode,
            String residenceName, LocalDate identityCheckedOn, String note, List<UUID> donationIds) {
    }

    public OneStopApplication(Content c) {
        revise(c);
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

    public UUID getId() {
        return id;
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
