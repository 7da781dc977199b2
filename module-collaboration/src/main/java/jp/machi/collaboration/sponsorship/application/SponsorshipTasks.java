package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;

/**
 * Sponsorship applications in 「あなたの対応待ち」: those to decide (holders of
 * {@value CollaborationModule#APPROVER}), and approved events that ended without the organiser's
 * report (staff). Only the receipt number, event and organiser are read, never the contact.
 */
@ApplicationScoped
public class SponsorshipTasks implements TaskSource {

    private static final LocalizedText TO_DECIDE = LocalizedText.of("審査待ちの後援名義使用承認申請",
            "Sponsorship applications to decide");
    private static final LocalizedText OVERDUE = LocalizedText.of("実績報告が出ていない後援事業", "Sponsored events without a report");

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        List<TaskGroup> groups = new ArrayList<>();
        if (caller.holds(CollaborationModule.APPROVER)) {
            groups.add(group("sponsorship-to-decide", TO_DECIDE, " FROM Sponsorship s WHERE s.state = :state"
                    + " AND s.spamAt IS NULL", SponsorshipState.APPLIED, null, limit, false));
        }
        if (caller.has(Role.STAFF)) {
            groups.add(group("sponsorship-report-overdue", OVERDUE, " FROM Sponsorship s WHERE s.state = :state"
                    + " AND s.reportedOn IS NULL AND s.endsOn < :today", SponsorshipState.APPROVED,
                    PartnerService.today(), limit, true));
        }
        return groups;
    }

    private TaskGroup group(String id, LocalizedText label, String where, SponsorshipState state, LocalDate today,
            int limit, boolean overdue) {
        var em = tenancy.em();
        var count = em.createQuery("SELECT COUNT(s)" + where, Long.class).setParameter("state", state);
        if (today != null) {
            count.setParameter("today", today);
        }
        long total = count.getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            var q = em.createQuery("SELECT s.id, s.receiptNumber, s.eventName, s.organiserName, s.receivedAt, s.endsOn"
                    + where + " ORDER BY " + (overdue ? "s.endsOn" : "s.receivedAt") + ", s.receiptNumber", Object[].class)
                    .setParameter("state", state).setMaxResults(limit);
            if (today != null) {
                q.setParameter("today", today);
            }
            for (Object[] r : q.getResultList()) {
                LocalDate since = overdue ? (LocalDate) r[5]
                        : ((OffsetDateTime) r[4]).atZoneSameInstant(PartnerService.JAPAN).toLocalDate();
                items.add(new TaskItem("collaboration-sponsorship", r[0].toString(), (String) r[1],
                        r[2] + " (" + r[3] + ")", since, null, overdue, null,
                        CollaborationModule.ID + "/collaboration-sponsorships/" + r[0]));
            }
        }
        return new TaskGroup(id, label, total, overdue ? total : 0, items);
    }
}
