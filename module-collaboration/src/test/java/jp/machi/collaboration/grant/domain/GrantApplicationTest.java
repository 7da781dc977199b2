package jp.machi.collaboration.grant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrantApplicationTest {

    private static GrantCall call(int fy) {
        return new GrantCall(new GrantCall.Content(fy, "見本", "目的", "対象", 1_000_000, 300_000, 80, 6,
                new GrantCall.Schedule(null, null, LocalDate.of(fy, 4, 1), LocalDate.of(fy, 5, 1), null, null),
                List.of(new GrantCall.Criterion("公益性", 3)), false));
    }

    private static GrantApplication application(int fy, int startYear) {
        return new GrantApplication(call(fy), new GrantApplication.Content(UUID.randomUUID(), "見本の会", "事業", "計画",
                startYear, 100_000, List.of(new GrantApplication.Line("謝礼", 120_000, true),
                        new GrantApplication.Line("懇親会", 30_000, false))), "PAPER", LocalDate.of(fy, 4, 10), false);
    }

    @Test
    void onlyEligibleLinesCountAndTheYearOfFundingCountsFromStartUp() {
        GrantApplication a = application(2024, 2019);
        assertEquals(120_000, a.eligibleCost());
        assertEquals(150_000, a.totalCost());
        assertEquals(6, a.fundingYear());
    }

    @Test
    void theWeightedTotalIsTheAverageOverPanelMembersAndReturnedIsNeverNegative() {
        GrantApplication a = application(2024, 2024);
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        Map<UUID, Integer> weights = Map.of(c1, 3, c2, 2);
        assertNull(a.weightedTotal(weights));
        a.score("r1", "審査員1", Map.of(c1, 5, c2, 4));
        a.score("r2", "審査員2", Map.of(c1, 3, c2, 3));
        assertEquals(0, new BigDecimal("19").compareTo(a.weightedTotal(weights)));
        a.score("r2", "審査員2", Map.of(c1, 5, c2, 4));
        assertEquals(0, new BigDecimal("23").compareTo(a.weightedTotal(weights)), "a member's new scores replace theirs");
        assertNull(a.returned());
        a.settle(100_000, 92_500, null, LocalDate.of(2025, 4, 20));
        assertEquals(7_500, a.returned());
        a.settle(100_000, 120_000, null, LocalDate.of(2025, 4, 20));
        assertEquals(0, a.returned());
    }

    @Test
    void theRequiredDocumentsWithoutAFileAreMissing() {
        GrantApplication a = application(2024, 2024);
        java.util.List<String> required = java.util.List.of("企画書", "収支予算書");
        assertEquals(required, a.missingDocuments(required));
        a.attach(UUID.randomUUID(), "企画書", "plan.pdf", java.time.OffsetDateTime.now());
        a.attach(UUID.randomUUID(), "その他", "photo.jpg", java.time.OffsetDateTime.now());
        assertEquals(java.util.List.of("収支予算書"), a.missingDocuments(required));
        UUID budget = UUID.randomUUID();
        a.attach(budget, "収支予算書", "budget.xlsx", java.time.OffsetDateTime.now());
        assertEquals(java.util.List.of(), a.missingDocuments(required));
        assertTrue(a.detach(budget));
        assertFalse(a.detach(budget));
        assertEquals(java.util.List.of("収支予算書"), a.missingDocuments(required));
    }
}
