package jp.machi.collaboration.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;

/**
 * モニタリング未実施 in 「あなたの対応待ち」 (staff): facilities that had a designated manager in the fiscal
 * year that has just ended and no monitoring of that year yet. Due by the end of June (the first
 * quarter after the year), overdue after it.
 */
@ApplicationScoped
public class FacilityTasks implements TaskSource {

    private static final LocalizedText DUE = LocalizedText.of("モニタリング未実施の集会施設", "Facilities whose monitoring is due");

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        if (!caller.has(Role.STAFF)) {
            return List.of();
        }
        LocalDate today = PartnerService.today();
        FiscalYear last = FiscalYear.containing(today).previous();
        LocalDate due = last.lastDay().plusMonths(3);
        String where = " FROM Facility f WHERE EXISTS (SELECT m FROM FacilityManager m WHERE m.facility = f"
                + " AND m.fromYear <= :fy AND m.toYear >= :fy) AND NOT EXISTS (SELECT x FROM FacilityMonitoring x"
                + " WHERE x.facilityId = f.id AND x.fiscalYear = :fy)";
        var em = tenancy.em();
        long total = em.createQuery("SELECT COUNT(f)" + where, Long.class).setParameter("fy", last.startYear())
                .getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        boolean overdue = today.isAfter(due);
        if (total > 0) {
            for (Object[] r : em.createQuery("SELECT f.id, f.name" + where + " ORDER BY f.name", Object[].class)
                    .setParameter("fy", last.startYear()).setMaxResults(limit).getResultList()) {
                items.add(new TaskItem("collaboration-facility", r[0].toString(), null, (String) r[1], due, last, overdue,
                        null, CollaborationModule.ID + "/collaboration-facilities/" + (UUID) r[0]));
            }
        }
        return List.of(new TaskGroup("facility-monitoring-due", DUE, total, overdue ? total : 0, items));
    }
}
