package jp.machi.core.calendar;

import java.time.LocalDate;

/**
 * A date outside the years whose national holidays Machi knows ({@value JapaneseHolidays#FIRST_YEAR}–{@value
 * JapaneseHolidays#LAST_YEAR}): answered as a 400 problem, never guessed.
 */
public class OutsideCalendarRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int year;

    public OutsideCalendarRangeException(int year) {
        super("No calendar for year " + year + " (supported: " + JapaneseHolidays.FIRST_YEAR + "–"
                + JapaneseHolidays.LAST_YEAR + ")");
        this.year = year;
    }

    public static void check(LocalDate date) {
        check(date.getYear());
    }

    public static void check(int year) {
        if (year < JapaneseHolidays.FIRST_YEAR || year > JapaneseHolidays.LAST_YEAR) {
            throw new OutsideCalendarRangeException(year);
        }
    }

    public int year() {
        return year;
    }
}
