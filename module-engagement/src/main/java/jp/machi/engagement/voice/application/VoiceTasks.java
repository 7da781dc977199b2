package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.ZoneId;
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
import jp.machi.engagement.voice.domain.VoiceReminder;
import jp.machi.engagement.voice.domain.VoiceStatus;

/**
 * Citizen voices in 「あなたの対応待ち」 (ADR 0019): the open ones (受付, 担当課回答中) routed to the
 * caller's unit as lead unit or shared with it as a co-unit (共管課), to answer; and, for a staff member without a unit or an administrator, the open
 * ones routed to no unit yet, to route; for holders of {@value EngagementModule#APPROVER}, the
 * answers submitted for approval (決裁待ち). A voice whose answer waits for approval no longer waits
 * for its unit, and voices filed as spam wait for nobody. Overdue ones (past 回答期限) come first and
 * are flagged. Counts and the listed page run in the database; only the subject is read, never the
 * sender.
 */
@ApplicationScoped
public class VoiceTasks implements TaskSource {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private static final List<VoiceStatus> OPEN = List.of(VoiceStatus.RECEIVED, VoiceStatus.IN_PROGRESS);

    private static final LocalizedText TO_ANSWER = LocalizedText.of("回答待ちの市民の声", "Citizen voices to answer");

    private static final LocalizedText TO_ROUTE = LocalizedText.of("担当課が未定の市民の声", "Citizen voices without a unit");

    private static final LocalizedText TO_APPROVE = LocalizedText.of("決裁待ちの回答", "Answers awaiting approval");

    private static final String PENDING = "jp.machi.engagement.voice.domain.AnswerState.PENDING";

    @Inject
    Tenancy tenancy;

    @Inject
    VoiceRoutings routings;

    @Inject
    VoiceReminders reminders;

    @Override
    public String moduleId() {
        return EngagementModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        List<TaskGroup> groups = new ArrayList<>();
        LocalDate today = LocalDate.now(JAPAN);
        if (caller.unitId() != null) {
            List<UUID> shared = routings.sharedWith(caller.unitId());
            groups.add(group("voice-to-answer", TO_ANSWER, (shared.isEmpty() ? "v.unitId = :unit"
                    : "(v.unitId = :unit OR v.id IN :shared)") + " AND v.answerState <> " + PENDING,
                    caller.unitId(), shared, today, limit));
        }
        if (caller.unitId() == null || caller.has(Role.MUNICIPALITY_ADMIN)) {
            groups.add(group("voice-to-route", TO_ROUTE, "v.unitId IS NULL AND v.answerState <> " + PENDING, null,
                    List.of(), today, limit));
        }
        if (caller.unitId() != null) {
            List<UUID> warned = reminders.remindedOf(VoiceReminder.Stage.WARNING);
            if (!warned.isEmpty()) {
                groups.add(group("voice-due-soon", VoiceReminder.Stage.WARNING.label(),
                        "v.unitId = :unit AND v.id IN :shared", caller.unitId(), warned, today, limit));
            }
            List<UUID> escalated = reminders.remindedOf(VoiceReminder.Stage.ESCALATION);
            if (!escalated.isEmpty()) {
                if (reminders.isOfficeUnit(caller.unitId(), today)) {
                    groups.add(group("voice-escalated", VoiceReminder.Stage.ESCALATION.label(), "v.id IN :shared", null,
                            escalated, today, limit));
                } else if (caller.holds(EngagementModule.UNIT_HEAD)) {
                    groups.add(group("voice-escalated", VoiceReminder.Stage.ESCALATION.label(),
                            "v.unitId = :unit AND v.id IN :shared", caller.unitId(), escalated, today, limit));
                }
            }
        }
        if (caller.holds(EngagementModule.APPROVER)) {
            groups.add(group("voice-answer-to-approve", TO_APPROVE, "v.answerState = " + PENDING, null, List.of(), today,
                    limit));
        }
        return groups;
    }

    private TaskGroup group(String kind, LocalizedText label, String where, UUID unit, List<UUID> shared, LocalDate today,
            int limit) {
        EntityManager em = tenancy.em();
        String from = " FROM CitizenVoice v WHERE v.status IN :open AND v.spam = FALSE AND " + where;
        long total = bind(em.createQuery("SELECT COUNT(v)" + from, Long.class), unit, shared).getSingleResult();
        long overdue = total == 0 ? 0 : bind(em.createQuery("SELECT COUNT(v)" + from + " AND v.answerDue < :today",
                Long.class), unit, shared).setParameter("today", today).getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : bind(em.createQuery("SELECT v.id, v.receiptNumber, v.subject, v.answerDue, v.unitId" + from
                    + " ORDER BY v.answerDue, v.receivedAt, v.receiptNumber", Object[].class), unit, shared)
                    .setMaxResults(limit).getResultList()) {
                LocalDate due = (LocalDate) r[3];
                items.add(new TaskItem("citizen-voice", r[0].toString(), (String) r[1], (String) r[2], due, null,
                        due.isBefore(today), r[4] == null ? null : UUID.fromString(r[4].toString()), EngagementModule.ID + "/engagement-voices/" + r[0]));
            }
        }
        return new TaskGroup(kind, label, total, overdue, items);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, UUID unit, List<UUID> shared) {
        q.setParameter("open", OPEN);
        if (!shared.isEmpty()) {
            q.setParameter("shared", shared);
        }
        return unit == null ? q : q.setParameter("unit", unit);
    }
}
