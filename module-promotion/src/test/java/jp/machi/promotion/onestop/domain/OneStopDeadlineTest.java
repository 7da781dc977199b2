package jp.machi.promotion.onestop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** January 10 and January 31 of the year after the donations, whatever the year's length or weekday. */
class OneStopDeadlineTest {

    @Test
    void theDeadlinesAreInTheNextYear() {
        assertEquals(LocalDate.of(2025, 1, 10), OneStopApplication.deadline(2024), "donations of a leap year");
        assertEquals(LocalDate.of(2024, 1, 10), OneStopApplication.deadline(2023));
        assertEquals(LocalDate.of(2025, 1, 31), OneStopApplication.notifyBy(2024));
    }
}
