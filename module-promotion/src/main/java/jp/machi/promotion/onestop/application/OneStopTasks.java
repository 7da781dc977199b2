package jp.machi.promotion.onestop.application;

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
import jp.machi.promotion.onestop.domain.OneStopApplication;
import jp.machi.promotion.onestop.domain.OneStopState;

/**
 * One-stop applications in 「あなたの対応待ち」 (ADR 0019): applications not yet checked and matched
 * to donations, due January 10 of the year after the donations (overdue after it: the notification
 * is due January 31), oldest deadline first, for staff. The title is the year and the day received,
 * never the donor.
 */
@ApplicationScoped
public class OneStopTasks implements TaskSource {

    private static final LocalizedText LABEL = LocalizedText.of("照合待ちのワンストップ特例申請 (1月10日まで)",
            "One-stop applications to match (by January 10)");

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
        var em = tenancy.em();
        List<OneStopState> open = List.of(OneStopState.RECEIVED, OneStopState.CHECKED);
        long total = em.createQuery("SELECT COUNT(a) FROM OneStopApplication a WHERE a.state IN :s", Long.class).setParameter("s", open)
                .getSingleResult();
        if (total == 0) {
            return List.of();
        }
        LocalDate today = OneStopService.today();
        // Overdue: the deadline (January 10 of the year after) has passed, i.e. the donations' year is before the last one still open.
        int lastOpenYear = today.isAfter(OneStopApplication.deadline(today.getYear() - 1)) ? today.getYear() : today.getYear() - 1;
        long overdue = em.createQuery("SELECT COUNT(a) FROM OneStopApplication a WHERE a.state IN :s AND a.donationYear < :y", Long.class)
                .setParameter("s", open).setParameter("y", lastOpenYear).getSingleResult();
        List<TaskItem> items = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT a.id, a.donationYear, a.receivedOn, a.state FROM OneStopApplication a WHERE a.state IN :s"
                + " ORDER BY a.donationYear, a.receivedOn, a.id", Object[].class).setParameter("s", open).setMaxResults(limit).getResultList()) {
            int year = (Integer) r[1];
            LocalDate due = OneStopApplication.deadline(year);
            String title = year + " / " + r[2] + (r[3] == OneStopState.RECEIVED ? " (未確認 / not checked)" : " (未照合 / not matched)");
            items.add(new TaskItem("promotion-one-stop", r[0].toString(), null, title, due, null, due.isBefore(today), null,
                    PromotionModule.ID + "/promotion-one-stop/" + r[0]));
        }
        return List.of(new TaskGroup("one-stop-to-match", LABEL, total, overdue, items));
    }
}
