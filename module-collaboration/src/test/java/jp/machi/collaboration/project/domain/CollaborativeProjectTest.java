package jp.machi.collaboration.project.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import org.junit.jupiter.api.Test;

class CollaborativeProjectTest {

    @Test
    void partnersAreKeptInOrderBetweenCommasAndReadBack() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CollaborativeProject c = new CollaborativeProject(new CollaborativeProject.Content(FiscalYear.of(2024), "壁画",
                UUID.randomUUID(), "共催", List.of(b, a), null, null, null));
        assertEquals(List.of(b, a), c.getPartnerIds());
        assertEquals("," + b + "," + a + ",", CollaborativeProject.joinIds(List.of(b, a)));
        assertEquals("%," + a + ",%", CollaborativeProject.partnerPattern(a));
        c.revise(new CollaborativeProject.Content(FiscalYear.of(2024), "壁画", UUID.randomUUID(), "共催", List.of(), null,
                null, null));
        assertEquals(List.of(), c.getPartnerIds());
    }
}
