package jp.machi.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private static final BusinessCalendar DEFAULT = new BusinessCalendar(ClosureRules.DEFAULT);

    @ParameterizedTest
    @CsvSource({
            // from Friday 2026-12-25: 12/28, (12/29–1/3 closed), 1/4 … 1/8, (1/11 成人の日), 1/12 … 1/15
            "2026-12-25,1,2026-12-28", "2026-12-25,2,2027-01-04", "2026-12-25,10,2027-01-15",
            // from a closed day (Saturday, New Year's Day) the next business day is the first
            "2026-12-26,1,2026-12-28", "2027-01-01,1,2027-01-04",
            // around Golden Week 2026: 4/29 (Wed), 5/3–5/6
            "2026-04-28,1,2026-04-30", "2026-04-30,1,2026-05-01", "2026-05-01,1,2026-05-07",
            // the silver week of 2026: 9/21–9/23
            "2026-09-18,1,2026-09-24",
            // counting back
            "2027-01-04,-1,2026-12-28", "2026-05-07,-2,2026-04-30", "2027-01-15,-10,2026-12-25",
            "2026-06-10,0,2026-06-10"})
    void addBusinessDays(String from, int n, String expected) {
        assertEquals(LocalDate.parse(expected), DEFAULT.addBusinessDays(LocalDate.parse(from), n));
    }

    @Test
    void weekendsHolidaysAndClosuresAreClosed() {
        assertTrue(DEFAULT.isBusinessDay(LocalDate.of(2026, 12, 28)));
        assertFalse(DEFAULT.isBusinessDay(LocalDate.of(2026, 12, 29)), "年末年始");
        assertFalse(DEFAULT.isBusinessDay(LocalDate.of(2027, 1, 3)), "年末年始 over the year end");
        assertTrue(DEFAULT.isBusinessDay(LocalDate.of(2027, 1, 4)));
        assertFalse(DEFAULT.isBusinessDay(LocalDate.of(2026, 12, 5)), "Saturday");
        assertFalse(DEFAULT.isBusinessDay(LocalDate.of(2026, 12, 6)), "Sunday");
        assertFalse(DEFAULT.isBusinessDay(LocalDate.of(2026, 11, 23)), "勤労感謝の日");
        assertTrue(new BusinessCalendar(new ClosureRules(List.of(), List.of())).isBusinessDay(LocalDate.of(2026, 12, 29)),
                "a municipality without closures is open on 12/29");
    }

    @Test
    void closedDaysOfAYearListHolidaysAndClosuresOncePerDay() {
        BusinessCalendar own = new BusinessCalendar(new ClosureRules(ClosureRules.DEFAULT.recurring(),
                List.of(new ClosureRules.OneOff(LocalDate.of(2026, 6, 15), LocalizedText.of("県民の日", "Prefecture Day")))));
        List<ClosedDay> days = own.closedDays(2026);
        assertEquals(18 + 2 + 3 + 1, days.size(), "18 holidays, 1/2–1/3, 12/29–12/31 and 6/15");
        assertEquals(new ClosedDay(LocalDate.of(2026, 1, 1), ClosedDayKind.NATIONAL_HOLIDAY,
                LocalizedText.of("元日", "New Year's Day")), days.get(0), "a holiday before the closure on the same day");
        assertEquals(ClosedDayKind.MUNICIPAL_CLOSURE, days.get(1).kind());
        assertEquals("年末年始", days.get(1).name().ja());
        assertEquals(LocalDate.of(2026, 6, 15), days.stream().filter(d -> d.name().ja().equals("県民の日")).findFirst()
                .orElseThrow().date());
        assertEquals(LocalDate.of(2026, 12, 31), days.get(days.size() - 1).date());
    }

    @Test
    void aRangeWithinTheYearAndLeapDays() {
        ClosureRules.Recurring obon = new ClosureRules.Recurring(MonthDay.of(8, 13), MonthDay.of(8, 15),
                LocalizedText.of("お盆", "Obon"));
        assertTrue(obon.covers(LocalDate.of(2026, 8, 13)));
        assertTrue(obon.covers(LocalDate.of(2026, 8, 15)));
        assertFalse(obon.covers(LocalDate.of(2026, 8, 16)));
        ClosureRules.Recurring leap = new ClosureRules.Recurring(MonthDay.of(2, 29), MonthDay.of(2, 29),
                LocalizedText.of("閏日", "Leap day"));
        assertTrue(leap.covers(LocalDate.of(2028, 2, 29)));
        assertFalse(leap.covers(LocalDate.of(2027, 2, 28)));
        assertFalse(leap.covers(LocalDate.of(2027, 3, 1)));
    }

    @Test
    void deadlines() {
        LocalDate friday = LocalDate.of(2026, 12, 25);
        assertEquals(LocalDate.of(2027, 1, 15), Deadline.of(10, "BUSINESS").dueFrom(friday, DEFAULT));
        assertEquals(LocalDate.of(2027, 1, 4), Deadline.of(10, "calendar").dueFrom(friday, DEFAULT));
        assertEquals(Deadline.Unit.BUSINESS, Deadline.Unit.parse(" business ").orElseThrow());
        assertTrue(Deadline.Unit.parse("WEEKS").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Deadline.of(10, "DAYS"));
        assertThrows(IllegalArgumentException.class, () -> new Deadline(-1, Deadline.Unit.CALENDAR));
    }

    @Test
    void outsideTheRange() {
        assertThrows(OutsideCalendarRangeException.class, () -> DEFAULT.addBusinessDays(LocalDate.of(2099, 12, 28), 5));
        assertThrows(OutsideCalendarRangeException.class, () -> DEFAULT.isBusinessDay(LocalDate.of(1954, 12, 31)));
        assertThrows(OutsideCalendarRangeException.class, () -> DEFAULT.closedDays(2100));
    }
}
