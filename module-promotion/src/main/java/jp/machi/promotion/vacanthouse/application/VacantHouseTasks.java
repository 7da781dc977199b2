package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.vacanthouse.domain.VacantHouseState;

/**
 * The vacant-house bank in 「あなたの対応待ち」 (ADR 0019): site surveys to do (applications, by the day
 * the survey is due; overdue after it) for staff, and registrations that run out within 30 days (or
 * ran out) for holders of {@value PromotionModule#VACANT_HOUSE_REGISTRAR}. Only the title is read,
 * never the owner.
 */
@ApplicationScoped
public class VacantHouseTasks implements TaskSource {

    static final int EXPIRING_WITHIN_DAYS = 30;
    private static final LocalizedText SURVEYS = LocalizedText.of("現地調査待ちの空き家バンク申込", "Vacant-house surveys to do");
    private static final LocalizedText EXPIRING = LocalizedText.of("登録期限が近い空き家バンク物件", "Vacant-house registrations running out");

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        if (!caller.has(Role.STAFF)) {
            return List.of();
        }
        LocalDate today = VacantHouseService.today();
        List<TaskGroup> groups = new ArrayList<>();
        groups.add(group("vacant-house-survey", SURVEYS, " FROM VacantHouse v WHERE v.state = :state", "v.surveyDue",
                List.of(VacantHouseState.APPLIED), null, today, limit));
        if (caller.holds(PromotionModule.VACANT_HOUSE_REGISTRAR)) {
            groups.add(group("vacant-house-expiring", EXPIRING, " FROM VacantHouse v WHERE v.state IN :state AND v.expiresOn <= :until",
                    "v.expiresOn", List.of(VacantHouseState.REGISTERED, VacantHouseState.PUBLISHED, VacantHouseState.NEGOTIATING,
                            VacantHouseState.EXPIRED), today.plusDays(EXPIRING_WITHIN_DAYS), today, limit));
        }
        return groups.stream().filter(g -> g.total() > 0).toList();
    }

    private TaskGroup group(String kind, LocalizedText label, String where, String due, List<VacantHouseState> states,
            LocalDate until, LocalDate today, int limit) {
        var em = tenancy.em();
        var count = em.createQuery("SELECT COUNT(v)" + where, Long.class).setParameter("state", states.size() == 1 ? states.get(0) : states);
        var overdue = em.createQuery("SELECT COUNT(v)" + where + " AND " + due + " < :today", Long.class)
                .setParameter("state", states.size() == 1 ? states.get(0) : states).setParameter("today", today);
        var rows = em.createQuery("SELECT v.id, v.title, " + due + where + " ORDER BY " + due + ", v.id", Object[].class)
                .setParameter("state", states.size() == 1 ? states.get(0) : states).setMaxResults(limit);
        if (until != null) {
            count.setParameter("until", until);
            overdue.setParameter("until", until);
            rows.setParameter("until", until);
        }
        long total = count.getSingleResult();
        long late = total == 0 ? 0 : overdue.getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : rows.getResultList()) {
                LocalDate d = (LocalDate) r[2];
                items.add(new TaskItem("promotion-vacant-house", r[0].toString(), null, (String) r[1], d, null, d.isBefore(today), null,
                        PromotionModule.ID + "/promotion-vacant-houses/" + r[0]));
            }
        }
        return new TaskGroup(kind, label, total, late, items);
    }
}
