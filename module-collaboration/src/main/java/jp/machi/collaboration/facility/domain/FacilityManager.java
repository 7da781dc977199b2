package jp.machi.collaboration.facility.domain;

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
 * 指定管理者: the organisation that manages a {@link Facility} for a period of fiscal years (a
 * registered partner, or a name), and the selection schedule (募集, 選定, 議決, 協定). A child row.
 */
@Entity
@Table(name = "collaboration_facility_manager")
public class FacilityManager extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id", nullable = false)
    private Facility facility;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "partner_id")
    private UUID partnerId;

    @Column(name = "organisation_name", nullable = false, length = 200)
    private String organisationName;

    @Column(name = "corporate_number", length = 13)
    private String corporateNumber;

    @Column(name = "from_year", nullable = false)
    private int fromYear;

    @Column(name = "to_year", nullable = false)
    private int toYear;

    @Column(name = "recruitment_on")
    private LocalDate recruitmentOn;

    @Column(name = "selection_on")
    private LocalDate selectionOn;

    @Column(name = "resolution_on")
    private LocalDate resolutionOn;

    @Column(name = "agreement_on")
    private LocalDate agreementOn;

    protected FacilityManager() {
    }

    FacilityManager(Facility facility, int seq, Facility.Manager m) {
        this.facility = facility;
        this.seq = seq;
        revise(m);
    }

    final void revise(Facility.Manager m) {
        this.partnerId = m.partnerId();
        this.organisationName = m.organisationName();
        this.corporateNumber = m.corporateNumber();
        this.fromYear = m.fromYear();
        this.toYear = m.toYear();
        this.recruitmentOn = m.recruitmentOn();
        this.selectionOn = m.selectionOn();
        this.resolutionOn = m.resolutionOn();
        this.agreementOn = m.agreementOn();
    }

    Facility.Manager toRecord() {
        return new Facility.Manager(partnerId, organisationName, corporateNumber, fromYear, toYear, recruitmentOn,
                selectionOn, resolutionOn, agreementOn);
    }
}
