package jp.machi.promotion.onestop.domain;

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
import jp.machi.core.persistence.TenantOwned;

/**
 * 申告特例申請事項変更届出書: a change to a one-stop application received later (a child row): what
 * changed (address, name), the residence municipality before and after; the new address or name
 * itself goes to the donor's record (personal data), never here.
 */
@Entity
@Table(name = "promotion_one_stop_change")
public class OneStopChange extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private OneStopApplication application;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    /** What changed: ADDRESS, NAME or both, comma-separated. */
    @Column(name = "kinds", nullable = false, length = 40)
    private String kinds;

    @Column(name = "residence_code_before", length = 6)
    private String residenceCodeBefore;

    @Column(name = "residence_name_before", length = 100)
    private String residenceNameBefore;

    @Column(name = "residence_code_after", length = 6)
    private String residenceCodeAfter;

    @Column(name = "residence_name_after", length = 100)
    private String residenceNameAfter;

    @Column(name = "note", length = 1000)
    private String note;

    protected OneStopChange() {
    }

    OneStopChange(OneStopApplication application, LocalDate receivedOn, String kinds, String codeBefore, String nameBefore,
            String codeAfter, String nameAfter, String note) {
        this.application = application;
        this.receivedOn = receivedOn;
        this.kinds = kinds;
        this.residenceCodeBefore = codeBefore;
        this.residenceNameBefore = nameBefore;
        this.residenceCodeAfter = codeAfter;
        this.residenceNameAfter = nameAfter;
        this.note = note;
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getKinds() {
        return kinds;
    }

    public String getResidenceCodeBefore() {
        return residenceCodeBefore;
    }

    public String getResidenceNameBefore() {
        return residenceNameBefore;
    }

    public String getResidenceCodeAfter() {
        return residenceCodeAfter;
    }

    public String getResidenceNameAfter() {
        return residenceNameAfter;
    }

    public String getNote() {
        return note;
    }
}
