package jp.machi.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One municipality's business days (開庁日): every day but Saturdays, Sundays, Japan's national,
 * substitute and citizens' holidays ({@link JapaneseHolidays}) and the municipality's own closed
 * days ({@link ClosureRules}). Get a municipality's from {@code BusinessCalendars.of(lgCode)}.
 *
 * <p>Dates outside {@value JapaneseHolidays#FIRST_YEAR}–{@value JapaneseHolidays#LAST_YEAR} throw
 * {@link OutsideCalendarRangeException} (a 400 problem at the API) instead of a guess.
 */
public final class BusinessCalendar {

    private final ClosureRules closures;

    public BusinessCalendar(ClosureRules closures) {
        this.closures = Objects.requireNonNull(closures, "closures");
    }

    public ClosureRules closures() {
        return closures;
    }

    public static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** True when the offices are open on {@code date}. */
    public boolean isBusinessDay(LocalDate date) {
        OutsideCalendarRangeException.check(date);
        return !isWeekend(date) && closedDay(date).isEmpty();
    }

    /**
     * Why {@code date} is closed, if a holiday or closure makes it so (a national holiday before the
     * municipality's own closure on the same day); empty on an ordinary weekday or weekend.
     */
    public Optional<ClosedDay> closedDay(LocalDate date) {
        Optional<ClosedDay> national = JapaneseHolidays.on(date);
        if (national.isPresent()) {
            return national;
        }
        return closures.closureOn(date).map(name -> new ClosedDay(date, ClosedDayKind.MUNICIPAL_CLOSURE, name));
    }

    /**
     * The year's named closed days in date order: national, substitute and citizens' holidays and the
     * municipality's closures (also those on a weekend), one entry per day. Ordinary Saturdays and
     * Sundays are closed too but not listed.
     */
    public List<ClosedDay> closedDays(int year) {
        OutsideCalendarRangeException.check(year);
        List<ClosedDay> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            closedDay(d).ifPresent(days::add);
        }
        return days;
    }

    /**
     * The {@code n}th business day after {@code date} ({@code date} itself not counted, whether
     * open or not); a negative {@code n} counts back, 0 gives {@code date}.
     */
    public LocalDate addBusinessDays(LocalDate date, int n) {
        OutsideCalendarRangeException.check(date);
        int step = n < 0 ? -1 : 1;
        LocalDate d = date;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code date} if it is a business day, else the next one. */
    public LocalDate nextBusinessDayFrom(LocalDate date) {
        LocalDate d = date;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
