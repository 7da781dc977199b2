package jp.machi.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JobScheduleTest {

    private static ZonedDateTime japan(int h, int m) {
        return ZonedDateTime.of(2026, 12, 6, h, m, 0, 0, JobSchedule.JAPAN);
    }

    @Test
    void dailyIsDueAtItsMinuteInJapanTimeOnly() {
        JobSchedule s = JobSchedule.daily(3, 15);
        assertTrue(s.isDue(japan(3, 15)));
        assertTrue(s.isDue(japan(3, 15).withZoneSameInstant(ZoneOffset.UTC)), "the same instant in UTC");
        assertFalse(s.isDue(japan(3, 16)));
        assertFalse(s.isDue(ZonedDateTime.of(2026, 12, 6, 3, 15, 0, 0, ZoneOffset.UTC)), "03:15 UTC is 12:15 in Japan");
        assertEquals(japan(3, 15).plusDays(1), s.next(japan(3, 15)));
        assertEquals(japan(3, 15), s.next(japan(1, 0)));
        assertEquals("毎日 03:15", s.describe(Locale.JAPANESE));
        assertEquals("daily at 03:15 (Japan time)", s.describe(Locale.ENGLISH));
    }

    @Test
    void everyNMinutesCountsFromMidnight() {
        JobSchedule s = JobSchedule.everyMinutes(15);
        assertTrue(s.isDue(japan(0, 0)));
        assertTrue(s.isDue(japan(10, 45)));
        assertFalse(s.isDue(japan(10, 46)));
        assertEquals(japan(11, 0), s.next(japan(10, 45)));
        assertEquals("15分ごと", s.describe(Locale.JAPANESE));
        assertEquals("every minute", JobSchedule.of("*", "*", "X").describe(Locale.ENGLISH));
    }

    @Test
    void settingsAreNumbersOrAStar() {
        assertEquals(JobSchedule.daily(3, 15), JobSchedule.of(" 3 ", "15", "X"));
        assertTrue(JobSchedule.of("*", "*", "X").isDue(japan(17, 42)));
        assertTrue(JobSchedule.of("*", "5", "X").isDue(japan(17, 5)));
        assertThrows(IllegalArgumentException.class, () -> JobSchedule.of("24", "0", "X"));
        assertThrows(IllegalArgumentException.class, () -> JobSchedule.of("3", "1/5", "X"));
        assertThrows(IllegalArgumentException.class, () -> JobSchedule.everyMinutes(0));
    }
}
