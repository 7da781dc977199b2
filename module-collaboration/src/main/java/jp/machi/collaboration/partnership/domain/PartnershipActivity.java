package jp.machi.collaboration.partnership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;

/**
 * 連携事業: one activity under a {@link PartnershipAgreement} (a concert, a prize, a school programme
 * …) on a date, with how many took part; its fiscal year follows from the date (kept in a column so
 * that the metric counts in the database).
 */
@Entity
@Table(name = "collaboration_partnership_activity")
public class PartnershipActivity extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id", nullable = false)
    private PartnershipAgreement agreement;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "kind", nullable = false, length = 50)
    private String kind;

    @Column(name = "participants")
    private Integer participants;

    @Column(name = "note", length = 500)
    private String note;

    protected PartnershipActivity() {
    }

    PartnershipActivity(PartnershipAgreement agreement, PartnershipAgreement.Activity a) {
        this.agreement = agreement;
        revise(a);
    }

    final void revise(PartnershipAgreement.Activity a) {
        this.heldOn = a.heldOn();
        this.fiscalYear = FiscalYear.containing(a.heldOn()).startYear();
        this.title = a.title();
        this.kind = a.kind();
        this.participants = a.participants();
        this.note = a.note();
    }

    public PartnershipAgreement.Activity content() {
        return new PartnershipAgreement.Activity(heldOn, title, kind, participants, note);
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getTitle() {
        return title;
    }

    public String getKind() {
        return kind;
    }

    public Integer getParticipants() {
        return participants;
    }

    public String getNote() {
        return note;
    }
}
