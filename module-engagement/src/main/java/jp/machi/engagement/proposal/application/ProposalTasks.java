package jp.machi.engagement.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
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
import jp.machi.engagement.proposal.domain.ProposalStatus;

/**
 * まちづくり提言 in 「あなたの対応待ち」: the open ones (受付, 検討中) whose answer is still a draft, for
 * the lead unit and the units considering them with it; the ones routed to no unit, for staff
 * without a unit and administrators; the answers awaiting approval, for holders of
 * {@value EngagementModule#APPROVER}. Only the receipt number and title are read.
 */
@ApplicationScoped
public class ProposalTasks implements TaskSource {

    private static final List<ProposalStatus> OPEN = List.of(ProposalStatus.RECEIVED, ProposalStatus.CONSIDERING);
    private static final String DRAFT = "jp.machi.engagement.voice.domain.AnswerState.DRAFT";
    private static final String PENDING = "jp.machi.engagement.voice.domain.AnswerState.PENDING";

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
            groups.add(group("proposal-to-answer", LocalizedText.of("回答待ちのまちづくり提言", "Citizen proposals to answer"),
                    "p.status IN :open AND p.answerState = " + DRAFT + " AND (p.unitId = :unit OR p.id IN"
                            + " (SELECT c.proposal.id FROM ProposalCoUnit c WHERE c.unitId = :unit))", caller.unitId(), limit));
        }
        if (caller.unitId() == null || caller.has(Role.MUNICIPALITY_ADMIN)) {
            groups.add(group("proposal-to-route", LocalizedText.of("担当課が未定のまちづくり提言", "Citizen proposals without a unit"),
                    "p.status IN :open AND p.answerState = " + DRAFT + " AND p.unitId IS NULL", null, limit));
        }
        if (caller.holds(EngagementModule.APPROVER)) {
            groups.add(group("proposal-answer-to-approve", LocalizedText.of("決裁待ちの提言への回答",
                    "Answers to proposals awaiting approval"), "p.answerState = " + PENDING, null, limit));
        }
        return groups;
    }

    private TaskGroup group(String kind, LocalizedText label, String where, UUID unit, int limit) {
        var em = tenancy.em();
        String from = " FROM CitizenProposal p WHERE p.spam = FALSE AND " + where;
        long total = bind(em.createQuery("SELECT COUNT(p)" + from, Long.class), where, unit).getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : bind(em.createQuery("SELECT p.id, p.receiptNumber, p.title, p.unitId" + from
                    + " ORDER BY p.receivedAt, p.receiptNumber", Object[].class), where, unit).setMaxResults(limit)
                    .getResultList()) {
                items.add(new TaskItem("citizen-proposal", r[0].toString(), (String) r[1], (String) r[2], null, null,
                        false, r[3] == null ? null : UUID.fromString(r[3].toString()),
                        EngagementModule.ID + "/engagement-proposals/" + r[0]));
            }
        }
        return new TaskGroup(kind, label, total, 0, items);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, String where, UUID unit) {
        if (where.contains(":open")) {
            q.setParameter("open", OPEN);
        }
        return unit == null ? q : q.setParameter("unit", unit);
    }
}
