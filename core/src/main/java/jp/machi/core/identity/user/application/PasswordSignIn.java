package jp.machi.core.identity.user.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.user.domain.Lockout;
import jp.machi.core.identity.user.domain.Logins;
import jp.machi.core.identity.user.domain.PasswordRules;
import jp.machi.core.identity.user.domain.UserAccount;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in with a login and a password. Whatever goes wrong (no such login, wrong password,
 * locked, deactivated) the answer is the same empty result, after the same amount of work, so a
 * caller learns nothing about which logins exist. Failures are counted per account under a row
 * lock, so parallel guesses cannot slip past the lock-out.
 */
@ApplicationScoped
public class PasswordSignIn {

    private static final Logger LOG = Logger.getLogger(PasswordSignIn.class.getName());

    @Inject
    Tenancy tenancy;

    @Inject
    PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "machi.security.lockout.attempts", defaultValue = "5")
    int lockoutAttempts;

    @Inject
    @ConfigProperty(name = "machi.security.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    Lockout lockout() {
        return new Lockout(Math.max(1, lockoutAttempts), Duration.ofMinutes(Math.max(1, lockoutMinutes)));
    }

    @Inject
    jp.machi.core.observe.Observations observations;

    /** Counted on /metrics (README "Observing Machi"); which kind of failure is not said, as to the caller. */
    private Optional<Caller> failed() {
        observations.count("machi_sign_in_failures", "Password sign-ins refused (unknown login, wrong password, locked)");
        return Optional.empty();
    }

    /** The caller, or empty for every kind of failure. The failure count is committed either way. */
    @Transactional
    public Optional<Caller> signIn(String login, String password) {
        if (password == null || password.length() > PasswordRules.MAX_LENGTH * 4) {
            hasher.verifyNothing("");
            return failed();
        }
        String normalized = Logins.normalize(login);
        Optional<UserAccount> found = tenancy.platform().createNamedQuery("UserAccount.byLogin", UserAccount.class)
                .setParameter("login", normalized).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            return failed();
        }
        UserAccount account = found.get();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean matches = hasher.verify(password, account.getPasswordHash());
        if (!account.isActive() || account.isLockedAt(now)) {
            return failed();
        }
        if (!matches) {
            if (account.recordFailure(lockout(), now)) {
                LOG.warning(() -> "Account " + account.getLogin() + " locked until " + account.getLockedUntil()
                        + " after " + lockout().attempts() + " wrong passwords in a row");
                observations.count("machi_sign_in_lockouts", "Accounts locked after too many wrong passwords in a row");
            }
            return failed();
        }
        account.recordSuccess();
        if (hasher.isOutdated(account.getPasswordHash())) {
            account.rehash(hasher.hash(password));
        }
        return Optional.of(account.asCaller());
    }
}
