package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.Donor;

/** 寄附者: the donors of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class DonorService {

    @Inject
    Tenancy tenancy;

    /** Donors are sorted by when they were registered (never by name: a sort would reveal what the mask hides). */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("createdAt", "d.createdAt")
            .byDefault("-createdAt");

    /**
     * The donors, as a query run in the database. There is deliberately no filter by name, e-mail or
     * phone: those would put personal data into URLs and access logs (a resident's records are found
     * through core's residents' data requests, whose body is a POST).
     */
    public ListQuery<Donor> list(Boolean anonymised, Sort sort) {
        return ListQuery.of(tenancy.em(), Donor.class, "d")
                .when(Boolean.TRUE.equals(anonymised), "d.anonymisedAt IS NOT NULL")
                .when(Boolean.FALSE.equals(anonymised), "d.anonymisedAt IS NULL")
                .orderBy(sort);
    }

    public Donor require(UUID id) {
        Donor d = tenancy.em().find(Donor.class, id);
        if (d == null) {
            throw ApiException.notFound("promotion.donor.notFound", id.toString());
        }
        return d;
    }

    public Donor create(Donor.Person p) {
        Donor d = new Donor(p, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(d);
        tenancy.em().flush();
        return d;
    }

    public Donor revise(Donor d, Donor.Person p) {
        if (d.getAnonymisedAt() != null) {
            throw ApiException.conflict("donor-anonymised", "promotion.donor.anonymised");
        }
        d.revise(p);
        tenancy.em().flush();
        return d;
    }

    public long donations(UUID donorId) {
        return tenancy.em().createQuery("SELECT COUNT(x) FROM Donation x WHERE x.donorId = :d", Long.class)
                .setParameter("d", donorId).getSingleResult();
    }

    /** The number of donations of each of {@code donorIds}, in one query (donors without any are left out). */
    public java.util.Map<UUID, Long> donations(java.util.Collection<UUID> donorIds) {
        java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
        if (donorIds.isEmpty()) {
            return counts;
        }
        for (Object[] r : tenancy.em().createQuery("SELECT x.donorId, COUNT(x) FROM Donation x WHERE x.donorId IN :ids"
                + " GROUP BY x.donorId", Object[].class).setParameter("ids", donorIds).getResultList()) {
            counts.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** A donor with donations stays (the donations are records the municipality keeps); one without may go. */
    public void delete(Donor d) {
        long n = donations(d.getId());
        if (n > 0) {
            throw ApiException.conflict("donor-has-donations", "promotion.donor.hasDonations", String.valueOf(n));
        }
        long a = tenancy.em().createQuery("SELECT COUNT(x) FROM OneStopApplication x WHERE x.donorId = :d", Long.class)
                .setParameter("d", d.getId()).getSingleResult();
        if (a > 0) {
            throw ApiException.conflict("donor-has-one-stop", "promotion.donor.hasOneStop", String.valueOf(a));
        }
        tenancy.em().remove(d);
        tenancy.em().flush();
    }
}
