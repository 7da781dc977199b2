package jp.machi.promotion.marriage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.marriage.domain.MarriageActivityKind;
import jp.machi.promotion.marriage.domain.MarriageSupportActivity;

/** 結婚支援: the marriage-support activities of the municipality a request is about, and a year's totals (summed in the database). */
@ApplicationScoped
@Transactional
public class MarriageSupportService {

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("heldOn", "a.heldOn")
            .field("kind", "a.kind")
            .byDefault("-heldOn");

    @Inject
    Tenancy tenancy;

    public ListQuery<MarriageSupportActivity> list(Integer fiscalYear, MarriageActivityKind kind, Sort sort) {
        return ListQuery.of(tenancy.em(), MarriageSupportActivity.class, "a")
                .when(fiscalYear != null, "a.fiscalYear = :fy", "fy", fiscalYear)
                .when(kind != null, "a.kind = :k", "k", kind)
                .orderBy(sort);
    }

    public MarriageSupportActivity require(UUID id) {
        MarriageSupportActivity a = tenancy.em().find(MarriageSupportActivity.class, id);
        if (a == null) {
            throw ApiException.notFound("promotion.marriage.notFound", id.toString());
        }
        return a;
    }

    public MarriageSupportActivity create(MarriageSupportActivity.Content c) {
        MarriageSupportActivity a = new MarriageSupportActivity(c);
        tenancy.em().persist(a);
        tenancy.em().flush();
        return a;
    }

    public MarriageSupportActivity revise(MarriageSupportActivity a, MarriageSupportActivity.Content c) {
        a.revise(c);
        tenancy.em().flush();
        return a;
    }

    public void delete(MarriageSupportActivity a) {
        tenancy.em().remove(a);
        tenancy.em().flush();
    }

    /** A fiscal year's figures: activities (events, consultations, seminars), participants, couples formed, marriages. */
    public record Totals(long activities, long events, long consultations, long seminars, long participants, long couplesFormed,
            long marriages) {
    }

    public Totals totals(int fiscalYear) {
        Object[] r = tenancy.em().createQuery("SELECT COUNT(a), SUM(CASE WHEN a.kind = :e THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.kind = :c THEN 1 ELSE 0 END), SUM(CASE WHEN a.kind = :s THEN 1 ELSE 0 END),"
                + " COALESCE(SUM(a.participants), 0), COALESCE(SUM(a.couplesFormed), 0), COALESCE(SUM(a.marriages), 0)"
                + " FROM MarriageSupportActivity a WHERE a.fiscalYear = :fy", Object[].class).setParameter("fy", fiscalYear)
                .setParameter("e", MarriageActivityKind.EVENT).setParameter("c", MarriageActivityKind.CONSULTATION)
                .setParameter("s", MarriageActivityKind.SEMINAR).getSingleResult();
        return new Totals(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
