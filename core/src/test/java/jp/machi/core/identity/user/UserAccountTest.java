package jp.machi.core.identity.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.user.domain.Lockout;
import jp.machi.core.identity.user.domain.UserAccount;
import org.junit.jupiter.api.Test;

/** An account's lock-out arithmetic, its sessions after a password change, and what it may belong to. */
class UserAccountTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final Lockout POLICY = Lockout.DEFAULT;

    private static UserAccount account() {
        return new UserAccount("tanaka", "田中", null, Role.STAFF, "082201", null, "hash");
    }

    @Test
    void theDefaultIsFiveFailuresForFifteenMinutes() {
        assertEquals(5, POLICY.attempts());
        assertEquals(Duration.ofMinutes(15), POLICY.duration());
    }

    @Test
    void fourFailuresDoNotLockTheFifthLocksForFifteenMinutes() {
        UserAccount a = account();
        for (int i = 1; i <= 4; i++) {
            assertFalse(a.recordFailure(POLICY, T0.plusSeconds(i)));
            assertFalse(a.isLockedAt(T0.plusSeconds(i)));
        }
        assertTrue(a.recordFailure(POLICY, T0.plusSeconds(5)));
        assertEquals(T0.plusSeconds(5).plusMinutes(15), a.getLockedUntil());
        assertTrue(a.isLockedAt(T0.plusSeconds(5)));
        assertTrue(a.isLockedAt(T0.plusSeconds(5).plusMinutes(15).minusNanos(1)));
        assertFalse(a.isLockedAt(T0.plusSeconds(5).plusMinutes(15)));
    }

    @Test
    void failuresWhileLockedDoNotProlongTheLock() {
        UserAccount a = account();
        for (int i = 0; i < 5; i++) {
            a.recordFailure(POLICY, T0);
        }
        OffsetDateTime until = a.getLockedUntil();
        assertFalse(a.recordFailure(POLICY, T0.plusMinutes(10)));
        assertEquals(until, a.getLockedUntil());
    }

    @Test
    void afterTheLockExpiresTheNextSeriesIsCountedAfresh() {
        UserAccount a = account();
        for (int i = 0; i < 5; i++) {
            a.recordFailure(POLICY, T0);
        }
        OffsetDateTime later = T0.plusMinutes(16);
        for (int i = 0; i < 4; i++) {
            assertFalse(a.recordFailure(POLICY, later));
        }
        assertTrue(a.recordFailure(POLICY, later));
        assertEquals(later.plusMinutes(15), a.getLockedUntil());
    }

    @Test
    void aSuccessResetsTheCountSoFailuresMustBeConsecutive() {
        UserAccount a = account();
        for (int i = 0; i < 4; i++) {
            a.recordFailure(POLICY, T0);
        }
        a.recordSuccess();
        assertEquals(0, a.getFailedAttempts());
        for (int i = 0; i < 4; i++) {
            assertFalse(a.recordFailure(POLICY, T0));
        }
        assertFalse(a.isLockedAt(T0));
    }

    @Test
    void unlockingEndsTheLockAndTheCount() {
        UserAccount a = account();
        for (int i = 0; i < 5; i++) {
            a.recordFailure(POLICY, T0);
        }
        a.unlock();
        assertNull(a.getLockedUntil());
        assertEquals(0, a.getFailedAttempts());
        assertFalse(a.isLockedAt(T0));
    }

    @Test
    void aNewPasswordEndsTheLock() {
        UserAccount a = account();
        for (int i = 0; i < 5; i++) {
            a.recordFailure(POLICY, T0);
        }
        a.changePasswordHash("new");
        assertFalse(a.isLockedAt(T0));
    }

    @Test
    void aSessionSignedInBeforeAPasswordChangeIsNoLongerGood() throws InterruptedException {
        UserAccount a = account();
        OffsetDateTime signedIn = OffsetDateTime.now(ZoneOffset.UTC);
        assertTrue(a.signedInSince(signedIn));
        Thread.sleep(2);
        a.changePasswordHash("new");
        assertFalse(a.signedInSince(signedIn));
        assertTrue(a.signedInSince(a.getPasswordChangedAt()));
        assertFalse(a.signedInSince(null));
        a.rehash("same password, stronger hash");
        assertTrue(a.signedInSince(a.getPasswordChangedAt()));
    }

    @Test
    void aConfiguredPolicyIsHonoured() {
        Lockout three = new Lockout(3, Duration.ofMinutes(1));
        UserAccount a = account();
        a.recordFailure(three, T0);
        a.recordFailure(three, T0);
        assertTrue(a.recordFailure(three, T0));
        assertEquals(T0.plusMinutes(1), a.getLockedUntil());
    }

    @Test
    void aPolicyNeedsAtLeastOneAttemptAndAPositiveDuration() {
        assertThrows(IllegalArgumentException.class, () -> new Lockout(0, Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class, () -> new Lockout(5, Duration.ZERO));
    }

    @Test
    void onlyAPlatformAdministratorBelongsToNoMunicipality() {
        assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("a1", "a", null, Role.STAFF, null, null, "hash"));
        assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("a1", "a", null, Role.PLATFORM_ADMIN, "082201", null, "hash"));
    }
}
