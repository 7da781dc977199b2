package jp.machi.core.calendar.interfaces.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.machi.core.calendar.ClosedDay;
import jp.machi.core.calendar.ClosedDayKind;
import jp.machi.core.calendar.ClosureRules;
import jp.machi.core.calendar.domain.ClosedDayRule;

/** What the calendar endpoints read and write. */
public final class CalendarDtos {

    private CalendarDtos() {
    }

    /** A closed day: its date, why (kind and its label), and its name in the caller's language and both. */
    @JsonbPropertyOrder({"date", "kind", "kindLabel", "name", "nameJa", "nameEn"})
    public record ClosedDayView(LocalDate date, ClosedDayKind kind, String kindLabel, String name, String nameJa,
            String nameEn) {
        static ClosedDayView of(ClosedDay d, Locale l) {
            return new ClosedDayView(d.date(), d.kind(), d.kind().label().in(l), d.name().in(l), d.name().ja(),
                    d.name().en());
        }
    }

    /** A year's closed days of a municipality (Saturdays and Sundays are closed too, and not listed). */
    @JsonbPropertyOrder({"municipalityCode", "year", "weekendsClosed", "count", "closedDays"})
    public record ClosedDaysView(String municipalityCode, int year, boolean weekendsClosed, int count,
            List<ClosedDayView> closedDays) {
    }

    /** A recurring closure as shown: month-days MM-DD. */
    @JsonbNillable
    @JsonbPropertyOrder({"from", "to", "nameJa", "nameEn"})
    public record RecurringView(String from, String to, String nameJa, String nameEn) {
    }

    /** A one-off closure as shown. */
    @JsonbNillable
    @JsonbPropertyOrder({"date", "nameJa", "nameEn"})
    public record DateView(LocalDate date, String nameJa, String nameEn) {
    }

    /** The municipality's closed days setting. */
    @JsonbPropertyOrder({"isDefault", "recurring", "dates"})
    public record ClosuresView(boolean isDefault, List<RecurringView> recurring, List<DateView> dates) {
        static ClosuresView of(ClosureRules rules, boolean isDefault) {
            return new ClosuresView(isDefault,
                    rules.recurring().stream().map(r -> new RecurringView(ClosedDayRule.text(r.from()),
                            ClosedDayRule.text(r.to()), r.name().ja(), r.name().en())).toList(),
                    rules.dates().stream().map(o -> new DateView(o.date(), o.name().ja(), o.name().en())).toList());
        }
    }

    /** A recurring closure as sent: {@code from} and {@code to} as MM-DD, {@code to} before {@code from} over the year end. */
    public static class RecurringInput {
        public String from;
        public String to;
        public String nameJa;
        public String nameEn;
    }

    /** A one-off closure as sent: an ISO date. */
    public static class DateInput {
        public String date;
        public String nameJa;
        public String nameEn;
    }

    /** The whole setting as sent: both lists, either may be empty. */
    public static class ClosuresInput {
        public List<RecurringInput> recurring;
        public List<DateInput> dates;
    }
}
