package jp.machi.collaboration.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.facility.domain.Facility;
import jp.machi.collaboration.facility.domain.FacilityKind;
import jp.machi.collaboration.facility.domain.FacilityMonitoring;
import jp.machi.collaboration.facility.domain.FacilityUse;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * Community facilities (地域集会施設) of the municipality a request is about: the facilities with their
 * rooms and designated managers, their monthly use and yearly monitoring. Every change of a child row
 * (rooms, managers, months, monitoring) raises the facility's version, so one ETag guards them all.
 */
@ApplicationScoped
@Transactional
public class FacilityService {

    /** モニタリングの評価項目: the municipality's evaluation items (a module setting). */
    public static final String MONITORING_ITEMS = "facilityMonitoringItems";

    @Inject
    Tenancy tenancy;

    @Inject
    ModuleSettings settings;

    public record Filter(FacilityKind kind, String q) {
    }

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("name", "f.name")
            .nullable("nameKana", "f.nameKana")
            .field("kind", "f.kind")
            .nullable("code", "f.code")
            .byDefault("kind,name");

    public ListQuery<Facility> list(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), Facility.class, "f")
                .where("f.kind = :kind", "kind", f.kind())
                .contains("q", f.q(), "f.name", "f.nameKana", "f.address")
                .orderBy(sort);
    }

    public Facility require(UUID id) {
        Facility f = tenancy.em().find(Facility.class, id);
        if (f == null) {
            throw ApiException.notFound("collaboration.facility.notFound", id.toString());
        }
        return f;
    }

    public Facility create(Facility.Content c) {
        Facility f = new Facility(c);
        tenancy.em().persist(f);
        tenancy.em().flush();
        return f;
    }

    public Facility revise(Facility f, Facility.Content c) {
        if (f.revise(c)) {
            raise(f);
        }
        tenancy.em().flush();
        return f;
    }

    private void raise(Facility f) {
        tenancy.em().lock(f, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    public List<String> monitoringItems() {
        return settings.list(tenancy.code(), CollaborationModule.ID, MONITORING_ITEMS);
    }

    /** The months of a fiscal year with figures, April first. */
    public List<FacilityUse> use(UUID facilityId, FiscalYear fy) {
        return tenancy.em().createQuery("SELECT u FROM FacilityUse u WHERE u.facilityId = :f AND u.fiscalYear = :fy"
                + " ORDER BY u.monthStart", FacilityUse.class).setParameter("f", facilityId)
                .setParameter("fy", fy.startYear()).getResultList();
    }

    public record Month(LocalDate monthStart, int bookings, int users) {
    }

    /** Replaces the fiscal year's months (a month left out has no figures); raises the facility's version when they change. */
    public List<FacilityUse> replaceUse(Facility f, FiscalYear fy, List<Month> months) {
        List<FacilityUse> now = use(f.getId(), fy);
        List<Month> was = now.stream().map(u -> new Month(u.getMonthStart(), u.getBookings(), u.getUsers())).toList();
        List<Month> sorted = months.stream().sorted(java.util.Comparator.comparing(Month::monthStart)).toList();
        if (was.equals(sorted)) {
            return now;
        }
        now.forEach(tenancy.em()::remove);
        tenancy.em().flush();
        List<FacilityUse> out = new ArrayList<>();
        for (Month m : sorted) {
            FacilityUse u = new FacilityUse(f.getId(), fy.startYear(), m.monthStart(), m.bookings(), m.users());
            tenancy.em().persist(u);
            out.add(u);
        }
        raise(f);
        tenancy.em().flush();
        return out;
    }

    public List<FacilityMonitoring> monitorings(UUID facilityId) {
        return tenancy.em().createQuery("SELECT m FROM FacilityMonitoring m WHERE m.facilityId = :f"
                + " ORDER BY m.fiscalYear DESC", FacilityMonitoring.class).setParameter("f", facilityId).getResultList();
    }

    public FacilityMonitoring monitoring(UUID facilityId, FiscalYear fy) {
        return tenancy.em().createQuery("SELECT m FROM FacilityMonitoring m WHERE m.facilityId = :f AND m.fiscalYear = :fy",
                FacilityMonitoring.class).setParameter("f", facilityId).setParameter("fy", fy.startYear())
                .getResultList().stream().findFirst().orElse(null);
    }

    /** Records or replaces a fiscal year's monitoring; the items must be the municipality's; raises the facility's version. */
    public FacilityMonitoring monitor(Facility f, FiscalYear fy, List<FacilityMonitoring.Score> scores, String rating,
            String comment, boolean published) {
        List<String> items = monitoringItems();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            String item = scores.get(i).item();
            if (!items.contains(item)) {
                errors.add(new ApiException.FieldErrorKey("scores[" + i + "].item", "collaboration.facility.itemUnknown",
                        item.length() > 40 ? item.substring(0, 40) + "…" : item, String.join("、", items)));
            } else if (seen.contains(item)) {
                errors.add(new ApiException.FieldErrorKey("scores[" + i + "].item", "collaboration.facility.itemTwice", item));
            }
            seen.add(item);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        FacilityMonitoring m = monitoring(f.getId(), fy);
        if (m == null) {
            m = new FacilityMonitoring(f.getId(), fy.startYear());
            m.revise(scores, rating, comment, published);
            tenancy.em().persist(m);
        } else {
            m.revise(scores, rating, comment, published);
        }
        raise(f);
        tenancy.em().flush();
        return m;
    }

    /** Published monitorings of the municipality (for the portal), latest year first. */
    public List<FacilityMonitoring> published() {
        return tenancy.em().createQuery("SELECT m FROM FacilityMonitoring m WHERE m.published = TRUE"
                + " ORDER BY m.fiscalYear DESC", FacilityMonitoring.class).getResultList();
    }

    /** The municipality's bookings and users of a fiscal year, summed in the database; null when no month has figures. */
    public long[] sums(FiscalYear fy) {
        Object[] r = tenancy.em().createQuery("SELECT COUNT(u), SUM(u.bookings), SUM(u.users) FROM FacilityUse u"
                + " WHERE u.fiscalYear = :fy", Object[].class).setParameter("fy", fy.startYear()).getSingleResult();
        if (((Number) r[0]).longValue() == 0) {
            return null;
        }
        return new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()};
    }

    /** Facilities whose monitoring of {@code fy} is not recorded yet (for the task list). */
    public List<Facility> monitoringDue(FiscalYear fy) {
        return tenancy.em().createQuery("SELECT f FROM Facility f WHERE NOT EXISTS (SELECT m FROM FacilityMonitoring m"
                + " WHERE m.facilityId = f.id AND m.fiscalYear = :fy) ORDER BY f.name", Facility.class)
                .setParameter("fy", fy.startYear()).getResultList();
    }
}
