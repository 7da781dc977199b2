package jp.machi.collaboration.partner.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.domain.PartnerState;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;

/**
 * Registration applications in 「あなたの対応待ち」 (ADR 0019) for holders of
 * {@value CollaborationModule#APPROVER}: those 申請中 and not filed as spam, the oldest first. Only
 * the receipt number and the organisation's name are read, never its contacts.
 */
@ApplicationScoped
public class PartnerTasks implements TaskSource {

    private static final LocalizedText TO_DECIDE = LocalizedText.of("審査待ちの団体登録申請", "Partner registrations to decide");

    private static final String WHERE = " FROM Partner p WHERE p.state = :state AND p.spamAt IS NULL";

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        if (!caller.holds(CollaborationModule.APPROVER)) {
            return List.of();
        }
        var em = tenancy.em();
        long total = em.createQuery("SELECT COUNT(p)" + WHERE, Long.class)
                .setParameter("state", PartnerState.APPLIED).getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : em.createQuery("SELECT p.id, p.receiptNumber, p.name, p.receivedAt" + WHERE
                    + " ORDER BY p.receivedAt, p.receiptNumber", Object[].class)
                    .setParameter("state", PartnerState.APPLIED).setMaxResults(limit).getResultList()) {
                items.add(new TaskItem("collaboration-partner", r[0].toString(), (String) r[1], (String) r[2],
                        ((OffsetDateTime) r[3]).atZoneSameInstant(PartnerService.JAPAN).toLocalDate(), null, false, null,
                        CollaborationModule.ID + "/collaboration-partners/" + r[0]));
            }
        }
        return List.of(new TaskGroup("partner-registration-to-decide", TO_DECIDE, total, 0, items));
    }
}
