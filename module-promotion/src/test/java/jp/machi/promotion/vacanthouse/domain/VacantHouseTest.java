package jp.machi.promotion.vacanthouse.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A registration's days: its last day, a renewal before and after it runs out, a corrected first day. */
class VacantHouseTest {

    private static VacantHouse house() {
        return new VacantHouse(new VacantHouse.Property("家", "地区", DealType.RENT, 30000L, null, null, null, null, null, null),
                new VacantHouse.Owner("見本 太郎", null, null, null), LocalDate.of(2024, 4, 1));
    }

    @Test
    void aRegistrationRunsItsYearsAndARenewalAddsThemAfterItsLastDay() {
        VacantHouse v = house();
        assertEquals(LocalDate.of(2024, 4, 15), v.getSurveyDue());
        v.registered(LocalDate.of(2024, 5, 1), 2);
        assertEquals(LocalDate.of(2026, 4, 30), v.getExpiresOn());
        v.registered(LocalDate.of(2026, 4, 1), 2);
        assertEquals(LocalDate.of(2028, 4, 30), v.getExpiresOn(), "renewed before it ran out: from the day after its last day");
        assertEquals(LocalDate.of(2024, 5, 1), v.getRegisteredOn(), "the first registration stays");
    }

    @Test
    void aRenewalAfterItRanOutRunsFromThatDay() {
        VacantHouse v = house();
        v.registered(LocalDate.of(2022, 5, 1), 2);
        v.registered(LocalDate.of(2024, 6, 10), 3);
        assertEquals(LocalDate.of(2027, 6, 9), v.getExpiresOn());
    }

    @Test
    void aCorrectedFirstDayMovesTheRegistration() {
        VacantHouse v = house();
        v.registered(LocalDate.of(2024, 5, 1), 2);
        v.redate(LocalDate.of(2023, 3, 31), 2);
        assertEquals(LocalDate.of(2025, 3, 30), v.getExpiresOn());
        assertEquals(LocalDate.of(2023, 3, 31), v.getRegisteredOn());
    }
}
