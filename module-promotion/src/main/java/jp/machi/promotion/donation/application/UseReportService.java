package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.UseReport;

/** 寄附金の活用報告: the use reports of the municipality a request is about, and the donations received per use (summed in the database). */
@ApplicationScoped
@Transactional
public class UseReportService {

    public static final Sort.Fields SORT = Sort.Fields.of().field("fiscalYear", "r.fiscalYear").byDefault("-fiscalYear");

    @Inject
    Tenancy tenancy;

    public ListQuery<UseReport> list(boolean publishedOnly, Sort sort) {
        return ListQuery.of(tenancy.em(), UseReport.class, "r").when(publishedOnly, "r.publishedOn IS NOT NULL").orderBy(sort);
    }

    public UseReport require(UUID id) {
        UseReport r = tenancy.em().find(UseReport.class, id);
        if (r == null) {
            throw ApiException.notFound("promotion.useReport.notFound", id.toString());
        }
        return r;
    }

    /** A published report; any other answers 404 exactly like a missing one. */
    public UseReport requirePublished(UUID id) {
        UseReport r = tenancy.em().find(UseReport.class, id);
        if (r == null || r.getPublishedOn() == null) {
            throw ApiException.notFound("promotion.useReport.notFound", id.toString());
        }
        return r;
    }

    public UseReport create(UseReport.Content c) {
        check(c, null);
        UseReport r = new UseReport(c);
        tenancy.em().persist(r);
        tenancy.em().flush();
        return r;
    }

    public UseReport revise(UseReport r, UseReport.Content c) {
        check(c, r.getId());
        r.revise(c);
        tenancy.em().flush();
        return r;
    }

    public void delete(UseReport r) {
        tenancy.em().remove(r);
        tenancy.em().flush();
    }

    private void check(UseReport.Content c, UUID self) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            if (tenancy.em().find(DonationUse.class, c.lines().get(i).useId()) == null) {
                errors.add(new ApiException.FieldErrorKey("lines[" + i + "].useId", "promotion.use.notFound", c.lines().get(i).useId().toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean taken = tenancy.em().createQuery("SELECT r.id FROM UseReport r WHERE r.fiscalYear = :y", UUID.class)
                .setParameter("y", c.fiscalYear()).getResultList().stream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw ApiException.conflict("duplicate", "promotion.useReport.exists", String.valueOf(c.fiscalYear()));
        }
    }

    /** The uses by id (one query). */
    public Map<UUID, DonationUse> uses() {
        Map<UUID, DonationUse> out = new HashMap<>();
        tenancy.em().createQuery("SELECT u FROM DonationUse u", DonationUse.class).getResultList().forEach(u -> out.put(u.getId(), u));
        return out;
    }

    /** The donations received in a fiscal year per use: amount and count (one query). */
    public Map<UUID, long[]> received(int fiscalYear) {
        Map<UUID, long[]> out = new HashMap<>();
        for (Object[] r : tenancy.em().createQuery("SELECT x.useId, COALESCE(SUM(x.amount), 0), COUNT(x) FROM Donation x"
                + " WHERE x.fiscalYear = :fy AND x.useId IS NOT NULL GROUP BY x.useId", Object[].class).setParameter("fy", fiscalYear).getResultList()) {
            out.put((UUID) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        return out;
    }
}
