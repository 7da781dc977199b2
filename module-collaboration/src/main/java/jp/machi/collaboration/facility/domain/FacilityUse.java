package jp.machi.collaboration.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 利用状況: a facility's bookings (利用件数) and users (利用者数) of one month. A child row of the
 * facility: the months of a fiscal year are written together, under the facility's ETag.
 */
@Entity
@Table(name = "collaboration_facility_use")
public class FacilityUse extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "facility_id", nullable = false, updatable = false)
    private UUID facilityId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "month_start", nullable = false, updatable = false)
    private LocalDate monthStart;

    @Column(name = "bookings", nullable = false)
    private int bookings;

    @Column(name = "users", nullable = false)
    private int users;

    protected FacilityUse() {
    }

    public FacilityUse(UUID facilityId, int fiscalYear, LocalDate monthStart, int bookings, int users) {
        this.facilityId = facilityId;
        this.fiscalYear = fiscalYear;
        this.monthStart = monthStart;
        this.bookings = bookings;
        this.users = users;
    }

    public UUID getFacilityId() {
        return facilityId;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public LocalDate getMonthStart() {
        return monthStart;
    }

    public int getBookings() {
        return bookings;
    }

    public int getUsers() {
        return users;
    }
}
