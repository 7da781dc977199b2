package jp.machi.collaboration.partner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerTest {

    private static Partner partner(List<PartnerRole> roles) {
        return new Partner("P-R6-000001", OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC), PartnerChannel.PORTAL,
                new Partner.Profile("見本の会", null, PartnerKind.CIVIC_GROUP, roles, List.of("まちづくり", "防災"), null, null, null),
                new Partner.Contacts("見本 太郎", null, "見本市1-1", "0297-00-0000", "Mihon@Example.JP"));
    }

    @Test
    void rolesAreKeptOnceEachBetweenCommasSoThatOneIsFoundWithLike() {
        assertEquals(",PARTNER,GRANT_APPLICANT,", Partner.joinRoles(List.of(PartnerRole.GRANT_APPLICANT,
                PartnerRole.PARTNER, PartnerRole.PARTNER)));
        assertEquals(",", Partner.joinRoles(List.of()));
        assertEquals("%,DESIGNATED_MANAGER,%", Partner.rolePattern(PartnerRole.DESIGNATED_MANAGER));
        Partner p = partner(List.of(PartnerRole.SPONSORSHIP_ORGANISER, PartnerRole.PARTNER));
        assertEquals(List.of(PartnerRole.PARTNER, PartnerRole.SPONSORSHIP_ORGANISER), p.getRoles());
        assertEquals(List.of("まちづくり", "防災"), p.getFieldsOfActivity());
    }

    @Test
    void anApplicationStartsAppliedAndApprovalKeepsARecordedRegistrationDay() {
        Partner p = partner(List.of(PartnerRole.PARTNER));
        assertEquals(PartnerState.APPLIED, p.getState());
        assertEquals("mihon@example.jp", p.getContactEmail());
        p.registered(LocalDate.of(2024, 6, 1));
        assertEquals(LocalDate.of(2024, 6, 1), p.getRegisteredOn());
        p.registration("第1号", LocalDate.of(2024, 5, 20));
        p.registered(LocalDate.of(2024, 7, 1));
        assertEquals(LocalDate.of(2024, 5, 20), p.getRegisteredOn());
    }

    @Test
    void anonymisationRemovesTheContactsOnceAndKeepsTheOrganisation() {
        Partner p = partner(List.of(PartnerRole.PARTNER));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertTrue(p.anonymise(now));
        assertEquals("見本の会", p.getName());
        assertFalse(p.getRepresentativeName().contains("見本 太郎"));
        assertNull(p.getContactName());
        assertNull(p.getContactEmail());
        assertNull(p.getContactPhone());
        assertNull(p.getContactAddress());
        assertFalse(p.anonymise(now));
    }

    @Test
    void aRefusalStartsTheRetentionPeriodAndReopeningEndsIt() {
        Partner p = partner(List.of(PartnerRole.PARTNER));
        assertNull(p.getClosedAt());
        OffsetDateTime refused = OffsetDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        p.ended(refused);
        assertEquals(refused, p.getClosedAt());
        p.reopened();
        assertNull(p.getClosedAt(), "an application taken up again is open: its contacts are not anonymised");
    }

    @Test
    void onlySpamIsReleasedFromSpam() {
        Partner p = partner(List.of(PartnerRole.PARTNER));
        assertFalse(p.releaseFromSpam());
        p.markAsSpam(OffsetDateTime.now(ZoneOffset.UTC));
        assertTrue(p.releaseFromSpam());
        assertFalse(p.isSpam());
    }
}
