package jp.machi.engagement.comment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.comment.domain.ProcedureStatus;
import jp.machi.engagement.voice.application.VoiceService;

/**
 * Public comments in 「あなたの対応待ち」 (ADR 0019): procedures whose period is over and whose
 * results are not published, for staff of the responsible unit, holders of
 * {@value EngagementModule#APPROVER} (who publish) and municipality administrators. The item's due
 * day is the period's last day; counts and the page run in the database.
 */
@ApplicationScoped
public class CommentTasks implements TaskSource {

    private static final LocalizedText LABEL = LocalizedText.of("結果未公表のパブリックコメント",
            "Public comments awaiting their results");

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        boolean everyUnit = caller.holds(EngagementModule.APPROVER) || caller.has(Role.MUNICIPALITY_ADMIN);
        if (!everyUnit && caller.unitId() == null) {
            return List.of();
        }
        LocalDate today = VoiceService.today();
        String from = " FROM CommentProcedure p WHERE p.status = :st AND p.periodEnd < :today"
                + (everyUnit ? "" : " AND p.unitId = :unit");
        var em = tenancy.em();
        var count = em.createQuery("SELECT COUNT(p)" + from, Long.class).setParameter("st", ProcedureStatus.ANNOUNCED)
                .setParameter("today", today);
        var rows = em.createQuery("SELECT p.id, p.title, p.periodEnd, p.unitId" + from + " ORDER BY p.periodEnd, p.title",
                Object[].class).setParameter("st", ProcedureStatus.ANNOUNCED).setParameter("today", today);
        if (!everyUnit) {
            count.setParameter("unit", caller.unitId());
            rows.setParameter("unit", caller.unitId());
        }
        long total = count.getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : rows.setMaxResults(limit).getResultList()) {
                items.add(new TaskItem("public-comment", r[0].toString(), null, (String) r[1], null, null,
                        false, r[3] == null ? null : UUID.fromString(r[3].toString()),
                        EngagementModule.ID + "/engagement-comments/" + r[0]));
            }
        }
        return List.of(new TaskGroup("public-comment-results", LABEL, total, 0, items));
    }
}
