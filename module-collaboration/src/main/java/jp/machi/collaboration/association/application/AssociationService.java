package jp.machi.collaboration.association.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jp.machi.collaboration.association.domain.Association;
import jp.machi.collaboration.association.domain.AssociationYear;
import jp.machi.collaboration.association.domain.MembershipRate;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** Neighbourhood associations (自治会・町内会) and their yearly figures, of the municipality a request is about. */
@ApplicationScoped
@Transactional
public class AssociationService {

    @Inject
    Tenancy tenancy;

    public record Filter(String district, String q) {
    }

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("name", "a.name")
            .nullable("nameKana", "a.nameKana")
            .field("district", "a.district")
            .byDefault("district");

    public ListQuery<Association> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), Association.class, "a")
                .where("a.district = :district", "district", f.district())
                .contains("q", f.q(), "a.name", "a.nameKana", "a.district")
                .orderBy(sort);
    }

    public Association require(UUID id) {
        Association a = tenancy.em().find(Association.class, id);
        if (a == null) {
            throw ApiException.notFound("collaboration.association.notFound", id.toString());
        }
        return a;
    }

    public Association create(Association.Content c) {
        Association a = new Association(c);
        tenancy.em().persist(a);
        tenancy.em().flush();
        return a;
    }

    public Association revise(Association a, Association.Content c) {
        a.revise(c);
        tenancy.em().flush();
        return a;
    }

    public List<AssociationYear> years(UUID associationId) {
        return tenancy.em().createQuery("SELECT y FROM AssociationYear y WHERE y.associationId = :a ORDER BY y.fiscalYear DESC",
                AssociationYear.class).setParameter("a", associationId).getResultList();
    }

    public AssociationYear year(UUID associationId, FiscalYear fy) {
        return tenancy.em().createQuery("SELECT y FROM AssociationYear y WHERE y.associationId = :a AND y.fiscalYear = :fy",
                AssociationYear.class).setParameter("a", associationId).setParameter("fy", fy.startYear())
                .getResultList().stream().findFirst().orElse(null);
    }

    public AssociationYear requireYear(UUID associationId, FiscalYear fy) {
        AssociationYear y = year(associationId, fy);
        if (y == null) {
            throw ApiException.notFound("collaboration.association.yearNotFound", fy.japaneseLabel());
        }
        return y;
    }

    /** Records a fiscal year's figures; 409 when that year is recorded already (change it with PUT). */
    public AssociationYear record(Association a, FiscalYear fy, int households, int members, long subsidy) {
        if (year(a.getId(), fy) != null) {
            throw ApiException.conflict("duplicate", "collaboration.association.yearExists", a.getName(), fy.japaneseLabel());
        }
        AssociationYear y = new AssociationYear(a.getId(), fy.startYear(), households, members, subsidy);
        tenancy.em().persist(y);
        tenancy.em().flush();
        return y;
    }

    public AssociationYear revise(AssociationYear y, int households, int members, long subsidy) {
        y.revise(households, members, subsidy);
        tenancy.em().flush();
        return y;
    }

    /** One association's figures in a membership table. */
    public record Row(UUID associationId, String name, String district, boolean invented, MembershipRate figures,
            long subsidyPaid) {
    }

    /** A fiscal year's membership: per association (by district, name), per district, the municipality. */
    public record Membership(FiscalYear fiscalYear, List<Row> associations, Map<String, MembershipRate> districts,
            Map<String, Long> districtSubsidies, MembershipRate total, long subsidies) {
    }

    /**
     * The membership of {@code fy}, summed in the database per association; the district and
     * municipality rates are the rates of the sums.
     */
    public Membership membership(FiscalYear fy) {
        List<Object[]> rows = tenancy.em().createQuery("SELECT a.id, a.name, a.district, a.invented, y.households,"
                + " y.memberHouseholds, y.subsidyPaid FROM AssociationYear y, Association a WHERE a.id = y.associationId"
                + " AND y.fiscalYear = :fy ORDER BY a.district, a.name", Object[].class)
                .setParameter("fy", fy.startYear()).getResultList();
        List<Row> list = new ArrayList<>();
        Map<String, MembershipRate> districts = new TreeMap<>();
        Map<String, Long> subsidies = new TreeMap<>();
        MembershipRate total = new MembershipRate(0, 0);
        long paid = 0;
        for (Object[] r : rows) {
            MembershipRate m = new MembershipRate(((Number) r[4]).longValue(), ((Number) r[5]).longValue());
            long s = ((Number) r[6]).longValue();
            String district = (String) r[2];
            list.add(new Row((UUID) r[0], (String) r[1], district, (Boolean) r[3], m, s));
            districts.merge(district, m, MembershipRate::plus);
            subsidies.merge(district, s, Long::sum);
            total = total.plus(m);
            paid += s;
        }
        return new Membership(fy, list, new LinkedHashMap<>(districts), new LinkedHashMap<>(subsidies), total, paid);
    }

    /** The municipality's sums of a year straight from the database: households, members, subsidies. */
    public long[] sums(FiscalYear fy) {
        Object[] r = tenancy.em().createQuery("SELECT COUNT(y), SUM(y.households), SUM(y.memberHouseholds),"
                + " SUM(y.subsidyPaid) FROM AssociationYear y WHERE y.fiscalYear = :fy", Object[].class)
                .setParameter("fy", fy.startYear()).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue(),
            r[2] == null ? 0 : ((Number) r[2]).longValue(), r[3] == null ? 0 : ((Number) r[3]).longValue()};
    }
}
