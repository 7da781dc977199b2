package jp.machi.collaboration.sponsorship.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import org.junit.jupiter.api.Test;

class SponsorshipTest {

    private static Sponsorship application(String organiser) {
        LocalDate d = LocalDate.of(2024, 5, 5);
        return new Sponsorship("S-R6-000001", OffsetDateTime.now(ZoneOffset.UTC), PartnerChannel.PORTAL,
                new Sponsorship.Event("見本まつり", d, d, 2024, "見本公園", organiser, "交流", 0, 100),
                new Sponsorship.Contact("見本 花子", "見本市1-1", "029-000-0000", "Hanako@Example.JP"));
    }

    @Test
    void oneOrganiserIsFoundAgainWhateverItsSpacesAndWidths() {
        assertEquals(application("ＮＰＯ法人 見本の会").getOrganiserKey(), application("NPO法人　見本の会 ").getOrganiserKey());
        assertEquals("NPO法人見本の会", Sponsorship.organiserKey("ＮＰＯ法人 見本の会"));
    }

    @Test
    void theChecklistKeepsTheCriteriaAndAnonymisationDropsTheContact() {
        Sponsorship s = application("見本の会");
        assertEquals("hanako@example.jp", s.getContactEmail());
        s.checked(List.of("営利を目的としない", "広く市民が参加できる"));
        assertEquals(List.of("営利を目的としない", "広く市民が参加できる"), s.getCheckedCriteria());
        s.checked(List.of());
        assertEquals(List.of(), s.getCheckedCriteria());
        assertTrue(s.anonymise(OffsetDateTime.now(ZoneOffset.UTC)));
        assertNull(s.getContactEmail());
        assertNull(s.getContactPhone());
        assertEquals("見本まつり", s.getEventName());
    }
}
