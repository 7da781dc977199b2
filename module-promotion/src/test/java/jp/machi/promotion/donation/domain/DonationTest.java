package jp.machi.promotion.donation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A donation's fiscal year (April–March) and designation year (指定対象期間, October–September) follow from the day received. */
class DonationTest {

    private static Donation on(String day) {
        return new Donation(new Donation.Content(UUID.randomUUID(), LocalDate.parse(day), 10000, PaymentMethod.CREDIT_CARD,
                null, null, null, false));
    }

    @Test
    void theYearsFollowTheDayReceived() {
        Donation march = on("2025-03-31");
        assertEquals(2024, march.getFiscalYear());
        assertEquals(2024, march.getDesignationYear());
        Donation april = on("2025-04-01");
        assertEquals(2025, april.getFiscalYear());
        assertEquals(2024, april.getDesignationYear(), "October 2024 to September 2025");
        Donation september = on("2025-09-30");
        assertEquals(2025, september.getFiscalYear());
        assertEquals(2024, september.getDesignationYear());
        Donation october = on("2025-10-01");
        assertEquals(2025, october.getFiscalYear());
        assertEquals(2025, october.getDesignationYear());
        Donation december = on("2025-12-31");
        assertEquals(2025, december.getDesignationYear());
    }
}
