package jp.machi.core.calendar.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.machi.core.calendar.BusinessCalendar;
import jp.machi.core.calendar.ClosureRules;
import jp.machi.core.calendar.Deadline;
import jp.machi.core.calendar.domain.ClosedDayRule;
import jp.machi.core.calendar.domain.ClosedDaySettings;
import jp.machi.core.persistence.Tenancy;

/**
 * The business-day calendars of municipalities: Japan's holidays and each one's own closed days.
 * Modules use {@code calendars.of(lgCode)} or, for a deadline setting, {@code calendars.due(lgCode,
 * start, deadline)}.
 */
@ApplicationScoped
@Transactional
public class BusinessCalendars {

    @Inject
    Tenancy tenancy;

    /** The business calendar of municipality {@code lgCode}. */
    public BusinessCalendar of(String lgCode) {
        return new BusinessCalendar(closures(lgCode));
    }

    /** The day {@code deadline} ends when it starts on {@code start}, in municipality {@code lgCode}. */
    public LocalDate due(String lgCode, LocalDate start, Deadline deadline) {
        return deadline.unit() == Deadline.Unit.CALENDAR ? start.plusDays(deadline.days())
                : deadline.dueFrom(start, of(lgCode));
    }

    /** The municipality's closed days: its own setting, or the default. */
    public ClosureRules closures(String lgCode) {
        return settings(lgCode).isEmpty() ? ClosureRules.DEFAULT : stored(lgCode);
    }

    /** The municipality's setting row (none while it has the default). */
    public Optional<ClosedDaySettings> settings(String lgCode) {
        return tenancy.bind(lgCode).createNamedQuery("ClosedDaySettings.mine", ClosedDaySettings.class)
                .getResultStream().findFirst();
    }

    /** Replaces the municipality's closed days (raising the setting's version); validated by the caller. */
    public ClosedDaySettings replace(String lgCode, ClosureRules rules) {
        var em = tenancy.bind(lgCode);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ClosedDaySettings s = settings(lgCode).orElse(null);
        if (s == null) {
            s = new ClosedDaySettings(now);
            em.persist(s);
        } else {
            s.changed(now);
        }
        em.createNamedQuery("ClosedDayRule.all", ClosedDayRule.class).getResultList().forEach(em::remove);
        em.flush();
        int position = 0;
        for (ClosureRules.Recurring r : rules.recurring()) {
            em.persist(new ClosedDayRule(position++, r));
        }
        for (ClosureRules.OneOff o : rules.dates()) {
            em.persist(new ClosedDayRule(position++, o));
        }
        em.flush();
        return s;
    }

    private ClosureRules stored(String lgCode) {
        List<ClosureRules.Recurring> recurring = new ArrayList<>();
        List<ClosureRules.OneOff> dates = new ArrayList<>();
        for (ClosedDayRule r : tenancy.bind(lgCode).createNamedQuery("ClosedDayRule.all", ClosedDayRule.class)
                .getResultList()) {
            if (r.isOneOff()) {
                dates.add(r.toOneOff());
            } else {
                recurring.add(r.toRecurring());
            }
        }
        return new ClosureRules(recurring, dates);
    }
}
