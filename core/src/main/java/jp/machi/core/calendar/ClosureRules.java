package jp.machi.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.machi.core.i18n.LocalizedText;

/**
 * A municipality's own closed days (閉庁日): month-day ranges that recur every year (a range may run
 * over the year end, as 12/29–1/3 does) and one-off dates, each with a name. Without a setting of its
 * own a municipality has {@link #DEFAULT}, 年末年始 12/29–1/3 (行政機関の休日に関する法律's default).
 */
public record ClosureRules(List<Recurring> recurring, List<OneOff> dates) {

    /** Most recurring ranges and one-off dates a municipality may set. */
    public static final int MAX_RECURRING = 50;
    public static final int MAX_DATES = 366;
    /** Longest name of a closure (the column holds 100). */
    public static final int MAX_NAME = 100;

    public static final ClosureRules DEFAULT = new ClosureRules(List.of(new Recurring(MonthDay.of(12, 29),
            MonthDay.of(1, 3), LocalizedText.of("年末年始", "Year-end and New Year holidays"))), List.of());

    public ClosureRules {
        recurring = List.copyOf(recurring);
        dates = List.copyOf(dates);
    }

    /** Closed every year from {@code from} to {@code to}, both included; {@code to} before {@code from} runs over the year end. */
    public record Recurring(MonthDay from, MonthDay to, LocalizedText name) {

        public Recurring {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(name, "name");
        }

        public boolean covers(LocalDate date) {
            MonthDay md = MonthDay.from(date);
            return from.isAfter(to) ? !md.isBefore(from) || !md.isAfter(to) : !md.isBefore(from) && !md.isAfter(to);
        }
    }

    /** Closed on one date. */
    public record OneOff(LocalDate date, LocalizedText name) {

        public OneOff {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The name of the closure that covers {@code date}, if one does (a one-off date before a range). */
    public Optional<LocalizedText> closureOn(LocalDate date) {
        for (OneOff o : dates) {
            if (o.date().equals(date)) {
                return Optional.of(o.name());
            }
        }
        for (Recurring r : recurring) {
            if (r.covers(date)) {
                return Optional.of(r.name());
            }
        }
        return Optional.empty();
    }
}
