package jp.machi.collaboration.grant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;

/**
 * Grant applications in 「あなたの対応待ち」: to check for completeness (受付 — every staff member), waiting
 * for the caller's scores (審査中 and not yet scored by them — every staff member), decisions to take
 * (審査中 with scores — holders of {@value CollaborationModule#APPROVER}), and result reports overdue
 * (採択, not settled, {@link #REPORT_DAYS} days after the end of the fiscal year). Only the receipt
 * number, the organisation and the project are read.
 */
@ApplicationScoped
public class GrantTasks implements TaskSource {

    /** 実績報告: due this many days after the fiscal year ends (30 April). */
    public static final int REPORT_DAYS = 30;

    private static final LocalizedText TO_CHECK = LocalizedText.of("形式審査待ちの補助金申請", "Grant applications to check");
    private static final LocalizedText TO_SCORE = LocalizedText.of("あなたの評点待ちの補助金申請", "Grant applications waiting for your scores");
    private static final LocalizedText TO_DECIDE = LocalizedText.of("採否の決定待ちの補助金申請", "Grant applications to decide");
    private static final LocalizedText REPORTS = LocalizedText.of("実績報告の期限を過ぎた補助金", "Grants with overdue result reports");

    private static final String SELECT = "SELECT a.id, a.receiptNumber, a.applicantName, a.projectTitle, a.receivedOn, a.fiscalYear";

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        List<TaskGroup> groups = new ArrayList<>();
        groups.add(group("grant-application-to-check", TO_CHECK, " FROM GrantApplication a WHERE a.state = :s",
                GrantApplicationState.SUBMITTED, null, null, limit, false));
        groups.add(group("grant-application-to-score", TO_SCORE, " FROM GrantApplication a WHERE a.state = :s AND NOT EXISTS"
                + " (SELECT g.id FROM GrantScore g WHERE g.application = a AND g.reviewerId = :me)",
                GrantApplicationState.UNDER_REVIEW, caller.id(), null, limit, false));
        if (caller.holds(CollaborationModule.APPROVER)) {
            groups.add(group("grant-application-to-decide", TO_DECIDE, " FROM GrantApplication a WHERE a.state = :s AND EXISTS"
                    + " (SELECT g.id FROM GrantScore g WHERE g.application = a)",
                    GrantApplicationState.UNDER_REVIEW, null, null, limit, false));
        }
        // A fiscal year N ends on 31 March N+1: its reports are due REPORT_DAYS later.
        LocalDate today = PartnerService.today();
        int lastOverdueYear = FiscalYear.containing(today.minusDays(REPORT_DAYS + 1L)).startYear() - 1;
        groups.add(group("grant-report-overdue", REPORTS, " FROM GrantApplication a WHERE a.state = :s"
                + " AND a.settledOn IS NULL AND a.fiscalYear <= :fy", GrantApplicationState.ADOPTED, null, lastOverdueYear,
                limit, true));
        return groups.stream().filter(g -> g != null).toList();
    }

    private TaskGroup group(String id, LocalizedText label, String where, GrantApplicationState state, String me,
            Integer fy, int limit, boolean overdue) {
        var em = tenancy.em();
        var count = em.createQuery("SELECT COUNT(a)" + where, Long.class).setParameter("s", state);
        var rows = em.createQuery(SELECT + where + " ORDER BY a.receivedOn, a.applicantName", Object[].class)
                .setParameter("s", state);
        if (me != null) {
            count.setParameter("me", me);
            rows.setParameter("me", me);
        }
        if (fy != null) {
            count.setParameter("fy", fy);
            rows.setParameter("fy", fy);
        }
        long total = count.getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        if (total > 0) {
            for (Object[] r : rows.setMaxResults(limit).getResultList()) {
                int year = (Integer) r[5];
                items.add(new TaskItem("collaboration-grant-application", r[0].toString(), (String) r[1],
                        r[2] + " — " + r[3], overdue ? LocalDate.of(year + 1, 3, 31).plusDays(REPORT_DAYS) : (LocalDate) r[4],
                        FiscalYear.of(year), overdue, null, CollaborationModule.ID + "/collaboration-grants/a/" + r[0]));
            }
        }
        return new TaskGroup(id, label, total, overdue ? total : 0, items);
    }
}
