package jp.machi.promotion.marriage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * 結婚支援 (seed 002, 施策38 若者の結婚支援): one activity — an exchange event, a day's (or month's)
 * consultations at the marriage counselling office, a seminar — with how many took part, the couples
 * formed (カップル成立) and the marriages reported through the support (成婚). Counts only: no person
 * is recorded here.
 */
@Entity
@Table(name = "promotion_marriage_activity")
public class MarriageSupportActivity extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private MarriageActivityKind kind;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "participants", nullable = false)
    private int participants;

    @Column(name = "couples_formed", nullable = false)
    private int couplesFormed;

    @Column(name = "marriages", nullable = false)
    private int marriages;

    @Column(name = "note", length = 1000)
    private String note;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MarriageSupportActivity() {
    }

    /** The activity as one edit. */
    public record Content(MarriageActivityKind kind, LocalDate heldOn, String title, int participants, int couplesFormed, int marriages,
            String note) {
    }

    public MarriageSupportActivity(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.kind = c.kind();
        this.heldOn = c.heldOn();
        this.fiscalYear = FiscalYear.containing(c.heldOn()).startYear();
        this.title = c.title();
        this.participants = c.participants();
        this.couplesFormed = c.couplesFormed();
        this.marriages = c.marriages();
        this.note = c.note();
    }

    public UUID getId() {
        return id;
    }

    public MarriageActivityKind getKind() {
        return kind;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getTitle() {
        return title;
    }

    public int getParticipants() {
        return participants;
    }

    public int getCouplesFormed() {
        return couplesFormed;
    }

    public int getMarriages() {
        return marriages;
    }

    public String getNote() {
        return note;
    }

    public long getVersion() {
        return version;
    }
}
