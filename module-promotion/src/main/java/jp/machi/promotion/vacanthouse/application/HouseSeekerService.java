package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.HouseSeeker;
import jp.machi.promotion.vacanthouse.domain.HouseSeekerState;

/**
 * 空き家バンクの利用登録: people looking for a house in the municipality a request is about. Staff
 * approve a registration (it runs for the registration period of properties, the setting
 * {@code vacantHouseRegistrationYears}) or refuse it with a reason; both once.
 */
@ApplicationScoped
@Transactional
public class HouseSeekerService {

    /** Receipt numbers of registrations from the portal: H-R6-000001. */
    public static final IntakeSeries SERIES = new IntakeSeries("promotion.house-seeker", "H");

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("appliedOn", "s.appliedOn")
            .field("expiresOn", "s.expiresOn")
            .field("budget", "s.budget")
            .byDefault("-appliedOn");

    @Inject
    Tenancy tenancy;

    @Inject
    VacantHouseService houses;

    public ListQuery<HouseSeeker> list(HouseSeekerState state, DealType dealType, Sort sort) {
        return ListQuery.of(tenancy.em(), HouseSeeker.class, "s")
                .when(state != null, "s.state = :state", "state", state)
                .when(dealType != null, "s.dealType IN :deal", "deal", VacantHouseService.matching(dealType))
                .orderBy(sort);
    }

    public HouseSeeker require(UUID id) {
        HouseSeeker s = tenancy.em().find(HouseSeeker.class, id);
        if (s == null) {
            throw ApiException.notFound("promotion.houseSeeker.notFound", id.toString());
        }
        return s;
    }

    public HouseSeeker register(String receiptNumber, HouseSeeker.Person p, HouseSeeker.Wish w) {
        HouseSeeker s = new HouseSeeker(receiptNumber, p, w, VacantHouseService.today(), OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(s);
        tenancy.em().flush();
        return s;
    }

    /** Approves (from today, for the registration period) or refuses (a reason required) a registration not yet decided. */
    public HouseSeeker decide(HouseSeeker s, boolean approve, String reason) {
        if (s.getState() != HouseSeekerState.APPLIED) {
            throw ApiException.conflict("house-seeker-decided", "promotion.houseSeeker.decided");
        }
        if (s.getAnonymisedAt() != null) {
            throw ApiException.conflict("house-seeker-anonymised", "promotion.houseSeeker.anonymised");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (approve) {
            s.approve(VacantHouseService.today(), houses.registrationYears(), now);
        } else {
            if (reason == null) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("reason", "promotion.houseSeeker.reasonRequired")));
            }
            s.refuse(reason, now);
        }
        tenancy.em().flush();
        return s;
    }

    /**
     * Renews a registration (登録の更新): registered again from today for the registration period of properties
     * (the setting {@code vacantHouseRegistrationYears}), as a property's renewal is; an expired one too. Only a
     * registered (approved) seeker.
     */
    public HouseSeeker renew(HouseSeeker s) {
        if (s.getAnonymisedAt() != null) {
            throw ApiException.conflict("house-seeker-anonymised", "promotion.houseSeeker.anonymised");
        }
        if (s.getState() != HouseSeekerState.APPROVED) {
            throw ApiException.conflict("house-seeker-not-registered", "promotion.houseSeeker.notRegistered");
        }
        s.renew(VacantHouseService.today(), houses.registrationYears());
        // A renewal raises the version even when it ends on the same day as before (renewed twice in a day): of
        // two renewals sent with one ETag, one is done and the other told (412).
        tenancy.em().lock(s, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        tenancy.em().flush();
        return s;
    }

    /** Registrations approved in a fiscal year, counted in the database. */
    public long approved(int fiscalYear) {
        return tenancy.em().createQuery("SELECT COUNT(s) FROM HouseSeeker s WHERE s.approvedFiscalYear = :fy", Long.class)
                .setParameter("fy", fiscalYear).getSingleResult();
    }
}
