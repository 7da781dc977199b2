package jp.machi.engagement.meeting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.meeting.domain.OpinionStatus;

/**
 * Opinions from town meetings in 「あなたの対応待ち」: those not closed, for the unit they are assigned to;
 * those assigned to no unit, for staff without a unit and administrators.
 */
@ApplicationScoped
public class MeetingTasks implements TaskSource {

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        List<TaskGroup> groups = new ArrayList<>();
        if (caller.unitId() != null) {
            groups.add(group("meeting-opinion-to-close", LocalizedText.of("対応を完了していないタウンミーティングの意見",
                    "Town meeting opinions to close"), "o.unitId = :unit", caller.unitId(), limit));
        }
        if (caller.unitId() == null || caller.has(Role.MUNICIPALITY_ADMIN)) {
            groups.add(group("meeting-opinion-to-route", LocalizedText.of("担当課が未定のタウンミーティングの意見",
                    "Town meeting opinions without a unit"), "o.unitId IS NULL", null, limit));
        }
        return groups;
    }

    private TaskGroup group(String kind, LocalizedText label, String where, UUID unit, int limit) {
        var em = tenancy.em();
        String from = " FROM MeetingOpinion o WHERE o.status <> :closed AND " + where;
        var count = em.createQuery("SELECT COUNT(o)" + from, Long.class).setParameter("closed", OpinionStatus.CLOSED);
        if (unit != null) {
            count.setParameter("unit", unit);
        }
        long total = count.getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            var q = em.createQuery("SELECT o.meeting.id, o.meeting.title, o.seq, o.opinion, o.unitId, o.meeting.fiscalYear" + from
                    + " ORDER BY o.meeting.fiscalYear, o.meeting.title, o.seq", Object[].class)
                    .setParameter("closed", OpinionStatus.CLOSED);
            if (unit != null) {
                q.setParameter("unit", unit);
            }
            for (Object[] r : q.setMaxResults(limit).getResultList()) {
                String text = (String) r[3];
                items.add(new TaskItem("meeting-opinion", r[0] + "#" + r[2], r[1] + " #" + r[2],
                        text.length() > 80 ? text.substring(0, 80) + "…" : text, null, FiscalYear.of((Integer) r[5]), false,
                        r[4] == null ? null : UUID.fromString(r[4].toString()),
                        EngagementModule.ID + "/engagement-meetings/" + r[0]));
            }
        }
        return new TaskGroup(kind, label, total, 0, items);
    }
}
