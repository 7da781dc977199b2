package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.DonationUse;

/** 寄附金の使途: the uses of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class DonationUseService {

    @Inject
    Tenancy tenancy;

    /** The fields a list of uses may be sorted by ({@code ?sort=}); by their order by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("sortOrder", "u.sortOrder")
            .field("name", "u.name")
            .byDefault("sortOrder");

    /** The uses, only those offered now (or only those not) when {@code active} is given, as a query run in the database. */
    public ListQuery<DonationUse> list(Boolean active, String q, Sort sort) {
        return ListQuery.of(tenancy.em(), DonationUse.class, "u")
                .when(active != null, "u.active = :active", "active", active)
                .contains("q", q, "u.name", "u.description")
                .orderBy(sort);
    }

    public DonationUse require(UUID id) {
        DonationUse u = tenancy.em().find(DonationUse.class, id);
        if (u == null) {
            throw ApiException.notFound("promotion.use.notFound", id.toString());
        }
        return u;
    }

    public DonationUse create(String name, String description, boolean active, int sortOrder) {
        unique(name, null);
        DonationUse u = new DonationUse(name, description, active, sortOrder);
        tenancy.em().persist(u);
        tenancy.em().flush();
        return u;
    }

    public DonationUse revise(DonationUse u, String name, String description, boolean active, int sortOrder) {
        unique(name, u.getId());
        u.revise(name, description, active, sortOrder);
        tenancy.em().flush();
        return u;
    }

    /** Only while no donation chose it: the donations keep what was chosen (409 otherwise; set it inactive instead). */
    public void delete(DonationUse u) {
        long n = tenancy.em().createQuery("SELECT COUNT(x) FROM Donation x WHERE x.useId = :id", Long.class)
                .setParameter("id", u.getId()).getSingleResult();
        if (n > 0) {
            throw ApiException.conflict("in-use", "promotion.use.inUse", String.valueOf(n));
        }
        long r = tenancy.em().createQuery("SELECT COUNT(x) FROM UseReportLine x WHERE x.useId = :id", Long.class)
                .setParameter("id", u.getId()).getSingleResult();
        if (r > 0) {
            throw ApiException.conflict("in-use", "promotion.use.reported", String.valueOf(r));
        }
        tenancy.em().remove(u);
        tenancy.em().flush();
    }

    private void unique(String name, UUID self) {
        boolean taken = tenancy.em().createNamedQuery("DonationUse.byName", DonationUse.class).setParameter("name", name)
                .getResultList().stream().anyMatch(u -> !u.getId().equals(self));
        if (taken) {
            throw ApiException.conflict("duplicate", "promotion.use.exists", name);
        }
    }
}
